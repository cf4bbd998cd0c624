"""Fetching feeds from the app: ``F`` runs ``newsdesk fetch`` in a background worker with progress.

The worker reports through the library's progress bar and one notification; when the fetched-articles
folder is part of the app's corpus, the index is updated so the new articles appear in the library.
Kept apart from ``tui/app.py``, which only binds the key to ``start``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.worker import get_current_worker

from tui.cli_web import data_dir, fetched_dir


def start(app: Any) -> None:
    """Fetch every feed in a thread worker (one run at a time; a second press while one runs is ignored)."""
    if any(w.group == "fetch" and not w.is_finished for w in app.workers):
        app.notify("Already fetching feeds", title="Feeds")
        return
    app.run_worker(
        lambda: _run(app), thread=True, group="fetch", exit_on_error=False, name="fetch feeds"
    )


def _run(app: Any) -> None:
    from tui.engine import Engine, EngineError
    from tui.messages import IndexProgress

    worker = get_current_worker()
    try:
        count = Engine.feed_count(data_dir())
    except EngineError as exc:
        app.call_from_thread(_tell, app, str(exc), "error")
        return
    if not count:
        app.call_from_thread(
            _tell, app, "No feeds yet: add one with  newsdesk feeds add URL", "warning"
        )
        return
    app.call_from_thread(
        _tell, app, f"Fetching {count} feed{'s' if count != 1 else ''}…", "information"
    )

    def progress(done: int, total: int, _url: str) -> None:
        app.post_message(IndexProgress(done, total))

    try:
        reports = Engine.fetch_feeds(
            data_dir(), fetched_dir(), progress, lambda: worker.is_cancelled
        )
    except EngineError as exc:  # another fetch running, or an unreadable list
        app.call_from_thread(_tell, app, str(exc), "warning")
        app.call_from_thread(app.library.hide_progress)
        return
    except Exception as exc:
        app.call_from_thread(_tell, app, f"Fetching failed: {type(exc).__name__}: {exc}", "error")
        app.call_from_thread(app.library.hide_progress)
        return
    if not worker.is_cancelled:
        app.call_from_thread(_finish, app, reports)


def _tell(app: Any, message: str, severity: str) -> None:
    app.notify(message, title="Feeds", severity=severity, markup=False)


def _finish(app: Any, reports: list[Any]) -> None:
    app.library.hide_progress()
    new = sum(len(r.new) for r in reports)
    failed = [r for r in reports if r.status == "failed"]
    lines = [
        (
            f"{new} new article{'s' if new != 1 else ''} from {len(reports)} feed"
            f"{'s' if len(reports) != 1 else ''}"
        )
    ]
    from tui.widgets.lists import safe  # a feed's title and the server's words: untrusted

    lines += [f"failed: {safe(r.title or r.url)}: {safe(r.reason)}" for r in failed[:5]]
    if new and not _in_corpus(app.corpus_paths, fetched_dir()):
        lines.append(f"saved in {fetched_dir()}, {_register()}")
    _tell(app, "\n".join(lines), "warning" if failed else "information")
    if new and _in_corpus(app.corpus_paths, fetched_dir()) and app.store is not None:
        app.update_index()


def _register() -> str:
    """Add the fetched-articles folder to the library (when there is one); say where to read it."""
    import contextlib
    import io

    from tui.cli_web import corpus_holding

    with contextlib.redirect_stderr(io.StringIO()):  # the app has no stderr to tell
        roots = corpus_holding(fetched_dir(), register=True)
    if roots != [str(fetched_dir())] or _library_holds(fetched_dir()):
        return "in your library: run newsdesk again to read it"
    return f"open it with: newsdesk {fetched_dir()}"


def _library_holds(folder: Path) -> bool:
    try:
        from tui import library
    except ImportError:
        return False
    try:
        return library.absolute(str(folder)) in library.load()
    except Exception:
        return False


def _in_corpus(paths: list[str], folder: Path) -> bool:
    """Whether articles saved under ``folder`` are part of a corpus made of ``paths``."""
    target = folder.resolve()
    for raw in paths:
        root = Path(raw).expanduser().resolve()
        if target == root or root in target.parents or target in root.parents:
            return True
    return False
