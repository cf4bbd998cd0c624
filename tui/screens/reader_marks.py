"""The reader's entity colours, legend and marks, and moving between mentions and matches
(mixed into ``ReaderScreen``)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from index.models import ENTITY_LABELS
from tui.widgets.article_view import ArticleView, entity_class
from tui.widgets.lists import safe
from tui.widgets.mentions import LegendLine, legend
from tui.widgets.styling import component_style

if TYPE_CHECKING:
    from textual.screen import Screen

    from index.models import Article, Entity
    from tui.widgets.mentions import EntityItem

    _Base = Screen[None]
else:
    _Base = object


class ReaderMarks(_Base):
    """The legend, the entity colours and the n / N moves of the reader screen."""

    article: Article | None
    entities: list[Entity]
    selected: EntityItem | None
    mode: str
    position: int
    term_ranges: list[tuple[int, int]]
    find_query: str
    find_hits: list[tuple[int, int]]

    if TYPE_CHECKING:

        def set_status(self, text: str) -> None: ...

    # -- legend and labels ---------------------------------------------------------------------

    def _legend(self) -> None:
        view = self.query_one(ArticleView)
        shown = set(view.shown_labels) if view.show_entities else set()
        content = legend(
            Counter(e.label for e in self.entities),
            shown,
            lambda label: component_style(view, entity_class(label)),
            explain=self.size.height >= 30,  # room to say what the digits do
            width=(width := self.query_one("#legend", LegendLine).content_region.width),
        )
        line = self.query_one("#legend", LegendLine)
        line.laid_out_for = width
        line.update(content)

    def on_legend_line_resized(self) -> None:
        # The entries are placed for a width: again at a new one (the panel shown or hidden, the
        # first layout settled), as on_resize does for the terminal's.
        if self.article is not None:
            self._legend()

    def on_resize(self) -> None:
        if self.article is not None:
            self.call_after_refresh(self._legend)

    def action_toggle_entities(self) -> None:
        """Show or hide all entity colours."""
        view = self.query_one(ArticleView)
        view.set_labels(not view.show_entities, view.shown_labels or set(ENTITY_LABELS))
        self._legend()

    def action_toggle_label(self, label: str) -> None:
        """Show or hide one entity label's colour."""
        view = self.query_one(ArticleView)
        shown = set(view.shown_labels) if view.show_entities else set()
        shown ^= {label}
        view.set_labels(True, shown)
        self._legend()

    # -- entities, hits and moving between them ------------------------------------------------

    def _mentions(self) -> list[tuple[int, int]]:
        item = self.selected
        if item is None:
            return []
        return [
            (e.start, e.end)
            for e in self.entities
            if e.label == item.label and e.canonical == item.canonical
        ]

    def _targets(self) -> tuple[list[tuple[int, int]], str]:
        if self.mode == "entity" and self.selected is not None:
            return self._mentions(), f"mention of {safe(self.selected.name)}"
        if self.mode == "find":
            return self.find_hits, f"match for “{safe(self.find_query)}”"
        return self.term_ranges, "match of the library search"

    def _refresh_marks(self) -> None:
        view = self.query_one(ArticleView)
        matches = self.find_hits if self.mode == "find" else self.term_ranges
        view.set_marks(matches, selected=self._mentions())

    def _move(self, step: int) -> None:
        targets, what = self._targets()
        if not targets:
            self.set_status(
                f"no {what.split(' ', 1)[0]}es" if what.startswith("match") else f"no {what}"
            )
            return
        self.position = (
            (self.position + step) % len(targets)
            if self.position >= 0
            else (0 if step > 0 else len(targets) - 1)
        )
        self.query_one(ArticleView).set_current(targets[self.position])
        self.set_status(f"{what}: {self.position + 1:,} of {len(targets):,}  (n next, N previous)")

    def action_next(self) -> None:
        """Go to the next mention or match."""
        self._move(1)

    def action_previous(self) -> None:
        """Go to the previous mention or match."""
        self._move(-1)
