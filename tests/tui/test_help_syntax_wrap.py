"""The help's search syntax at 80 columns: an example is never cut across two lines.

At 80x24 the box wrapped ``date:[2024-01`` / ``TO 2024-06]`` so the
range read as two queries, neither of which a user can type.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Region
from textual.widgets import Static
from tui_helpers import settle

from tui.screens.help import HelpScreen


async def test_no_syntax_example_is_cut_across_lines(make_app: Any) -> None:
    for width in (80, 66):
        app = make_app()
        async with app.run_test(size=(width, 24)) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            body = app.screen.query_one(".overlay-body", Static)
            lines = [s.text for s in body.render_lines(Region(0, 0, *body.size))]
            for example in ("date:[2024-01 TO 2024-06]", "person: org: place: group:"):
                assert any(example in line for line in lines), (
                    width,
                    lines[-6:],
                )
