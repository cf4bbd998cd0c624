"""The story matrix at 80 columns with 20 reports: the claim stays readable (it kept 2 characters),
the reports out of view are paged with < and > and reached with h / l at the edge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import settle

from tui.screens.story import ClaimsTable, StoryScreen
from tui.screens.story_columns import CLAIM_MIN, REPORT_CELLS, fit

REPORTS = 20


def test_fit_leaves_the_claim_its_cells() -> None:
    window = fit(REPORTS, 30, 80)
    assert 1 <= window.count < REPORTS
    assert 80 - 4 - REPORT_CELLS * window.count - 2 >= CLAIM_MIN
    assert fit(REPORTS, 30, 200).count == REPORTS  # wide enough: all of them
    assert fit(2, 30, 80).count == 2
    assert window.moved(100).first == REPORTS - window.count
    assert window.moved(-3).first == 0
    assert window.report_of(1) == 0 and window.report_of(window.count + 1) is None
    assert "reports 1-" in window.heading() and f"of {REPORTS}" in window.heading()


def _corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    for n in range(REPORTS):
        (corpus / f"r{n:02}.txt").write_text(
            f"Ferry sinks off Harwich, report {n}\n\n"
            f"The ferry Northern Star sank off Harwich on Monday, the coastguard said. "
            f"{40 + n} passengers were rescued by lifeboats from Harwich and Felixstowe. "
            f"The captain, Peter Hansen, told reporters the engine failed in the storm.\n",
            encoding="utf-8",
        )
    return corpus


def _claim_texts(table: ClaimsTable) -> list[str]:
    last = len(table.columns) - 1
    return [str(table.get_cell_at((row, last))) for row in range(table.row_count)]


async def test_twenty_reports_at_80_columns(make_app: Any, tmp_path: Path) -> None:
    app = make_app(_corpus(tmp_path), tmp_path / "idx")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        ids = [f"r{n:02}.txt" for n in range(REPORTS)]
        screen = StoryScreen(app.engine, ids)
        await app.push_screen(screen)
        await settle(pilot)
        assert screen.story is not None and len(screen.story.reports) == REPORTS
        table = screen.query_one(ClaimsTable)
        shown = len(table.columns) - 2
        assert 1 <= shown < REPORTS
        # The table fits the screen: the claim column is in view, and its text readable.
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= 80
        assert max(len(t) for t in _claim_texts(table)) >= 30
        assert screen._cell() == (0, 0)
        # h at the first report: the claims' numbers; l along to the last in view, then one more.
        await pilot.press("h")
        await pilot.pause()
        assert screen.window.first == 0 and screen._cell() == (0, None)
        for _ in range(shown):
            await pilot.press("l")
        await pilot.pause()
        assert screen._cell() == (0, shown - 1)
        await pilot.press("l")
        await pilot.pause()
        assert screen.window.first == 1 and screen._cell() == (0, shown)
        # > pages: the same column, the reports after.
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.window.first == 1 + shown
        assert screen._cell() == (0, 2 * shown)
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        assert screen.window.first == 0
        # Every report is reached by > (the last page ends with the last report).
        for _ in range(REPORTS):
            await pilot.press("greater_than_sign")
        await pilot.pause()
        assert screen.window.first + shown == REPORTS
        assert f"{REPORTS} of {REPORTS}" in str(table.columns[table.ordered_columns[-1].key].label)
