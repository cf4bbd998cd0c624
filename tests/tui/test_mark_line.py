"""The A mark's line keeps its key hint on screen when the title does not fit (library and reader)."""

from __future__ import annotations

from typing import Any

from textual.strip import Strip
from tui_helpers import HEADLINE, settle

SIZE = (100, 30)


def _drawn(app: Any, widget: Any) -> str:
    """What the terminal receives in the widget's (one-line) region."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    region = widget.region
    return Strip.join(update.strips[region.y]).text[region.x : region.right]


async def test_library_mark_keeps_its_hint_when_the_title_is_cut(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#results").highlighted_id == HEADLINE  # the long title
        await pilot.press("a")
        await settle(pilot)
        mark = app.screen.query_one("#mark")
        row = _drawn(app, mark)
        assert "A: North Korea" in row and "…" in row
        assert row.rstrip().endswith("(c compares)")


async def test_reader_mark_keeps_its_hint_when_the_title_is_cut(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", "j", "enter")  # A: the long-titled report; read the other one
        await settle(pilot)
        mark = app.screen.query_one("#reader-mark")
        assert mark.display
        row = _drawn(app, mark)
        assert "c compares A with this article" in row
        assert "A: North Korea" in row and row.rstrip().endswith("…")
