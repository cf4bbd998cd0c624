"""Reading articles: each kind of file (``.txt``, ``.md``/``.markdown``, ``.jsonl``, saved
``.html``) into articles.

Finding files and reading their bytes is :mod:`index.ingest.files`', decoding them
:mod:`index.ingest.decoding`'s; titles and paragraphs of plain text are :mod:`index.ingest.titles`',
front matter and metadata fields :mod:`index.ingest.metadata`'s. Nothing here writes to the user's
files. A file that cannot be read becomes a ``Skipped`` with a reason a user can act on; everything
else is still read.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from index.ingest.decoding import decode
from index.ingest.files import ReadError, SourceFile, read_bytes, scan, size_limit
from index.ingest.metadata import article_metadata, meta_str, no_surrogates
from index.ingest.titles import RESIDUE, derive_title, first_line, text_blocks, title_of
from index.models import Article, Block, Skipped

__all__ = [
    "MAX_LINE_CHARS",
    "Unblocked",
    "complete",
    "duplicate_line",
    "jsonl_article",
    "jsonl_record",
    "jsonl_unblocked",
    "markdown_article",
    "read_file",
    "read_jsonl_text",
    "read_paths",
    "text_article",
]

MAX_LINE_CHARS = 2 * 1024 * 1024


def read_file(source: SourceFile, data: bytes | None = None) -> tuple[list[Article], list[Skipped]]:
    """Read one article file into articles (several for ``.jsonl``).

    Args:
        source: The file, as found by ``scan``.
        data: Its bytes when the caller already read them (to hash them), else they are read here.

    Returns:
        The articles read, and what was skipped with reasons (the whole file, or jsonl lines).
    """
    suffix = Path(source.path).suffix.lower()
    try:
        if data is None:
            data = read_bytes(source.path, size_limit(source.path))
        if suffix in (".html", ".htm"):  # saved web pages: their own decoding and extraction
            from index.ingest.html import read_page

            return read_page(data, source.rel, source.path)
        text, notes = decode(data)
    except ReadError as exc:
        return [], [Skipped(source.path, str(exc))]
    if not text.strip():
        return [], [Skipped(source.path, "empty file" if not text else "only whitespace")]
    try:
        if suffix == ".jsonl":
            return read_jsonl_text(text, source)
        if suffix in (".md", ".markdown"):
            return [markdown_article(text, source.rel, source.path, notes)], []
        return [text_article(text, source.rel, source.path, notes)], []
    except RecursionError:
        return [], [Skipped(source.path, "structure too deeply nested to read")]


def text_article(
    text: str, article_id: str, path: str, notes: Iterable[str] = (), title: str | None = None
) -> Article:
    """Make an article from plain text; offsets index ``text`` unchanged.

    Args:
        text: The article text.
        article_id: Its id.
        path: The file it came from.
        notes: Remarks made while reading it.
        title: The title its source gives (a ``.jsonl`` ``title``): then the body is not mined for
            a headline, and its first line is a heading only when it repeats that title.
    """
    title, headline_end = _title_and_headline(text, title)
    blocks = text_blocks(text, headline_end)
    return Article(
        id=article_id,
        path=path,
        title=title,
        text=text,
        format="txt",
        blocks=tuple(blocks),
        notes=tuple(notes),
    )


def _title_and_headline(text: str, title: str | None) -> tuple[str, int]:
    """The title, and the end of the first line when it is a headline (0 otherwise)."""
    if title:
        line, _start, _end = first_line(text)
        same = (
            " ".join(RESIDUE.sub("", line).split()).casefold() == " ".join(title.split()).casefold()
        )
        return title, _end if same and text[_end:].strip() else 0
    return title_of(text)


@dataclass(frozen=True, slots=True)
class Unblocked:
    """A ``.jsonl`` line's article whose blocks (paragraphs) are still to be made.

    Splitting a hard-wrapped text into paragraphs is two thirds of reading a ``.jsonl`` line (1.9 of
    3.0 s for 10,000 Reuters stories): a build leaves it to the worker process that analyses the
    article, so the main process hands articles out sooner. ``complete()`` gives the article
    ``jsonl_article`` gives.
    """

    article: Article
    headline_end: int

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def path(self) -> str:
        return self.article.path

    @property
    def notes(self) -> tuple[str, ...]:
        return self.article.notes

    def complete(self) -> Article:
        blocks = tuple(text_blocks(self.article.text, self.headline_end))
        return replace(self.article, blocks=blocks)


def complete(article: Article | Unblocked) -> Article:
    """The article with its blocks made (see ``Unblocked``)."""
    return article.complete() if isinstance(article, Unblocked) else article


def markdown_article(source: str, article_id: str, path: str, notes: Iterable[str] = ()) -> Article:
    """Make an article from a Markdown file with optional YAML front matter."""
    # markdown-it-py and PyYAML (~60 ms to import) only when a Markdown file is read: a run
    # that re-reads one changed .txt file does not pay for them.
    from index.ingest.markup import parse_markdown
    from index.ingest.metadata import split_front_matter

    meta, body, fm_notes = split_front_matter(source)
    parsed = parse_markdown(body)
    all_notes = [*notes, *fm_notes, *parsed.notes]
    text, blocks, inline = parsed.text, parsed.blocks, parsed.inline
    if not text.strip():
        text, blocks, inline = body.strip(), (Block("paragraph", 0, len(body.strip())),), ()
        all_notes.append("Markdown structure could not be read; shown as plain text")
    if not text.strip():
        raise ValueError("no text")
    title = meta_str(meta, "title")
    if not title:
        first = next((b for b in blocks if b.kind == "heading"), None)
        title = text[first.start : first.end] if first else derive_title(text)
    return Article(
        id=article_id,
        path=path,
        title=title,
        text=text,
        **article_metadata(meta),
        format="md",
        blocks=tuple(blocks),
        inline=tuple(inline),
        notes=tuple(all_notes),
    )


def read_jsonl_text(text: str, source: SourceFile) -> tuple[list[Article], list[Skipped]]:
    """Read a ``.jsonl`` file: one article a line, ``text`` required."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        record = jsonl_record(line, lineno, source)
        if record is None:
            continue
        if isinstance(record, Skipped):
            skipped.append(record)
            continue
        article_id, obj, _numbered = record
        if article_id in seen:
            skipped.append(duplicate_line(source, lineno, article_id, seen[article_id]))
            continue
        seen[article_id] = lineno
        articles.append(jsonl_article(obj, article_id, source))
    return articles, skipped


def jsonl_record(
    line: str, lineno: int, source: SourceFile
) -> tuple[str, dict[str, object], bool] | Skipped | None:
    """One ``.jsonl`` line checked: its article id, its object, and whether the id is its line
    number (the line has no usable ``id``); a ``Skipped`` with the reason; ``None`` for a blank line.
    """
    if not line.strip():
        return None
    where = f"{source.path}:{lineno}"
    if len(line) > MAX_LINE_CHARS:
        return Skipped(
            where,
            f"line too long ({len(line) / 1e6:.1f} million characters; the limit is "
            f"{MAX_LINE_CHARS / 1e6:.1f} million: an article that long reads as its own .txt file)",
        )
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return Skipped(where, f"not valid JSON ({getattr(exc, 'msg', 'too deeply nested')})")
    if not isinstance(obj, dict):
        return Skipped(where, "not a JSON object")
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        return Skipped(where, 'missing or empty "text"')
    raw_id = obj.get("id")
    numbered = not (
        isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) and str(raw_id).strip()
    )
    local = str(lineno) if numbered else no_surrogates(" ".join(str(raw_id).split()))
    return f"{source.rel}#{local}", obj, numbered


def duplicate_line(source: SourceFile, lineno: int, article_id: str, first: int) -> Skipped:
    """The report of a ``.jsonl`` line repeating an id first used on line ``first``."""
    local = article_id[len(source.rel) + 1 :]
    return Skipped(f"{source.path}:{lineno}", f"duplicate id {local!r} (first on line {first})")


def jsonl_article(obj: dict[str, object], article_id: str, source: SourceFile) -> Article:
    """The article of one checked ``.jsonl`` record (see ``jsonl_record``)."""
    return jsonl_unblocked(obj, article_id, source).complete()


def jsonl_unblocked(obj: dict[str, object], article_id: str, source: SourceFile) -> Unblocked:
    """``jsonl_article`` with its blocks left to be made (``Unblocked.complete``)."""
    body = no_surrogates(str(obj["text"]).replace("\x00", "\ufffd"))
    title, headline_end = _title_and_headline(body, meta_str(obj, "title"))
    meta = {k: obj.get(k) for k in ("source", "date", "url", "story", "author")}
    article = Article(
        id=article_id,
        path=source.path,
        title=title,
        text=body,
        **article_metadata(meta),
        format="jsonl",
        notes=(),
    )
    return Unblocked(article, headline_end)


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article | Skipped]:
    """Read every article under ``paths``; yields articles and skipped files in path order."""
    files, skipped = scan(paths)
    yield from skipped
    for source in files:
        articles, bad = read_file(source)
        yield from articles
        yield from bad
