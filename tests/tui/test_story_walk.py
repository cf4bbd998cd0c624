"""The story view after a resize, and the line under its figures and sources: what a user sees
says what is highlighted, in the width the terminal has now."""

from __future__ import annotations

import re
from typing import Any

from textual.content import Content
from textual.widgets import Static
from tui_helpers import HEADLINE, KURSK, settle

from index.story import CitedSource, Claim, Report, StoryMap
from tui.screens.story import ClaimsTable, StoryScreen
from tui.screens.story_text import cell_detail, source_line


async def _open(pilot: Any) -> StoryScreen:
    await settle(pilot)
    screen = StoryScreen(pilot.app.engine, [HEADLINE, KURSK])
    await pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


def _text(screen: StoryScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_resize_cuts_the_legend_and_matrix_again_and_keeps_the_cell(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _open(pilot)
        table = screen.query_one(ClaimsTable)
        assert len(_text(screen, "#story-reports")) > 80  # both reports on one wide line
        table.move_cursor(row=2, column=2)
        await pilot.pause()
        before = _text(screen, "#story-detail")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        lines = _text(screen, "#story-reports").split("\n")
        assert all(len(line) <= 78 for line in lines), lines
        numbers = [int(n) for line in lines for n in re.findall(r"(?:^|   )(\d+): ", line)]
        assert numbers == list(range(1, len(screen.story.reports) + 1))
        claim = table.columns[table.ordered_columns[-1].key]
        assert claim.get_render_width(table) <= 80  # the claim column cut to the new width
        assert table.cursor_coordinate == (2, 2)
        assert _text(screen, "#story-detail") == before


async def test_line_under_figures_and_sources_follows_their_highlight(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _open(pilot)
        story = screen.story
        assert story.figures and story.sources
        await pilot.press("2")
        await pilot.pause()
        detail = _text(screen, "#story-detail")
        first = story.figures[0].values[0]
        assert "silent on claim" not in detail and "state it" not in detail
        assert first.text in detail and first.value in detail  # the whole sentence, not cut
        await pilot.press("j")
        await pilot.pause()
        second = story.figures[0].values[1] if len(story.figures[0].values) > 1 else None
        if second is not None:
            assert second.text in _text(screen, "#story-detail")
        await pilot.press("3")
        await pilot.pause()
        detail = _text(screen, "#story-detail")
        source = story.sources[0]
        assert detail.startswith(source.name)
        if source.claims:
            assert story.claims[source.claims[0]].text in detail
        await pilot.press("1")
        await pilot.pause()
        cell = screen._cell()
        assert cell is not None
        assert _text(screen, "#story-detail") == str(cell_detail(story, *cell))  # the matrix's


def _story(sources_of: list[tuple[int, ...]], cited: tuple[int, ...]) -> StoryMap:
    report = Report("r1", "A report", "Wire", "2024-01-01", "report 1")
    claims = tuple(
        Claim(f"claim {k + 1}", 0, 1, (), (), sources=sources)
        for k, sources in enumerate(sources_of)
    )
    source = CitedSource("Jorge Amaral", "person", (0,), cited)
    other = CitedSource("Air France", "institution", (0,), ())
    return StoryMap((report,), ("",), claims, (), (source, other), ((),))


def test_source_line_says_sole_source_once() -> None:
    every = source_line(_story([(0,), (0,), (0,)], (0, 1, 2)), 0)
    assert isinstance(every, Content)
    assert str(every) == (
        "Jorge Amaral (person) · cited by report 1 · claims 1, 2, 3 · the only source of each"
    )
    some = str(source_line(_story([(0,), (0, 1), (0,)], (0, 1, 2)), 0))
    assert some.endswith("claims 1, 2, 3 · sole source of 1, 3")
    one = str(source_line(_story([(0,)], (0,)), 0))
    assert one.endswith("claim 1 · the only source of the claim")
    none = str(source_line(_story([(0, 1)], (0,)), 0))
    assert none.endswith("claim 1")


async def test_matrix_takes_the_keys_of_every_list(make_app: Any) -> None:
    """``g g``, ``G``, ``Ctrl-D``/``Ctrl-U`` and ``Space``/``b`` move the matrix's cursor, in
    the same report's column (they did nothing but ``G``)."""
    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        screen = await _open(pilot)
        table = screen.query_one(ClaimsTable)
        last = table.row_count - 1
        assert last > 8, "the seed pair's matrix is taller than the 24-row screen's table"
        await pilot.press("l")
        await pilot.press("ctrl+d")
        await pilot.pause()
        row, column = table.cursor_coordinate
        assert row > 1 and column == 2
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert table.cursor_coordinate == (0, 2)
        await pilot.press("space")
        await pilot.pause()
        paged = table.cursor_coordinate.row
        assert paged > row
        await pilot.press("b")
        await pilot.pause()
        assert table.cursor_coordinate.row < paged
        await pilot.press("G")
        await pilot.pause()
        assert table.cursor_coordinate == (last, 2)
        await pilot.press("g", "g")
        await pilot.pause()
        assert table.cursor_coordinate == (0, 2)
        detail = _text(screen, "#story-detail")
        assert detail == str(cell_detail(screen.story, 0, 1))  # the line under it follows


async def test_compare_on_the_claims_own_column_says_why_not(make_app: Any) -> None:
    """``c`` on the column of the claim's own report, no A marked: the message names the claim's
    report (it spoke of "A's own report" with no A); with that report marked A, of A."""
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await _open(pilot)
        claim = screen.story.claims[0]
        screen.query_one(ClaimsTable).move_cursor(row=0, column=claim.report + 1)
        await pilot.press("c")
        await pilot.pause()
        assert app.screen is screen
        notes = [n.message for n in app._notifications]
        assert "that column is the claim's own report" in notes[-1]
        await pilot.press("a", "c")  # that report marked A
        await pilot.pause()
        assert app.screen is screen
        assert "A's own report" in [n.message for n in app._notifications][-1]
        assert len(screen.story.reports) == 2
        other = 1 - claim.report
        screen.query_one(ClaimsTable).move_cursor(row=0, column=other + 1)
        await pilot.press("c")
        await settle(pilot)
        assert app.screen is not screen  # another column compares
