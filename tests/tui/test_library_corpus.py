"""The app says when it shows the bundled samples because the library is empty (issue 11)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static
from tui_helpers import settle

SIZE = (160, 45)


def _status(app: Any) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def test_status_line_says_the_samples_stand_in_for_an_empty_library(make_app: Any) -> None:
    app = make_app(samples=True, corpus_notes=["a library folder cannot be read"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "2 articles in the library" in _status(app)
        assert _status(app).endswith("· sample articles: your library is empty")
        assert any("cannot be read" in str(n.message) for n in app._notifications)


async def test_status_line_of_the_users_own_corpus_has_no_note(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "sample articles" not in _status(app)
        assert "2 articles in the library" in _status(app)
