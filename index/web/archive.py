"""Fetched articles saved as Markdown files with YAML front matter: plain, greppable, the user's own.

The body is the article's blocks written so that ``index.ingest.markup`` reads back exactly the same text:
every character Markdown would take for syntax (``*``, ``_``, ``[``, ``<``, ``&``, a ``#`` or ``-``
opening a line, ...) is backslash-escaped, so an article's text never becomes markup, links or HTML.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import yaml

from index.models import Block

_INLINE = re.compile(r"([\\`*_\[\]<>&~])")
_LINE_START = re.compile(r"^([#>+\-=|]|\d+(?=[.)]))")
_SLUG = re.compile(r"[^a-z0-9]+")


def escape_inline(text: str) -> str:
    """One block's text as Markdown that reads back as the same text (whitespace runs become one space)."""
    # CommonMark reads NUL as U+FFFD: write it so (the extractor already does).
    text = " ".join(text.split()).replace("\0", "\ufffd")
    text = _INLINE.sub(r"\\\1", text)
    m = _LINE_START.match(text)
    if m:
        if m.group(1)[0].isdigit():
            end = m.end()
            text = text[:end] + "\\" + text[end:]
        else:
            text = "\\" + text
    return text


def render_markdown(meta: dict[str, str | None], text: str, blocks: Iterable[Block]) -> str:
    """A Markdown document: front matter (keys with a value, in the given order) and the blocks."""
    front = {k: v for k, v in meta.items() if v}
    head = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1_000_000)
    parts: list[str] = []
    for block in blocks:
        piece = text[block.start : block.end]
        if block.kind == "code":
            fence = "`" * max(3, _longest_run(piece, "`") + 1)
            parts.append(f"{fence}\n{piece}\n{fence}")
            continue
        line = escape_inline(piece)
        if not line:
            continue
        if block.kind == "heading":
            line = line.rstrip("#") + ("\\#" * (len(line) - len(line.rstrip("#"))))
            parts.append("#" * min(6, max(2, block.level)) + " " + line)
        elif block.kind == "list_item":
            parts.append("- " + line)
        elif block.kind == "blockquote":
            parts.append("> " + line)
        else:
            parts.append(line)
    return f"---\n{head}---\n\n" + "\n\n".join(parts) + "\n"


def _longest_run(text: str, char: str) -> int:
    runs = re.findall(f"{re.escape(char)}+", text)
    return max((len(r) for r in runs), default=0)


def slug(title: str, limit: int = 60) -> str:
    """A file-name part from a title: ASCII letters and digits joined by hyphens (``article`` if none)."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = _SLUG.sub("-", ascii_title.lower()).strip("-")
    if len(words) > limit:
        words = words[:limit].rsplit("-", 1)[0] or words[:limit]
    return words or "article"


def save_markdown(folder: Path, stem: str, document: str) -> Path:
    """Write ``document`` to a new file ``stem.md`` in ``folder`` (``stem-2.md``... when taken).

    The file appears whole or not at all (written aside, then linked into place), and an existing
    file is never replaced.
    """
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{stem}.{os.getpid()}.tmp"
    tmp.write_text(document, encoding="utf-8")
    try:
        for n in range(1, 1000):
            path = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
            try:
                os.link(tmp, path)
            except FileExistsError:
                continue
            return path
        raise OSError(f"too many files named {stem}*.md in {folder}")
    finally:
        tmp.unlink(missing_ok=True)


def now_iso() -> str:
    """The current UTC time, to the second, as ISO 8601 (the ``fetched`` field)."""
    return (
        dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    )


def saved_keys(folder: Path) -> set[str]:
    """The ``url`` and ``guid`` front-matter values of the Markdown files already in ``folder``."""
    from index.ingest.metadata import split_front_matter

    keys: set[str] = set()
    if not folder.is_dir():
        return keys
    for path in folder.glob("*.md"):
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                head = fh.read(16384)
        except OSError:
            continue
        meta, _body, _notes = split_front_matter(head)
        for key in ("url", "guid", "link"):
            value = meta.get(key)
            if isinstance(value, str) and value.strip():
                keys.add(value.strip())
    return keys
