"""The story screen's legend of reports keeps each one whole in an 80-column terminal: with twenty
reports it put seven items of at least 12 cells in 78, so "6:" ended a line and its title began the
next."""

from __future__ import annotations

import re

import pytest

from index.story import Report
from tui.screens.story import legend


def _reports(dated: bool) -> list[Report]:
    return [
        Report(
            f"r{k}",
            f"A long title of report number {k} about the story",
            None,
            f"2009-06-{k:02d}" if dated else None,
            f"report {k}",
        )
        for k in range(1, 21)
    ]


@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
@pytest.mark.parametrize("width", [78, 60])
def test_twenty_reports_fit_the_width(dated: bool, width: int) -> None:
    lines = legend(_reports(dated), width)
    assert len(lines) == 3
    assert all(len(line) <= width for line in lines), lines
    items = [item for line in lines for item in re.split(r"  +", line)]
    assert [int(re.match(r"(\d+): ", item).group(1)) for item in items] == list(range(1, 21))
    if dated and width == 78:
        assert items[0] == "1: 06-01" and items[-1] == "20: 06-20"  # where the year does not fit
