"""The help at 80x24, as the walk found it: its own ``G`` / ``g g`` and notes that wrap as one text.

The help lists "end, G  Last" and "home, g g  First" for the screen under it, but in the help
itself ``G`` did nothing (its end, the search syntax, was out of sight); and its notes, broken
into lines for 100 columns, each wrapped again at 80: "(groups)," stood alone on a line.
"""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.widgets import Static
from tui_helpers import open_compare, settle

from tui.screens.help import HelpScreen


async def _help(pilot: Any) -> VerticalScroll:
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    return pilot.app.screen.query_one(VerticalScroll)


async def test_G_and_gg_move_to_the_end_and_top_of_the_help(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        scroll = await _help(pilot)
        assert scroll.max_scroll_y > 0
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g", "g")
        await pilot.pause()
        assert scroll.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("home")
        await pilot.pause()
        assert scroll.scroll_y == 0


async def test_the_search_syntax_is_one_example_a_row(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _help(pilot)
        text = str(app.screen.query_one(".overlay-body", Static).render())
        rows = text[text.index("Search syntax") :].strip().split("\n")[1:]
        # Each example is a row of its own, with what it finds ("(groups)," stood alone once).
        assert [row.split("  ")[0] for row in rows][:4] == [
            "words",
            "a OR b",
            "NOT a, -a",
            "(a OR b) c",
        ]
        assert all(len(row.split()) >= 2 for row in rows)


async def test_the_compare_notes_are_one_paragraph(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(pilot)
        await _help(pilot)
        text = str(app.screen.query_one(".overlay-body", Static).render())
        notes = text[text.index("Beside each sentence") :].strip()
        assert "\n" not in notes
        assert "(the same event or facet" in notes
