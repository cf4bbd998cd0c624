"""One index run: read what changed, write it into Whoosh, record it in the database.

``Store.update`` holds the Whoosh write lock and a database write transaction, and hands them to a
``Run``. The run touches only the rows of files that changed: the manifest's sizes and mtimes decide
what to re-read, and only the changed and removed files' rows are loaded whole. The sizes and mtimes
read are those of the folders whose digest differs from the last run's walk (``database.walk_digests``):
a one-file run at 10,000 files reads ~1,000 rows, not 10,000.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from index.ingest.files import ReadError, SourceFile, size_limit
from index.ingest.formats import Unblocked, read_file
from index.ingest.jsonl import JsonlRead, read_jsonl_changes
from index.models import Article, Skipped
from index.store import database
from index.store.database import Entry
from index.store.tables import Walk, fullest
from index.store.writers import PARALLEL_MIN_ARTICLES, Row, delete_term

MANY_BYTES = 512 * 1024
"""A new ``.jsonl`` file this big holds enough articles for the worker processes (Reuters stories
average 1 KB)."""

Progress = Callable[[int, int, str], None]
Found = dict[str, tuple[int, int, str]]
"""The corpus files a walk found (``index.store.walk``): path -> (size, mtime_ns, root)."""


class Run:
    """The changes of one run, gathered while files are read and articles written.

    Args:
        con: The database, inside the run's write transaction.
        writer: The Whoosh writer (holding the index's write lock).
        walked: The corpus walk (a ``SourceFile`` is made only for the files read again: 10,000
            of them cost ~30 ms on a one-file run).
        scan_skipped: What the scan skipped.
        read_bytes: How a file's bytes are read (the store's; tests replace it).
        generation: The Whoosh generation the database describes, when it describes the latest
            commit: then only the manifest rows of the folders whose walk digest differs from the
            last run's are read (``database.walk_digests``), else every row.
    """

    def __init__(
        self,
        con: sqlite3.Connection,
        writer: Any,
        walked: Walk,
        scan_skipped: list[Skipped],
        read_bytes: Callable[[str, int], bytes],
        generation: int | None = None,
    ) -> None:
        self.writer = writer
        self.read_bytes = read_bytes
        self.walked = walked
        recorded = None if generation is None else database.recorded_digests(con, generation)
        # Every manifest file's articles, counted in SQL when only some rows are read.
        self.articles: int | None = None
        if recorded is None:
            stats = database.file_stats(con)
            found = walked.found
        else:
            digests = walked.folder_digests()
            changed = {f for f, d in digests.items() if recorded.get(f) != d}
            changed.update(f for f in recorded if f not in digests)  # folders gone
            stats = database.folder_stats(con, changed)
            self.articles = database.file_article_count(con)
            # A file in a folder whose digest is the same is as the manifest has it: only the
            # files of the other folders are looked at (not a path made for every file).
            found = walked.found_in(changed)
        self.stats = stats
        # (A folder's manifest rows hold its sub-folders' too: asked of the whole walk.)
        present = set(walked.has(stats))
        self.removed = {p for p in stats if p not in present}
        # In path order, as the files are read (the index's document order depends on it).
        self.pending = [
            SourceFile(p, found[p][2], found[p][0], found[p][1])
            for p in sorted(p for p in found if _changed(found[p], stats.get(p)))
        ]
        self.pending_paths = {f.path for f in self.pending}
        self.old: dict[str, Entry] = database.entries(
            con, [*sorted(self.removed), *self.pending_paths]
        )
        self.new_files: dict[str, Entry] = {}  # rows of the files read this run
        self.skipped: list[Skipped] = list(scan_skipped)
        inside = database.file_skipped(con)
        # Few files, all in the manifest: those with something skipped.
        for path in walked.has(sorted(inside)):
            if path not in self.pending_paths:
                # Unchanged files keep reporting why they (or some of their lines) were skipped.
                self.skipped.extend(Skipped(p, r) for p, r in inside[path])
        self.counts = {"added": 0, "updated": 0, "unchanged": 0, "removed": 0}
        self.notes: list[str] = []
        # What this run changes in the side tables; only these rows are written.
        self.catalogue: dict[str, Any] = {}
        self.feats: dict[str, Any] = {}
        self.names: dict[str, str] = {}
        self.words: set[str] = set()
        self.gone: set[str] = set()
        for path in sorted(self.removed):
            delete_term(writer, "file", path)
            ids = self.old.get(path, {}).get("ids", [])
            self.counts["removed"] += len(ids)
            self.forget(ids)
        self.con = con
        self.claimed: set[str] = set()  # ids taken by articles of this run
        # A first build has no catalogue to look ids up in (10,000 lookups: ~0.3 s).
        self.catalogued = con.execute("SELECT 1 FROM catalogue LIMIT 1").fetchone() is not None
        self.orphan_paths: set[str] = (
            set()
        )  # files dropped from the index (``Store._drop_orphans``)
        self.total = sum(max(f.size, 1) for f in self.pending)
        # Files new to the index that certainly hold many articles: the workers are started before
        # the first is read (``writers.write_articles``); a file touched but unchanged is no reason.
        new = [f for f in self.pending if f.path not in stats]
        self.many = len(new) >= PARALLEL_MIN_ARTICLES or any(
            f.size >= MANY_BYTES and f.path.lower().endswith(".jsonl") for f in new
        )
        self.done = 0.0
        self.written = 0

    @property
    def files(self) -> list[SourceFile]:
        """Every corpus file found, in path order."""
        return [
            SourceFile(p, root, size, mtime)
            for p, (size, mtime, root) in sorted(self.walked.found.items())
        ]

    @property
    def changed(self) -> bool:
        """Whether the run changes the index at all."""
        return bool(self.pending or self.removed)

    def taken(self, article_id: str) -> bool:
        """Whether another file holds ``article_id``: one read this run, or one not read again.

        Only the new article's own row is looked up (the catalogue's path is the file the article
        came from), not every file's ids (a 10,000-file manifest's ids took ~0.2 s to decode).
        """
        if article_id in self.claimed:
            return True
        if article_id in self.gone or not self.catalogued:
            return False
        row = self.con.execute("SELECT path FROM catalogue WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return False
        path = row[0]
        return not (path in self.pending_paths or path in self.removed or path in self.orphan_paths)

    def forget(self, ids: Iterable[str]) -> None:
        """Drop articles from the side tables."""
        for i in ids:
            self.gone.add(i)
            self.catalogue.pop(i, None)
            self.feats.pop(i, None)

    def unchanged_count(self) -> int:
        """Articles of the files not read this run."""
        if self.articles is not None:  # only the changed folders' rows were read
            read = self.pending_paths | self.removed
            return self.articles - sum(
                count for path, (_, _, count) in self.stats.items() if path in read
            )
        return sum(
            count
            for path, (_, _, count) in self.stats.items()
            if path not in self.pending_paths and path not in self.removed
        )

    def read_pending(self) -> Iterator[tuple[Article | Unblocked, float]]:
        """Read, hash and parse changed files (cheap, in this process); yield new articles.

        A ``.jsonl`` file's new lines are checked first, and their articles then made one at a
        time as they are taken (their blocks left to whoever analyses them): the first reaches a
        worker at once, not after every line of the file is made into an article.
        """
        for source in self.pending:
            weight = float(max(source.size, 1))
            read = self._read_one(source)
            share = weight / max(read.count, 1)
            given = 0.0
            for article in read.fresh:
                if self._claim(article, read):
                    given += share
                    yield article, share
            self._finish(read)
            self.done += weight - given

    def _read_one(self, source: SourceFile) -> _FileRead:
        prev = self.old.get(source.path)
        prev_ids = set(prev.get("ids", [])) if prev else set()
        try:
            data = self.read_bytes(source.path, size_limit(source.path))
        except ReadError as exc:
            self.skipped.append(Skipped(source.path, str(exc)))
            # Remember the failure with the file's size and mtime: an unchanged unreadable
            # file is reported again without being read again.
            self.new_files[source.path] = _entry(source, None, [[source.path, str(exc)]])
            if prev:
                delete_term(self.writer, "file", source.path)
                self.counts["removed"] += len(prev_ids)
                self.forget(prev_ids)
            return _FileRead(self.new_files[source.path], set())
        digest = hashlib.sha1(data).hexdigest()
        entry = self.new_files[source.path] = _entry(source, digest, [])
        if prev and prev.get("sha1") == digest:
            # Touched but not changed: keep what the index has.
            entry["ids"] = prev.get("ids", [])
            entry["skipped"] = prev.get("skipped", [])
            if "lines" in prev:
                entry["lines"] = prev["lines"]
            self.skipped.extend(Skipped(p, r) for p, r in entry["skipped"])
            self.counts["unchanged"] += len(entry["ids"])
            return _FileRead(entry, set())
        read = _FileRead(entry, prev_ids)
        kept: list[str] = []
        if source.path.lower().endswith(".jsonl"):
            # Line by line: only new and changed lines are parsed and indexed again.
            lines = read.lines = read_jsonl_changes(source, data, _line_index(prev))
            read.fresh, read.count, kept = lines.articles(), len(lines.records), lines.kept
            bad = list(lines.skipped)
        else:
            articles, bad = read_file(source, data)
            read.fresh, read.count = articles, len(articles)
        self.skipped.extend(bad)
        entry["skipped"] = [[s.path, s.reason] for s in bad]
        if prev and not kept:
            delete_term(self.writer, "file", source.path)
            self.forget(prev_ids)
        elif prev:
            stale = prev_ids.difference(kept)
            for article_id in stale:
                delete_term(self.writer, "id", article_id)
            self.forget(stale)
        for article_id in kept:
            if self.taken(article_id):  # a file of another root took the id this run
                self.skipped.append(Skipped(source.path, f"duplicate article id {article_id!r}"))
                continue
            self.claimed.add(article_id)
            entry["ids"].append(article_id)
            self.counts["unchanged"] += 1
        return read

    def _claim(self, article: Article | Unblocked, read: _FileRead) -> bool:
        """Count a new article in, unless a file read earlier holds its id."""
        if self.taken(article.id):
            self.skipped.append(Skipped(article.path, f"duplicate article id {article.id!r}"))
            return False
        self.claimed.add(article.id)
        self.notes.extend(f"{article.path}: {note}" for note in article.notes)
        read.entry["ids"].append(article.id)
        self.counts["updated" if article.id in read.prev_ids else "added"] += 1
        return True

    def _finish(self, read: _FileRead) -> None:
        """Record a file read once all its new articles have been taken."""
        entry, lines = read.entry, read.lines
        if lines is not None:
            # A line may turn out unreadable only when its article is made (``JsonlRead.articles``).
            late = lines.skipped[len(entry["skipped"]) :]
            self.skipped.extend(late)
            entry["skipped"].extend([s.path, s.reason] for s in late)
            entry["lines"] = {lines.lines[i]: i for i in entry["ids"]}
        self.counts["removed"] += len(read.prev_ids - set(entry["ids"]))

    def take(self, row: Row, progress: Progress | None) -> None:
        """Keep an indexed article's side-table rows."""
        article_id, row_feats, row_catalogue, keys, share, path, words = row
        self.words.update(words)
        for key, text in keys:
            remember_name(self.names, key, text)
        self.gone.discard(article_id)
        self.feats[article_id] = row_feats
        self.catalogue[article_id] = row_catalogue
        self.done += share
        if progress and self.written % 8 == 0:
            progress(int(self.done), self.total, path)
        self.written += 1

    def save(self, con: sqlite3.Connection, generation: int, files: str) -> None:
        """Record the run in the database (inside the caller's transaction), with the index's
        ``generation`` and ``files`` (``whoosh_compat.index_files``) after its commit."""
        database.put_files(con, self.new_files, sorted(self.removed))
        # The manifest now holds exactly this run's walk: the next check compares its digests.
        database.put_digests(con, self.walked.folder_digests(), generation)
        database.put_articles(con, self.catalogue, {}, self.gone)
        put_feature_rows(con, self.feats)
        database.put_names(con, self.names)
        database.put_words(con, sorted(self.words))
        database.put_skipped(con, [[s.path, s.reason] for s in self.skipped])
        database.set_meta(con, "generation", str(generation))
        database.set_meta(con, "index_files", files)


@dataclass
class _FileRead:
    """One changed file as read: its manifest row, its old ids, and its new articles (a ``.jsonl``
    file's made as they are taken)."""

    entry: Entry
    prev_ids: set[str]
    fresh: Iterable[Article | Unblocked] = ()
    count: int = 0
    lines: JsonlRead | None = None


def _entry(source: SourceFile, digest: str | None, skipped: list[list[str]]) -> Entry:
    return {
        "size": source.size,
        "mtime_ns": source.mtime_ns,
        "sha1": digest,
        "ids": [],
        "skipped": skipped,
    }


def put_feature_rows(con: sqlite3.Connection, rows: dict[str, str]) -> None:
    """Write features rows that arrive encoded (``writers.features_json``, the same JSON that
    ``database.put_articles`` makes of a features dict) without decoding and encoding them again."""
    con.executemany("INSERT OR REPLACE INTO features VALUES (?, ?)", rows.items())


def remember_name(names: dict[str, str], key: str, text: str) -> None:
    """Keep, for each entity key, the fullest surface form seen (for facets and sidebars)."""
    if fullest(names.get(key), text, key):
        names[key] = text


def _line_index(entry: Entry | None) -> dict[str, str]:
    """The line keys of a ``.jsonl`` file's indexed articles (``index.ingest.jsonl``), from its manifest row."""
    lines = entry.get("lines") if entry else None
    if not isinstance(lines, dict):  # a file not indexed yet, or by a newsdesk without line keys
        return {}
    ids = set(entry.get("ids", [])) if entry else set()
    return {k: v for k, v in lines.items() if isinstance(k, str) and v in ids}


def _changed(found: tuple[int, int, str], known: tuple[int, int, int] | None) -> bool:
    return known is None or known[0] != found[0] or known[1] != found[1]
