"""The whole story at once: a claims matrix (claims down, reports across), figures over time, and
who is cited by whom.

The story is built in a worker (:func:`index.story.story_map`: every pair of reports aligned), then
shown in three views switched with ``1`` ``2`` ``3``. In the matrix ``●`` marks a report that
states the claim, ``✗`` one that disagrees, ``·`` one that is silent; the line under the table
says what the highlighted cell's report says. ``Enter`` opens that report at that sentence; ``a``
marks the highlighted column's report as A and ``c`` compares A with the highlighted column (with
no A: the claim's own report with it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, DataTable, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from index.models import Article, Entity
from tui.engine import Engine, EngineError
from tui.screens.reader import ReaderScreen
from tui.screens.story_actions import StoryActions
from tui.screens.story_columns import Window, fill, fit
from tui.screens.story_text import (
    cell_detail,
    copies_note,
    copy_detail,
    copy_line,
    figure_detail,
    figure_line,
    legend,
    source_detail,
    source_line,
    tones_for,
)
from tui.widgets.article_view import ArticleView
from tui.widgets.claims_table import ClaimsTable
from tui.widgets.footer import FittedFooter
from tui.widgets.lists import VimOptionList, safe
from tui.widgets.styling import component_style

VIEWS = ("claims", "figures", "sources")
__all__ = ["ClaimsTable", "StoryReaderScreen", "StoryScreen", "legend", "open_story"]


@dataclass
class _Built(Message):
    """The worker's answer: the story, or why there is none."""

    story: Any
    error: str | None = None
    titles: dict[str, str] | None = None
    """Headline of each article given (the copies left out are named by them)."""


class StoryScreen(StoryActions, Screen[None]):
    """Every report of a story at once.

    Args:
        store: The open index (``article_with_entities``); ``None`` with ``articles``.
        article_ids: The reports; with one id, its story is found (``index.story.find``).
        articles: Reports read from files, with their entities (no store needed).
    """

    HELP_TITLE = "Story"
    HELP_NOTES = (
        "Claims down, reports across (numbered by publication date, named above the matrix):",
        "● states the claim, ✗ disagrees with it, · silent. The line under the view says what",
        "the highlighted cell, figure or source is; Enter opens that report at that sentence.",
        "A copy of a report (the same text under another id) is left out, its claims counted",
        "once: the head says how many; the sources view (3) lists them after the sources.",
        "When the reports do not all fit beside the claim, < and > page them (h and l at the",
        "edge move by one); the claim column's heading says which are in view.",
    )
    CSS_PATH = "../styles/story.tcss"
    AUTO_FOCUS = "#claims"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back", "Back", id="story.back"),
        Binding("escape", "back", "Back", show=False, id="story.escape"),
        Binding("1", "view('claims')", "Claims", id="story.claims"),
        Binding("2", "view('figures')", "Figures", id="story.figures"),
        Binding("3", "view('sources')", "Sources", id="story.sources"),
        # In the help and the palette, not the footer (as in the reader): with m Export, 80
        # columns cut "? Help" to "? He".
        Binding("a", "mark", "Mark A", show=False, id="story.mark"),
        Binding("c", "compare", "Compare", id="story.compare"),
        Binding("m", "export", "Export", id="story.export"),
        Binding(
            "less_than_sign",
            "page_reports(-1)",
            "Earlier reports",
            show=False,
            id="story.reports_back",
        ),
        Binding(
            "greater_than_sign",
            "page_reports(1)",
            "Later reports",
            show=False,
            id="story.reports_on",
        ),
    ]

    def __init__(
        self,
        engine: Engine,
        article_ids: list[str] | None = None,
        *,
        articles: list[tuple[Article, list[Entity]]] | None = None,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.article_ids = list(article_ids or [])
        self._given = articles
        self.story: Any = None
        self.rows: list[int] = []
        """Claim index of each matrix row."""
        self.titles: dict[str, str] = {}
        """Headline of each article given, by id (the copies left out are named by them)."""
        self.window = Window(0, 0, 0)
        """The reports shown as the matrix's columns (``story_columns``)."""

    def compose(self) -> ComposeResult:
        yield Static(
            Content("Reading the story: every pair of reports is compared…"), id="story-head"
        )
        yield Static("", id="story-reports")
        with ContentSwitcher(initial="claims", id="story-views"):
            yield ClaimsTable(id="claims", cursor_type="cell", zebra_stripes=True)
            yield VimOptionList(id="figures")
            yield VimOptionList(id="sources")
        yield Static("", id="story-detail")
        yield FittedFooter()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._restyle)
        self.build()

    # -- building (worker) ---------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def build(self) -> None:
        """Read the reports and build the story (every pair of reports aligned: seconds)."""
        worker = get_current_worker()
        try:
            if self._given is not None:
                pairs = self._given
            else:
                pairs = self.engine.story_reports(self.article_ids)
            if len(pairs) < 2:
                self.post_message(_Built(None, "no other report of this story was found"))
                return
            story = self.engine.story_map(pairs, lambda: worker.is_cancelled)
        except EngineError as exc:
            self.post_message(_Built(None, str(exc)))
            return
        except Exception as exc:
            self.post_message(_Built(None, f"the story could not be built: {exc}"))
            return
        if not worker.is_cancelled:
            titles = {a.id: a.title for a, _ in pairs}
            self.post_message(_Built(story, titles=titles))

    @on(_Built)
    def _built(self, message: _Built) -> None:
        if message.story is None:
            self.query_one("#story-head", Static).update(Content(message.error or ""))
            self.notify(message.error or "", severity="warning", markup=False)
            return
        self.story = message.story
        self.titles = message.titles or {}
        self._show()

    # -- showing -------------------------------------------------------------------------------

    def _show(self) -> None:
        m = self.story
        n = len(m.reports)
        several = sum(1 for c in m.claims if c.support >= 2)
        disagree = sum(1 for c in m.claims for s in c.statements if s.stance == "disagrees")
        lead = m.lead()
        head = Content.assemble(
            (safe(lead.title), "bold"),
            f"\n{n} reports · {several} claim{'s' if several != 1 else ''} made by two or more · "
            f"{disagree} disagreement{'s' if disagree != 1 else ''}",
            copies_note(m),
        )
        self.query_one("#story-head", Static).update(head)
        lines = legend(m.reports, self.size.width - 2)
        self.query_one("#story-reports", Static).update(Content("\n".join(lines)))
        self._matrix()
        self._figures()
        self._sources()
        self._describe()

    def _matrix(self) -> None:
        table = self.query_one(ClaimsTable)
        # Drawn again on a resize or a new theme: the highlighted cell stays where it was.
        kept = table.cursor_coordinate if table.row_count else None
        table.clear(columns=True)
        m = self.story
        width = self.size.width
        self.window = fit(len(m.reports), len(m.claims), width, self.window.first)
        style = {
            name: component_style(table, f"claims-table--{name}").rich_style
            for name in ("states", "disagrees", "silent")
        }
        fill(table, m, self.window, width, style)
        table.more_left, table.more_right = self.window.more_left, self.window.more_right
        table.last_report_column = self.window.count
        self.rows = list(range(len(m.claims)))
        if self.rows:
            row, column = (0, 1) if kept is None else kept
            table.move_cursor(row=row, column=column, animate=False)

    @on(ClaimsTable.Edge)
    def _edge(self, event: ClaimsTable.Edge) -> None:
        self._move_window(event.step, follow=True)

    def _figures(self) -> None:
        m = self.story
        options: list[Option] = []
        tones = tones_for(self.query_one("#figures"))
        for f, measure in enumerate(m.figures):
            options.append(Option(Content(safe(measure.measure)).stylize("bold"), disabled=True))
            for v in range(len(measure.values)):
                line = figure_line(m, f, v, self.size.width, tones)
                options.append(Option(line, id=f"f{f}.{v}"))
        if not options:
            options = [Option(Content("no measure is given by two reports"), disabled=True)]
        self._set_options("#figures", options)

    def _sources(self) -> None:
        m = self.story
        options: list[Option] = []
        tones = tones_for(self.query_one("#sources"))
        for n in range(len(m.sources)):
            options.append(Option(source_line(m, n, tones), id=f"s{n}"))
        if not options:
            options = [Option(Content("no report cites a source"), disabled=True)]
        copies = [(r, j) for r, rep in enumerate(m.reports) for j in range(len(rep.copies))]
        if copies:
            heading = "Copies left out (the same text as a report: its claims are counted once)"
            options.append(Option(Content(heading).stylize("bold"), disabled=True))
            for r, j in copies:
                line = copy_line(m, r, j, self.titles, self.size.width, tones)
                options.append(Option(line, id=f"c{r}.{j}"))
        self._set_options("#sources", options)

    def _set_options(self, selector: str, options: list[Option]) -> None:
        """Fill a list, keeping its highlighted row (drawn again on a resize)."""
        view = self.query_one(selector, VimOptionList)
        kept = view.highlighted
        view.set_options(options)
        if kept is not None and kept < len(options) and not options[kept].disabled:
            view.highlighted = kept

    def on_resize(self) -> None:
        # The legend, the matrix's claim column and the figures' lines are cut to the width:
        # cut again (at 80 columns after 160 the legend wrapped and hid six of nine reports).
        if self.story is not None:
            self.call_after_refresh(self._show)

    def _restyle(self, _theme: object) -> None:
        if self.story is not None:  # colours worked out on the new theme's grounds (tones_for)
            self.call_after_refresh(self._show)

    # -- the highlighted cell ------------------------------------------------------------------

    def _cell(self) -> tuple[int, int | None] | None:
        """(claim, report) under the cursor; report is None on the rank and text columns."""
        if self.story is None or not self.rows:
            return None
        table = self.query_one(ClaimsTable)
        row, col = table.cursor_coordinate
        if not 0 <= row < len(self.rows):
            return None
        return self.rows[row], self.window.report_of(col)

    @on(DataTable.CellHighlighted, "#claims")
    @on(VimOptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        self._describe()

    def _view(self) -> str:
        return self.query_one("#story-views", ContentSwitcher).current or "claims"

    def _describe(self) -> None:
        """The line under the views: what the highlighted cell, figure or source is (the
        matrix's cell was shown under the figures and sources too)."""
        detail = self.query_one("#story-detail", Static)
        if self.story is None:
            return
        view = self._view()
        tones = tones_for(detail)
        if view != "claims":
            option = self.query_one(f"#{view}", VimOptionList).highlighted_option
            if option is None or not option.id:
                detail.update("")
            elif view == "figures":
                f, _, v = option.id[1:].partition(".")
                detail.update(figure_detail(self.story, int(f), int(v), tones))
            elif option.id.startswith("c"):
                r, _, j = option.id[1:].partition(".")
                detail.update(copy_detail(self.story, int(r), int(j), self.titles, tones))
            else:
                detail.update(source_detail(self.story, int(option.id[1:]), tones))
            return
        cell = self._cell()
        if cell is None:
            detail.update("")
            return
        detail.update(cell_detail(self.story, *cell, tones))

    # -- actions -------------------------------------------------------------------------------

    def action_view(self, name: str) -> None:
        """Show the claims matrix, the figures timeline or the sources map."""
        self.query_one("#story-views", ContentSwitcher).current = name
        view = self.query_one(f"#{name}")
        view.focus()
        if isinstance(view, VimOptionList) and view.highlighted is None:
            view.action_first()  # a row to describe (the first heading is skipped)
        self._describe()
        if self.story is not None and name != "claims":  # drawn on the grounds it has now
            self.call_after_refresh(getattr(self, f"_{name}"))

    def action_back(self) -> None:
        """Return to the previous screen."""
        self.dismiss()

    @on(DataTable.CellSelected, "#claims")
    def _cell_chosen(self) -> None:
        cell = self._cell()
        if cell is None:
            return
        claim = self.story.claims[cell[0]]
        report = cell[1] if cell[1] is not None else claim.report
        s = claim.statement(report)
        if s is None:
            self.notify(
                f"{safe(self.story.reports[report].label)} does not make this claim", markup=False
            )
            return
        start, end = s.spans[0] if s.stance == "states" and s.spans else (s.start, s.end)
        self._open(report, start, end)

    @on(VimOptionList.OptionSelected, "#figures")
    def _figure_chosen(self, event: VimOptionList.OptionSelected) -> None:
        f, _, v = (event.option.id or "f0.0")[1:].partition(".")
        value = self.story.figures[int(f)].values[int(v)]
        self._open(value.report, value.start, value.end)

    @on(VimOptionList.OptionSelected, "#sources")
    def _source_chosen(self, event: VimOptionList.OptionSelected) -> None:
        chosen = event.option.id or "s0"
        if chosen.startswith("c"):  # a copy left out: the reader shows it whole
            r, _, j = chosen[1:].partition(".")
            copy = self.story.reports[int(r)].copies[int(j)]
            if self._given is not None:
                self.notify("these reports were read from files: no reader for them", markup=False)
                return
            self.app.push_screen(ReaderScreen(self.engine, copy))
            return
        source = self.story.sources[int((event.option.id or "s0")[1:])]
        report, start, end = source.mentions[0]
        self._open(report, start, end)


class StoryReaderScreen(ReaderScreen):
    """The reader, opened at one sentence of the report (from the story view)."""

    def __init__(self, engine: Engine, article_id: str, at: tuple[int, int]) -> None:
        super().__init__(engine, article_id)
        self.at = at

    def _show(self, *args: Any) -> None:
        super()._show(*args)
        self.query_one(ArticleView).set_current(self.at)


def open_story(screen: Screen[Any], engine: Engine, article_id: str) -> None:
    """Open the story of ``article_id`` (the reader's and library's hook: one line there)."""
    if engine.store is None:
        screen.notify("the index is still opening", severity="warning")
        return
    screen.app.push_screen(StoryScreen(engine, [article_id]))
