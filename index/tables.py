"""Side tables kept beside the Whoosh index, readable without importing Whoosh.

Listing 100,000 articles or ranking related reports must not unpickle every stored article, and the
first screen must not wait for Whoosh to import (a third of a second). So the store also writes, per
index run, three small pickles in the (private, 0700) index folder:

- ``catalogue``: article id -> (path, title, source, date, story), what the library lists;
- ``names``: ``LABEL|canonical`` entity key -> the fullest surface form seen (sidebar labels);
- ``features``: article id -> related-report features (``index.features``), the largest, read lazily.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TABLE_NAMES = ("catalogue", "names", "features")
MARKER = "newsdesk-index.json"


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What the library lists for an article."""

    id: str
    path: str
    title: str
    source: str | None
    date: str | None
    story: str | None


def default_index_dir(roots: Sequence[str | os.PathLike[str]]) -> Path:
    """The cache folder for a corpus: one per set of corpus roots."""
    import platformdirs

    resolved = sorted(str(Path(r).expanduser().resolve()) for r in roots)
    digest = hashlib.sha1("\0".join(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    slug = "".join(c if c.isalnum() else "-" for c in Path(resolved[0]).name)[:32] if resolved else "x"
    return platformdirs.user_cache_path("newsdesk") / "indexes" / f"{slug}-{digest}"


def table_path(index_dir: Path, name: str) -> Path:
    """The file of one side table."""
    return index_dir / f"{name}.pickle"


def read_table(index_dir: Path, name: str) -> dict[str, Any] | None:
    """One side table, or ``None`` when it is missing or unreadable (the store then rebuilds it)."""
    try:
        with open(table_path(index_dir, name), "rb") as fh:
            data = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def write_table(index_dir: Path, name: str, data: dict[str, Any]) -> None:
    """Replace one side table atomically."""
    path = table_path(index_dir, name)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def quick_catalogue(
    roots: Sequence[str | os.PathLike[str]], index_dir: str | os.PathLike[str] | None = None
) -> list[ArticleInfo] | None:
    """The catalogue of an existing index, read without opening Whoosh (for a fast first screen).

    Returns ``None`` when there is no index newsdesk made at that place yet; the caller then waits
    for the store. Never creates or changes anything.
    """
    folder = Path(index_dir).expanduser() if index_dir else default_index_dir(roots)
    if not (folder / MARKER).is_file():
        return None
    rows = read_table(folder, "catalogue")
    if rows is None:
        return None
    return [ArticleInfo(i, *rows[i]) for i in sorted(rows)]
