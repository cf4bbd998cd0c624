"""The index's side tables and manifest, read without importing Whoosh.

Listing 100,000 articles or ranking related reports must not unpickle every stored article, and the
first screen must not wait for Whoosh to import (a third of a second). The store keeps, in the index
folder's database (``index.store.database``), beside the manifest:

- ``catalogue``: article id -> (path, title, source, date, story), what the library lists;
- ``names``: ``LABEL|canonical`` entity key -> the fullest surface form seen (sidebar labels);
- ``features``: article id -> related-report features (``index.analysis.features``), read lazily.

``quick_catalogue`` and ``quick_unchanged`` answer from the folder alone, before any store is opened.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from index.store.database import fullest as fullest  # the names table's rule, used here too

if TYPE_CHECKING:
    from index.models import IndexReport

TABLE_NAMES = ("catalogue", "names", "features")
MARKER = "newsdesk-index.json"
"""The folder's marker: newsdesk made it, with this schema (``index.store.folder``)."""

# 26: date keys written as words that say what they are ("m03 m03d01"), so date:january is exact;
# 25: the sidebar's entity keys a per-document column, not postings (issue 14);
# 24: spelling words once a corpus in the database's ``words`` table, not spelling fields in every
# segment (issue 14);
# 23: a place noun after a name makes a place ("Abu Ghraib prison"), "the" before one an
# organisation; number words and decimal quantities keyed as the query keys them; headlines
# without a file-name residue ("concerned_1"), 2026-11-28;
# 22, 21, 20, 19: firms, bodies ("Panel on ..."), models, world regions, "Reuter" and table
# headers are no longer people, a title before an organisation head opens the organisation's name,
# an institution keeps its full key; names shown in mixed case, dates and quantities plain;
# 18: a line ending on a month or "of" carries the figure that opens the next;
# 17: a short text wrapped by hand keeps its blank-line paragraphs whole;
# 16, 15: related-report features keep the whole body's stems (index.analysis.features version 3);
# 14: newswire boilerplate, time zones and clock times are not entities; 13: random bytes no
# longer indexed as latin-1 text; 12: dates with newswire desk codes and
# trailing words read; 11: .jsonl titles as given, hard-wrapped text reflowed into paragraphs;
# 10: one-letter words indexed; 9: places named after their city share its key; worker-written
# segments
SCHEMA_VERSION = 26
"""The Whoosh schema's version (``index.store.schema``); another in the marker rebuilds the index."""


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
    """The file that holds one side table (all of them live in the index folder's database)."""
    from index.store.database import db_path

    if name not in TABLE_NAMES:
        raise ValueError(f"no side table {name!r}")
    return db_path(index_dir)


def read_table(index_dir: Path, name: str) -> dict[str, Any] | None:
    """One side table, or ``None`` when the database is missing, damaged or of another format (the
    store then rebuilds it)."""
    from index.store import database

    readers: dict[str, Callable[[Any], dict[str, Any]]] = {
        "catalogue": database.catalogue,
        "names": database.names,
        "features": database.features,
    }
    try:
        with database.reading(index_dir) as con:
            return readers[name](con)
    except database.DatabaseError:
        return None


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


class Walk:
    """What ``index.store.walk.walk`` found, and the digests of its folders
    (``database.walk_digests``) once worked out (by the check, for the run to reuse).

    Args:
        found: Article files by path: (size, mtime_ns, root); ``None`` when ``folders`` holds
            every file (``found`` is then made from it when first asked for).
        skipped: Skipped paths with reasons.
    """

    __slots__ = ("_found", "digests", "folders", "skipped", "whole")

    def __init__(
        self,
        found: dict[str, tuple[int, int, str]] | None,
        skipped: list[list[str]],
        folders: dict[str, list[tuple[str, tuple[int, int, str]]]] | None = None,
    ) -> None:
        self._found = found
        self.skipped = skipped
        # The walk's files by folder, when it gathered them (``walk.walk``'s ``folders``).
        self.folders = folders
        # Whether ``folders`` holds every file found (none was given as a root).
        self.whole = folders is not None and (
            found is None or sum(map(len, folders.values())) == len(found)
        )
        self.digests: dict[str, str] | None = None

    @property
    def found(self) -> dict[str, tuple[int, int, str]]:
        """Article files by path: (size, mtime_ns, root), in the walk's order."""
        if self._found is None:
            sep = os.sep
            self._found = {
                f"{folder}{sep}{name}": st
                for folder, files in (self.folders or {}).items()
                for name, st in files
            }
        return self._found

    def count(self) -> int:
        """How many article files the walk found."""
        if self._found is None:
            return sum(map(len, (self.folders or {}).values()))
        return len(self._found)

    def folder_digests(self) -> dict[str, str]:
        """``database.walk_digests`` of the walk, worked out once."""
        if self.digests is None:
            from index.store import database

            if self.folders is not None and self.whole:
                self.digests = database.folder_digests(self.folders)
            else:  # files given as roots are in no folder walked: grouped from the paths
                self.digests = database.walk_digests(self.found)
        return self.digests

    def found_in(self, folders: set[str]) -> dict[str, tuple[int, int, str]]:
        """The walk's files directly in ``folders``, as ``found`` has them."""
        sep = os.sep
        gathered = self.folders
        if gathered is not None and self.whole:
            return {
                f"{f}{sep}{name}": st for f in sorted(folders) for name, st in gathered.get(f, ())
            }
        return {p: st for p, st in self.found.items() if p.rpartition(sep)[0] in folders}

    def has(self, paths: Iterable[str]) -> list[str]:
        """Those of ``paths`` the walk found, in their order (without making every path)."""
        if self._found is not None or not self.folders:
            found = self.found
            return [p for p in paths if p in found]
        sep, folders, out = os.sep, self.folders, []
        names: dict[str, set[str]] = {}
        for p in paths:
            folder, _, name = p.rpartition(sep)
            here = names.get(folder)
            if here is None:
                here = names[folder] = {n for n, _ in folders.get(folder, ())}
            if name in here:
                out.append(p)
        return out

    @classmethod
    def of(cls, roots: Sequence[str], halves: bool = False) -> Walk:
        """``walk.walk`` of ``roots``, with its files gathered by folder (``halves``: one folder
        root walked in two processes, ``walk.walk_halves``)."""
        from index.store.walk import walk

        folders: dict[str, list[tuple[str, tuple[int, int, str]]]] = {}
        found, skipped = walk(roots, folders, paths=False, halves=halves)
        lazy = len(roots) == 1 and not found  # one folder: its files are all in ``folders``
        return cls(None if lazy else found, list(skipped), folders)


def quick_unchanged(
    roots: Sequence[str | os.PathLike[str]], index_dir: str | os.PathLike[str] | None = None
) -> IndexReport | None:
    """The report of an index run that would change nothing, found without Whoosh; else ``None``.

    A stat-only walk (``index.store.walk``) and one read of the manifest's sizes: nothing is
    created or written. See ``unchanged_report``.
    """
    return check_unchanged(roots, index_dir)[0]


def check_unchanged(
    roots: Sequence[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str] | None = None,
    halves: bool = False,
) -> tuple[IndexReport | None, Walk]:
    """``quick_unchanged``'s answer, with the walk it made (for ``Store.update`` to reuse;
    ``halves``: see ``Walk.of``)."""
    folder = Path(index_dir).expanduser() if index_dir else default_index_dir(roots)
    walked = Walk.of([str(Path(r).expanduser().resolve()) for r in roots], halves=halves)
    report = unchanged_report(folder, walked)
    return report, walked


def unchanged_report(folder: Path, walked: Walk) -> IndexReport | None:
    """The report of a run over ``walked`` that would change nothing, or ``None``.

    Every corpus file has the size and mtime the manifest records, none is new or gone, the same
    paths are skipped, the marker names this schema, and the database describes the index's latest
    commit. The walk's digests are worked out (and kept with it) when the check gets as far as
    comparing them.
    """
    from index.models import IndexReport, Skipped
    from index.store import database
    from index.store.whoosh_compat import index_files_intact, toc_generation

    if _marker_schema(folder) != SCHEMA_VERSION:
        return None  # no index, or one the store rebuilds
    skipped = list(walked.skipped)
    try:
        with database.reading(folder) as con:
            generation = toc_generation(folder)
            if database.meta(con, "generation") != str(generation):
                return None  # a run committed to Whoosh but not here: the store recovers it
            if not index_files_intact(folder, database.meta(con, "index_files")):
                return None  # a segment file lost or cut short: opening the store finds out
            recorded = database.recorded_digests(con, generation)
            if recorded is not None:
                # The last run's walk, by digests: every manifest row need not be read.
                if not walked.count() or walked.folder_digests() != recorded:
                    return None
                articles = database.file_article_count(con)
            else:  # a manifest written by a recovery (or an older newsdesk): compared row by row
                stats = database.file_stats(con)
                found = walked.found
                if not stats or len(stats) != len(found):
                    return None
                # Compared as two dicts (one comparison in C, not a Python loop over 10,000 files).
                if {p: (s, m) for p, (s, m, _) in found.items()} != {
                    p: (s, m) for p, (s, m, _) in stats.items()
                }:
                    return None
                articles = sum(count for _, _, count in stats.values())
            inside = database.file_skipped(con)
            for path in walked.has(sorted(inside)):
                skipped.extend(inside[path])
            if skipped != database.skipped(con):
                return None
    except database.DatabaseError:
        return None
    return IndexReport(
        unchanged=articles,
        skipped=tuple(Skipped(p, r) for p, r in skipped),
    )


def _marker_schema(folder: Path) -> object:
    import json

    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data.get("schema") if isinstance(data, dict) else None
