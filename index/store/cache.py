"""The indexes newsdesk keeps in the user's cache folder: listed, and those of no more use removed.

There is one index per set of corpus roots (``tables.default_index_dir``): a folder added to the
library or taken out of it, a search run on another folder, each names one more. They pile up (an
index of 10,000 articles takes ~100 MB), and nothing told the user where or how big they were.

``cached_indexes`` lists them (roots, which of them are gone, size, articles, last change);
``remove_index`` deletes one. Only a folder directly inside the cache's indexes folder and marked
as newsdesk's (``tables.MARKER``) is ever removed; never an index being updated (its Whoosh write
lock is taken first, without waiting: ``whoosh_compat.write_lock``) or whose related-report model
is being built (``aftercare.running_build``). The folder is first renamed to a hidden name, which
neither a run (``tables.default_index_dir``) nor a new index's seeding (``seeding.donor``) ever
picks, then deleted. An index holds only what newsdesk made of the articles: removing one never
touches an article file, and the next run on those roots builds it again.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from index.store import database
from index.store.aftercare import running_build
from index.store.tables import MARKER
from index.store.whoosh_compat import write_lock

__all__ = ["CachedIndex", "cached_indexes", "indexes_folder", "remove_index", "unused_reason"]


@dataclass(frozen=True)
class CachedIndex:
    """One index of the cache folder, as found on disk."""

    path: Path
    roots: tuple[str, ...]
    missing: tuple[str, ...]
    """The roots that no longer exist (a folder deleted, moved, or a drive not mounted)."""
    size: int
    """Bytes of its files."""
    changed: float
    """When a run last changed it (the newest file's time; a search that changes nothing writes
    nothing, so this is not when it was last used)."""
    articles: int | None
    """Articles its database lists; ``None`` when it cannot be read (another format, damaged)."""


def indexes_folder() -> Path:
    """The cache folder that holds one index per set of corpus roots."""
    import platformdirs

    return platformdirs.user_cache_path("newsdesk") / "indexes"


def _roots(path: Path) -> tuple[str, ...] | None:
    try:
        marker = json.loads((path / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(marker, dict) or marker.get("app") != "newsdesk":
        return None
    roots = marker.get("roots")
    if not isinstance(roots, list) or not all(isinstance(r, str) for r in roots):
        return None
    return tuple(roots)


def _size_and_changed(path: Path) -> tuple[int, float]:
    size, changed = 0, 0.0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            try:
                st = os.lstat(os.path.join(dirpath, name))
            except OSError:
                continue
            size += st.st_size
            changed = max(changed, st.st_mtime)
    return size, changed


def _articles(path: Path) -> int | None:
    try:
        with database.reading(path) as con:
            row = con.execute("SELECT count(*) FROM catalogue").fetchone()
    except database.DatabaseError:
        return None
    return int(row[0]) if row else None


def cached_indexes(folder: Path | None = None) -> list[CachedIndex]:
    """Every newsdesk index in ``folder`` (default: the cache's, :func:`indexes_folder`), largest
    first. Folders without newsdesk's marker, and hidden ones (a removal under way), are left out."""
    folder = indexes_folder() if folder is None else folder
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return []
    found = []
    for entry in entries:
        if entry.name.startswith(".") or not entry.is_dir(follow_symlinks=False):
            continue
        path = Path(entry.path)
        roots = _roots(path)
        if roots is None:
            continue
        missing = tuple(r for r in roots if not os.path.exists(r))
        size, changed = _size_and_changed(path)
        found.append(CachedIndex(path, roots, missing, size, changed, _articles(path)))
    found.sort(key=lambda ix: (-ix.size, ix.path.name))
    return found


def unused_reason(
    index: CachedIndex, older_than_days: float | None = None, now: float | None = None
) -> str | None:
    """Why ``index`` is of no more use, or ``None``: every root gone, or (with ``older_than_days``)
    no run changed it for that many days. An index some of whose roots are gone is kept: a drive
    that is not mounted comes back."""
    if index.roots and len(index.missing) == len(index.roots):
        return "its folders are gone"
    if older_than_days is not None:
        now = time.time() if now is None else now
        days = (now - index.changed) / 86400
        if days >= older_than_days:
            return f"not changed for {int(days)} days"
    return None


def remove_index(index: CachedIndex, folder: Path | None = None) -> str | None:
    """Delete ``index`` from the cache; ``None`` once done, else why it was left alone."""
    folder = indexes_folder() if folder is None else folder
    path = index.path
    if path.parent.resolve() != folder.resolve() or path.name.startswith("."):
        return "not in newsdesk's cache folder"
    if _roots(path) != index.roots:
        return "no longer the index listed"
    if running_build(path) is not None:
        return "its related-report model is being built"
    with write_lock(path) as held:
        if not held:
            return "another newsdesk process is updating it"
        hidden = path.with_name(f".removing-{path.name}-{os.getpid()}")
        try:
            path.rename(hidden)
        except OSError as exc:
            return f"cannot remove it: {exc.strerror or exc}"
    shutil.rmtree(hidden, ignore_errors=True)
    return None
