"""``m`` in the story view saves the story as Markdown, as ``newsdesk story --format markdown``
prints it (the command could, the app could not: ``m`` did nothing there); its footer still
shows every item at 80 columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tui_helpers import HEADLINE, KURSK, settle

from tui.engine import story_to_markdown
from tui.screens.compare_export import ConfirmScreen, ExportScreen
from tui.screens.story import StoryScreen


async def test_m_saves_the_story_as_markdown_and_asks_before_replacing(
    make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = StoryScreen(pilot.app.engine, [HEADLINE, KURSK])
        await pilot.app.push_screen(screen)
        await settle(pilot)
        assert screen.story is not None
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        # the dialog's own size, though no comparison (whose styles held it) was opened yet
        assert app.screen.query_one(".overlay-box").size.height <= 12
        await pilot.press("enter")
        await settle(pilot)
        files = list(tmp_path.glob("story-*.md"))
        assert [f.name for f in files] == ["story-000_44cfc8ca5dd0595f.md"]
        expected = story_to_markdown(screen.story)
        assert expected.startswith("# Story: ")
        assert files[0].read_text(encoding="utf-8") == expected
        assert app.screen is screen
        files[0].write_text("keep me", encoding="utf-8")
        await pilot.press("m", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert files[0].read_text(encoding="utf-8") == "keep me"
        await pilot.press("m", "enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert files[0].read_text(encoding="utf-8") == expected
        assert app.screen is screen


async def test_story_footer_keeps_help_whole_at_80_columns(make_app: Any) -> None:
    """With ``m Export`` added to ``a Mark A`` and the three views, "? Help" was cut to "? He"."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = StoryScreen(pilot.app.engine, [HEADLINE, KURSK])
        await pilot.app.push_screen(screen)
        await settle(pilot)
        keys = {str(k.description): k.region for k in screen.query("FooterKey")}
        assert {"Claims", "Figures", "Sources", "Compare", "Export", "Help"} <= set(keys), keys
        assert keys["Help"].right <= keys["palette"].x, keys
