"""The store: a corpus and its Whoosh index, opened, searched and brought up to date.

The index sits outside the corpus (the user cache directory, keyed by the corpus roots), in a private
folder (``index.store.folder``). Its database (``index.store.database``) records each file's size,
mtime and content hash so a second run re-reads only what changed, and for a ``.jsonl`` file a hash
of each line, so only its new and changed lines are indexed again (``index.ingest.jsonl``).

The Whoosh schema and the stored article are in ``index.store.schema``, writing in
``index.store.writers``, one run's bookkeeping in ``index.store.update``, and every private Whoosh
use in ``index.store.whoosh_compat`` (reading) and ``index.store.whoosh_writing`` (writing).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.models import Article, Entity, IndexReport, Skipped
from index.store import aftercare, database, folder, recover
from index.store.errors import IndexBusy, StoreError
from index.store.schema import (  # BodyText: see below
    ENTITY_FIELDS,
    SCHEMA_VERSION,
    BodyText,
    decode_article,
    decode_blob,
    document_fields,
    encode_blob,
    make_schema,
    text_analyzer,
)
from index.store.tables import (
    MARKER,
    ArticleInfo,
    Walk,
    default_index_dir,
    unchanged_report,
)
from index.store.whoosh_compat import index_files, is_empty_searcher, patch_lengths
from index.store.whoosh_writing import commit_with_segments, patch_block_pickles, use_term_pool
from index.store.writers import ParallelFailed, write_articles

if TYPE_CHECKING:
    from index.store.update import Progress

# Whoosh pickles the schema into every table of contents, naming each field's class by module:
# indexes made before the schema had its own module name ``index.store.core.BodyText``, so the name
# must stay here for them to open (tests/engine/test_store_database.py).
__all__ = [
    "ENTITY_FIELDS",
    "MARKER",
    "SCHEMA_VERSION",
    "BodyText",
    "IndexBusy",
    "Store",
    "StoreError",
    "decode_blob",
    "document_fields",
    "encode_blob",
    "make_schema",
    "open_store",
    "text_analyzer",
]

patch_lengths()
patch_block_pickles()

MAIN_LIMIT_MB = 256
"""Memory this process's writer may pool before spilling sorted runs to disk."""
MAIN_TERM_POOL_MIN = 1
"""Files a run re-reads from which this process's writer (runs too small for the workers, the
one-process fallback) pools postings by term as the workers' do (``index.store.whoosh_pool``):
the same postings. Measured in one process (``bench_main_writer.py``, 2026-11-28, load 4-7): 500
generated articles 9.18 -> 8.91 s of CPU, 5,000 109.2 -> 89.4 s. A one-file update was 0.7% dearer
through the pool then (callgrind); with its short terms inlined and blocks pickled at protocol 4
(``whoosh_writing``) it is cheaper: 987.6 -> 923.3 M instructions in the run's process at 10,000
generated articles (callgrind, 2026-11-29), so every run that reads a file uses it."""


# The readers of every format (markdown, YAML, HTML: ~0.25 s to import) are loaded only when a run
# reads files, not by a search on an unchanged corpus; tests replace this to stage races.
def read_bytes(path: str, limit: int) -> bytes:
    """``index.ingest.files.read_bytes``."""
    from index.ingest.files import read_bytes as read_path

    return read_path(path, limit)


WRITE_TIMEOUT = 3.0


class Store:
    """A corpus and its Whoosh index.

    Args:
        roots: Corpus folders or files.
        index_dir: Where the index lives (default: the user cache folder for these roots).
        allow_foreign: Open an ``index_dir`` that holds files newsdesk did not make (only on request).
    """

    def __init__(
        self,
        roots: Sequence[str | os.PathLike[str]],
        index_dir: str | os.PathLike[str] | None = None,
        allow_foreign: bool = False,
    ) -> None:
        self.roots = [str(Path(r).expanduser().resolve()) for r in roots]
        self.index_dir = (
            Path(index_dir).expanduser() if index_dir else default_index_dir(self.roots)
        )
        self.messages: list[str] = []
        self.build_related = True
        """Whether a run that changed the index starts the related-report model's build
        (``index.store.aftercare``)."""
        self._table_cache: dict[str, tuple[Any, Any]] = {}
        self._pool_lock = threading.Lock()
        self._idle: list[Any] = []
        folder.prepare(self.index_dir, allow_foreign)
        seed = index_dir is None  # a cache index may start from another set's (``seeding``)
        self.ix = folder.open_or_create(self.index_dir, self.roots, self.messages, seed)
        recover.open_database(self)

    # -- the database ----------------------------------------------------------------------------

    def _table(self, name: str, keep: bool = True) -> Any:
        """A side table, re-read only when the database changed (another process may update it);
        ``keep=False``: read, and not kept for the next call."""
        stamp = database.stamp(self.index_dir)
        cached = self._table_cache.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        readers = {
            "catalogue": database.catalogue,
            "names": database.names,
            "features": database.features,
            "skipped": database.skipped,
            "words": database.words,
        }
        for attempt in range(2):
            try:
                with database.reading(self.index_dir) as con:
                    table = readers[name](con)
                break
            except database.DatabaseError as exc:
                if attempt:
                    raise StoreError(f"cannot read the index's database: {exc}") from exc
                # Damaged or lost meanwhile, or a killed run's journal to roll back first.
                recover.rebuild_database(self)
                stamp = database.stamp(self.index_dir)
        if keep:
            self._table_cache[name] = (stamp, table)
        return table

    # -- reading ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def searcher(self) -> Iterator[Any]:
        """A searcher on the latest committed state, for one caller at a time.

        Opening a searcher opens every segment file (3-4 ms); a search-as-you-type keystroke should
        not pay that. Idle searchers are kept in a small pool and reused while the index has not
        changed (a cheap generation check), so each thread still has its own searcher while it uses it.
        """
        with self._pool_lock:
            s = self._idle.pop() if self._idle else None
        if s is None or is_empty_searcher(s) or not s.up_to_date():
            # Not ``s.refresh()``: whoosh-reloaded 2.7.5 keeps the segments a commit merged away
            # beside the merged one in a refreshed reader, so every article of them was counted
            # and found twice (tests/engine/test_store_database.py). A stale searcher is dropped,
            # not closed (one refreshed earlier may share its segment readers).
            s = self.ix.searcher()
        try:
            yield s
        finally:
            with self._pool_lock:
                if len(self._idle) < 4:
                    self._idle.append(s)
                    s = None
            if s is not None:
                s.close()

    def doc_count(self) -> int:
        """Number of articles in the index."""
        with self.searcher() as s:
            return int(s.doc_count())

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id, or ``None``."""
        found = self.article_with_entities(article_id)
        return found[0] if found else None

    def article_with_entities(self, article_id: str) -> tuple[Article, list[Entity]] | None:
        """The stored article and the entities found in it at index time."""
        found = self.article_first(article_id)
        return None if found is None else (found[0], found[1]())

    def article_first(self, article_id: str) -> tuple[Article, Callable[[], list[Entity]]] | None:
        """The stored article, and a call that makes its entities (``schema.decode_article``)."""
        with self.searcher() as s:
            fields = s.document(id=article_id)
        return decode_article(fields["blob"]) if fields else None

    def entities(self, article_id: str) -> list[Entity]:
        """Entities stored for an article (empty when unknown)."""
        found = self.article_with_entities(article_id)
        return found[1] if found else []

    def catalogue(self) -> list[ArticleInfo]:
        """Every article's listing fields, in id order (from the side table: no article is loaded)."""
        rows = self._table("catalogue")
        return [ArticleInfo(i, *rows[i]) for i in sorted(rows)]

    def features(self) -> dict[str, Any]:
        """Every article's related-report features by id (from ``index.analysis.features``).

        Read afresh on each call, not kept: they are read only to build the related-report model
        (``index.related.stored``), and 10,000 articles' features take ~560 MB as Python objects.
        """
        table: dict[str, Any] = self._table("features", keep=False)
        return table

    def ids_for_path(self, path: str | os.PathLike[str]) -> list[str]:
        """Ids of the articles read from a file."""
        resolved = str(Path(path).expanduser().resolve())
        with self.searcher() as s:
            return sorted(s.stored_fields(n)["id"] for n in s.document_numbers(file=resolved))

    def display_names(self) -> dict[str, str]:
        """Readable names for ``LABEL|canonical`` entity keys (the fullest form seen in the corpus)."""
        table: dict[str, str] = self._table("names")
        return table

    def spelling_words(self) -> list[str]:
        """Every unstemmed word of the indexed titles and bodies, sorted (for spelling suggestions
        and fuzzy words; from the database, re-read only when it changed)."""
        table: list[str] = self._table("words")
        return table

    def skipped(self) -> list[Skipped]:
        """Files skipped by the last index run, with reasons."""
        return [Skipped(p, r) for p, r in self._table("skipped")]

    # -- writing ---------------------------------------------------------------------------------

    def update(
        self,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        timeout: float = WRITE_TIMEOUT,
        walked: Walk | None = None,
    ) -> IndexReport:
        """Bring the index up to date with the corpus: add new files, re-read changed, drop deleted.

        Args:
            progress: Called as ``progress(done, total, path)`` while files are read.
            cancelled: Polled between files; when it returns true the run stops without committing.
            timeout: Seconds to wait for another process's write to finish before giving up.
            walked: The corpus walk of a check the caller has just made that found changes
                (``tables.check_unchanged`` answered no report): neither the walk nor that check
                is made twice, and the folder digests it worked out are reused by the run.

        Raises:
            IndexBusy: another process holds the write lock.
            StoreError: the index cannot be written.
        """
        # The stat-only walk finds what ``index.ingest.files.scan`` finds (its rules, tested
        # alike), without a Path object per file.
        given = walked is not None
        if walked is None:
            walked = Walk.of(self.roots)
        if not self.messages and not given:  # just created or rebuilt: the run records it
            # Nothing changed: no lock taken, nothing written.
            quiet = unchanged_report(self.index_dir, walked)
            if quiet is not None:
                return quiet
        scan_skipped = [Skipped(p, r) for p, r in walked.skipped]
        try:
            report = self._update_once(walked, scan_skipped, progress, cancelled, timeout, True)
        except ParallelFailed as exc:
            # Nothing was committed: do the same run again in this process.
            report = self._update_once(walked, scan_skipped, progress, cancelled, timeout, False)
            note = f"{exc}; indexed in one process instead"
            report = dataclasses.replace(report, notes=(*report.notes, note))
        if self.build_related and aftercare.wants_model_build(self.index_dir, report):
            # The related-report model, stale now, is built again in the background.
            aftercare.start_model_build(self.index_dir, self.roots)
        return report

    def _update_once(
        self,
        walked: Walk,
        scan_skipped: list[Skipped],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        timeout: float,
        parallel: bool,
    ) -> IndexReport:
        from whoosh.writing import LockError  # 0.2 s to import: only when writing

        try:
            # Separate segment files, not Whoosh's compound file: a searcher opened on a compound
            # segment copies its whole postings file into memory (568 MB at 100,000 articles).
            writer = self.ix.writer(timeout=timeout, limitmb=MAIN_LIMIT_MB, compound=False)
        except LockError:
            raise IndexBusy(
                "another newsdesk process is updating this index; showing what is already indexed"
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot write the index: {exc.strerror or exc}") from exc
        try:
            return self._update_locked(writer, walked, scan_skipped, progress, cancelled, parallel)
        except BaseException as exc:
            with contextlib.suppress(Exception):
                writer.cancel()
            if isinstance(exc, (sqlite3.Error, OSError)) and not isinstance(exc, StoreError):
                raise StoreError(f"cannot write the index: {_reason(exc)}") from exc
            raise

    def _update_locked(
        self,
        writer: Any,
        walked: Walk,
        scan_skipped: list[Skipped],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        parallel: bool = True,
    ) -> IndexReport:
        # The database's write transaction spans the run. A killed run leaves neither commit;
        # one killed between the Whoosh commit and this transaction's commit leaves a database
        # that SQLite rolls back to the previous run, whose generation then differs from the
        # index's: the next run re-reads every file whose size or mtime differs from that older
        # manifest (re-adding an article first deletes it by file and by id: no duplicates) and
        # drops the articles of files no longer in the corpus (``recover.drop_orphans``).
        with database.writing(self.index_dir) as con:
            return self._run(con, writer, walked, scan_skipped, progress, cancelled, parallel)

    def _run(
        self,
        con: sqlite3.Connection,
        writer: Any,
        walked: Walk,
        scan_skipped: list[Skipped],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        parallel: bool,
    ) -> IndexReport:
        from index.store.update import Run

        generation = self.ix.latest_generation()
        stale = database.meta(con, "generation") != str(generation)
        # A database that describes the latest commit: only the folders whose walk digest
        # changed have their manifest rows read.
        run = Run(con, writer, walked, scan_skipped, read_bytes, None if stale else generation)
        orphans = recover.drop_orphans(self, run) if stale else 0
        if len(run.pending) >= MAIN_TERM_POOL_MIN:
            use_term_pool(writer, MAIN_LIMIT_MB)  # nothing pooled yet: deletions only so far
        segments = write_articles(
            str(self.index_dir),
            writer,
            run.read_pending(),
            lambda row: run.take(row, progress),
            cancelled,
            parallel,
            many=run.many,
        )
        if segments is None:
            writer.cancel()
            con.execute("ROLLBACK")
            return IndexReport(notes=("cancelled",))
        if progress:
            progress(run.total, run.total, "")
        if run.changed or orphans:
            commit_with_segments(writer, segments)
            generation = self.ix.latest_generation()
        else:
            writer.cancel()
        run.save(con, generation, index_files(self.index_dir))
        counts = run.counts
        return IndexReport(
            added=counts["added"],
            updated=counts["updated"],
            removed=counts["removed"],
            unchanged=counts["unchanged"] + run.unchanged_count(),
            skipped=tuple(run.skipped),
            notes=tuple(run.notes),
            rebuilt=" ".join(self.messages) or None,
            reread=len(run.pending),
        )


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "strerror", None) or exc)


def open_store(
    paths: Iterable[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str] | None = None,
    allow_foreign: bool = False,
) -> Store:
    """Open (creating when needed) the index for a corpus."""
    return Store(list(paths), index_dir, allow_foreign)
