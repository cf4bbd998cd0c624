"""Every text cell of the story screen (claims matrix with a disagreement highlighted, figures,
sources, the line under them) and of the compare screen's entity panel, under every built-in
theme, reaches WCAG contrast 4.5:1 (marks without letters 3:1), as the other screens do
(``test_contrast``, whose cell reader this uses)."""

from __future__ import annotations

from typing import Any

import pytest
from test_contrast import THEMES, failures
from tui_helpers import HEADLINE, KURSK, settle

from tui.screens.compare import CompareScreen
from tui.screens.story import ClaimsTable, StoryScreen

SIZE = (120, 36)


@pytest.mark.parametrize("theme", THEMES)
async def test_story_and_compare_panel_are_readable(make_app: Any, theme: str) -> None:
    app = make_app()
    found: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await settle(pilot)
        screen = StoryScreen(app.engine, [HEADLINE, KURSK])
        await app.push_screen(screen)
        await settle(pilot)
        row, report = next(
            (k, s.report)
            for k, c in enumerate(screen.story.claims)
            for s in c.statements
            if s.stance == "disagrees"
        )
        screen.query_one(ClaimsTable).move_cursor(row=row, column=report + 1)
        await pilot.pause()
        found += failures(app, "story, a disagreement")
        await pilot.press("2")
        await pilot.pause()
        found += failures(app, "story figures")
        await pilot.press("3")
        await pilot.pause()
        found += failures(app, "story sources")
        await pilot.press("q")
        await app.push_screen(CompareScreen(app.engine, HEADLINE, KURSK))
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        found += failures(app, "compare, entity panel")
    assert not found, f"{theme}: {len(found)} styles below contrast:\n" + "\n".join(found[:40])
