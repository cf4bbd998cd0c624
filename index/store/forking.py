"""Work done in a forked child process that writes its answer to a pipe (Linux: the quiet check
and its walk on a second core, ``checking`` and ``walk.walk_halves``)."""

from __future__ import annotations

import os
from collections.abc import Callable


def forked(work: Callable[[], bytes]) -> tuple[int, int]:
    """Run ``work`` in a forked child, which writes what it returns to a pipe and leaves at once
    (``os._exit``: no ``atexit`` handler, no buffered output written twice).

    Returns:
        The child's process id and the pipe's end to read its answer from.

    Raises:
        OSError: no pipe or no fork.
    """
    read, write = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        raise
    if pid == 0:  # the child
        code = 1
        try:
            os.close(read)
            data = work()
            with open(write, "wb", closefd=True) as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def read_answer(read: int) -> bytes:
    """All the child wrote (the pipe's end is closed)."""
    with open(read, "rb", closefd=True) as pipe:
        return pipe.read()


def exit_code(pid: int) -> int | None:
    """The child's exit code once it has left (``-N``: ended by signal N; ``None``: not ours)."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return None
    return os.waitstatus_to_exitcode(status)
