"""Reading articles: files and folders of ``.txt``, ``.md``/``.markdown`` and ``.jsonl``.

Nothing here writes to the user's files. A file that cannot be read becomes a ``Skipped`` with a reason
a user can act on; everything else is still read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

import yaml

from index.analysis.dates import normalise_date
from index.analysis.sentences import looks_hard_wrapped, paragraph_spans
from index.ingest.html import page_assets
from index.ingest.markup import parse_markdown
from index.ingest.textsafe import implausible_text
from index.models import Article, Block, Skipped

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl", ".html", ".htm"})
MAX_FILE_BYTES = 20 * 1024 * 1024
"""Files above this size are skipped: a news article is kilobytes; 20 MB is a dump, not an article."""
MAX_JSONL_BYTES = 512 * 1024 * 1024
MAX_LINE_CHARS = 2 * 1024 * 1024

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_RESIDUE = re.compile(r"_\d{1,3}\s*$")  # "..._1": dataset residue; "kills 12" is a headline
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A candidate article file found by a scan."""

    path: str
    root: str
    size: int
    mtime_ns: int

    @property
    def rel(self) -> str:
        """Path relative to its corpus root, with forward slashes."""
        return Path(os.path.relpath(self.path, self.root)).as_posix()


class ReadError(Exception):
    """A file could not be read as an article; the message says why."""


def scan(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[SourceFile], list[Skipped]]:
    """Find article files under ``paths`` (recursively), without reading their contents.

    Hidden files and folders are ignored. Symlinked folders are followed once (loops are detected).

    Returns:
        The article files found, sorted by path, and the paths that could not be scanned or are not of
        an article type, with reasons.
    """
    found: dict[str, SourceFile] = {}
    skipped: list[Skipped] = []
    for raw in paths:
        p = Path(raw).expanduser()
        try:
            root = p.resolve()
        except (OSError, RuntimeError) as exc:
            skipped.append(Skipped(printable_path(p), f"cannot resolve path: {exc}"))
            continue
        if root.is_file():
            _add_file(root, root.parent, found, skipped, explicit=True)
        elif root.is_dir():
            _walk(root, found, skipped)
        else:
            skipped.append(Skipped(printable_path(p), "no such file or folder"))
    return sorted(found.values(), key=lambda f: f.path), skipped


def _walk(root: Path, found: dict[str, SourceFile], skipped: list[Skipped]) -> None:
    seen_dirs: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        skipped.append(
            Skipped(printable_path(str(err.filename)), f"cannot list folder: {err.strerror}")
        )

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            # A symlink loop or a second link to a folder already read.
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        # A browser's "save complete page" folder (Page_files/ beside Page.html) holds its scripts,
        # images and ad frames, not articles.
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not page_assets(d, filenames)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            _add_file(Path(dirpath) / name, root, found, skipped, explicit=False)


def printable_path(path: str | os.PathLike[str]) -> str:
    """A path as valid Unicode: bytes that are not UTF-8 in a file name are shown as ``\\xNN``."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")


def _add_file(
    path: Path, root: Path, found: dict[str, SourceFile], skipped: list[Skipped], explicit: bool
) -> None:
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        if explicit or not path.name.startswith("."):
            kind = path.suffix or "no extension"
            skipped.append(
                Skipped(printable_path(path), f"not an article file type ({printable_path(kind)})")
            )
        return
    shown = printable_path(path)
    if shown != str(path):
        # Ids and stored fields are UTF-8; a name with undecodable bytes cannot be one.
        skipped.append(
            Skipped(shown, "file or folder name is not valid UTF-8 (rename it to read it)")
        )
        return
    try:
        st = path.stat()
    except OSError as exc:
        skipped.append(Skipped(shown, f"cannot read file: {exc.strerror or exc}"))
        return
    key = str(path)
    if key not in found:
        found[key] = SourceFile(key, str(root), st.st_size, st.st_mtime_ns)


def read_bytes(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a file's bytes, refusing files above ``limit``.

    Raises:
        ReadError: unreadable, too large, or not a regular file.
    """
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size > limit:
                raise ReadError(
                    f"too large ({st.st_size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)"
                )
            return fh.read(limit + 1)
    except ReadError:
        raise
    except IsADirectoryError:
        raise ReadError("is a folder") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except FileNotFoundError:
        raise ReadError("file disappeared while reading") from None
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}") from None


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode article bytes: BOMs first, then UTF-8, then cp1252, then latin-1.

    Returns:
        The text and notes about the decoding (empty for plain UTF-8).

    Raises:
        ReadError: the bytes are binary, not text.
    """
    notes: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise ReadError(f"invalid {encoding} text after a byte-order mark") from None
            if encoding != "utf-8-sig":
                notes.append(f"decoded as {encoding}")
            return _clean_nul(text.lstrip("\ufeff"), notes), notes
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise ReadError(f"binary file ({what})")
    if _looks_binary(data[:8192]):
        raise ReadError("binary file (not text)")
    try:
        return _clean_nul(data.decode("utf-8"), notes), notes
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    multibyte = sum(1 for ch in lenient if ch > "\x7f" and ch != "\ufffd")
    if multibyte and bad <= multibyte:
        # Real UTF-8 (accented letters, curly quotes decode) with a few damaged bytes: reading it
        # as cp1252 would garble every correct character to keep a few broken ones.
        notes.append(
            f"invalid UTF-8: {bad} damaged byte sequence{'s' if bad != 1 else ''} replaced"
        )
        _refuse_implausible(lenient)
        return _clean_nul(lenient, notes), notes
    try:
        text = data.decode("cp1252")
        notes.append("not valid UTF-8; decoded as cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        notes.append("not valid UTF-8; decoded as latin-1")
    _refuse_implausible(text)
    return _clean_nul(text, notes), notes


def _refuse_implausible(text: str) -> None:
    """Any bytes decode as latin-1: a guessed decoding must still read like text (random bytes don't)."""
    reason = implausible_text(text)
    if reason:
        raise ReadError(f"binary file (not text: {reason})")


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13, 27)))


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    control = len(sample.translate(None, _NOT_CONTROL))  # the control bytes left
    # A few stray NULs in real text are tolerated (and replaced); a high share means binary.
    return control / len(sample) > 0.10


def _clean_nul(text: str, notes: list[str]) -> str:
    if "\x00" in text:
        notes.append("NUL characters replaced")
        # Same length, so offsets into the decoded text stay valid.
        text = text.replace("\x00", "\ufffd")
    return text


def size_limit(path: str) -> int:
    """The largest file size read for this kind of article file."""
    return MAX_JSONL_BYTES if Path(path).suffix.lower() == ".jsonl" else MAX_FILE_BYTES


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
    if title:
        line, _start, _end = _first_line(text)
        same = (
            " ".join(_RESIDUE.sub("", line).split()).casefold()
            == " ".join(title.split()).casefold()
        )
        headline_end = _end if same and text[_end:].strip() else 0
    else:
        title, headline_end = _title_of(text)
    blocks = _text_blocks(text, headline_end)
    return Article(
        id=article_id,
        path=path,
        title=title,
        text=text,
        format="txt",
        blocks=tuple(blocks),
        notes=tuple(notes),
    )


def _first_line(text: str) -> tuple[str, int, int]:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return text[start:end].strip(), start, end


def _title_of(text: str) -> tuple[str, int]:
    """Title and the end offset of a headline line (0 when the title is derived)."""
    line, _start, end = _first_line(text)
    rest = text[end:].strip()
    words = line.split()
    # A next line that starts in lower case continues a hard-wrapped sentence ("... the week in\n
    # the Bahia cocoa zone"): the first line is not a headline.
    after = text[end:]
    wrapped = after.lstrip(" \t\r\n")[:1].islower() and not after.startswith(("\n\n", "\r\n\r\n"))
    headline = 0 < len(words) <= 30 and len(line) <= 200 and not _SENTENCE_END.search(line)
    if rest and headline and not wrapped:
        title = _RESIDUE.sub("", line).strip() or line
        return title, end
    return derive_title(text), 0


def derive_title(text: str, limit: int = 90) -> str:
    """A title made from the first sentence, cut at a word boundary."""
    flat = " ".join(text.split())
    m = re.search(r"(?<=[a-z0-9\"”’)])[.!?](?=\s+[\"“‘A-Z])", flat)
    first = flat[: m.start() + 1] if m else flat
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _text_blocks(text: str, headline_end: int) -> list[Block]:
    blocks: list[Block] = []
    if headline_end:
        line, hs, he = _first_line(text)
        residue = _RESIDUE.search(line)
        if residue and residue.start() > 0:
            # The text keeps the "_1" (offsets index the file), but the heading shown stops before it.
            he = text.rfind(line, hs, he + 1) + residue.start()
        blocks.append(Block("heading", hs, he, 1))
    body_start = headline_end
    body = text[body_start:]
    # Hard-wrapped newswire (lines wrapped at ~70 columns) is reflowed as the sentence splitter
    # reads it: a paragraph starts at a blank line, an indented line, or after a line that closes
    # a sentence short of the wrap width. Other text: the pieces between blank lines when it has
    # them (a short text wrapped by hand stays whole), else a paragraph a line.
    if _BLANK_LINE.search(body) and not looks_hard_wrapped(body):
        spans, pos = [], 0
        for sep in [*_BLANK_LINE.finditer(body), None]:
            end = sep.start() if sep else len(body)
            spans.append((pos, end))
            pos = sep.end() if sep else len(body)
    else:
        spans = paragraph_spans(body)
    for s, e in spans:
        piece = text[body_start + s : body_start + e]
        stripped = piece.strip()
        if stripped:
            start = body_start + s + len(piece) - len(piece.lstrip())
            blocks.append(Block("paragraph", start, start + len(stripped), 0))
    return blocks


def split_front_matter(source: str) -> tuple[dict[str, object], str, list[str]]:
    """Split YAML front matter from a Markdown file; broken front matter is kept as text with a note."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return {}, source.lstrip("\ufeff"), []
    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        return {}, source[m.end() :], [f"front matter ignored: {first}"]
    if not isinstance(meta, dict):
        return {}, source[m.end() :], ["front matter ignored: not a mapping"]
    return {str(k).lower(): v for k, v in meta.items()}, source[m.end() :], []


_SCALARS = (str, int, float, dt.date)


def _meta_str(meta: dict[str, object], key: str) -> str | None:
    """A metadata value as one line of text; nested structures are ignored (a YAML alias bomb
    expands to billions of items when printed)."""
    value = meta.get(key)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, list):
        if not all(isinstance(v, _SCALARS) for v in value):
            return None
        value = ", ".join(str(v) for v in value[:50])
    elif not isinstance(value, _SCALARS):
        return None
    text = _no_surrogates(" ".join(str(value).split())[:1000])
    return text or None


def _no_surrogates(text: str) -> str:
    """Lone surrogates (from JSON ``\\ud800`` escapes) cannot be stored as UTF-8; same length."""
    return _SURROGATE.sub("\ufffd", text)


class _Metadata(TypedDict):
    source: str | None
    date: str | None
    url: str | None
    author: str | None
    story: str | None


def _metadata(meta: dict[str, object]) -> _Metadata:
    """The optional article fields shared by front matter and jsonl records."""
    return {
        "source": _meta_str(meta, "source"),
        "date": normalise_date(_meta_str(meta, "date")),
        "url": _meta_str(meta, "url"),
        "author": _meta_str(meta, "author"),
        "story": _meta_str(meta, "story"),
    }


def markdown_article(source: str, article_id: str, path: str, notes: Iterable[str] = ()) -> Article:
    """Make an article from a Markdown file with optional YAML front matter."""
    meta, body, fm_notes = split_front_matter(source)
    parsed = parse_markdown(body)
    all_notes = [*notes, *fm_notes, *parsed.notes]
    text, blocks, inline = parsed.text, parsed.blocks, parsed.inline
    if not text.strip():
        text, blocks, inline = body.strip(), (Block("paragraph", 0, len(body.strip())),), ()
        all_notes.append("Markdown structure could not be read; shown as plain text")
    if not text.strip():
        raise ValueError("no text")
    title = _meta_str(meta, "title")
    if not title:
        first = next((b for b in blocks if b.kind == "heading"), None)
        title = text[first.start : first.end] if first else derive_title(text)
    return Article(
        id=article_id,
        path=path,
        title=title,
        text=text,
        **_metadata(meta),
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
        return Skipped(where, "line too long")
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
    local = str(lineno) if numbered else _no_surrogates(" ".join(str(raw_id).split()))
    return f"{source.rel}#{local}", obj, numbered


def duplicate_line(source: SourceFile, lineno: int, article_id: str, first: int) -> Skipped:
    """The report of a ``.jsonl`` line repeating an id first used on line ``first``."""
    local = article_id[len(source.rel) + 1 :]
    return Skipped(f"{source.path}:{lineno}", f"duplicate id {local!r} (first on line {first})")


def jsonl_article(obj: dict[str, object], article_id: str, source: SourceFile) -> Article:
    """The article of one checked ``.jsonl`` record (see ``jsonl_record``)."""
    body = _no_surrogates(str(obj["text"]).replace("\x00", "\ufffd"))
    title = _meta_str(obj, "title")
    base = text_article(body, article_id, source.path, title=title)
    meta = {k: obj.get(k) for k in ("source", "date", "url", "story", "author")}
    return Article(
        id=article_id,
        path=source.path,
        title=title or base.title,
        text=body,
        **_metadata(meta),
        format="jsonl",
        blocks=base.blocks,
        notes=(),
    )


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article | Skipped]:
    """Read every article under ``paths``; yields articles and skipped files in path order."""
    files, skipped = scan(paths)
    yield from skipped
    for source in files:
        articles, bad = read_file(source)
        yield from articles
        yield from bad
