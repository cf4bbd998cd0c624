"""Writing analysed articles into the Whoosh index, in one process or in parallel segment writers.

A full build spends its time in two places: analysis (entities, stems, features: ~5 ms an article)
and Whoosh's own writing (postings and the commit's sort: ~4-5 ms). With analysis alone in worker
processes, the main process's single writer was the bottleneck and its commit ran on one core after
the workers had finished. Here, for large runs, each worker process analyses its share of articles
*and* writes them into its own Whoosh segment; the main process (which holds the write lock) reads
files, deletes what changed, and at commit adds the workers' finished segments to the index's table
of contents in one atomic step, as Whoosh's own multi-process writer does.

A worker that fails or dies makes the run raise ``ParallelFailed``; the store then repeats the run in
one process (nothing was committed to the index or its database).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from index.ingest.formats import Unblocked, complete
from index.models import Article
from index.store.database import encode_features
from index.store.schema import BodyTokens, analysed_postings, document_fields
from index.store.whoosh_writing import (
    add_analysed,
    close_segment,
    finish_worker_segment,
    worker_writer,
)

PARALLEL_MIN_ARTICLES = 200
"""Below this many new articles, worker processes cost more to start than they save."""
BATCH = 24
"""Articles per job sent to a worker."""
WORKER_LIMIT_MB = 128
"""Memory each worker's Whoosh writer may pool before spilling sorted runs to disk."""

_CACHED_FIELDS = ("published", "source", "story")
"""Fields whose postings are kept by value while indexing (``whoosh_writing.add_analysed``): a
publication date makes the same eight terms for every article of a day, a source or a story the
same terms for each of its articles."""

Row = tuple[str, str, tuple[Any, ...], list[tuple[str, str]], float, str, list[str]]
"""What the main process keeps of each indexed article: id, related-report features (the database's
JSON text, ``features_json``), catalogue row (file, title, source, date, story), the entity keys
with their surface text and the spelling words its writer had not sent yet (``database.put_names``,
``database.put_words``), progress share, path."""


class ParallelFailed(Exception):
    """A worker process failed or died; nothing of this run was committed."""


def delete_term(writer: Any, field: str, value: str) -> None:
    """Delete the documents whose ``field`` holds ``value``: Whoosh's ``delete_by_term`` through the
    public reader API.

    Whoosh's own builds a searcher for each call, and the first imports ``whoosh.searching`` and
    ``whoosh.query`` (~30 ms, a one-file ``newsdesk index`` paid it); the documents deleted are the
    same: the term's postings in the writer's segments, less those already deleted.
    """
    with writer.reader() as reader:
        if (field, value) in reader:
            for docnum in reader.postings(field, value).all_ids():
                writer.delete_document(docnum)


def features_json(feats: Any) -> str:
    """An article's related-report features as the database's ``features`` table holds them.

    Encoded where they are made (in the worker processes): the main process then keeps one string
    an article, where unpickling, interning and holding every article's nested lists of stems cost
    it ~0.25 ms of CPU an article and most of its memory at 100,000 articles.
    """
    return encode_features(feats)


def add_fields(writer: Any, fields: dict[str, Any], spelled: set[Any], update: bool) -> Row:
    """Add one analysed article's fields to ``writer``; return the row the side tables keep.

    ``spelled`` holds what this writer has already sent the main process: spelling words, and
    entity keys with their surface text. Each goes once per writer, not once per article: the main
    process keeps the fullest surface form of each key whatever the order it sees them in
    (``database.fullest``), so a pair seen again changes nothing (a Reuters story names ~16 keys,
    most of them sent before).
    """
    keys = [pair for pair in dict.fromkeys(fields.pop("_keys")) if pair not in spelled]
    spelled.update(keys)
    share, path = fields.pop("_share"), fields.pop("_path")
    feats = features_json(fields.pop("features"))
    words = [w for w in fields.pop("_words") if w not in spelled]
    spelled.update(words)
    ready = analysed_postings(writer.schema, fields)
    fields["body"] = BodyTokens(fields["body"])
    if update:
        # Whoosh's update_document, without its searcher: the older version by the unique id first.
        delete_term(writer, "id", fields["id"])
    add_analysed(writer, fields, ready, cached=_CACHED_FIELDS)
    return fields["id"], feats, (fields["file"], *fields["meta"]), keys, share, path, words


def analysed_fields(item: Article | Unblocked, share: float) -> dict[str, Any]:
    """Entities, features and Whoosh fields of one article, with its bookkeeping under ``_`` keys."""
    from index.analysis import analyse

    article = complete(item)
    entities = analyse(article)
    fields = document_fields(article, entities)
    fields["_keys"] = [(f"{e.label}|{e.canonical}", " ".join(e.text.split())) for e in entities]
    fields["_share"] = share
    fields["_path"] = article.path
    return fields


def write_articles(
    index_dir: str,
    writer: Any,
    items: Iterator[tuple[Article | Unblocked, float]],
    sink: Callable[[Row], None],
    cancelled: Callable[[], bool] | None = None,
    parallel: bool = True,
    many: bool = False,
) -> list[Any] | None:
    """Analyse and index ``items``; call ``sink`` with each article's row as it is done.

    The workers start once ``PARALLEL_MIN_ARTICLES`` articles have been read, or at once when the
    caller knows there will be many (``many``: new files that hold them), so that they start while
    the first file is still being read.

    Returns the segments written by worker processes, to be added at commit (``whoosh_writing.commit_with_segments``), an
    empty list when everything went through ``writer``, or ``None`` when the run was cancelled.

    Raises:
        ParallelFailed: a worker failed (the caller may repeat the run with ``parallel=False``).
    """
    cores = min(os.cpu_count() or 1, 4)
    eager = many and parallel and cores >= 2
    head = [] if eager else list(itertools.islice(items, PARALLEL_MIN_ARTICLES))
    if not eager and (not parallel or cores < 2 or len(head) < PARALLEL_MIN_ARTICLES):
        spelled: set[Any] = set()
        for n, (article, share) in enumerate(itertools.chain(head, items)):
            if cancelled and n % 16 == 0 and cancelled():
                return None
            sink(add_fields(writer, analysed_fields(article, share), spelled, update=True))
        return []
    items = itertools.chain(head, items)
    if any(seg.doc_count_all() for seg in writer.segments):
        # Workers add documents without deleting older versions (only the lock holder may delete).
        # Changed and removed files were deleted by file already; deleting each id as well keeps a
        # re-run after a crash between commit and manifest from adding an article twice.
        items = _deleting_ids(writer, items)
    try:
        pool = _Pool(index_dir, cores)
    except (OSError, ValueError) as exc:  # no semaphores or no process start here: one process
        raise ParallelFailed(f"cannot start indexing workers ({exc})") from exc
    return pool.run(items, sink, cancelled)


def _deleting_ids(
    writer: Any, items: Iterator[tuple[Article | Unblocked, float]]
) -> Iterator[tuple[Article | Unblocked, float]]:
    for article, share in items:
        delete_term(writer, "id", article.id)
        yield article, share


class _Pool:
    """Worker processes, each writing its own segment, fed batches of articles by this process."""

    def __init__(self, index_dir: str, cores: int) -> None:
        import multiprocessing

        # spawn: safe to start from the app's worker thread (fork with threads is not).
        self.ctx = multiprocessing.get_context("spawn")
        self.index_dir = index_dir
        self.cores = cores
        self.jobs: Any = self.ctx.Queue(maxsize=2 * cores)
        # One one-way pipe per worker for its results, whose write end only that worker holds: a
        # worker killed while writing a message leaves a pipe that reads as ended (EOFError), where
        # a shared queue, its write end held by this process too, would wait for the rest forever.
        self.readers: list[Any] = []
        self.procs: list[Any] = []
        self.segments: list[Any] = []
        self.finished = 0

    def run(
        self,
        items: Iterable[tuple[Article | Unblocked, float]],
        sink: Callable[[Row], None],
        cancelled: Callable[[], bool] | None,
    ) -> list[Any] | None:
        self.sink = sink
        self.cancelled = cancelled or (lambda: False)
        try:
            for _ in range(self.cores):
                reader, writer = self.ctx.Pipe(duplex=False)
                proc = self.ctx.Process(
                    target=_worker,
                    args=(self.index_dir, self.jobs, writer, os.getpid()),
                    daemon=True,
                    name="newsdesk-index-worker",
                )
                try:
                    proc.start()
                except (OSError, ValueError) as exc:
                    # Some hosts cannot start processes (a sandbox, a captured stderr without a
                    # file descriptor): the store then indexes in this process.
                    reader.close()
                    writer.close()
                    raise ParallelFailed(f"cannot start an indexing worker ({exc})") from exc
                writer.close()  # the worker's end: this process only reads
                self.readers.append(reader)
                self.procs.append(proc)
            batch: list[tuple[Article | Unblocked, float]] = []
            for item in items:
                batch.append(item)
                if len(batch) >= BATCH:
                    if not self._put(batch):
                        return None
                    batch = []
            if batch and not self._put(batch):
                return None
            for _ in self.procs:
                if not self._put(None):
                    return None
            quiet_since: float | None = None
            while self.finished < len(self.procs):
                if self.cancelled():
                    return None
                if self._drain(0.1):
                    quiet_since = None
                    continue
                self._check_alive()
                if all(p.exitcode is not None for p in self.procs):
                    # Every worker has exited; its last message may still be in the pipe.
                    quiet_since = quiet_since or time.monotonic()
                    if time.monotonic() - quiet_since > 5.0:
                        raise ParallelFailed("an indexing worker exited without finishing")
            return self.segments
        finally:
            self._stop()

    def _put(self, job: Any) -> bool:
        while True:
            if self.cancelled():
                return False
            try:
                self.jobs.put(job, timeout=0.05)
                self._drain(0)
                return True
            except queue.Full:
                self._drain(0)
                self._check_alive()

    def _drain(self, timeout: float) -> bool:
        """Handle the messages waiting (waiting up to ``timeout`` for the first); true if any came."""
        from multiprocessing.connection import wait

        got = False
        while self.readers:
            ready: list[Any] = wait(self.readers, timeout if timeout and not got else 0)
            if not ready:
                return got
            for reader in ready:
                try:
                    kind, payload = reader.recv()
                except (EOFError, OSError):
                    # The worker is gone (its exit code says how) and has nothing more to say.
                    self.readers.remove(reader)
                    reader.close()
                    continue
                got = True
                if kind == "rows":
                    for row in payload:
                        self.sink(row)
                elif kind == "done":
                    self.finished += 1
                    if payload is not None:
                        self.segments.append(payload)
                else:
                    raise ParallelFailed(f"an indexing worker failed: {payload}")
        return got

    def _check_alive(self) -> None:
        for proc in self.procs:
            if proc.exitcode not in (None, 0):
                raise ParallelFailed(f"an indexing worker died (exit code {proc.exitcode})")

    def _stop(self) -> None:
        for proc in self.procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self.procs:
            proc.join(timeout=5)
        self.jobs.cancel_join_thread()
        self.jobs.close()
        for reader in self.readers:
            reader.close()
        self.readers = []


def _watch_parent(parent: int) -> None:
    """Leave when the indexing process dies (killed mid-run): never linger, never commit."""

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, daemon=True, name="newsdesk-parent-watch").start()


def _worker(index_dir: str, jobs: Any, results: Any, parent: int) -> None:
    """A worker process: analyse the batches it is given and write them into a segment of its own.

    It never takes the index's write lock (the main process holds it) and never writes the table of
    contents: its finished segment goes back to the main process, which commits it. Files of a segment
    that is never committed are removed by Whoosh at the next commit.
    """
    _watch_parent(parent)
    writer = None
    try:
        writer = worker_writer(index_dir, WORKER_LIMIT_MB)
        spelled: set[Any] = set()
        while True:
            job = jobs.get()
            if job is None:
                break
            rows = [
                add_fields(writer, analysed_fields(article, share), spelled, update=False)
                for article, share in job
            ]
            results.send(("rows", rows))
        results.send(("done", finish_worker_segment(writer)))
    except BaseException as exc:  # reported to the main process, which falls back to one process
        if writer is not None:
            with contextlib.suppress(Exception):
                close_segment(writer)
        with contextlib.suppress(Exception):  # the main process may be gone
            results.send(("error", f"{type(exc).__name__}: {exc}"))
