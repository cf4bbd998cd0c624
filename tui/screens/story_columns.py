"""The claims matrix's report columns, as many as leave the claim readable, and the matrix drawn.

Each report takes a column of four cells; with 20 reports in 80 columns the claim column, last,
kept 2 characters of text. The matrix now shows a window of the reports that leaves the claim
``CLAIM_MIN`` cells, named in the claim column's heading ("reports 1-7 of 20"); ``<`` / ``>`` page
the window and ``h`` / ``l`` at its edge move it by one report (``ClaimsTable.Edge``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text

from tui.widgets.lists import safe

REPORT_CELLS = 4
"""A report's column: its number (two digits) and the table's padding of a cell each side."""
CLAIM_MIN = 40
"""Cells the claim text keeps before report columns are left out of view."""
MARKS = {"states": "●", "disagrees": "✗"}
SILENT = "·"
HEADING = "claim   (● states  ✗ disagrees  · silent)"


@dataclass(frozen=True)
class Window:
    """The reports shown as columns: ``count`` of ``total`` from ``first``."""

    first: int
    count: int
    total: int

    @property
    def reports(self) -> range:
        """The reports shown, in column order."""
        return range(self.first, self.first + self.count)

    @property
    def more_left(self) -> bool:
        return self.first > 0

    @property
    def more_right(self) -> bool:
        return self.first + self.count < self.total

    def report_of(self, column: int) -> int | None:
        """The report of a table column (column 0 is the claim's number, the last its text)."""
        return self.first + column - 1 if 1 <= column <= self.count else None

    def column_of(self, report: int) -> int | None:
        """The table column of a report, when it is shown."""
        return report - self.first + 1 if report in self.reports else None

    def moved(self, first: int) -> Window:
        """The same width of window starting at ``first`` (kept inside the reports)."""
        return Window(max(0, min(first, self.total - self.count)), self.count, self.total)

    def heading(self) -> str:
        """The claim column's heading: the marks, and which reports are shown when not all."""
        if self.count >= self.total:
            return HEADING
        last = self.first + self.count
        return f"claim   reports {self.first + 1}-{last} of {self.total} (< >)  ● ✗ ·"


def fit(total: int, claims: int, width: int, first: int = 0) -> Window:
    """The window of ``total`` reports that fits ``width`` cells beside a readable claim.

    Args:
        total: Reports in the story.
        claims: Claims (rows): the number column is as wide as the largest.
        width: The table's width in cells.
        first: The first report wanted in view.
    """
    rank = len(str(max(1, claims))) + 2
    room = width - rank - CLAIM_MIN - 2  # (the vertical scrollbar)
    count = total if total * REPORT_CELLS <= room else max(1, room // REPORT_CELLS)
    count = min(count, total)
    return Window(0, count, total).moved(first)


def fill(table: Any, story: Any, window: Window, width: int, style: dict[str, Any]) -> None:
    """Put the story's claims into the (cleared) table, the reports of ``window`` as columns."""
    table.add_column("#", key="rank")
    for k in window.reports:
        table.add_column(str(k + 1), key=f"r{k}")
    table.add_column(window.heading(), key="claim")
    room = max(20, width - len(str(max(1, len(story.claims)))) - 6 - REPORT_CELLS * window.count)
    for k, c in enumerate(story.claims):
        cells: list[Any] = [Text(str(k + 1))]
        for r in window.reports:
            s = c.statement(r)
            stance = s.stance if s is not None else "silent"
            cells.append(Text(MARKS.get(stance, SILENT), style=style[stance], justify="center"))
        text = safe(c.text)
        cells.append(Text(text if len(text) <= room else text[: room - 1] + "…"))
        table.add_row(*cells, key=str(k))
