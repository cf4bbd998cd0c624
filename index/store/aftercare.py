"""What an index run leaves to do after its commit: the related-report model brought up to date.

``newsdesk related`` maps a corpus model kept beside the index (``index.related.stored``), and an
index change makes it stale: the next ``related`` call built it again (~11 s on the 19,043 Reuters
stories, 5-6 s at 10,000). A run that changed the index now starts that build itself, in a
background process of its own, so the run returns as fast as before (a one-file change is timed in
tenths of a second; the build takes seconds) and the next ``related`` call maps the new model, or
waits for the build already under way instead of making a second one.

The build is started when the model was in use (its file is in the index folder: ``related`` was
called on this index) or when the run wrote much of the corpus (a first index of a real corpus):
not for every small index nobody asks related reports of. The process runs
``index.related.stored.main``, named, not imported: the store sits below the related reports (they
read it), and a process keeps the run's own time and memory apart from the build's.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from index.models import IndexReport

__all__ = [
    "BUILDER",
    "MODEL_FILE",
    "MODEL_LIMIT",
    "build_lock",
    "running_build",
    "start_model_build",
    "wants_model_build",
]

MODEL_FILE = "related-model.bin"
"""``index.related.stored.MODEL_FILE`` (named here too: the store does not import the related reports)."""
BUILDER = ".related-model.building"
"""The file naming the process building the model (its id), while it builds; hidden from Whoosh."""
MODEL_LIMIT = 20_000
"""``index.related.reports.MODEL_LIMIT``, named here too: above it ``related`` ranks from the index and
never reads the model, so no run builds one (at 100,000 generated articles the build it started took
over 5 GB of memory, in the background, for a file nothing maps)."""
BIG_RUN = 1000
"""A run that wrote at least this many articles, and at least a quarter of the corpus, builds the
model even where it was never used (a build costs about a tenth of such a run)."""


# At a low priority: the user's own commands come first.
_BUILD = (
    "import os, sys\n"
    "if hasattr(os, 'nice'): os.nice(10)\n"
    "from index.related.stored import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def wants_model_build(index_dir: Path, report: IndexReport) -> bool:
    """Whether a run that ended with ``report`` should bring the related-report model up to date."""
    written = report.added + report.updated
    if not (written or report.removed) or report.notes[-1:] == ("cancelled",):
        return False
    if written + report.unchanged > MODEL_LIMIT:
        return False
    if (index_dir / MODEL_FILE).exists():
        return True
    return written >= BIG_RUN and 4 * written >= written + report.unchanged


def start_model_build(index_dir: Path, roots: list[str]) -> int | None:
    """Start building the related-report model of an index in a background process.

    The process is named in :data:`BUILDER` before this returns, so that a ``related`` call made
    meanwhile waits for it rather than building the model a second time. Nothing is raised: a
    build that cannot start is made by the next ``related`` call, as before.

    Returns:
        The build process's id, or ``None`` when it could not be started.
    """
    package_root = str(Path(__file__).resolve().parents[2])  # the folder holding ``index``
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    try:
        child = subprocess.Popen(
            [sys.executable, "-c", _BUILD, str(index_dir), *roots],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not stopped by a Ctrl-C meant for the command that started it
            close_fds=True,
            env=env,
        )
    except OSError:
        return None
    with contextlib.suppress(OSError):
        (index_dir / BUILDER).write_text(str(child.pid), "utf-8")
    return child.pid


def running_build(index_dir: Path) -> int | None:
    """The id of the live process named as building this folder's model, if any."""
    if os.name != "posix":
        return None  # os.kill(pid, 0) is no liveness check on Windows (signal 0 is CTRL_C_EVENT)
    try:
        pid = int((index_dir / BUILDER).read_text("utf-8").strip())
        os.kill(pid, 0)
    except (OSError, ValueError):  # none, unreadable, or its process gone
        return None
    return pid


@contextlib.contextmanager
def build_lock(index_dir: Path) -> Iterator[None]:
    """Held while one background build runs (an exclusive lock on a hidden file of the folder)."""
    try:
        import fcntl
    except ImportError:  # not on this system: builds may then overlap, each writing whole files
        yield
        return
    with open(index_dir / ".related-model.lock", "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
