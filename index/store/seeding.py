"""A new set of corpus roots starts from the index of a set that shares roots with it.

There is one index per set of corpus roots (``tables.default_index_dir``), so adding a folder to
the library, or removing one, names an index that does not exist yet. Built from nothing, it read
every article again (2,514 articles, 30 s, to add a one-file folder). An article's id is its path
relative to its own root, whatever the other roots are, so the index of a set that shares roots
holds the same articles for them: a copy of it, made the new set's, is brought up to date by the
ordinary run, which reads only the new roots' files and drops the articles of the roots left out
(as it does for a library folder that cannot be read).

A donor is refused when one of the roots it does not share lies inside, or holds, a root of the
new set (``library add`` of a folder that holds listed folders): the same file would have another
id there, and the manifest, keyed by path, would call it unchanged.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

from index.store import database
from index.store.schema import SCHEMA_VERSION
from index.store.tables import MARKER
from index.store.whoosh_compat import index_files


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _nested(a: str, b: str) -> bool:
    return _inside(a, b) or _inside(b, a)


def _score(roots: list[str], theirs: list[str]) -> tuple[int, int] | None:
    """How well an index of ``theirs`` starts one of ``roots``: (shared roots, roots to drop
    negated), or ``None`` when it cannot."""
    shared = set(roots) & set(theirs)
    if not shared:
        return None
    only_theirs = [r for r in theirs if r not in shared]
    only_ours = [r for r in roots if r not in shared]
    if any(_nested(t, r) for t in only_theirs for r in roots):
        return None
    if any(_nested(o, t) for o in only_ours for t in theirs):
        return None
    return len(shared), -len(only_theirs)


def donor(d: Path, roots: list[str]) -> Path | None:
    """The index beside ``d`` (in the cache's indexes folder) best suited to start ``d``."""
    best: tuple[tuple[int, int, int], Path] | None = None
    try:
        entries = list(os.scandir(d.parent))
    except OSError:
        return None
    for entry in entries:
        if entry.name.startswith(".") or entry.path == str(d) or not entry.is_dir():
            continue
        try:
            marker = json.loads((Path(entry.path) / MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(marker, dict) or marker.get("schema") != SCHEMA_VERSION:
            continue
        theirs = marker.get("roots")
        if not isinstance(theirs, list) or not all(isinstance(r, str) for r in theirs):
            continue
        score = _score(roots, theirs)
        if score is None or not database.db_path(Path(entry.path)).is_file():
            continue
        try:
            when = entry.stat().st_mtime_ns
        except OSError:
            continue
        key = (*score, when)
        if best is None or key > best[0]:
            best = (key, Path(entry.path))
    return best[1] if best else None


def copy_index(source: Path, target: Path) -> bool:
    """Copy ``source``'s Whoosh files and database into the empty folder ``target``.

    The source's write lock is held while its segment files are copied (a commit would delete
    merged ones); the database is copied by SQLite's backup, a consistent snapshot. Should that
    snapshot describe another commit than the files, the first run sees it (the generations
    differ) and checks every file against the manifest, as after a run killed between commits.
    Returns ``False`` (``target`` then holds a partial copy to discard) when the source is being
    written or cannot be read.
    """
    from whoosh import index as windex

    try:
        ix = windex.open_dir(str(source))
        lock = ix.lock("WRITELOCK")
        if not lock.acquire(False):
            return False  # another process is writing it: start afresh rather than wait
    except Exception:
        return False
    try:
        for item in index_files(source).split(";"):
            name = item.rpartition(":")[0]
            if name:
                shutil.copy2(source / name, target / name)
        with (
            contextlib.closing(sqlite3.connect(database.db_path(source), timeout=5)) as src,
            contextlib.closing(sqlite3.connect(database.db_path(target))) as dst,
        ):
            src.backup(dst)
    except (OSError, sqlite3.Error):
        return False
    finally:
        lock.release()
    return True
