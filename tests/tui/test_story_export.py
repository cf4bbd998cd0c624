"""``m`` in the story view saves the story as Markdown, as ``newsdesk story --format markdown``
prints it (the command could, the app could not: ``m`` did nothing there); its footer still
shows every item at 80 columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tui_helpers import open_story, replaced_only_after_asking, settle

from tui.engine import story_to_markdown
from tui.screens.compare_export import ExportScreen


async def test_m_saves_the_story_as_markdown_and_asks_before_replacing(
    make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_story(pilot)
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
        await replaced_only_after_asking(pilot, files[0], expected)


async def test_story_footer_keeps_help_whole_at_80_columns(make_app: Any) -> None:
    """With ``m Export`` added to ``a Mark A`` and the three views, "? Help" was cut to "? He"."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_story(pilot)
        keys = {str(k.description): k.region for k in screen.query("FooterKey")}
        assert {"Claims", "Figures", "Sources", "Compare", "Export", "Help"} <= set(keys), keys
        assert keys["Help"].right <= keys["palette"].x, keys
