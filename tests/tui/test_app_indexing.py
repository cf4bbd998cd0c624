"""The app indexing a corpus big enough for the engine's worker processes."""

from __future__ import annotations

import os
from multiprocessing import resource_tracker
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import settle

import index.store.core
from index.store.writers import PARALLEL_MIN_ARTICLES


@pytest.fixture()
def fresh_resource_tracker(monkeypatch: pytest.MonkeyPatch) -> Any:
    """A resource tracker not yet started, as in a new ``newsdesk`` process."""
    tracker = resource_tracker.ResourceTracker()
    for name in ("_resource_tracker", "ensure_running", "register", "unregister", "getfd"):
        value = tracker if name == "_resource_tracker" else getattr(tracker, name)
        monkeypatch.setattr(resource_tracker, name, value)
    yield tracker
    tracker._stop()


async def test_first_run_indexes_with_worker_processes(
    make_app: Any, tmp_path: Path, fresh_resource_tracker: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's stderr has no file descriptor: worker processes must still start from the app."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    n = PARALLEL_MIN_ARTICLES + 10
    for i in range(n):
        (corpus / f"a{i:04d}.txt").write_text(
            f"Report {i} from Kharkiv\n\nOfficials said {100 + i} soldiers crossed near Kharkiv "
            f"on Monday, and the mayor of district {i} asked for help.\n",
            encoding="utf-8",
        )
    if min(os.cpu_count() or 1, 4) < 2:
        pytest.skip("one core: the engine indexes in one process anyway")
    failures: list[BaseException] = []
    write = index.store.core.write_articles

    def watched(*args: Any, **kwargs: Any) -> Any:
        try:
            return write(*args, **kwargs)
        except index.store.core.ParallelFailed as exc:  # the engine then indexes in one process
            failures.append(exc)
            raise

    monkeypatch.setattr(index.store.core, "write_articles", watched)
    app = make_app(corpus, tmp_path / "index")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        assert failures == []
        notes = "\n".join(n.message for n in app._notifications)
        assert "failed" not in notes, notes
        assert len(app.library.catalogue) == n
        assert f"{n} articles in the library" in str(app.screen.query_one("#status").render())


def test_top_level_help_names_the_app_options(capsys: pytest.CaptureFixture[str]) -> None:
    """``newsdesk --help`` says how to open the app on a corpus with its own index folder."""
    from tui.cli import main

    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "[--index-dir DIR] [PATH ...]" in out
    assert "COMMAND" in out
