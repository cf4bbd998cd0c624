"""The reader: one article, its entities highlighted, in-article search and related reports."""

from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from index.models import ENTITY_LABELS, Article, Entity
from tui.engine import Engine
from tui.messages import ArticleRead, ArticleUnreadable, FindAnswered, OpenArticle, RelatedFound
from tui.screens.reader_actions import ReaderActions
from tui.widgets.article_view import ArticleView, entity_class
from tui.widgets.footer import FittedFooter
from tui.widgets.lists import (
    LABEL_NAMES,
    FacetList,
    VimOptionList,
    header,
    meta_line,
    safe,
)
from tui.widgets.mentions import EntityItem, entity_items, find_ranges, legend
from tui.widgets.styling import component_style

FIND_DEBOUNCE = 0.1
MOVES = Binding.Group("next/prev", compact=True)


class ReaderScreen(ReaderActions, Screen[None]):
    """Shows one article with its entities, search hits and related reports."""

    HELP_TITLE = "Reader"
    AUTO_FOCUS = "#article"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back", "Back", id="reader.back"),
        Binding(
            "escape",
            "escape",
            "Close find or panel, clear entity, or back",
            show=False,
            id="reader.escape",
        ),
        # Priority: "/" runs as it arrives, before the keys typed after it are routed (a fast
        # "/soldier" must not send e, i, r to the article).
        Binding("slash", "find", "Find", id="reader.find", priority=True),
        Binding("n", "next", "Next", id="reader.next", group=MOVES),
        Binding("N", "previous", "Previous", id="reader.previous", group=MOVES),
        Binding("e", "toggle_entities", "Colours", id="reader.entities"),
        *(
            Binding(
                str(n),
                f"toggle_label('{label}')",
                f"{LABEL_NAMES[label]} on/off",
                show=False,
                id=f"reader.label{n}",
            )
            for n, label in enumerate(ENTITY_LABELS, 1)
        ),
        # i and r are named in the panel titles (and help): the footer must fit 80 columns.
        Binding("i", "focus_entities", "Entities", show=False, id="reader.entity_list"),
        Binding("r", "focus_related", "Related", show=False, id="reader.related"),
        Binding("c", "compare", "Compare", id="reader.compare"),
        Binding("p", "toggle_panel", "Panel", id="reader.panel"),
        Binding("o", "open_url", "Open link", show=False, id="reader.open_url"),
        Binding("a", "mark", "Mark A", show=False, id="reader.mark"),
        Binding("t", "story", "Story", show=False, id="reader.story"),
    ]

    def __init__(self, engine: Engine, article_id: str, terms: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.engine = engine
        self.article_id = article_id
        self.terms = terms
        self.article: Article | None = None
        self.entities: list[Entity] = []
        self.term_ranges: list[tuple[int, int]] = []
        self.find_query = ""
        self.find_hits: list[tuple[int, int]] = []
        self.selected: EntityItem | None = None
        self.mode = "terms"
        self.position = -1
        self._jump_pending = False
        self._tokens: Any = None
        self._tokens_lock = threading.Lock()

    def compose(self) -> ComposeResult:
        with Horizontal(id="reader-body"):
            with Vertical(id="reader-main"):
                with Center(id="head-box"):
                    yield Static("Loading…", id="head")
                    yield Static("", id="legend")
                yield ArticleView(id="article")
                with Center(id="status-box"):
                    yield Static("", id="reader-status")
                    yield Static("", id="reader-mark", classes="mark")
                    yield Static(
                        Content("p shows this article's entities and related reports"),
                        id="side-hint",
                    )
                yield Input(placeholder="Find in this article (Enter: go, Esc: close)", id="find")
            with Vertical(id="reader-side"):
                with Vertical(id="entities-box"):
                    yield Label("Entities (i)", classes="side-title")
                    yield FacetList(id="entities")
                with Vertical(id="related-box"):
                    yield Label("Related reports (r; c compares)", classes="side-title")
                    yield VimOptionList(id="related")
        yield FittedFooter()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._restyle)
        self.query_one("#find").display = False
        self.show_mark()
        self.load_article()
        self.load_related()

    # -- loading -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_article(self) -> None:
        """Read the stored article and its entities (worker thread)."""
        from tui.engine import highlight_terms

        try:
            found = self.engine.article(self.article_id)
            names = self.engine.display_names()
        except Exception as exc:
            self.post_message(ArticleUnreadable(f"cannot read the article: {exc}"))
            return
        if found is None:
            self.post_message(ArticleUnreadable("this article is no longer in the index"))
            return
        article, entities = found
        ranges = highlight_terms(article.text, self.terms) if self.terms else []
        self.post_message(ArticleRead(article, entities, names, ranges))

    @on(ArticleUnreadable)
    def _unreadable(self, message: ArticleUnreadable) -> None:
        self.notify(message.message, severity="error", markup=False)

    @on(ArticleRead)
    def _article_read(self, message: ArticleRead) -> None:
        items = entity_items(message.entities, message.names)
        self._show(message.article, message.entities, items, message.ranges)

    def _show(
        self,
        article: Article,
        entities: list[Entity],
        items: list[EntityItem],
        ranges: list[tuple[int, int]],
    ) -> None:
        self.article, self.entities, self.term_ranges = article, entities, ranges
        self.query_one("#head", Static).update(header(article))
        view = self.query_one(ArticleView)
        view.set_article(article, entities)
        view.set_marks(ranges)
        self.query_one("#entities", FacetList).show(items, "×")
        self._legend()
        if ranges:
            self.set_status(f"{len(ranges)} matches of the library search; n/N move between them")

    @work(thread=True, exclusive=True, group="related", exit_on_error=False)
    def load_related(self) -> None:
        """Find reports related to this one (worker thread; optional engine feature)."""
        found: list[Any] | None
        try:
            found = self.engine.related(self.article_id, limit=10)
        except Exception:
            found = None
        self.post_message(RelatedFound(found))

    @on(RelatedFound)
    def _show_related(self, message: RelatedFound) -> None:
        found = message.related
        listing = self.query_one("#related", VimOptionList)
        if found is None:
            listing.set_options([Option(Content("related reports unavailable"), disabled=True)])
            return
        if not found:
            listing.set_options([Option(Content("no related reports"), disabled=True)])
            return
        options = []
        for rel in found:
            tag = "same story" if getattr(rel, "same_story", False) else ""
            meta = " · ".join(
                x for x in (tag, meta_line(rel.source, rel.date, ""), f"{rel.score:.0%} alike") if x
            )
            prompt = Content("\n").join(
                [Content(safe(rel.title)).stylize("bold"), Content(meta).stylize("$text-muted")]
            )
            options.append(Option(prompt, id=rel.id))
        listing.set_options(options)
        listing.highlighted = 0

    def _restyle(self, _theme: object) -> None:
        # The legend and entity list hold resolved colours: rebuild them in the new theme's.
        if self.article is not None:
            self.call_after_refresh(self._legend)
            entities = self.query_one("#entities", FacetList)
            self.call_after_refresh(entities.show, list(entities.facets.values()), "×")

    # -- legend and labels ---------------------------------------------------------------------

    def _legend(self) -> None:
        view = self.query_one(ArticleView)
        shown = set(view.shown_labels) if view.show_entities else set()
        content = legend(
            Counter(e.label for e in self.entities),
            shown,
            lambda label: component_style(view, entity_class(label)),
            explain=self.size.height >= 30,  # room to say what the digits do
        )
        self.query_one("#legend", Static).update(content)

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

    @on(OptionList.OptionSelected, "#entities")
    def _entity_chosen(self, event: OptionList.OptionSelected) -> None:
        item = self.query_one("#entities", FacetList).facet(event.option.id)
        if item is not None:
            self.select_entity(item)

    def select_entity(self, item: EntityItem) -> None:
        """Highlight an entity's mentions and go to the first one."""
        self.selected, self.mode, self.position = item, "entity", -1
        self._refresh_marks()
        if self.has_class("-narrow"):  # give the text its room back (i shows the list again)
            self.remove_class("-show-side")
        self.action_next()
        self.set_focus(self.query_one(ArticleView))

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
        self.set_status(f"{what}: {self.position + 1} of {len(targets)}  (n next, N previous)")

    def action_next(self) -> None:
        """Go to the next mention or match."""
        self._move(1)

    def action_previous(self) -> None:
        """Go to the previous mention or match."""
        self._move(-1)

    def set_status(self, text: str) -> None:
        """One line under the article (plain text)."""
        self.query_one("#reader-status", Static).update(Content(text))
        # Narrow screens show how to reach the hidden panel while the status line is free.
        self.set_class(bool(text), "-has-status")

    # -- find in article -----------------------------------------------------------------------

    def action_find(self) -> None:
        """Open the find box."""
        find = self.query_one("#find", Input)
        find.display = True
        # At once (focus() waits a turn): keys typed fast after / must not reach the article,
        # where e, i, r and q are commands.
        self.set_focus(find)

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        if self.article is not None:
            self.run_find(event.value)

    @work(thread=True, exclusive=True, group="find", exit_on_error=False)
    def run_find(self, query: str) -> None:
        """Find ``query`` in the article (worker thread: long articles take a moment)."""
        from tui.engine import stemmed_tokens

        worker = get_current_worker()
        time.sleep(FIND_DEBOUNCE)
        if worker.is_cancelled:
            return
        text = self.article.text if self.article else ""
        with self._tokens_lock:  # one analysis per article, shared by later finds
            if self._tokens is None:
                self._tokens = stemmed_tokens(text)
        if worker.is_cancelled:
            return
        hits = find_ranges(text, query, self._tokens) if query.strip() else []
        if not worker.is_cancelled:
            self.post_message(FindAnswered(query, hits))

    @on(FindAnswered)
    def _found(self, message: FindAnswered) -> None:
        query, hits = message.query, message.ranges
        self.find_query, self.find_hits = query, hits
        self.mode, self.position = "find", -1
        self._refresh_marks()
        if self._jump_pending and query == self.query_one("#find", Input).value:
            self._jump_pending = False
            self.action_next()
            return
        n = len(hits)
        self.set_status(f"{n} match{'es' if n != 1 else ''} for “{safe(query)}”" if query else "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` types itself in the find box."""
        if action == "find":
            return self.focused is not self.query_one("#find", Input)
        return True

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#find").display = False
        self.set_focus(self.query_one(ArticleView))
        if event.value == self.find_query and self.mode == "find":
            self.position = -1
            self.action_next()
        else:
            self._jump_pending = True  # the find worker is still running: jump when it answers

    # -- navigation ----------------------------------------------------------------------------

    def action_escape(self) -> None:
        """Close the find box, or leave the side panel, or clear the selected entity, or go back."""
        find = self.query_one("#find", Input)
        side = self.query_one("#reader-side")
        if find.display:
            find.display = False
            self.set_focus(self.query_one(ArticleView))
        elif self.focused is not None and side in self.focused.ancestors:
            if self.has_class("-narrow"):
                self.remove_class("-show-side")
            self.set_focus(self.query_one(ArticleView))
        elif self.selected is not None:
            self.selected, self.mode, self.position = None, "terms", -1
            self._refresh_marks()
            self.query_one(ArticleView).set_current(None)
            self.set_status("")
        else:
            self.action_back()

    @on(OptionList.OptionSelected, "#related")
    def _related_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(OpenArticle(event.option.id, self.terms))
