"""The compare screen's scrolling and leaving: both panes scroll together (lines, pages, half
pages, top and bottom), the entity panel opens and closes, and ``q``/Escape go back (mixed into
``CompareScreen`` before ``PendingG``, so that ``g g`` reaches ``go_top`` here)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.widgets.compare_pane import ComparePane

    _Base = Screen[None]
else:
    _Base = object


class CompareScrolling(_Base):
    """Bindings' actions of the compare screen that only scroll or leave."""

    if TYPE_CHECKING:

        def _panes(self) -> tuple[ComparePane, ComparePane]: ...

    def action_scroll(self, lines: int) -> None:
        """Scroll both panes together by ``lines``."""
        left, _ = self._panes()
        left.scroll_to(y=left.scroll_y + lines, animate=False, immediate=True)

    def action_page(self, pages: int) -> None:
        """Scroll both panes by a page."""
        left, _ = self._panes()
        self.action_scroll(pages * max(1, left.size.height - 2))

    def action_half_page(self, direction: int) -> None:
        """Scroll both panes by half a page (Ctrl-D / Ctrl-U, as in less and vim)."""
        left, _ = self._panes()
        self.action_scroll(direction * max(1, left.size.height // 2))

    def action_top(self) -> None:
        """Both reports from their start."""
        self._panes()[0].to_top()

    def go_top(self) -> None:
        """``g g``: both reports from their start."""
        self.action_top()

    def action_bottom(self) -> None:
        """Both reports at their end."""
        self._panes()[0].to_bottom()

    def action_toggle_info(self) -> None:
        """Show or hide the entity differences and each side's sources."""
        self.toggle_class("-show-info")

    def action_escape(self) -> None:
        """Close the entity panel if it is open, else go back."""
        if self.has_class("-show-info"):
            self.remove_class("-show-info")
        else:
            self.action_back()

    def action_back(self) -> None:
        """Return to the reader."""
        self.dismiss()
