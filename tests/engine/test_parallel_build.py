"""Parallel segment writers (issue 6): the same index as one process, and safe when a worker dies."""

from __future__ import annotations

import multiprocessing
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.models import IndexReport
from index.search import search
from index.store import writers
from index.store.core import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PARALLEL_MIN_ARTICLES = 48
"""The store's threshold for worker processes (200), lowered here: what these tests check is the
parallel path, not the size at which it starts; 88 articles instead of 240 make each build about
three times cheaper. Batches are smaller in proportion, so each worker still gets several."""
BATCH = 8
N = PARALLEL_MIN_ARTICLES + 40


@pytest.fixture(autouse=True, scope="module")
def _small_threshold() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(writers, "PARALLEL_MIN_ARTICLES", PARALLEL_MIN_ARTICLES)
        mp.setattr(writers, "BATCH", BATCH)
        yield


def _corpus(root: Path, n: int = N) -> Path:
    """Seed paragraphs reshuffled into ``n`` distinct articles, each with a unique marker word."""
    paras = [
        p.strip()
        for f in sorted(SEEDS.glob("*.txt"))
        for p in f.read_text(encoding="utf-8").split("\n\n")
        if len(p.strip()) > 80
    ]
    root.mkdir()
    for i in range(n):
        body = "\n\n".join(paras[(i * 3 + k) % len(paras)] for k in range(4))
        (root / f"r{i:04d}.txt").write_text(
            f"Desk report {i} on the war\n\nMarker zq{i:04d}x. {body}\n", encoding="utf-8"
        )
    return root


def _segments(store: Store) -> int:
    return len(store.ix._segments())


def _snapshot(store: Store) -> tuple[object, ...]:
    return (
        store.doc_count(),
        [(a.id, a.title) for a in store.catalogue()],
        sorted(store.display_names().items()),
        sorted(store.features().items()),
        store.spelling_words(),
        [
            search(store, q, limit=5).total
            for q in ("kursk", "person:zelensky", '"north korean"', "zq0007y~")
        ],
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, IndexReport]:
    """The corpus, its index built by the worker processes, and that build's report (shared: the
    tests that change the index work on a copy of its folder)."""
    root = tmp_path_factory.mktemp("parallel")
    corpus = _corpus(root / "c")
    report = Store([corpus], root / "ix-par").update()
    return corpus, root / "ix-par", report


def test_parallel_build_matches_one_process(
    built: tuple[Path, Path, IndexReport], tmp_path: Path
) -> None:
    corpus, ix, report = built
    parallel = Store([corpus], ix)
    assert report.added == N and not report.notes
    # Each worker wrote its own segment: the run really was parallel.
    assert _segments(parallel) >= 2

    serial = Store([corpus], tmp_path / "ix-one")
    writer = serial.ix.writer()
    serial._update_locked(writer, *_scan(serial), None, None, parallel=False)
    assert _segments(serial) == 1
    assert _snapshot(parallel) == _snapshot(serial)
    assert search(parallel, "zq0077x").total == 1


def _scan(store: Store) -> tuple[object, object]:
    from index.ingest.files import scan
    from index.store.tables import Walk

    files, skipped = scan(store.roots)
    found = {f.path: (f.size, f.mtime_ns, f.root) for f in files}
    return Walk(found, [[s.path, s.reason] for s in skipped]), skipped


def test_rerun_after_lost_manifest_adds_nothing_twice(
    built: tuple[Path, Path, IndexReport], tmp_path: Path
) -> None:
    """A run killed between its commit and its manifest re-reads every file: no duplicates."""
    corpus, built_ix, _ = built
    ix = tmp_path / "ix"
    shutil.copytree(built_ix, ix)
    # The manifest: a JSON file up to the index folder's database, in the database since.
    lost = [p for p in (ix / "manifest.json", ix / "newsdesk.sqlite") if p.exists()]
    assert lost, sorted(p.name for p in ix.iterdir())
    for p in lost:
        p.unlink()
    store = Store([corpus], ix)
    report = store.update()
    assert report.added == N
    assert store.doc_count() == N
    assert search(store, "zq0005x").total == 1


def test_many_changed_files_replace_their_articles(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c")
    ix = tmp_path / "ix"
    Store([corpus], ix).update()
    for f in sorted(corpus.glob("*.txt"))[: PARALLEL_MIN_ARTICLES + 5]:
        f.write_text(f.read_text(encoding="utf-8").replace("Marker", "Revised marker"), "utf-8")
    store = Store([corpus], ix)
    report = store.update()
    assert report.updated == PARALLEL_MIN_ARTICLES + 5
    assert store.doc_count() == N
    assert search(store, "revised").total == PARALLEL_MIN_ARTICLES + 5


def test_a_dead_worker_falls_back_to_one_process(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c")
    store = Store([corpus], tmp_path / "ix")
    killed: list[int] = []

    def progress(done: int, total: int, path: str) -> None:
        workers = [
            p for p in multiprocessing.active_children() if p.name == "newsdesk-index-worker"
        ]
        if workers and not killed:
            workers[0].kill()
            killed.append(workers[0].pid or 0)

    report = store.update(progress=progress)
    assert killed, "the run never had a worker to kill"
    assert any("indexed in one process instead" in n for n in report.notes)
    assert report.added == N
    assert store.doc_count() == N
    assert [a.id for a in store.catalogue()] == sorted(f"r{i:04d}.txt" for i in range(N))
    assert not [p for p in multiprocessing.active_children() if p.name == "newsdesk-index-worker"]


def _dies_mid_message(index_dir: str, jobs: object, results: object, parent: int) -> None:
    """A worker killed while it writes a message: the frame's length, then a part of its bytes."""
    import os
    import struct

    fd = results.fileno()  # type: ignore[attr-defined]
    os.write(fd, struct.pack("!i", 1_000_000) + b"x" * 100)
    os._exit(9)


def test_a_worker_killed_mid_message_does_not_hang_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The main process reads a worker's results from a pipe only that worker writes to: a message
    cut short reads as the end of the pipe. (On a queue whose write end the main process also held,
    the read waited for the rest of the message for ever.)"""
    import index.store.writers as writers

    monkeypatch.setattr(writers, "_worker", _dies_mid_message)  # spawned workers import it by name
    corpus = _corpus(tmp_path / "c")
    store = Store([corpus], tmp_path / "ix")
    report = store.update()
    assert any("indexed in one process instead" in n for n in report.notes), report.notes
    assert report.added == N and store.doc_count() == N


def test_workers_that_cannot_start_fall_back_to_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Inside the app, stderr had no file descriptor and starting a process raised ValueError."""
    ctx = multiprocessing.get_context("spawn")

    class Refusing(ctx.Process):  # type: ignore[misc,name-defined]
        def start(self) -> None:
            raise ValueError("bad value(s) in fds_to_keep")

    monkeypatch.setattr(ctx, "Process", Refusing)
    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: ctx)
    corpus = _corpus(tmp_path / "c")
    store = Store([corpus], tmp_path / "ix")
    report = store.update()
    assert report.added == N and store.doc_count() == N
    assert any("cannot start an indexing worker" in n for n in report.notes)


def test_a_worker_process_reads_field_lengths_through_the_patch(tmp_path: Path) -> None:
    """A spawned worker imports ``index.store.writers``, not ``index.store.core`` (which patches the
    main process's Whoosh): its own writer applies ``patch_lengths``, or every posting of its
    segment's finish read a field length through Whoosh's column wrappers."""
    import subprocess
    import sys

    (tmp_path / "empty").mkdir()
    Store([tmp_path / "empty"], tmp_path / "ix")  # a new, empty index for the writer
    code = (
        "import sys\n"
        "from index.store.whoosh_writing import worker_writer, close_segment\n"
        "from whoosh.codec import whoosh3\n"
        "before = getattr(whoosh3.W3PerDocReader, '_newsdesk_patched', False)\n"
        "w = worker_writer(sys.argv[1], 16)\n"
        "close_segment(w)\n"
        "print('index.store.core' in sys.modules, before,"
        " getattr(whoosh3.W3PerDocReader, '_newsdesk_patched', False))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "ix")],
        check=True,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert out.stdout.split() == ["False", "False", "True"]
