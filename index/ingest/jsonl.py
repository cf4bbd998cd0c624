"""Re-reading a changed ``.jsonl`` file line by line: only new or changed lines become articles.

A ``.jsonl`` file holds many articles (19,043 in the Reuters file). Re-reading it whole because one
line was appended re-analysed and re-wrote every article (110 s). The manifest now keeps, for each
indexed line, a short hash of its text and the article id it gave; a line whose hash is known keeps
its indexed article untouched, and only the other lines are parsed and analysed.

A line's article depends only on its text, its file and (for a line without an ``id``, whose id is
its line number) its line number; a line of that kind is known by its hash and its number, so moving
it re-reads it under its new id.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from index.ingest.decoding import decode
from index.ingest.files import ReadError, SourceFile
from index.ingest.formats import (
    Unblocked,
    duplicate_line,
    jsonl_article,
    jsonl_record,
    jsonl_unblocked,
)
from index.models import Article, Skipped


@dataclass
class JsonlRead:
    """What a line-by-line read of a ``.jsonl`` file found.

    The new lines are checked (valid JSON, an object with text, an id not taken) as the file is
    read, but their articles are made only by ``articles()``, one at a time: a build hands the
    first to a worker while the rest are still to be made.

    Attributes:
        records: The new (or changed) lines to make articles of: line number, article id, object
            and line key.
        kept: Ids of the known lines, still in the file and still indexed as they are.
        lines: Each article's line key (see ``line_key``), by article id, for the manifest; a new
            line's once its article is made.
        skipped: Lines (or the whole file) that could not be read, with reasons.
        parsed: How many lines were parsed (the others were recognised by their hash).
    """

    source: SourceFile
    records: list[tuple[int, str, dict[str, object], str]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    lines: dict[str, str] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    parsed: int = 0

    def articles(self) -> Iterator[Unblocked]:
        """The new lines' articles, their blocks still to be made (``formats.complete``)."""
        for lineno, article_id, obj, key in self.records:
            try:
                article = jsonl_unblocked(obj, article_id, self.source)
            except RecursionError:
                self.skipped.append(
                    Skipped(f"{self.source.path}:{lineno}", "structure too deeply nested")
                )
                continue
            self.lines[article_id] = key
            yield article


def line_key(line: str, lineno: int | None = None) -> str:
    """A short hash of a line's text (80 bits), with its number for a line whose id is its number."""
    digest = hashlib.blake2b(line.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()
    return digest if lineno is None else f"{digest}@{lineno}"


def read_jsonl_changes(source: SourceFile, data: bytes, known: Mapping[str, str]) -> JsonlRead:
    """Read a ``.jsonl`` file's bytes, parsing only the lines ``known`` does not already hold.

    Args:
        source: The file.
        data: Its bytes.
        known: Line key -> article id of the lines indexed last time (empty: read every line).

    Returns:
        The new lines, the ids kept, the known lines' keys, and what was skipped. Once
        ``articles()`` has been read through, article ids, duplicate reports and skipped lines are
        exactly those of ``ingest.read_file``.
    """
    out = JsonlRead(source)
    try:
        text, _notes = decode(data)
    except ReadError as exc:
        out.skipped.append(Skipped(source.path, str(exc)))
        return out
    if not text.strip():
        out.skipped.append(Skipped(source.path, "empty file" if not text else "only whitespace"))
        return out
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        key = line_key(line)
        old = known.get(key)
        if old is None and known:
            numbered = line_key(line, lineno)
            old = known.get(numbered)
            key = numbered if old is not None else key
        if old is not None:
            if old in seen:  # the same line twice: the second repeats the first's id
                out.skipped.append(duplicate_line(source, lineno, old, seen[old]))
                continue
            seen[old] = lineno
            out.kept.append(old)
            out.lines[old] = key
            continue
        out.parsed += 1
        record = jsonl_record(line, lineno, source)
        if record is None:
            continue
        if isinstance(record, Skipped):
            out.skipped.append(record)
            continue
        article_id, obj, by_number = record
        if article_id in seen:
            out.skipped.append(duplicate_line(source, lineno, article_id, seen[article_id]))
            continue
        seen[article_id] = lineno
        out.records.append((lineno, article_id, obj, line_key(line, lineno) if by_number else key))
    return out


def find_jsonl_article(source: SourceFile, data: bytes, local: str) -> Article | None:
    """The article ``file.jsonl#local`` read from its own line, without parsing the others.

    Only lines that write ``local`` (or whose number it is, for a line without an id) are parsed,
    and only the match becomes an article: on the 19,043-line Reuters file this is a JSON parse
    of one line instead of reading every article.

    Returns:
        The article, or ``None`` when this quick pass did not find it (an id written with JSON
        escapes, or none such): the caller then reads the whole file.

    Raises:
        ReadError: the file cannot be decoded as text.
    """
    text, _notes = decode(data)
    target = f"{source.rel}#{local}"
    for lineno, line in enumerate(text.splitlines(), 1):
        if local not in line and str(lineno) != local:
            continue
        record = jsonl_record(line, lineno, source)
        if isinstance(record, tuple) and record[0] == target:
            return jsonl_article(record[1], target, source)
    return None
