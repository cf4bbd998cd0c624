"""The reader: one article, its entities highlighted, in-article search and related reports."""

from __future__ import annotations

import threading
import time
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
from tui.messages import (
    ArticleDetails,
    ArticleEntities,
    ArticleRead,
    ArticleUnreadable,
    FindAnswered,
    OpenArticle,
    RelatedFound,
)
from tui.screens.reader_actions import ReaderActions
from tui.screens.reader_marks import ReaderMarks
from tui.widgets.article_view import LONG_TEXT, ArticleView
from tui.widgets.footer import FittedFooter
from tui.widgets.lists import (
    LABEL_NAMES,
    FacetList,
    VimOptionList,
    header,
    meta_line,
    safe,
)
from tui.widgets.mentions import EntityItem, LegendLine, entity_items, find_ranges

FIND_DEBOUNCE = 0.1
ENTITY_LIST_LIMIT = 1000
"""Entities listed at most (most named first): a 2 MB article names ~10,000, each a row to lay out."""
MOVES = Binding.Group("next/prev", compact=True)


class ReaderScreen(ReaderActions, ReaderMarks, Screen[None]):
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
        self.status_text = ""
        self._more_entities = ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="reader-body"):
            with Vertical(id="reader-main"):
                with Center(id="head-box"):
                    yield Static("Loading…", id="head")
                    yield LegendLine("", id="legend")
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
            found = self.engine.article_first(self.article_id)
            names = self.engine.display_names()
        except Exception as exc:
            self.post_message(ArticleUnreadable(f"cannot read the article: {exc}"))
            return
        if found is None:
            self.post_message(ArticleUnreadable("this article is no longer in the index"))
            return
        article, make_entities = found
        # The text first (a 19 MB article's 313,000 entities took 3.4 s to decode before its first
        # screen, and take seconds to group and list), then its entities, then what is listed
        # and marked in it.
        self.post_message(ArticleRead(article, [], names))
        try:
            entities = make_entities()
        except Exception as exc:
            self.post_message(ArticleUnreadable(f"cannot read the article's entities: {exc}"))
            return
        self.post_message(ArticleEntities(entities))
        self.post_message(ArticleDetails(entity_items(entities, names), None))
        if self.terms:  # seconds on a 2 MB article: its own message, after the entity list
            self.post_message(ArticleDetails(None, highlight_terms(article.text, self.terms)))

    @on(ArticleUnreadable)
    def _unreadable(self, message: ArticleUnreadable) -> None:
        self.notify(message.message, severity="error", markup=False)

    @on(ArticleRead)
    def _article_read(self, message: ArticleRead) -> None:
        self._show(message.article, message.entities)

    def _show(self, article: Article, entities: list[Entity]) -> None:
        self.article, self.entities = article, entities
        self.query_one("#head", Static).update(header(article))
        view = self.query_one(ArticleView)
        view.set_article(article, entities)
        if entities:  # else they come with ArticleEntities: no "People 0" while they are made
            self._legend()
        if len(entities) > ENTITY_LIST_LIMIT:
            self.set_status("listing the article's entities…")

    @on(ArticleEntities)
    def _entities_read(self, message: ArticleEntities) -> None:
        self.entities = message.entities
        self.query_one(ArticleView).set_entities(message.entities)
        self._legend()
        if len(message.entities) > ENTITY_LIST_LIMIT:
            self.set_status("listing the article's entities…")

    @on(ArticleDetails)
    def _details(self, message: ArticleDetails) -> None:
        # After the text is drawn: listing thousands of entities takes the main thread a while.
        self.call_after_refresh(self._list_details, message.items, message.ranges)

    def _list_details(
        self, items: list[EntityItem] | None, ranges: list[tuple[int, int]] | None
    ) -> None:
        if items is not None:
            shown = items[:ENTITY_LIST_LIMIT]
            more = len(items) - len(shown)
            self._more_entities = (
                f"{more:,} more entities, named less often (/ finds them in the text)"
                if more
                else ""
            )
            self.query_one("#entities", FacetList).show(shown, "×", more=self._more_entities)
            if self.status_text.startswith("listing"):
                self.set_status(self._layout_status())
        if ranges is not None:
            self.term_ranges = ranges
            self._refresh_marks()
            if ranges:
                n = len(ranges)
                what = "match" if n == 1 else "matches"  # it said "1 matches"
                self.set_status(f"{n:,} {what} of the library search; n/N move between them")

    @on(ArticleView.LayoutProgress)
    def _layout_progress(self, message: ArticleView.LayoutProgress) -> None:
        status = self.status_text
        if message.done < message.total:
            if not status or status.startswith("laying out"):
                self.set_status(self._layout_status(message.done / max(1, message.total)))
        elif status.startswith("laying out"):
            self.set_status("")

    def _layout_status(self, share: float | None = None) -> str:
        """What the status line says while a long text is being laid out ('' once it is)."""
        view = self.query_one(ArticleView)
        if view.complete:
            return ""
        if share is None:
            share = view.laid_out_share
        return f"laying out the article: {share:.0%}… (the rest of it comes in a moment)"

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
            self.call_after_refresh(
                entities.show, list(entities.facets.values()), "×", self._more_entities
            )

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

    def set_status(self, text: str) -> None:
        """One line under the article (plain text)."""
        self.status_text = text
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
            if self._tokens is None and event.value.strip() and len(self.article.text) > LONG_TEXT:
                # The first find reads every word of the text once (seconds at 2 MB).
                self.set_status("finding in a long article: its words are read once, a moment…")
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
        self.set_status(f"{n:,} match{'es' if n != 1 else ''} for “{safe(query)}”" if query else "")

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
