"""Article metadata: YAML front matter of a Markdown file, and the optional fields (source, date,
url, author, story) that front matter and ``.jsonl`` records share, read as one line of text each.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TypedDict

from index.analysis.dates import normalise_date
from index.pattern_cache import compiled

__all__ = [
    "Metadata",
    "article_metadata",
    "meta_str",
    "no_surrogates",
    "split_front_matter",
]

_SURROGATE = compiled("[\ud800-\udfff]")
_FRONT_MATTER = compiled(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)


def split_front_matter(source: str) -> tuple[dict[str, object], str, list[str]]:
    """Split YAML front matter from a Markdown file; broken front matter is kept as text with a note."""
    m = _FRONT_MATTER.match(source)
    if not m:
        return {}, source.lstrip("\ufeff"), []
    import yaml  # ~20 ms to import: only for a file that has front matter

    try:
        meta = yaml.safe_load(m.group(1))
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        return {}, source[m.end() :], [f"front matter ignored: {first}"]
    if not isinstance(meta, dict):
        return {}, source[m.end() :], ["front matter ignored: not a mapping"]
    return {str(k).lower(): v for k, v in meta.items()}, source[m.end() :], []


_SCALARS = (str, int, float, dt.date)


def meta_str(meta: dict[str, object], key: str) -> str | None:
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
    text = no_surrogates(" ".join(str(value).split())[:1000])
    return text or None


def no_surrogates(text: str) -> str:
    """Lone surrogates (from JSON ``\\ud800`` escapes) cannot be stored as UTF-8; same length."""
    return _SURROGATE.sub("\ufffd", text)


class Metadata(TypedDict):
    source: str | None
    date: str | None
    url: str | None
    author: str | None
    story: str | None


def article_metadata(meta: dict[str, object]) -> Metadata:
    """The optional article fields shared by front matter and jsonl records."""
    return {
        "source": meta_str(meta, "source"),
        "date": normalise_date(meta_str(meta, "date")),
        "url": meta_str(meta, "url"),
        "author": meta_str(meta, "author"),
        "story": meta_str(meta, "story"),
    }
