"""The app's one door to the engine: the app, its screens and widgets reach ``index`` through here.

Like harlequin's adapter, :class:`Engine` is the one object the app holds for the engine: the open
store (once a worker has opened it) and, as methods, everything the screens ask of it: the
catalogue, an article, a query run once for hits, sidebar and suggestion, related reports, a
comparison, a story, the feeds fetched. The module's other names are the engine's pure helpers the
widgets use (text made safe to show, dates, highlighting), each the engine's own function, and the
engine's types, for annotations. What the door hands over are the engine's frozen dataclasses
(``index.models``: offsets, never markup), which screens and widgets may import by name.

The engine is imported on first use, never here at module level: the first screen lists the
catalogue before Whoosh is imported (``index.store.tables``), and ``index.compare`` costs ~50 ms.
Every method that reads the index blocks: call it from a worker thread, never the UI thread.
Errors meant for the user come out as :class:`EngineError` (their message says what to do); any other
exception is a fault, reported by the caller with its type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # the command line's (tui/cli*.py)
    from index.analysis import analyse
    from index.analysis.dates import is_parsed
    from index.analysis.entity_keys import display_names
    from index.compare import Comparison, Pair, Passage, compare
    from index.compare.report import comparison_to_json, comparison_to_markdown, comparison_to_text
    from index.ingest.files import ReadError, read_bytes, scan, size_limit
    from index.ingest.formats import read_file, read_paths
    from index.ingest.html import PageError
    from index.ingest.jsonl import find_jsonl_article
    from index.ingest.textsafe import markdown_escape as markdown_text
    from index.ingest.textsafe import neutralise
    from index.models import Article, Entity, Facet, IndexReport, Skipped, Snippet
    from index.related import related, stories
    from index.related.grouping import Story
    from index.related.reports import Related
    from index.related.stored_entities import indexed_articles
    from index.search import SORTS, Execution, QueryError, by_date, facets, parse, search
    from index.search.facet_counts import entity_clause
    from index.search.highlight import highlight_terms, query_words, stemmed_tokens
    from index.search.parse import check as check_query
    from index.store import Store
    from index.store.cache import (
        CachedIndex,
        cached_indexes,
        indexes_folder,
        remove_index,
        unused_reason,
    )
    from index.store.checking import run_imports, start_check
    from index.store.errors import IndexBusy, StoreError
    from index.store.tables import ArticleInfo, check_unchanged, default_index_dir, quick_unchanged
    from index.store.whoosh_compat import load_whoosh
    from index.story import StoryError, story_map
    from index.story.find import story_of
    from index.story.models import StoryMap
    from index.story.render import story_to_json, story_to_markdown, story_to_text
    from index.vocabulary import kind as entity_kind
    from index.web.archive import saved_keys
    from index.web.feedlist import FeedError, FeedList, read_opml
    from index.web.feeds import FeedReport, fetch_feeds
    from index.web.http import Fetcher, FetchError
    from index.web.pages import fetch_page, page_document, save_page

StoreFactory = Callable[[list[str], "str | None"], Any]
"""Opens the store for the corpus roots and index folder (tests inject their own)."""


class EngineError(Exception):
    """Something the engine refused, with a message for the user (a malformed query, an index
    that cannot be opened or is busy, a story with one report)."""


def default_factory(roots: list[str], index_dir: str | None) -> Store:
    """The engine's own store for ``roots``."""
    from index.store import Store

    return Store(roots, index_dir)


class Engine:
    """The engine as the app sees it: one store, read from worker threads.

    Args:
        store: The open store (``None`` until :meth:`open` has run; comparing two articles read
            from files needs none).
    """

    def __init__(self, store: Store | None = None) -> None:
        self.store = store

    # -- the store -----------------------------------------------------------------------------

    @staticmethod
    def preview(roots: Sequence[str], index_dir: str | None) -> list[ArticleInfo]:
        """The catalogue an index already holds, read without importing Whoosh (fast first screen).

        Returns an empty list when there is no index yet or it cannot be read that way.
        """
        from index.store.tables import quick_catalogue

        return list(quick_catalogue(list(roots), index_dir) or [])

    def open(self, factory: StoreFactory, roots: Sequence[str], index_dir: str | None) -> Store:
        """Open (or create) the index and hold it.

        Raises:
            EngineError: the index cannot be opened (the message says why).
        """
        from index.store import StoreError

        try:
            store: Store = factory(list(roots), index_dir)
        except StoreError as exc:
            raise EngineError(str(exc)) from None
        except Exception as exc:
            raise EngineError(f"cannot open the index: {exc}") from None
        self.store = store
        return store

    def _store(self) -> Store:
        if self.store is None:
            raise EngineError("the index is still opening")
        return self.store

    @property
    def messages(self) -> list[str]:
        """What the store said when it opened (an index rebuilt, a lock left behind)."""
        return [str(note) for note in getattr(self.store, "messages", ())]

    def skipped(self) -> list[Skipped]:
        """The files the last index run skipped, and why."""
        return list(self._store().skipped())

    def update(
        self, progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]
    ) -> IndexReport:
        """Bring the index up to date with the corpus.

        Raises:
            EngineError: the index is busy or cannot be written.
        """
        from index.store import StoreError

        try:
            return self._store().update(progress=progress, cancelled=cancelled)
        except StoreError as exc:  # IndexBusy included
            raise EngineError(str(exc)) from None
        except Exception as exc:
            raise EngineError(f"indexing failed: {type(exc).__name__}: {exc}") from None

    def catalogue(self) -> list[ArticleInfo]:
        """Every article indexed (id, title, source, date, ...)."""
        return list(self._store().catalogue())

    def article(self, article_id: str) -> tuple[Article, list[Entity]] | None:
        """An article and its entities, or ``None`` when it is no longer in the index."""
        return self._store().article_with_entities(article_id)

    def article_first(self, article_id: str) -> tuple[Article, Callable[[], list[Entity]]] | None:
        """An article, and a call that makes its entities (seconds for a 20 MB article's: the
        reader shows the text first), or ``None`` when it is no longer in the index."""
        return self._store().article_first(article_id)

    def display_names(self) -> dict[str, str]:
        """Each entity key's fullest name across the corpus."""
        return self._store().display_names()

    # -- search --------------------------------------------------------------------------------

    @contextmanager
    def query(self, text: str) -> Iterator[Execution]:
        """Run a query once (parse and match, one searcher held for the block): its hits, every
        hit, :meth:`facets_of` and the suggestion all read this one execution.

        Raises:
            EngineError: the query is malformed (the message says how).
        """
        from index.search import QueryError, run_query

        try:
            with run_query(self._store(), text) as run:
                yield run
        except QueryError as exc:
            raise EngineError(str(exc)) from None

    def published_note(self, query: str) -> str | None:
        """When the corpus's articles were published, for a search by publication date (a
        ``date:>2011`` that found nothing says so); ``None`` for another query."""
        from tui.published import published_note

        return published_note(self._store(), query)

    def facets_of(self, run: Execution, limit: int, share: int = 0) -> list[Facet]:
        """The entities most named by the articles an executed query matched, each counted as
        the results its sidebar clause keeps (the number Enter then lists); each kind keeps up to
        ``share`` of its own among the ``limit``."""
        from index.search.facet_counts import narrowed_facets

        return narrowed_facets(run, limit, share)

    def corpus_facets(self, limit: int, share: int = 0) -> list[Facet]:
        """The entities most named across the corpus, counted as :meth:`facets_of` counts."""
        from index.search.facet_counts import corpus_facets

        return corpus_facets(self._store(), limit, share)

    def snippets_for(
        self, query: str, ids: Sequence[str], snippets: int
    ) -> dict[str, tuple[Snippet, ...]]:
        """Snippets of some hits of ``query`` (the rows that came into view)."""
        from index.search import snippets_for

        return snippets_for(self._store(), query, list(ids), snippets)

    # -- related reports, comparisons, stories -------------------------------------------------

    def stories(self) -> list[Story]:
        """The corpus grouped into stories (seconds on a large corpus)."""
        from index.related import stories

        return list(stories(self._store()))

    def related(self, article_id: str, limit: int = 10) -> list[Related]:
        """Reports most like an article."""
        from index.related import related

        return list(related(self._store(), article_id, limit=limit))

    @staticmethod
    def analyse(article: Article) -> list[Entity]:
        """The entities of an article read from a file (not from the index)."""
        from index.analysis import analyse

        return list(analyse(article))

    @staticmethod
    def compare(a: Article, b: Article, ents_a: list[Entity], ents_b: list[Entity]) -> Comparison:
        """Align two reports: shared and related claims, what each says alone, conflicts."""
        from index.compare import compare

        return compare(a, b, ents_a, ents_b)

    def story_reports(self, article_ids: Sequence[str]) -> list[tuple[Article, list[Entity]]]:
        """The reports of a story: the given articles, or (given one) every report of its story."""
        from index.story.find import story_of

        ids = list(article_ids)
        if len(ids) == 1:
            ids = story_of(self._store(), ids[0])
        return [p for p in (self.article(i) for i in ids) if p]

    @staticmethod
    def story_map(
        reports: Sequence[tuple[Article, list[Entity]]], cancelled: Callable[[], bool]
    ) -> StoryMap:
        """Every claim of a story, report by report (every pair aligned: seconds).

        Raises:
            EngineError: the story cannot be built from these reports.
        """
        from index.story import StoryError, story_map

        try:
            return story_map([a for a, _ in reports], [e for _, e in reports], cancelled)
        except StoryError as exc:
            raise EngineError(str(exc)) from None

    # -- feeds ---------------------------------------------------------------------------------

    @staticmethod
    def feed_count(data_dir: Path) -> int:
        """How many feeds the user's feed list (in ``data_dir``) holds.

        Raises:
            EngineError: the list cannot be read.
        """
        from index.web.feeds import FeedError, FeedList

        try:
            return len(FeedList(data_dir).load())
        except FeedError as exc:
            raise EngineError(str(exc)) from None

    @staticmethod
    def fetch_feeds(
        data_dir: Path,
        into: Path,
        progress: Callable[[int, int, str], None],
        cancelled: Callable[[], bool],
    ) -> list[FeedReport]:
        """Fetch every feed of the list and save the new articles under ``into``.

        Raises:
            EngineError: another fetch is running, or the list cannot be read.
        """
        from index.web.feeds import FeedError, FeedList, fetch_feeds
        from index.web.http import Fetcher

        try:
            with Fetcher() as fetcher:
                return fetch_feeds(
                    FeedList(data_dir), into, fetcher, progress=progress, cancelled=cancelled
                )
        except FeedError as exc:
            raise EngineError(str(exc)) from None


# -- the engine's pure helpers, loaded on first use ----------------------------------------------

_HELPERS = {
    "neutralise": "index.ingest.textsafe",  # untrusted text made safe to show, offsets kept
    "is_parsed": "index.analysis.dates",  # a date the engine read (YYYY, YYYY-MM, YYYY-MM-DD)
    "SORTS": "index.search",  # the orders a search lists its hits in
    "by_date": "index.search",  # items by date, newest or oldest first, stable
    "highlight_terms": "index.search.highlight",  # a search's words in an article, as ranges
    "stemmed_tokens": "index.search.highlight",  # words as the index analyses them, with offsets
    "query_words": "index.search.highlight",  # the words of a find-in-article query
    "display_names": "index.analysis.entity_keys",  # each entity's fullest name in one report
    "comparison_to_markdown": "index.compare.report",  # a comparison as a Markdown brief
    "markdown_text": "index.ingest.textsafe:markdown_escape",  # article text escaped as the brief escapes it
    "entity_kind": "index.vocabulary:kind",  # an entity label's names: query field, headings
    "entity_clause": "index.search.facet_counts",  # the query clause of one sidebar entity
    # The command line's (tui/cli*.py): each command's engine calls, loaded when it runs.
    "Store": "index.store",
    "check_unchanged": "index.store.tables",
    "default_index_dir": "index.store.tables",
    "CachedIndex": "index.store.cache",
    "cached_indexes": "index.store.cache",
    "indexes_folder": "index.store.cache",
    "remove_index": "index.store.cache",
    "unused_reason": "index.store.cache",
    "quick_unchanged": "index.store.tables",
    "start_check": "index.store.checking",  # the quiet check, on another core where it can
    "run_imports": "index.store.checking",  # what a run loads first, in steps
    "load_whoosh": "index.store.whoosh_compat",  # Whoosh without what it never calls here
    "IndexBusy": "index.store.errors",
    "StoreError": "index.store.errors",
    "QueryError": "index.search",
    "parse": "index.search",
    "check_query": "index.search.parse:check",  # a query refused before any index is opened
    "search": "index.search",
    "facets": "index.search",
    "read_paths": "index.ingest.formats",
    "read_file": "index.ingest.formats",
    "scan": "index.ingest.files",
    "ReadError": "index.ingest.files",
    "read_bytes": "index.ingest.files",
    "size_limit": "index.ingest.files",
    "find_jsonl_article": "index.ingest.jsonl",
    "analyse": "index.analysis",
    "compare": "index.compare",
    "comparison_to_json": "index.compare.report",
    "comparison_to_text": "index.compare.report",
    "related": "index.related",
    "indexed_articles": "index.related.stored_entities",  # articles and entities a current index holds
    "stories": "index.related",
    "story_of": "index.story.find",
    "StoryError": "index.story",
    "story_map": "index.story",
    "story_to_json": "index.story.render",
    "story_to_markdown": "index.story.render",
    "story_to_text": "index.story.render",
    "PageError": "index.ingest.html",
    "saved_keys": "index.web.archive",
    "Fetcher": "index.web.http",
    "FetchError": "index.web.http",
    "fetch_page": "index.web.pages",
    "page_document": "index.web.pages",
    "save_page": "index.web.pages",
    "FeedError": "index.web.feedlist",
    "FeedList": "index.web.feedlist",
    "read_opml": "index.web.feedlist",
    "fetch_feeds": "index.web.feeds",
}
"""Name -> the engine module that defines it. Each is the engine's own function, returned as is (no
wrapper: ``neutralise`` runs once a character when a view lays out an article)."""


def __getattr__(name: str) -> Any:
    where = _HELPERS.get(name)
    if where is None:
        raise AttributeError(f"module 'tui.engine' has no attribute {name!r}")
    from importlib import import_module

    module, _, attr = where.partition(":")
    return getattr(import_module(module), attr or name)


# The engine's types and functions the app and the command line take from here.
__all__ = ["SORTS", "ArticleInfo", "Comparison", "Engine", "EngineError", "FeedError", "FeedList"]
__all__ += ["FeedReport", "FetchError", "Fetcher", "IndexBusy", "PageError", "Pair", "Passage"]
__all__ += ["QueryError", "ReadError", "Related", "Store", "StoreError", "StoreFactory", "Story"]
__all__ += ["StoryError", "analyse", "by_date", "check_unchanged", "compare", "comparison_to_json"]
__all__ += ["CachedIndex", "cached_indexes", "check_query", "indexes_folder", "remove_index"]
__all__ += ["unused_reason"]
__all__ += ["comparison_to_markdown", "comparison_to_text", "default_factory", "default_index_dir"]
__all__ += ["display_names", "entity_clause", "entity_kind", "facets", "fetch_feeds", "fetch_page"]
__all__ += ["find_jsonl_article", "highlight_terms", "indexed_articles", "is_parsed"]
__all__ += ["load_whoosh", "run_imports", "start_check"]
__all__ += ["markdown_text", "neutralise", "page_document", "parse", "query_words"]
__all__ += ["quick_unchanged", "read_bytes", "read_file", "read_opml", "read_paths", "related"]
__all__ += ["save_page", "saved_keys", "scan", "search", "size_limit", "stemmed_tokens", "stories"]
__all__ += ["story_map", "story_of", "story_to_json", "story_to_markdown", "story_to_text"]
