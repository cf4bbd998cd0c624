"""Plain data the engine hands out: frozen dataclasses with character offsets, never markup.

Every offset (``start``/``end``) indexes the article's plain ``text`` in characters (Python ``str``
indices). For ``.txt`` files that text is the decoded file text itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.vocabulary import ENTITY_LABELS

__all__ = ["ENTITY_LABELS"]  # the labels are the vocabulary's; re-exported for older imports


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled range of an article's plain text."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Block:
    """A block of an article's structure (from Markdown, or paragraphs of plain text).

    ``kind`` is one of ``heading``, ``paragraph``, ``list_item``, ``blockquote``, ``code``, ``rule``.
    ``level`` is the heading level (1-6) or the nesting depth of list items and quotes.
    """

    kind: str
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention: ``text == article.text[start:end]``; ``canonical`` links variants."""

    start: int
    end: int
    label: str
    text: str
    canonical: str


@dataclass(frozen=True)
class Article:
    """One article, read from a file or a ``.jsonl`` line.

    Attributes:
        id: Stable id: the path relative to its corpus root, or ``file.jsonl#id`` for jsonl lines.
        path: Absolute path of the file the article came from.
        title: Headline (from the file, front matter, or derived from the first sentence).
        text: Plain text; every offset in the engine indexes this string.
        source: Outlet or publisher, when known.
        date: Publication date as ISO ``YYYY-MM-DD`` when it could be parsed, else the raw value.
        blocks: Block structure over ``text`` (paragraphs, headings, lists, quotes).
        inline: Inline styling spans over ``text`` (labels ``em``, ``strong``, ``code``, ``link``).
        notes: Remarks made while reading (for example ``decoded as cp1252``).
    """

    id: str
    path: str
    title: str
    text: str
    source: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    story: str | None = None
    format: str = "txt"
    blocks: tuple[Block, ...] = ()
    inline: tuple[Span, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file (or jsonl line) that was not indexed, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Snippet:
    """A fragment of a hit's text; ``highlights`` are ``(start, end)`` ranges into ``text``.

    ``offset`` is where ``text`` starts in the article's plain text; ``text`` is the article's text
    from there with each whitespace run (line breaks, indentation) collapsed to one space.
    """

    text: str
    highlights: tuple[tuple[int, int], ...]
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked search result."""

    id: str
    path: str
    title: str
    score: float
    source: str | None = None
    date: str | None = None
    snippets: tuple[Snippet, ...] = ()


@dataclass(frozen=True, slots=True)
class Facet:
    """An entity named in a result set, with the number of articles naming it."""

    canonical: str
    label: str
    name: str
    count: int


@dataclass(frozen=True)
class SearchResult:
    """Answer to a query: ranked hits, total matches, and a spelling suggestion when useful."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    suggestion: str | None = None
    terms: tuple[str, ...] = ()
    sort: str = "relevance"
    """The order of ``hits``: ``relevance``, ``newest`` or ``oldest``."""


@dataclass(frozen=True)
class IndexReport:
    """What an index run did."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    rebuilt: str | None = None
    reread: int = 0
    """Files whose contents were read in this run (new, changed, or touched)."""
