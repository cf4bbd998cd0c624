"""Compare two reports side by side: aligned claims level and tinted alike, conflicts flagged.

The screen paints at once ("comparing…"), reads both articles and runs ``index.compare.compare`` in a
thread worker, shows the articles as soon as they are read and the claims when compare answers.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from index.models import Article, Entity
from tui.engine import Engine
from tui.messages import Compared, CompareFailed, ReportsRead
from tui.screens.compare_export import (
    ConfirmScreen,
    ExportScreen,
    default_name,
    resolve,
    write_brief,
)
from tui.screens.compare_model import (
    LEGEND,
    Link,
    claim_links,
    conflict_links,
    entity_panel,
    marks,
    summary,
)
from tui.screens.compare_navigation import CompareNavigation
from tui.screens.compare_scrolling import CompareScrolling
from tui.widgets.compare_pane import ComparePane
from tui.widgets.footer import FittedFooter
from tui.widgets.lists import Hanging, file_name, meta_line, safe
from tui.widgets.vimkeys import PendingG

if TYPE_CHECKING:  # index.compare loads in the worker (Engine.compare): ~50 ms at first import
    from tui.engine import Comparison

CLAIMS = Binding.Group("claim", compact=True)
CONFLICTS = Binding.Group("conflict", compact=True)


class CompareScreen(CompareNavigation, CompareScrolling, PendingG, Screen[None]):
    """Two reports of one story, side by side (stacked on narrow terminals).

    Args:
        engine: The app's engine (reads the reports from its index, compares them).
        a_id: The report shown as A (left).
        b_id: The report shown as B (right).
    """

    HELP_TITLE = "Compare"
    HELP_NOTES = (
        "Beside each sentence: = the same claim in both reports, ≈ related (the same event",
        "or facet, told with other detail), ! a disagreement, · only in this report.",
        "Aligned claims share a tint. In the selected pair, the words the other report lacks",
        "or states otherwise are underlined, shaded by kind: figures, hedges, status, names,",
        "other words. Below 100 columns the reports are stacked, A on top (s swaps them).",
    )
    CSS_PATH = "../styles/compare.tcss"
    AUTO_FOCUS = "#pane-left"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back", "Back", id="compare.back"),
        Binding("escape", "escape", "Close panel or back", show=False, id="compare.escape"),
        Binding(
            "left_square_bracket",
            "claim(-1)",
            "Prev claim",
            id="compare.previous_claim",
            group=CLAIMS,
        ),
        Binding(
            "right_square_bracket", "claim(1)", "Next claim", id="compare.next_claim", group=CLAIMS
        ),
        Binding(
            "left_curly_bracket,X",
            "conflict(-1)",
            "Prev conflict",
            id="compare.previous_conflict",
            group=CONFLICTS,
        ),
        Binding(
            "right_curly_bracket,x",
            "conflict(1)",
            "Next conflict",
            id="compare.next_conflict",
            group=CONFLICTS,
        ),
        Binding(
            "right_parenthesis", "only(1)", "Next only-here", show=False, id="compare.next_only"
        ),
        Binding(
            "left_parenthesis", "only(-1)", "Prev only-here", show=False, id="compare.previous_only"
        ),
        Binding("d", "set_aside", "Set aside", show=False, id="compare.set_aside"),
        Binding("u", "restore", "Restore set aside", show=False, id="compare.restore"),
        Binding("e", "toggle_info", "Entities", id="compare.entities"),
        Binding("s", "swap", "Swap", id="compare.swap"),
        Binding("m", "export", "Export", id="compare.export"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="compare.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="compare.up"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="compare.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="compare.half_up"),
        Binding(
            "space,ctrl+f,pagedown", "page(1)", "Page down", show=False, id="compare.page_down"
        ),
        Binding("b,ctrl+b,pageup", "page(-1)", "Page up", show=False, id="compare.page_up"),
        Binding("g", "g_prefix", "Top", show=False, id="compare.gg"),
        Binding("home", "top", "Top", show=False, id="compare.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="compare.bottom"),
    ]

    def __init__(
        self,
        engine: Engine,
        a_id: str,
        b_id: str,
        *,
        articles: tuple[Article, Article] | None = None,
    ) -> None:
        """Compare two articles of the index, or two ``articles`` read from files (no index)."""
        super().__init__()
        self.engine = engine
        self._given = articles
        self.a_id, self.b_id = a_id, b_id
        self.articles: dict[str, Article] = {}
        self.entities: dict[str, list[Entity]] = {"a": [], "b": []}
        self.comparison: Comparison | None = None
        """What is shown: the engine's comparison less the pairings set aside."""
        self.engine_comparison: Comparison | None = None
        self.set_aside: set[tuple[int, int, int, int]] = set()
        """Pairings the reader set aside (A's offsets, then B's), remembered per article pair."""
        self._set_aside_order: list[tuple[int, int, int, int]] = []
        self.only_index: int | None = None
        self.left = "a"
        self.claims: list[Link] = []
        self.conflicts: list[Link] = []
        self.current: Link | None = None
        self._explained: tuple[Link, str] | None = None  # what the status line explains
        self.timings: dict[str, float] = {}
        self._started = time.perf_counter()

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-top"):
            yield Static(Content("comparing…"), id="compare-summary")
            yield Static(LEGEND, id="compare-legend")
        with Horizontal(id="compare-body"):
            with Horizontal(id="compare-panes"):
                for side in ("left", "right"):
                    with Vertical(classes="compare-side", id=f"side-{side}"):
                        yield Static(Content("loading…"), classes="compare-head", id=f"head-{side}")
                        yield ComparePane(id=f"pane-{side}")
            with Vertical(id="compare-info"):
                yield Static(Content("Entities and sources"), classes="side-title")
                with VerticalScroll(id="compare-info-scroll"):
                    yield Static(Content("comparing…"), id="compare-info-body")
        yield Static(Content(""), id="compare-status")
        yield FittedFooter()

    def on_mount(self) -> None:
        left, right = self._panes()
        left.link(right)
        # The summary's count and the status line's "!" are drawn in colours made readable on this
        # theme's background: drawn again when the theme changes.
        self.watch(self.app, "theme", self._theme_changed, init=False)
        self.timings["mounted"] = time.perf_counter() - self._started
        self.call_after_refresh(self._painted)
        self.load()

    def _theme_changed(self, _theme: str) -> None:
        self._restyle_soon()

    def on_screen_resume(self) -> None:
        # A theme picked in the command palette changes while this screen is under the palette:
        # its own backgrounds are new only once it is shown again.
        self._restyle_soon()

    def _restyle_soon(self) -> None:
        # Textual applies a new theme's styles over the next refreshes (a screen under the palette
        # later than the palette): draw after the next one, and again once they have all landed.
        self.call_after_refresh(self._restyle)
        self.set_timer(0.25, self._restyle)

    def _restyle(self) -> None:
        if self.comparison is not None:
            self.query_one("#compare-summary", Static).update(
                summary(self.comparison, self._error_style())
            )
        if self._explained is not None:
            self._explain(*self._explained)

    def _painted(self) -> None:
        self.timings["first_paint"] = time.perf_counter() - self._started

    def _panes(self) -> tuple[ComparePane, ComparePane]:
        return self.query_one("#pane-left", ComparePane), self.query_one("#pane-right", ComparePane)

    @property
    def right(self) -> str:
        """The side (``"a"`` or ``"b"``) shown in the right-hand (or lower) pane."""
        return "b" if self.left == "a" else "a"

    # -- loading -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def load(self) -> None:
        """Read both articles, show them, then compare them (worker thread)."""
        worker = get_current_worker()
        engine = self.engine
        found: list[tuple[Article, list[Entity]] | None]
        try:
            if self._given is not None:
                found = [(article, engine.analyse(article)) for article in self._given]
            else:
                found = [engine.article(i) for i in (self.a_id, self.b_id)]
        except Exception as exc:
            self.post_message(CompareFailed(f"cannot read the reports: {exc}"))
            return
        first, second = found
        if first is None or second is None:
            self.post_message(CompareFailed("a report is no longer in the index"))
            return
        (a, ents_a), (b, ents_b) = first, second
        if worker.is_cancelled:
            return
        self.post_message(ReportsRead(a, ents_a, b, ents_b))
        t0 = time.perf_counter()
        try:
            result = engine.compare(a, b, ents_a, ents_b)
        except Exception as exc:
            self.post_message(CompareFailed(f"compare failed: {type(exc).__name__}: {exc}"))
            return
        self.timings["compare"] = time.perf_counter() - t0
        if not worker.is_cancelled:
            self.post_message(Compared(result))

    @on(CompareFailed)
    def _failed(self, message: CompareFailed) -> None:
        self.query_one("#compare-summary", Static).update(Content(f"⚠ {message.message}"))
        self.notify(message.message, title="Compare", severity="error", markup=False)

    @on(ReportsRead)
    def _show_articles(self, message: ReportsRead) -> None:
        if not self.is_attached:  # closed while the worker ran
            return
        self.articles = {"a": message.a, "b": message.b}
        self.entities = {"a": message.entities_a, "b": message.entities_b}
        self._fill()

    @on(Compared)
    def _show_comparison(self, message: Compared) -> None:
        result = message.comparison
        if not self.is_attached:
            return
        from tui.setaside import load, without

        self.engine_comparison = result
        try:
            self.set_aside = load(result.a, result.b)
        except Exception:
            self.set_aside = set()
        result = without(result, self.set_aside)
        self.comparison = result
        self.claims = claim_links(result)
        self.conflicts = conflict_links(result)
        self.query_one("#compare-summary", Static).update(summary(result, self._error_style()))
        self.query_one("#compare-info-body", Static).update(
            Hanging(entity_panel(result, self.entities["a"], self.entities["b"]), 4)
        )
        self._fill()
        n = len(self.conflicts)
        hint = f"{n} conflict{'s' if n != 1 else ''}: }} shows the next" if n else "no conflicts"
        self.set_status(f"{len(self.claims)} aligned claims: ] shows the next · {hint}")
        self.timings["ready"] = time.perf_counter() - self._started

    def _fill(self) -> None:
        """(Re)draw both panes for the current side order, keeping the selected link level."""
        for pane_id, side in (("left", self.left), ("right", self.right)):
            article = self.articles.get(side)
            pane = self.query_one(f"#pane-{pane_id}", ComparePane)
            head = self.query_one(f"#head-{pane_id}", Static)
            if article is None:
                continue
            letter = side.upper()
            head.update(
                Content("\n").join(
                    [
                        Content.assemble(
                            (f" {letter} ", "reverse bold"), " ", (safe(article.title), "bold")
                        ),
                        Content(
                            "    " + meta_line(article.source, article.date, file_name(article.id))
                        ).stylize("$text-muted"),
                    ]
                )
            )
            found = marks(self.comparison, side, self.claims) if self.comparison else []
            pane.set_article(article, found)
        if self.comparison is None:
            for pane in self._panes():
                pane.placeholder = "comparing…"
        self._select(self.current)

    # -- export and status -------------------------------------------------------------------

    def action_export(self) -> None:
        """Save the comparison as a Markdown brief in a file the user names."""
        if self.comparison is None:
            self.notify("still comparing…", severity="warning")
            return
        self.app.push_screen(ExportScreen(default_name(self.a_id, self.b_id)), self._export_named)

    def _export_named(self, name: str | None) -> None:
        if not name:
            return
        path = resolve(name)
        if path.exists():

            def answered(yes: bool | None) -> None:
                if yes:
                    self.export(path, overwrite=True)

            self.app.push_screen(ConfirmScreen(f"{safe(str(path))} exists. Replace it?"), answered)
            return
        self.export(path, overwrite=False)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export(self, path: Path, overwrite: bool) -> None:
        """Write the Markdown brief to ``path`` (worker thread)."""
        from tui.engine import comparison_to_markdown

        assert self.comparison is not None
        shown = safe(str(path))
        try:
            from tui.setaside import export_note

            brief = comparison_to_markdown(self.comparison)
            brief += export_note(self.comparison, self.set_aside)
            write_brief(path, brief, overwrite=overwrite)
        except FileExistsError:
            self.app.call_from_thread(
                self.notify,
                f"{shown} exists: not replaced",
                title="Export",
                severity="warning",
                markup=False,
            )
        except OSError as exc:
            reason = safe(exc.strerror or str(exc))
            self.app.call_from_thread(
                self.notify,
                f"cannot write {shown}: {reason}",
                title="Export",
                severity="error",
                markup=False,
            )
        else:
            self.app.call_from_thread(self.notify, f"saved {shown}", title="Export", markup=False)

    def set_status(self, text: str) -> None:
        """One line under the panes (plain text)."""
        self._explained = None
        self.query_one("#compare-status", Static).update(Content(text))

    def on_resize(self) -> None:
        # Wrapping changes with the width: bring the selected claim level again once laid out.
        if self.current is not None:
            self.call_after_refresh(self._select, self.current)

    def on_compare_pane_rewrapped(self) -> None:
        # The panes changed width without the screen resizing (the entity panel opened or closed).
        self.on_resize()
