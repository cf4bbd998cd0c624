"""The quiet check ("is the corpus unchanged since the last run?") on another core.

``tables.check_unchanged`` is a stat walk of every corpus file and a read of the database: at
100,000 files ~0.7 s of CPU, most of it Python code. A command that needs its answer also has
modules to import (Whoosh, the search, the analysis: 0.2-0.4 s). In a thread the two took turns
on one core (the walk holds the interpreter lock between its ``stat`` calls); in a forked child
process the walk runs beside the imports on the other core.

The child only walks and reads: it writes nothing but its answer to a pipe, and leaves with
``os._exit`` (no ``atexit`` handler, no buffered output flushed twice). Where ``fork`` is not
safe (not Linux, or other threads running that could hold a lock the child would need) the check
runs in this process when its answer is first asked for.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import select
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from index.store.forking import exit_code, forked, read_answer

if TYPE_CHECKING:
    from index.models import IndexReport
    from index.store.tables import Walk


def start_check(
    roots: Sequence[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str] | None = None,
    fork: bool | None = None,
) -> Check:
    """Start ``tables.check_unchanged(roots, index_dir)``; its answer is ``Check.result()``.

    Args:
        roots: The corpus, as the check takes it.
        index_dir: The index folder (None: the corpus's default one).
        fork: Whether to run it in a child process (None: where that is safe).
    """
    check = Check(roots, index_dir)
    if fork if fork is not None else _can_fork():
        check.fork()
    return check


def _can_fork() -> bool:
    # Linux only: macOS's system libraries are not safe to use in a child forked without exec.
    return (
        sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1
    )


class Check:
    """A quiet check under way (see ``start_check``)."""

    def __init__(
        self, roots: Sequence[str | os.PathLike[str]], index_dir: str | os.PathLike[str] | None
    ) -> None:
        self.roots = list(roots)
        self.index_dir = index_dir
        self.pid: int | None = None
        self.exitcode: int | None = None  # the child's, once reaped (-N: ended by signal N)
        self._fd: int | None = None
        self._answer: tuple[IndexReport | None, Walk | None] | None = None

    def fork(self) -> None:
        """Run the check in a child process (its answer is read by ``result``)."""
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass

        def answer() -> bytes:
            # The child has one thread: it may fork again to walk on both cores.
            found = _run(self.roots, self.index_dir, halves=_two_cores())
            return marshal.dumps(_encode(*found))

        try:
            self.pid, self._fd = forked(answer)
        except OSError:  # no process to spare (EAGAIN), no pipe: the check is made here
            self.pid, self._fd = None, None

    def ready(self) -> bool:
        """Whether the answer is in (or can be worked out at once, without a child)."""
        if self._answer is not None or self._fd is None:
            return True
        return bool(select.select([self._fd], [], [], 0)[0])

    def meanwhile(self, steps: Sequence[Callable[[], object]]) -> None:
        """Take ``steps`` (imports a run needs, say) one by one until the answer is in: each
        costs the run nothing when one is needed, and a check that finds nothing changed waits
        for one step at most."""
        for step in steps:
            if self.ready():
                return
            step()

    def result(self) -> tuple[IndexReport | None, Walk | None]:
        """The check's answer: the report of a run that would change nothing (``None`` when a
        run is needed), and the walk it made for ``Store.update`` to reuse (``None`` when the
        child found nothing changed: it keeps such a walk to itself)."""
        if self._answer is None:
            answer = self._collect() if self._fd is not None else None
            if answer is None:
                try:
                    answer = _run(self.roots, self.index_dir)
                except Exception:  # the store's own run then finds out, and reports it
                    answer = (None, None)
            self._answer = answer
        return self._answer

    def _collect(self) -> tuple[IndexReport | None, Walk | None] | None:
        """The child's answer, or ``None`` when it gave none (the check is then made here)."""
        assert self._fd is not None
        data = read_answer(self._fd)
        self._fd = None
        ok = self._reap()
        if not ok or not data:
            return None
        try:
            return _decode(marshal.loads(data))
        except (ValueError, EOFError, TypeError):
            return None

    def _reap(self) -> bool:
        if self.pid is None:
            return False
        self.exitcode = exit_code(self.pid)
        self.pid = None
        return self.exitcode == 0

    def close(self) -> None:
        """Stop waiting for an answer no longer needed: a child still walking is stopped (it
        only reads), so a command that ends early (a bad query) does not wait for its walk."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
            if self.pid is not None:
                with contextlib.suppress(OSError):
                    os.kill(self.pid, signal.SIGKILL)
        if self.pid is not None:
            self._reap()


def _run(
    roots: Sequence[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str] | None,
    halves: bool = False,
) -> tuple[IndexReport | None, Walk]:
    from index.store.tables import check_unchanged

    return check_unchanged(roots, index_dir, halves=halves)


def _two_cores() -> bool:
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except (AttributeError, OSError):
        return (os.cpu_count() or 1) >= 2


def _encode(report: IndexReport | None, walked: Walk) -> tuple[Any, ...]:
    """The answer as plain data for ``marshal``; a walk a run will not need is left out."""
    if report is not None:
        skipped = [(s.path, s.reason) for s in report.skipped]
        return (report.unchanged, skipped, None)
    found = walked._found  # None when the folders hold every file
    return (None, None, (found, walked.skipped, walked.folders, walked.digests))


def _decode(data: tuple[Any, ...]) -> tuple[IndexReport | None, Walk | None]:
    from index.models import IndexReport, Skipped
    from index.store.tables import Walk

    unchanged, skipped, walk = data
    if unchanged is not None:
        report = IndexReport(unchanged=unchanged, skipped=tuple(Skipped(p, r) for p, r in skipped))
        return report, None
    found, walk_skipped, folders, digests = walk
    walked = Walk(found, walk_skipped, folders)
    walked.digests = digests
    return None, walked


def run_imports() -> list[Callable[[], object]]:
    """What a run that reads a changed file loads first, in steps of 30-150 ms (for
    ``Check.meanwhile``): Whoosh, the store, the recognizer and its gazetteer."""

    def whoosh() -> None:
        from index.store.whoosh_compat import load_whoosh

        load_whoosh()

    def gazetteer() -> None:
        from index.analysis.gazetteer import load_gazetteer

        load_gazetteer()

    from functools import partial
    from importlib import import_module

    store = partial(import_module, "index.store.core")
    recognizer = partial(import_module, "index.analysis.entities")
    return [whoosh, store, recognizer, gazetteer]
