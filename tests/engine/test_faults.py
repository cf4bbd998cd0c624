"""Faults: a killed index run, two processes writing at once, a read-only index folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.search import search
from index.store.core import IndexBusy, Store, StoreError

N_FILES = 240


def _corpus(root: Path, n: int = N_FILES) -> Path:
    root.mkdir()
    for i in range(n):
        words = " ".join(f"filler{(i * 7 + k) % 50}" for k in range(120))
        (root / f"a{i:04d}.txt").write_text(
            f"Report number {i} from the desk\nUnique marker zq{i:04d}x appears here. {words}.\n",
            encoding="utf-8",
        )
    return root


def _index_cmd(corpus: Path, ix: Path) -> list[str]:
    return [sys.executable, "-m", "tui", "index", str(corpus), "--index-dir", str(ix), "--quiet"]


def _check_complete(corpus: Path, ix: Path, n: int = N_FILES) -> None:
    store = Store([corpus], ix)
    store.update()
    assert store.doc_count() == n
    ids = [a.id for a in store.catalogue()]
    assert len(ids) == len(set(ids)) == n
    for i in (0, n // 2, n - 1):
        result = search(store, f"zq{i:04d}x", snippets=0)
        assert [h.id for h in result.hits] == [f"a{i:04d}.txt"]


@pytest.mark.parametrize("delay", [0.6, 2.0])
def test_killed_mid_index_then_restarted_is_complete(tmp_path: Path, delay: float) -> None:
    corpus = _corpus(tmp_path / "corpus")
    ix = tmp_path / "ix"
    proc = subprocess.Popen(
        _index_cmd(corpus, ix), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    time.sleep(delay)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    _check_complete(corpus, ix)


def test_two_index_processes_at_once(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    ix = tmp_path / "ix"
    procs = [
        subprocess.Popen(_index_cmd(corpus, ix), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=180) for p in procs]
    for p, (_out, err) in zip(procs, outs):
        assert p.returncode == 0, err.decode()
        assert b"Traceback" not in err
    _check_complete(corpus, ix)


def test_second_writer_is_told_the_index_is_busy(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 3)
    ix = tmp_path / "ix"
    first = Store([corpus], ix)
    writer = first.ix.writer()
    try:
        with pytest.raises(IndexBusy, match="another newsdesk process"):
            Store([corpus], ix).update(timeout=0.2)
    finally:
        writer.cancel()
    assert Store([corpus], ix).update().added == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_cache_folder_is_explained(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 2)
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        with pytest.raises(StoreError, match="cannot"):
            Store([corpus], parent / "ix")
    finally:
        parent.chmod(0o700)


def test_index_folder_is_private(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 1)
    store = Store([corpus], tmp_path / "ix")
    assert (store.index_dir.stat().st_mode & 0o777) == 0o700


def test_foreign_folder_is_not_opened(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus", 1)
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "todo.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not made by newsdesk"):
        Store([corpus], foreign)
    assert (foreign / "todo.txt").read_text(encoding="utf-8") == "mine"
