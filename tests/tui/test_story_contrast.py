"""Every text cell of the story screen (claims matrix with a disagreement highlighted, figures,
sources, the line under them) and of the compare screen's entity panel, under the themes
below, reaches WCAG contrast 4.5:1 (marks without letters 3:1), as the other screens do
(``test_contrast``, whose cell reader this uses). One app for all themes: the story is built
once and each theme is switched to (a story and a compare per theme took 192 s at load 5.5)."""

from __future__ import annotations

from typing import Any

from test_contrast import failures
from tui_helpers import HEADLINE, KURSK, settle

from tui.screens.compare import CompareScreen
from tui.screens.story import ClaimsTable, StoryScreen

SIZE = (120, 36)
THEMES = (
    "textual-dark",
    "textual-light",
    "catppuccin-frappe",
    "nord",
    "tokyo-night",
    "solarized-light",
    "solarized-dark",
    "atom-one-dark",
    "gruvbox",
)
"""The default pair and every theme where this screen once read below 4.5:1 (of the 19 built-in
ones: all 19 took 96 s at load 5, test_contrast covers all 19 on the other screens)."""


async def _themes(pilot: Any, where: str, *keys: str) -> list[str]:
    """Failures of the current screen in every theme (``keys`` pressed first in each)."""
    found: list[str] = []
    for theme in THEMES:
        pilot.app.theme = theme
        # The theme's styles land before its signal, and the screen draws again after the
        # next refresh (tones_for reads the new grounds).
        await pilot.pause()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
        found += failures(pilot.app, f"{theme}: {where}")
    return found


async def test_story_and_compare_panel_are_readable_in_the_themes(make_app: Any) -> None:
    app = make_app()
    found: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
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
        found += await _themes(pilot, "story, a disagreement")
        assert screen.query_one(ClaimsTable).cursor_coordinate == (row, report + 1)
        found += await _themes(pilot, "story figures", "2")
        found += await _themes(pilot, "story sources", "3")
        await pilot.press("q")
        await app.push_screen(CompareScreen(app.engine, HEADLINE, KURSK))
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        found += await _themes(pilot, "compare, entity panel")
    assert not found, f"{len(found)} styles below contrast:\n" + "\n".join(found[:40])
