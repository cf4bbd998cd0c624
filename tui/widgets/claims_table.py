"""The story view's claims matrix: a ``DataTable`` of cells that moves with the keys every other
list of the app takes (vim's ``h j k l``, ``g g`` / ``G``, half and whole pages)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from tui.widgets.vimkeys import PendingG


class ClaimsTable(PendingG, DataTable[Any]):
    """The claims matrix; moves with vim keys as well as arrows (``g g``, ``Ctrl-D``/``Ctrl-U``,
    ``Space``/``b`` did nothing here though the help says every list takes them)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claims-table--states",
        "claims-table--disagrees",
        "claims-table--silent",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="story.down"),
        Binding("k", "cursor_up", "Up", show=False, id="story.up"),
        Binding("h", "cursor_left", "Left", show=False, id="story.left"),
        Binding("l", "cursor_right", "Right", show=False, id="story.right"),
        Binding("g", "g_prefix", "Top (g g)", show=False, id="story.top"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="story.bottom"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="story.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="story.half_up"),
        Binding("ctrl+f,space", "page_down", "Page down", show=False, id="story.page_down"),
        Binding("ctrl+b,b", "page_up", "Page up", show=False, id="story.page_up"),
    ]

    @dataclass
    class Edge(Message):
        """The cursor went past the first (``-1``) or last (``1``) report column in view while
        more reports are out of view (``tui.screens.story_columns``)."""

        step: int

    more_left = False
    more_right = False
    last_report_column = 0
    """Set by the story screen with the columns it shows."""

    def action_cursor_left(self) -> None:
        """Left; past the first report in view, the next report to the left comes into view."""
        if self.more_left and self.cursor_coordinate.column == 1:
            self.post_message(self.Edge(-1))
            return
        super().action_cursor_left()

    def action_cursor_right(self) -> None:
        """Right; past the last report in view, the next report to the right comes into view."""
        if self.more_right and self.cursor_coordinate.column == self.last_report_column:
            self.post_message(self.Edge(1))
            return
        super().action_cursor_right()

    def go_top(self) -> None:
        """``g g``: the first claim, in the same report's column."""
        self.action_scroll_top()

    def action_half_page(self, direction: int) -> None:
        """Move the cursor half a screen of rows down (``1``) or up (``-1``), column kept."""
        if not self.row_count:
            return
        row, column = self.cursor_coordinate
        step = max(1, (self.scrollable_content_region.height - self.header_height) // 2)
        target = max(0, min(self.row_count - 1, row + direction * step))
        self.move_cursor(row=target, column=column)
