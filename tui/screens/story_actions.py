"""The story view's actions: paging the matrix's report columns, marking and comparing the
highlighted column's report, opening a report at a sentence, the Markdown export (mixed into
``StoryScreen``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.screens.story_columns import Window
from tui.widgets.claims_table import ClaimsTable

if TYPE_CHECKING:
    from textual.screen import Screen

    from index.models import Article, Entity
    from tui.engine import Engine

    _Base = Screen[None]
else:
    _Base = object


class StoryActions(_Base):
    """Actions of the story screen that draw nothing themselves."""

    engine: Engine
    story: Any
    window: Window
    rows: list[int]
    _given: list[tuple[Article, list[Entity]]] | None

    if TYPE_CHECKING:

        def _matrix(self) -> None: ...
        def _describe(self) -> None: ...
        def _cell(self) -> tuple[int, int | None] | None: ...

    def action_page_reports(self, direction: int) -> None:
        """``<`` / ``>``: the previous or next reports' columns, when not all are in view."""
        self._move_window(direction * self.window.count, follow=False)

    def _move_window(self, step: int, follow: bool) -> None:
        """Move the reports in view by ``step``; the cursor onto the report come into view
        (``follow``) or at the same column."""
        if self.story is None:
            return
        table = self.query_one(ClaimsTable)
        row, column = table.cursor_coordinate
        report = self.window.report_of(column)
        self.window = self.window.moved(self.window.first + step)
        self._matrix()
        if follow and report is not None:
            column = self.window.column_of(report + step) or column
        if self.rows:
            table.move_cursor(row=row, column=column, animate=False)
        self._describe()

    def action_export(self) -> None:
        """Save the story as Markdown (what ``newsdesk story --format markdown`` prints)."""
        from tui.engine import story_to_markdown
        from tui.screens.compare_export import export_markdown, story_name

        story = self.story
        if story is None:
            self.notify("still reading the story…", severity="warning")
            return
        name = story_name([r.id for r in story.reports])
        export_markdown(
            self, name, "Export the story as Markdown", lambda: story_to_markdown(story)
        )

    def _open(self, report: int, start: int, end: int) -> None:
        rep = self.story.reports[report]
        if self._given is not None:
            self.notify("these reports were read from files: no reader for them", markup=False)
            return
        from tui.screens.story import StoryReaderScreen

        self.app.push_screen(StoryReaderScreen(self.engine, rep.id, (start, end)))

    def action_mark(self) -> None:
        """Mark the highlighted column's report as A (to compare with another column)."""
        from tui.marks import toggle_mark

        cell = self._cell()
        report = None if cell is None else cell[1]
        if report is None:
            self.notify("move to a report's column first", severity="warning")
            return
        r = self.story.reports[report]
        toggle_mark(self.app, r.id, r.title)

    def action_compare(self) -> None:
        """Compare A (or the claim's own report) with the highlighted column's report."""
        from tui.marks import marked
        from tui.screens.compare import CompareScreen

        cell = self._cell()
        if cell is None or cell[1] is None:
            self.notify("move to a report's column first", severity="warning")
            return
        ids = [r.id for r in self.story.reports]
        mark = marked(self.app)
        a = mark.article_id if mark is not None and mark.article_id in ids else None
        b = ids[cell[1]]
        if a is None and self.story.claims[cell[0]].report == cell[1]:
            # No A here: the claim's own report is the other side ("A's own report" was said
            # with no A marked).
            self.notify(
                "that column is the claim's own report: move to another, or mark it A (a) first",
                severity="warning",
            )
            return
        a = a or ids[self.story.claims[cell[0]].report]
        if a == b:
            self.notify("that column is A's own report: choose another", severity="warning")
            return
        if self._given is not None:
            given = {art.id: art for art, _ in self._given}
            self.app.push_screen(CompareScreen(self.engine, a, b, articles=(given[a], given[b])))
            return
        self.app.push_screen(CompareScreen(self.engine, a, b))
