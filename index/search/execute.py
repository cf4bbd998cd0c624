"""Running a query once: parsed, matched in every segment, then listed, ranked, sorted, with
snippets and a spelling suggestion.

A keystroke in the library asks one query for its first hits, then every hit, then the entity
counts of the sidebar (``index.search.facets.facets_of``) and a suggestion. :func:`run_query` parses and
matches it once, under one searcher, and each of those reads the same match sets
(:class:`Execution`); :func:`search` is one execution's one result.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from index.models import Hit, SearchResult, Snippet
from index.search.links import with_links
from index.search.matchsets import Found, checked_phrases, match_segments, segment_of
from index.search.parse import parse
from index.search.query import QueryError
from index.search.ranking import top_hits
from index.search.snippets import ENTITY_LABEL_OF, TEXT_FIELDS, entity_phrases, hit
from index.search.spelling import suggest
from index.store.core import Store
from index.store.whoosh_public import Query, Searcher

__all__ = [
    "SORTS",
    "Execution",
    "QueryError",
    "by_date",
    "parse",
    "ranked",
    "run_query",
    "search",
    "snippets_for",
    "top_documents",
]

TERMS_FROM = 50
"""Hits whose matched words make a result's ``terms`` when every hit is listed without snippets."""
SORTS = ("relevance", "newest", "oldest")
"""The orders ``search`` can list hits in."""
_MATCHED_FIELDS = (*TEXT_FIELDS, *ENTITY_LABEL_OF)
_UNSET: Any = object()


class Execution:
    """One query parsed and matched once, read by everything a keystroke shows.

    Made by :func:`run_query`, and valid inside its ``with`` block (it reads the searcher held there).

    Attributes:
        store: The corpus index.
        query: The query as typed.
        found: Each segment's evaluator, document offset and exact set of matching documents.
        total: How many articles match.
    """

    def __init__(self, store: Store, searcher: Searcher, query: str) -> None:
        self.store = store
        self.searcher = searcher
        self.query = query
        self._parsed = with_links(parse(store, query, searcher.schema), searcher)
        self._q = checked_phrases(self._parsed)
        self.found: Found = match_segments(searcher, self._q)
        self._phrases = entity_phrases(self._q)
        self.total = sum(len(docs) for _, _, docs in self.found)
        self._suggestion: str | None = _UNSET

    @property
    def suggestion(self) -> str | None:
        """A corrected query that finds more, when this one finds little (worked out once)."""
        if self._suggestion is _UNSET:
            self._suggestion = suggest(
                self.searcher, self.store, self._parsed, self.query, self.total
            )
        return self._suggestion

    def result(
        self, limit: int | None = 20, snippets: int = 3, sort: str = "relevance"
    ) -> SearchResult:
        """The hits, ranked and sorted, with snippets (arguments as for :func:`search`).

        Raises:
            ValueError: ``sort`` is not one of ``SORTS``.
        """
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
        s, found, total = self.searcher, self.found, self.total
        hits: list[Hit] = []
        all_terms: set[str] = set()
        wanted = total if limit is None else min(limit, total)
        if total and wanted > 0:
            if sort == "relevance":
                order = [
                    (score, docnum, None) for score, docnum in ranked(s, self._q, found, wanted)
                ]
            else:
                # Every match's date is needed to find the newest: rank them all, then sort stably.
                every = [
                    (score, docnum, s.stored_fields(docnum))
                    for score, docnum in ranked(s, self._q, found, total)
                ]
                order = by_date(every, lambda item: item[2]["meta"][2], sort == "newest")[:wanted]
            for n, (score, docnum, fields) in enumerate(order):
                # Every hit listed without snippets: the words matched are gathered from the first
                # hits only (a postings walk each), enough to highlight them in the reader.
                walk = bool(snippets) or limit is not None or n < TERMS_FROM
                terms, names = self._matched(docnum) if walk else (set(), set())
                stored = fields if fields is not None else s.stored_fields(docnum)
                hits.append(hit(stored, score, terms, names, snippets, self._phrases))
                all_terms |= terms
        return SearchResult(
            self.query, total, tuple(hits), self.suggestion, tuple(sorted(all_terms)), sort
        )

    def snippets_for(self, ids: list[str], snippets: int = 2) -> dict[str, tuple[Snippet, ...]]:
        """Snippets of the given hits, by article id (ids not in the index are left out)."""
        out: dict[str, tuple[Snippet, ...]] = {}
        if not self.found:
            return out
        for article_id in ids:
            docnum = self.searcher.document_number(id=article_id)
            if docnum is None:
                continue
            terms, names = self._matched(docnum)
            fields = self.searcher.stored_fields(docnum)
            out[article_id] = hit(fields, 0.0, terms, names, snippets, self._phrases).snippets
        return out

    def _matched(self, docnum: int) -> tuple[set[str], set[tuple[str, str]]]:
        """The words of the text fields, and the (field, entity word) pairs, a hit matched."""
        seg, local = segment_of(self.found, docnum)
        matched = seg.matched_terms(local, _MATCHED_FIELDS)
        terms = {t.decode("utf-8") for f, t in matched if f in TEXT_FIELDS}
        names = {(f, t.decode("utf-8")) for f, t in matched if f in ENTITY_LABEL_OF}
        return terms, names


@contextmanager
def run_query(store: Store, query: str) -> Iterator[Execution]:
    """Parse and match ``query`` once, under one searcher held for the ``with`` block.

    Raises:
        QueryError: the query is malformed.
    """
    with store.searcher() as s:
        yield Execution(store, s, query)


def search(
    store: Store,
    query: str,
    limit: int | None = 20,
    snippets: int = 3,
    sort: str = "relevance",
) -> SearchResult:
    """Search the index.

    ``total`` is exact: the matching documents are found with set algebra over the postings
    (``index.search.matchsets``), then only those are scored, with Whoosh's scores and order
    (``index.search.ranking``; Whoosh's own ranking for query shapes it has no rule for).

    Args:
        store: The corpus index.
        query: The query in newsdesk's query language (see the README).
        limit: Maximum number of hits returned (``total`` counts them all); ``None`` for every hit.
        snippets: Snippets per hit (0 for none: faster; a long list fetches them later with
            ``snippets_for``).
        sort: ``relevance`` (best first), ``newest`` or ``oldest`` (by publication date, ties in
            order of relevance; articles without a readable date come last, those whose date
            could not be read before those with none).

    Raises:
        QueryError: the query is malformed.
        ValueError: ``sort`` is not one of ``SORTS``.
    """
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    with run_query(store, query) as run:
        return run.result(limit, snippets, sort)


def by_date(items: list[Any], date_of: Any, newest: bool) -> list[Any]:
    """``items`` ordered by date (newest or oldest first), keeping their order among equal dates.

    Dates ``index.analysis.dates`` read (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) sort as strings; a date kept
    as written ("27-MAR-1987 14:02V RM") comes after them, an article with no date last.
    """
    from index.analysis.dates import is_parsed

    dated = [item for item in items if is_parsed(date_of(item))]
    dated.sort(key=date_of, reverse=newest)  # stable, reversed or not
    unread = [item for item in items if date_of(item) and not is_parsed(date_of(item))]
    return dated + unread + [item for item in items if not date_of(item)]


def snippets_for(
    store: Store, query: str, ids: list[str], snippets: int = 2
) -> dict[str, tuple[Snippet, ...]]:
    """Snippets of the given hits of ``query``, by article id (a long result list fetches the
    snippets of the rows on screen only).

    Raises:
        QueryError: the query is malformed.
    """
    with run_query(store, query) as run:
        return run.snippets_for(ids, snippets)


def ranked(s: Searcher, q: Query, found: Found, limit: int) -> list[tuple[float, int]]:
    """The top ``limit`` (score, document number) of the exact sets, as Whoosh ranks them."""
    ranked = top_hits(s, q, found, limit)
    if ranked is not None:
        return ranked
    allow: set[int] = set()
    for _, offset, docs in found:
        allow.update(docs if not offset else map(offset.__add__, docs))
    # The filter keeps every ranked hit inside the exact set: Whoosh's block-quality skip can
    # otherwise stop on a deleted document or a phrase candidate without the phrase.
    return [(r.score, r.docnum) for r in s.search(q, limit=limit, filter=allow)]


def top_documents(s: Searcher, q: Query, limit: int) -> list[tuple[float, int]]:
    """The ``limit`` best documents for a Whoosh query, as ``(score, docnum)``: matched exactly a
    segment at a time, ranked with Whoosh's own scores (a 30-term weighted query at 100,000 articles
    took Whoosh's matcher 2 s). ``index.related`` finds similar articles in large corpora so."""
    return ranked(s, q, match_segments(s, q), limit)
