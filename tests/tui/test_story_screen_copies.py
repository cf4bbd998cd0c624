"""The story screen shows the copies it left out: the head counts them, the sources view (3)
lists each under the report it copies, the line under it says why, Enter opens the copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import HEADLINE, KURSK, SEEDS, settle

from tui.screens.reader import ReaderScreen
from tui.screens.story import StoryScreen
from tui.widgets.lists import VimOptionList

COPY = "009_wire_copy.txt"


def _corpus(tmp_path: Path) -> Path:
    """The two seed reports and a wire copy of the headline report under another file and
    headline (the same body)."""
    corpus = tmp_path / "copies"
    corpus.mkdir()
    for name in (HEADLINE, KURSK):
        (corpus / name).write_text((SEEDS / name).read_text("utf-8"), "utf-8")
    text = (SEEDS / HEADLINE).read_text("utf-8")
    first, _, body = text.partition("\n")
    (corpus / COPY).write_text("Wire copy: " + first.lstrip("# ") + "\n" + body, "utf-8")
    return corpus


async def _story(pilot: Any) -> StoryScreen:
    await settle(pilot)
    screen = StoryScreen(pilot.app.engine, [HEADLINE, KURSK, COPY])
    await pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


async def _to_copy(pilot: Any, screen: StoryScreen) -> VimOptionList:
    await pilot.press("3")
    await pilot.pause()
    sources = screen.query_one("#sources", VimOptionList)
    row = next(k for k, o in enumerate(sources.options) if (o.id or "").startswith("c"))
    while sources.highlighted != row:
        await pilot.press("j")
    await pilot.pause()
    return sources


async def test_copies_listed_under_sources(make_app: Any, tmp_path: Path) -> None:
    app = make_app(_corpus(tmp_path), tmp_path / "ix")
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _story(pilot)
        assert screen.story is not None
        assert len(screen.story.reports) == 2  # the copy has no column
        kept = next(r for r, rep in enumerate(screen.story.reports) if rep.copies)
        assert screen.story.reports[kept].copies == (COPY,)
        assert "1 copy left out" in str(screen.query_one("#story-head").content)
        sources = await _to_copy(pilot, screen)
        prompts = [str(o.prompt) for o in sources.options]
        assert any(p.startswith("Copies left out") for p in prompts)
        line = str(sources.highlighted_option.prompt)  # type: ignore[union-attr]
        assert line.startswith(f"{COPY} · a copy of report {kept + 1}")
        assert "Wire copy: " in line  # its own headline
        detail = str(screen.query_one("#story-detail").content)
        assert f"{COPY} (Wire copy: " in detail
        assert f"is a copy of report {kept + 1}" in detail
        assert "(Enter opens the copy)" in detail
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article_id == COPY


async def test_copies_read_at_80_by_24(make_app: Any, tmp_path: Path) -> None:
    """At 80x24 the copy's line is cut to the width, the head still counts it."""
    app = make_app(_corpus(tmp_path), tmp_path / "ix")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _story(pilot)
        assert "1 copy left out" in str(screen.query_one("#story-head").content)
        sources = await _to_copy(pilot, screen)
        line = str(sources.highlighted_option.prompt)  # type: ignore[union-attr]
        assert len(line) <= 80 - 6
        assert line.startswith(f"{COPY} · a copy of report ")
        assert sources.region.height >= 3  # the list is on screen, not squeezed out


async def test_no_copies_no_heading(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = StoryScreen(app.engine, [HEADLINE, KURSK])
        await app.push_screen(screen)
        await settle(pilot)
        assert "left out" not in str(screen.query_one("#story-head").content)
        prompts = [str(o.prompt) for o in screen.query_one("#sources", VimOptionList).options]
        assert not any(p.startswith("Copies left out") for p in prompts)


async def test_copies_are_readable_in_dark_and_light(make_app: Any, tmp_path: Path) -> None:
    """The heading and the copy's line reach WCAG 4.5:1 (test_contrast's reader) in the default
    themes: a disabled heading is drawn in $text-disabled unless the list restyles it."""
    from test_contrast import failures

    app = make_app(_corpus(tmp_path), tmp_path / "ix")
    found: list[str] = []
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await _story(pilot)
        await _to_copy(pilot, screen)
        for theme in ("textual-dark", "textual-light", "solarized-light", "nord"):
            app.theme = theme
            await pilot.pause()
            await pilot.pause()
            found += failures(app, f"{theme}: story copies")
    assert not found, "\n".join(found[:20])
