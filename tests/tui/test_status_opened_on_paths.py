"""Opened on PATHs (``newsdesk PATH``), the status line does not call them the library."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static
from tui_helpers import settle

SIZE = (160, 45)


def _status(app: Any) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def test_paths_are_not_called_the_library(make_app: Any) -> None:
    app = make_app(corpus_label="on seeds", in_library=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "library" not in _status(app)
        assert _status(app) == "2 articles · newest first · on seeds"


async def test_the_library_is_still_called_so(make_app: Any) -> None:
    app = make_app(corpus_label="your library (1 folder)", in_library=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert _status(app) == "2 articles in the library · newest first · your library (1 folder)"


def test_the_command_line_says_whether_it_is_the_library(monkeypatch: Any, tmp_path: Any) -> None:
    from tui import cli, library

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    made: list[dict[str, Any]] = []

    class Fake:
        return_code = 0

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            made.append(kwargs)

        def run(self) -> None:
            pass

    import tui.app

    monkeypatch.setattr(tui.app, "NewsdeskApp", Fake)
    seeds = str(library.seeds_dir())
    cli.main([seeds])
    assert made[-1]["in_library"] is False
