"""The library: the catalogue grouped by story, search-as-you-type, and an entity sidebar."""

from __future__ import annotations

import time
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, ProgressBar, Static
from textual.worker import get_current_worker

from tui.engine import Engine, EngineError
from tui.messages import (
    CatalogueListed,
    EveryHitListed,
    FacetsCounted,
    OpenArticle,
    SearchAnswered,
    SearchFailed,
    SnippetsRead,
)
from tui.screens.library_actions import LibraryActions
from tui.screens.library_order import facet_clause, newest_first
from tui.widgets.footer import FittedFooter
from tui.widgets.lists import FacetList, safe
from tui.widgets.result_list import ResultList
from tui.widgets.tail_line import TailLine

DEBOUNCE = 0.12
SEARCHING_AFTER = 0.3
"""Seconds a typed query may go unanswered before the status line says it is being searched."""
STORY_LIMIT = 20_000
"""Above this many articles the library lists them flat: grouping would take too long to wait for."""
LIST_LIMIT = 2_000
"""Rows listed when nothing is searched; a bigger library is reached by searching."""
PREFETCH = 30
"""Hits whose snippets come with the results (the rest are fetched as they come into view)."""
SNIPPETS = 2
SIDEBAR = 30
"""Entities the sidebar lists."""
SIDEBAR_SHARE = 5
"""Each kind's own most named entities kept among them, five of six kinds' (the top 30 by count alone
held 17 dates and no person on the 19,043 Reuters stories)."""


class LibraryScreen(LibraryActions, Screen[None]):
    """Lists the corpus; searches it as the user types."""

    AUTO_FOCUS = "#results"
    # At 80 columns, with A marked or a suggestion, these give way to q Quit and ? Help (the
    # suggestion's key is in its hint, the sidebar opens with f).
    FOOTER_SPARE = ("apply_suggestion", "toggle_panel", "cycle_sort", "mark")
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority: "/" runs as it arrives, before the keys typed after it are routed, so a fast
        # "/kursk" lands in the box (check_action lets "/" type itself there). Enter must not be a
        # priority key: it would overtake the letters typed before it.
        Binding("slash", "focus_search", "Search", id="library.search", priority=True),
        Binding("enter", "open", "Open", id="library.open"),
        Binding("d", "apply_suggestion", "Use suggestion", id="library.suggestion"),
        Binding("f", "focus_facets", "Entities", id="library.facets"),
        Binding("p", "toggle_panel", "Panel", id="library.panel"),
        Binding("s", "cycle_sort", "Sort", id="library.sort"),
        Binding("a", "mark", "Mark A", id="library.mark"),
        Binding("c", "compare", "Compare with A", id="library.compare"),
        Binding("t", "story", "Story", show=False, id="library.story"),
        Binding("escape", "clear", "Clear", show=False, id="library.clear"),
        Binding("q", "app.quit", "Quit", id="library.quit"),
    ]

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine
        self.store: Any = None
        """The store, once the app has opened it (``None`` before: nothing to search yet)."""
        self.catalogue: list[Any] = []
        self.stories: list[Any] | None = None
        self.result: Any = None
        self.suggestion: str | None = None
        self._last_view: tuple[Any, ...] | None = None
        self._top: list[Any] | None = None
        self._shown_query = ""
        """The query whose results are listed ("" for the catalogue)."""
        self._answered_query = ""
        """The last query answered, with results or with an error."""
        self._open_pending = False
        """Enter was pressed before the results of the typed query arrived: open the first."""
        self.sort = "relevance"
        """The order of search hits (``index.search.SORTS``); the catalogue is newest or oldest."""

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder='Search: words, "phrases", OR, NOT, person:name, date:2024…', id="query"
        )
        with Horizontal(id="status-row"):
            yield Static("Opening the index…", id="status")
            yield Static("", id="suggestion")
            yield TailLine(id="mark", classes="mark")
        with Horizontal(id="body"):
            yield ResultList(id="results")
            with Vertical(id="side"):
                yield Label("Entities", classes="side-title")
                yield FacetList(id="facets")
        with Horizontal(id="progress-row"):
            yield Label("Indexing", id="progress-label")
            yield ProgressBar(id="progress", show_eta=False)
        yield FittedFooter()

    # -- data ----------------------------------------------------------------------------------

    def set_store(self) -> None:
        """Start listing the corpus: the engine's store is open."""
        self.store = self.engine.store
        self.reload()

    def reload(self) -> None:
        """Re-read the catalogue (after an index run) and re-run the current search."""
        if self.store is not None:
            self.load_catalogue()

    @work(thread=True, exclusive=True, group="catalogue", exit_on_error=False)
    def load_catalogue(self) -> None:
        """Read the catalogue, then the stories and the corpus facets (worker thread).

        The flat list is shown first so the first screen never waits for story grouping, which
        takes seconds on a large corpus; above ``STORY_LIMIT`` articles grouping is left off.
        """
        worker = get_current_worker()
        infos = newest_first(self.engine.catalogue())
        self.post_message(CatalogueListed(infos, None, []))
        try:
            top = self.engine.corpus_facets(SIDEBAR, SIDEBAR_SHARE)
        except Exception:
            top = []
        if worker.is_cancelled:
            return
        stories: list[Any] | None = None
        if 1 < len(infos) <= STORY_LIMIT:
            self.post_message(CatalogueListed(infos, None, top))
            try:
                stories = self.engine.stories()
            except Exception:
                stories = None
        if not worker.is_cancelled:
            self.post_message(CatalogueListed(infos, stories, top))

    @on(CatalogueListed)
    def _catalogue_listed(self, message: CatalogueListed) -> None:
        self._show_catalogue(message.infos, message.stories, message.top)

    def preview(self, infos: list[Any]) -> None:
        """Show the catalogue read ahead of the store, unless the store got there first."""
        if self.store is None and not self.catalogue:
            self._show_catalogue(newest_first(infos), None, [])

    def _show_catalogue(self, infos: list[Any], stories: list[Any] | None, top: list[Any]) -> None:
        self.catalogue, self.stories = infos, stories
        if top or stories is not None:
            self._top = top
        if self.query_text:
            self.run_search(self.query_text, debounce=False)
            return
        self._list_catalogue(top)
        self.app.first_screen_ready = True  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._restyle)
        self.show_mark()

    def _restyle(self, _theme: object) -> None:
        # List prompts carry resolved colours: rebuild them in the new theme's.
        if self._last_view is not None:
            self.call_after_refresh(*self._last_view)

    def _list_catalogue(self, top: list[Any]) -> None:
        self._last_view = (self._list_catalogue, top)
        self.result = None
        self._shown_query = self._answered_query = ""
        infos = self.catalogue
        if self.sort == "oldest":
            from tui.engine import by_date

            infos = by_date(sorted(infos, key=lambda i: i.id), lambda i: i.date, newest=False)
        self.query_one(ResultList).show_catalogue(infos[:LIST_LIMIT], self.stories)
        self.query_one(FacetList).show(top)
        self.set_status(self.catalogue_status(len(self.catalogue), LIST_LIMIT))
        self.set_suggestion(None)

    @property
    def query_text(self) -> str:
        """The search box's text, stripped."""
        return self.query_one("#query", Input).value.strip()

    # -- search --------------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        if self.store is None:
            return
        if not event.value.strip():
            self.workers.cancel_group(self, "search")
            self._open_pending = False
            if self._top is not None:  # back to the listing already read: no re-read, no wait
                self._list_catalogue(self._top)
            else:
                self.load_catalogue()
            return
        self.run_search(event.value.strip())
        self.set_timer(SEARCHING_AFTER, self._still_searching)

    def _still_searching(self) -> None:
        """Say so when the typed query is not answered yet (the list shows an older one)."""
        query = self.query_text
        if query and query != self._answered_query:
            self.set_status(f"searching for {safe(query)}…")

    @on(Input.Submitted, "#query")
    def _query_submitted(self) -> None:
        results = self.query_one(ResultList)
        if self.focused is results:  # (has_focus lags: it is set by the Focus event)
            # A second Enter typed before the first moved focus: the typist means "open".
            self.action_open()
            return
        self.set_focus(results)
        if self.store is not None and self.query_text and self.query_text != self._shown_query:
            self.run_search(self.query_text, debounce=False)  # typing is over: no debounce

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str, debounce: bool = True) -> None:
        """Search and count facets for ``query`` (worker thread; newer keystrokes cancel it).

        The query is parsed and matched once (``Engine.query``); its first hits, every hit, the
        sidebar's entities and the suggestion are all read from that one execution.
        """
        worker = get_current_worker()
        if debounce:
            time.sleep(DEBOUNCE)
        if worker.is_cancelled:
            return
        sort = self.sort
        try:
            with self.engine.query(query) as run:
                # The first hits with their snippets at once, as fast as a 50-hit search always
                # was; then every hit (a stored-field read each: ~0.15 ms a hit, 0.4 s for 2,800).
                first = run.result(limit=PREFETCH, snippets=SNIPPETS, sort=sort)
                if worker.is_cancelled:
                    return
                # Hits first; the sidebar's counts follow (tens of milliseconds, seconds on a large
                # corpus while its entity map is first built).
                note = None if first.total else self._published_note(query)
                self.post_message(SearchAnswered(query, first, note))
                result = first
                if first.total > len(first.hits):
                    try:
                        result = run.result(limit=None, snippets=0, sort=sort)
                    except Exception:
                        result = first
                    if worker.is_cancelled:
                        return
                    if result is not first:
                        self.post_message(EveryHitListed(first, result))
                try:
                    found = (
                        self.engine.facets_of(run, SIDEBAR, SIDEBAR_SHARE) if result.total else []
                    )
                except Exception:
                    found = []
        except EngineError as exc:
            if not worker.is_cancelled:
                self.post_message(SearchFailed(query, str(exc)))
            return
        except Exception as exc:
            if not worker.is_cancelled:
                self.post_message(SearchFailed(query, f"search failed: {exc}"))
            return
        if not worker.is_cancelled:
            self.post_message(FacetsCounted(result, found))

    @on(SearchAnswered)
    def _search_answered(self, message: SearchAnswered) -> None:
        self._show_result(message.result, None, message.query)
        if message.note:  # "0 results for date:>2011" said nothing of when the articles were
            self.set_status(f"{self._status_text(message.result)} · {message.note}")

    @on(SearchFailed)
    def _search_failed(self, message: SearchFailed) -> None:
        self._show_error(message.message, message.query)

    @on(EveryHitListed)
    def _list_every_hit(self, message: EveryHitListed) -> None:
        """Replace the first hits by every hit, the cursor and scroll kept where they are."""
        first, every = message.first, message.every
        if self.result is not first:
            return  # a newer search is on screen
        self.result = every
        self._last_view = (self._show_result, every, [], self._shown_query)
        results = self.query_one(ResultList)
        results.show_hits(every.hits, keep=True)
        results.set_snippets({hit.id: hit.snippets for hit in first.hits})

    @on(ResultList.SnippetsWanted)
    def _snippets_wanted(self, event: ResultList.SnippetsWanted) -> None:
        if self.result is not None and self.store is not None:
            self.load_snippets(self.result, event.ids)

    @work(thread=True, group="snippets", exit_on_error=False)
    def load_snippets(self, result: Any, ids: tuple[str, ...]) -> None:
        """Fetch the snippets of hits that came into view (worker thread)."""
        try:
            found = self.engine.snippets_for(result.query, ids, SNIPPETS)
        except Exception:
            found = {}
        found = {i: found.get(i, ()) for i in ids}  # asked once: never asked again
        self.post_message(SnippetsRead(result, found))

    @on(SnippetsRead)
    def _show_snippets(self, message: SnippetsRead) -> None:
        if self.result is message.result:
            self.query_one(ResultList).set_snippets(message.snippets)

    @on(FacetsCounted)
    def _show_facets(self, message: FacetsCounted) -> None:
        if self.result is not message.result:
            return  # a newer search is on screen
        self._last_view = (self._show_result, message.result, message.facets, self._shown_query)
        self.query_one(FacetList).show(message.facets)

    def _show_result(
        self,
        result: Any,
        found: list[Any] | None,
        query: str = "",
        snippets: dict[str, Any] | None = None,
    ) -> None:
        """Show a search's hits, and its entities when ``found`` is given (None: they follow)."""
        self._last_view = (self._show_result, result, found or [], query)
        self.result = result
        self._shown_query = self._answered_query = query
        results = self.query_one(ResultList)
        results.show_hits(result.hits)
        results.set_snippets(snippets or {})
        if found is not None:
            self.query_one(FacetList).show(found)
        self.set_status(self._status_text(result))
        self.set_suggestion(result.suggestion)
        if self._open_pending and query == self.query_text:
            self._open_pending = False
            self.action_open()

    def _show_error(self, message: str, query: str = "") -> None:
        self._answered_query = query
        self._open_pending = False
        self.set_status(f"⚠ {safe(message)}", error=True)
        self.set_suggestion(None)

    # -- actions -------------------------------------------------------------------------------

    def action_open(self) -> None:
        """Open the highlighted article (or, while a search runs, the first of its results)."""
        if self.store is not None and self.query_text != self._shown_query:
            # The list still shows an older query's results: never open one of those.
            self._open_pending = True
            self.set_status(f"searching for {safe(self.query_text)}…")
            self.run_search(self.query_text, debounce=False)
            return
        article_id = self.query_one(ResultList).highlighted_id
        if article_id:
            terms = tuple(self.result.terms) if self.result is not None else ()
            self.post_message(OpenArticle(article_id, terms))

    @on(ResultList.Selected)
    def _result_selected(self) -> None:
        self.action_open()

    def action_cycle_sort(self) -> None:
        """Order the list by relevance, newest or oldest first (the catalogue: newest or oldest)."""
        from tui.engine import SORTS

        if self.query_text:
            self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
            self.run_search(self.query_text, debounce=False)
        else:  # nothing to rank the catalogue by: newest or oldest
            self.sort = "newest" if self.sort == "oldest" else "oldest"
            self._list_catalogue(self._top or [])

    @on(OptionList.OptionSelected, "#facets")
    def _facet_selected(self, event: OptionList.OptionSelected) -> None:
        facet = self.query_one(FacetList).facet(event.option.id)
        if facet is None:
            return
        clause = facet_clause(facet.label, facet.canonical)
        query = self.query_one("#query", Input)
        if clause not in query.value:
            query.value = f"{query.value.strip()} {clause}".strip()
        self.set_focus(self.query_one(ResultList))
