"""The line under the story's matrix names the highlighted report by its whole headline: the
legend above cuts each title to its share of the width (at 80 columns, nine WikiNews reports were
"Air Fra…", "Aircraf…", "Wreckag…", and the line under said only "report 2")."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static
from tui_helpers import open_story

from tui.screens.story import ClaimsTable, StoryScreen


def _text(screen: StoryScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_line_under_the_matrix_names_the_report_the_legend_cuts(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_story(pilot)
        story = screen.story
        table = screen.query_one(ClaimsTable)
        legend = _text(screen, "#story-reports")
        for column, report in enumerate(story.reports, 1):
            assert report.title not in legend  # cut to the width
            table.move_cursor(row=0, column=column)
            await pilot.pause()
            detail = _text(screen, "#story-detail")
            assert report.title in detail, (column, detail)
            if report.date:
                assert report.date in detail
