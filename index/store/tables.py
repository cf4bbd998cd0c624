"""Side tables kept beside the Whoosh index, readable without importing Whoosh.

Listing 100,000 articles or ranking related reports must not unpickle every stored article, and the
first screen must not wait for Whoosh to import (a third of a second). So the store also writes, per
index run, three small pickles in the (private, 0700) index folder:

- ``catalogue``: article id -> (path, title, source, date, story), what the library lists;
- ``names``: ``LABEL|canonical`` entity key -> the fullest surface form seen (sidebar labels);
- ``features``: article id -> related-report features (``index.related.features``), the largest, read lazily.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

TABLE_NAMES = ("catalogue", "names", "features")
DELTA_MIN_ROWS = 500
"""A table's changes stay in its delta file until they exceed this many rows (or a twentieth)."""
MARKER = "newsdesk-index.json"


class ArticleInfo(NamedTuple):
    """What the library lists for an article (a named tuple: 100,000 are made before the first
    screen, four times faster than frozen dataclasses)."""

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
    slug = (
        "".join(c if c.isalnum() else "-" for c in Path(resolved[0]).name)[:32] if resolved else "x"
    )
    return platformdirs.user_cache_path("newsdesk") / "indexes" / f"{slug}-{digest}"


def table_path(index_dir: Path, name: str) -> Path:
    """The file of one side table."""
    return index_dir / f"{name}.pickle"


def delta_path(index_dir: Path, name: str) -> Path:
    """The file of a side table's changes since its base was last written."""
    return index_dir / f"{name}.delta.pickle"


def _load(path: Path) -> Any:
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,  # written by a version whose classes lived in other modules
        ValueError,
        TypeError,
    ):
        return None


def fullest(old: str | None, new: str, key: str = "") -> bool:
    """Whether ``new`` is a better surface form to show for the entity ``key`` than ``old``.

    A name: the fuller form (longer, capitalised), never one in capitals when the corpus also
    writes it in mixed case ("the Gulf", not "THE GULF"). A date or a quantity (``DATE|``,
    ``QUANTITY|`` keys): the plainest form, since its key is its value ("two", not "more than two";
    "March 31", not "Tuesday, March 31").
    """
    if old is None:
        return True
    # The text itself breaks ties, so the choice does not depend on the order articles come in
    # (parallel index runs finish them in any order).
    if key.startswith(("DATE|", "QUANTITY|")):
        return (new.isupper(), len(new), new) < (old.isupper(), len(old), old)
    return (not new.isupper(), len(new), new[:1].isupper(), new) > (
        not old.isupper(),
        len(old),
        old[:1].isupper(),
        old,
    )


def _apply(table: dict[str, Any], name: str, delta: Any) -> None:
    if not isinstance(delta, dict):
        return
    for key in delta.get("del", ()):
        table.pop(key, None)
    for key, value in delta.get("set", {}).items():
        if name != "names" or fullest(table.get(key), value, key):
            table[key] = value


def read_table(index_dir: Path, name: str) -> dict[str, Any] | None:
    """One side table (its base with its recent changes applied), or ``None`` when it is missing or
    unreadable (the store then rebuilds it)."""
    data = _load(table_path(index_dir, name))
    if not isinstance(data, dict):
        return None
    _apply(data, name, _load(delta_path(index_dir, name)))
    return data


def table_stamp(index_dir: Path, name: str) -> Any:
    """What changes when a table changes (its base or its delta), for caches."""
    stamp: list[tuple[int, int] | None] = []
    for path in (table_path(index_dir, name), delta_path(index_dir, name)):
        try:
            st = path.stat()
            stamp.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamp.append(None)
    return tuple(stamp) if stamp[0] is not None else None


def save_changes(
    index_dir: Path, name: str, changed: dict[str, Any], removed: set[str], size: int
) -> None:
    """Record a run's changes to a table without rewriting the whole table.

    An incremental run at 100,000 articles used to load and rewrite every table (130 MB of related
    features) for one changed file. Changes now go to a small delta file; when the delta holds more
    than a twentieth of the table (or 500 rows), it is folded into the base.
    """
    delta = _load(delta_path(index_dir, name))
    if not isinstance(delta, dict):
        delta = {"set": {}, "del": []}
    sets: dict[str, Any] = dict(delta.get("set", {}))
    dels: set[str] = set(delta.get("del", ()))
    for key in removed:
        sets.pop(key, None)
        dels.add(key)
    for key, value in changed.items():
        dels.discard(key)
        if name != "names" or fullest(sets.get(key), value, key):
            sets[key] = value
    if len(sets) + len(dels) <= max(DELTA_MIN_ROWS, size // 20):
        write_table(index_dir, name, {"set": sets, "del": sorted(dels)}, delta=True)
        return
    base = _load(table_path(index_dir, name))
    base = base if isinstance(base, dict) else {}
    _apply(base, name, {"set": sets, "del": dels})
    # The base is rewritten first; a crash before the delta goes leaves a delta that only repeats
    # what the base already says (sets are final values, deletions are of gone ids).
    write_table(index_dir, name, base)
    delta_path(index_dir, name).unlink(missing_ok=True)


def write_table(index_dir: Path, name: str, data: dict[str, Any], delta: bool = False) -> None:
    """Replace one side table (or its delta) atomically."""
    path = delta_path(index_dir, name) if delta else table_path(index_dir, name)
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
