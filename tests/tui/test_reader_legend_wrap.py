"""The reader's legend keeps each entry whole: beside the entity list in a 100-column terminal it
ended a line with "6" and began the next with "Figures 7"."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static
from tui_helpers import settle

from tui.screens.reader import ReaderScreen


def _lines(reader: ReaderScreen) -> tuple[list[str], int]:
    legend = reader.query_one("#legend", Static)
    return legend.render().plain.split("\n"), legend.content_region.width


async def test_legend_entries_are_never_cut(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kursk", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        lines, width = _lines(reader)
        assert 20 < width < 75  # narrower than the legend's one line, beside the entity list
        entries = [line for line in lines if "People" in line or "Figures" in line]
        assert len(entries) == 2  # two lines of entries, each within the width
        assert all(len(line) <= width for line in lines[:2]), (lines, width)
        assert "6 Figures" in "\n".join(lines) and "e all" in "\n".join(lines)
        await pilot.press("p")  # the panel hidden: room for one line
        await settle(pilot)
        lines, width = _lines(reader)
        assert width > 76 and "1 People" in lines[0] and "e all" in lines[0], (lines, width)
        await pilot.press("p")
        await settle(pilot)
        assert len(_lines(reader)[0]) == 2
        await pilot.resize_terminal(160, 30)
        await settle(pilot)
        lines, width = _lines(reader)
        assert "1 People" in lines[0] and "e all" in lines[0]  # one line when it fits
