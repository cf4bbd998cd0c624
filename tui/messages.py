"""App-wide messages: what workers answer with, and what screens ask of the app.

A worker never calls a screen's methods: it posts one of these (``post_message`` is safe from any
thread) and the screen's ``@on`` handler shows the answer on the UI thread. Each carries what a
handler needs to tell a stale answer from the current one (the query, the result it belongs to).
Repeats that only the last of matters (progress) replace each other in the queue (``can_replace``,
as in toolong's ``messages.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from index.models import Article, Entity, Facet, IndexReport, SearchResult, Skipped, Snippet
    from tui.engine import ArticleInfo, Comparison, Related, Story


# -- the app: the index opened and kept fresh ----------------------------------------------------


@dataclass
class StoreOpened(Message):
    """The index is open (``store``); the library can list what it already holds."""

    store: Any
    skipped: list[Skipped] = field(default_factory=list)
    """The files the last index run skipped."""


@dataclass
class StoreFailed(Message):
    """The index could not be opened or updated; ``message`` is for the user."""

    message: str
    fatal: bool = False


@dataclass
class IndexUpdated(Message):
    """An index run finished."""

    report: IndexReport


@dataclass
class IndexProgress(Message):
    """How far an index run (or a feed fetch) has got; only the latest one waiting is shown."""

    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


@dataclass
class CataloguePreviewed(Message):
    """The catalogue read ahead of the store (before Whoosh is imported)."""

    infos: list[ArticleInfo]


@dataclass
class OpenArticle(Message):
    """Open an article in the reader, with the library query's terms to highlight."""

    article_id: str
    terms: tuple[str, ...] = ()


# -- the library ---------------------------------------------------------------------------------


@dataclass
class CatalogueListed(Message):
    """The catalogue, newest first; then its stories and the corpus's top entities as they come."""

    infos: list[ArticleInfo]
    stories: list[Story] | None
    top: list[Facet]


@dataclass
class SearchAnswered(Message):
    """A query's first hits, with snippets (every hit and the sidebar follow)."""

    query: str
    result: SearchResult
    note: str | None = None  # of a search by publication date that found nothing: when they were


@dataclass
class SearchFailed(Message):
    """A query was malformed or its search failed; ``message`` is for the user."""

    query: str
    message: str


@dataclass
class EveryHitListed(Message):
    """Every hit of the query whose first hits are ``first`` (no snippets: they follow on view)."""

    first: SearchResult
    every: SearchResult


@dataclass
class FacetsCounted(Message):
    """The entities most named by the hits of ``result`` (the sidebar)."""

    result: SearchResult
    facets: list[Facet]


@dataclass
class SnippetsRead(Message):
    """Snippets of the hits of ``result`` that came into view, by article id."""

    result: SearchResult
    snippets: dict[str, tuple[Snippet, ...]]


# -- the reader ----------------------------------------------------------------------------------


@dataclass
class ArticleRead(Message):
    """An article, its entities and their corpus-wide names (shown before they are listed)."""

    article: Article
    entities: list[Entity]
    names: dict[str, str]


@dataclass
class ArticleEntities(Message):
    """An article's entities, made after its text was shown (``ArticleRead`` came with none)."""

    entities: list[Entity]


@dataclass
class ArticleDetails(Message):
    """What the reader lists or marks once the text is shown: the article's entities grouped
    (``EntityItem``s, most named first), or the library search's ranges in it (``None``: not
    this message's)."""

    items: list[Any] | None
    ranges: list[tuple[int, int]] | None


@dataclass
class ArticleUnreadable(Message):
    """The article cannot be shown; ``message`` is for the user."""

    message: str


@dataclass
class RelatedFound(Message):
    """Reports like the one read (``None``: the feature failed)."""

    related: list[Related] | None


@dataclass
class FindAnswered(Message):
    """Where a find-in-article query occurs, as character ranges."""

    query: str
    ranges: list[tuple[int, int]] = field(default_factory=list)


# -- the comparison ------------------------------------------------------------------------------


@dataclass
class ReportsRead(Message):
    """Both reports of a comparison, read (shown while the comparison runs)."""

    a: Article
    entities_a: list[Entity]
    b: Article
    entities_b: list[Entity]


@dataclass
class Compared(Message):
    """The engine's comparison of the two reports."""

    comparison: Comparison


@dataclass
class CompareFailed(Message):
    """The reports could not be read or compared; ``message`` is for the user."""

    message: str
