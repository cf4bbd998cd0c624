"""The library's status row at 80 columns: the "did you mean" suggestion and its key stay whole.

At 80x24 on a two-folder library, "0 results for earthqake · best first · your library (2
folders)   did you me" was all a user saw: the suggestion and its key, the way out of a typo, were
cut off by the status before them.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Static
from tui_helpers import settle


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (160, 45)])
async def test_the_suggestion_is_shown_whole(make_app: Any, size: tuple[int, int]) -> None:
    app = make_app()
    app.corpus_note = "your library (2 folders)"
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ukrane", "enter")
        await settle(pilot)
        screen = app.screen
        assert screen.suggestion  # the seeds say "Ukraine"
        hint = screen.query_one("#suggestion", Static)
        assert hint.region.width >= len(f"did you mean: {screen.suggestion}  (d)")
        assert hint.region.right <= size[0]
        assert "results for ukrane" in str(screen.query_one("#status", Static).render())


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_an_error_wraps_to_its_remedy(make_app: Any, size: tuple[int, int]) -> None:
    """An error's remedy comes last: at 80 columns "⚠ /etc is not empty and was not made by newsdesk;
    refusing to open it (choos" was all the status showed."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"quantity:lots", "enter")
        await settle(pilot)
        status = app.screen.query_one("#status", Static)
        message = str(status.render())
        assert message.startswith("⚠") and message.endswith("quantity:thousands")
        lines = -(-len(message) // status.region.width)  # the lines the message needs
        assert status.region.height >= lines
        assert status.region.right <= size[0]
