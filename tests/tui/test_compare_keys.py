"""Arrow, Home/End and Page keys of the compare and reader screens: listed in their help, and
moving the text (both panes in compare)."""

from __future__ import annotations

from typing import Any

from tui_helpers import HEADLINE, KURSK, settle

from tui.screens.compare import CompareScreen
from tui.screens.help import HelpScreen
from tui.widgets.compare_pane import ComparePane

SIZE = (160, 45)


async def _help_rows(pilot: Any) -> dict[str, str]:
    """Open help on the current screen; its rows: description -> the keys listed for it."""
    await pilot.press("question_mark")
    await pilot.pause()
    help_screen = pilot.app.screen
    assert isinstance(help_screen, HelpScreen)
    body = str(help_screen.query_one(".overlay-body").content)
    rows = {}
    for line in body.splitlines():
        keys, _, description = line.partition("  ")
        if description.strip():
            rows[description.strip()] = keys
    return rows


async def test_help_lists_the_standard_keys_and_they_move_both_panes(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = CompareScreen(app.engine, HEADLINE, KURSK)
        await app.push_screen(screen)
        await settle(pilot)
        rows = await _help_rows(pilot)
        # (They were handled by the focused pane's own bindings, which help does not list.)
        assert "↓" in rows["Down"] and "↑" in rows["Up"]
        assert "home" in rows["Top"] and "end" in rows["Bottom"]
        assert "pgdn" in rows["Page down"] and "pgup" in rows["Page up"]
        assert rows["Top"] == "g g, home" and not any("(g g)" in d for d in rows)  # one row
        await pilot.press("escape")
        await pilot.pause()
        left = screen.query_one("#pane-left", ComparePane)
        right = screen.query_one("#pane-right", ComparePane)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert left.scroll_y == 3 and right.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        bottom = left.scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert left.scroll_y == 0 and right.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert left.scroll_y == bottom > 0  # End goes where G goes


async def test_reader_help_lists_the_arrow_and_page_keys(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the reader, its text focused
        await settle(pilot)
        assert type(app.screen).__name__ == "ReaderScreen"
        view = app.screen.query_one("#article")
        await pilot.press("down", "down")
        await pilot.pause()
        assert view.scroll_y == 2
        rows = await _help_rows(pilot)
        assert "↓" in rows["Down"] and "↑" in rows["Up"]
        assert "pgdn" in rows["Page down"] and "pgup" in rows["Page up"]
