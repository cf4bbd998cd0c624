"""A one-line ``Static`` that cuts its head, never its tail: "A: a long title… (c compares)"."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TailLine(Static):
    """One line of plain text whose head is cut with an ellipsis so that its tail (a key hint)
    stays whole at any width; without room for both, the line is cut as a whole.

    Give it a width (``1fr``, a number): a ``width: auto`` line takes its whole text's length
    and the container crops it, tail first.
    """

    DEFAULT_CSS = "TailLine { height: 1; }"

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self._head = self._tail = ""

    def show(self, head: str, tail: str = "") -> None:
        """Show ``head`` then ``tail`` (plain text, never markup)."""
        self._head, self._tail = head, tail
        self.update(Content(head + tail))

    def render(self) -> Content:
        width = self.size.width
        whole = Content(self._head + self._tail)
        if width <= 0 or whole.cell_length <= width:
            return whole
        tail = Content(self._tail)
        room = width - tail.cell_length
        if room < 2:  # no room for even "x…" before the tail
            return whole.truncate(width, ellipsis=True)
        return Content(self._head).truncate(room, ellipsis=True) + tail
