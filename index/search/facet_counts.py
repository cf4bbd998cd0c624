"""The sidebar's entities counted the way its Enter narrows: by the query clause it adds.

``facets`` counts the articles whose canonical keys hold an entity's key exactly, but Enter in the
sidebar adds a clause (``place:"new york"``) that the query language matches as a phrase among an
article's names: "New York City" too, ``date:"--01"`` (January) any date key with an ``01`` in
it, ``quantity:"2"`` "2 pct" as well. On 400 Reuters and 100 WikiNews articles 108 of the corpus's
400 most-named entities showed another number than the results Enter listed ("New York 21", then
23 results; "January 32", then 77). Here each candidate's clause is matched over the same
searcher's segments and intersected with the result set, so the number shown is the number Enter
gives.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from index.models import Facet
from index.search.execute import Execution
from index.search.facets import facets, facets_of, fair_share
from index.search.links import with_links
from index.search.matchsets import SegmentMatches, checked_phrases
from index.search.parse import parse
from index.search.query import QueryError
from index.vocabulary import kind

__all__ = ["corpus_facets", "entity_clause", "narrowed_facets"]

CANDIDATES = 2
"""Candidates counted per facet shown: a clause that matches more than its key can climb."""

_Sets = list[tuple[SegmentMatches, frozenset[int]]]


def entity_clause(label: str, canonical: str) -> str:
    """The query clause that narrows results to the articles naming an entity.

    Args:
        label: The entity's label (``PLACE``, ``DATE``, ...).
        canonical: Its canonical key (``"new york"``, ``"--01"``).
    """
    try:
        field = kind(label).query_field
    except KeyError:
        field = "entity"
    return f'{field}:"{canonical.replace(chr(34), " ")}"'


def narrowed_facets(run: Execution, limit: int = 20, share: int = 0) -> list[Facet]:
    """The entities most named in an executed query's results, each counted as the number of
    results its :func:`entity_clause` keeps (the query is not run again).

    Entities whose clause keeps none of the results are left out; ties keep the order of
    :func:`~index.search.facets.facets_of`. ``share``: each label keeps up to this many of its
    own (:func:`~index.search.facets.fair_share`).
    """
    candidates = facets_of(run, limit * CANDIDATES, share=share * CANDIDATES)
    # Fresh evaluators: the run's own record the terms its hits' snippets highlight.
    sets = [(SegmentMatches(seg.leaf), docs) for seg, _, docs in run.found if docs]
    return _recount(run.store, run.searcher, sets, candidates, limit, share)


def corpus_facets(store: Any, limit: int = 20, share: int = 0) -> list[Facet]:
    """The entities most named across the corpus, counted as :func:`narrowed_facets` counts."""
    candidates = facets(store, None, limit * CANDIDATES, share=share * CANDIDATES)
    with store.searcher() as s:
        sets: _Sets = []
        for leaf, _ in s.leaf_searchers():
            seg = SegmentMatches(leaf)
            sets.append((seg, seg.universe()))
        return _recount(store, s, sets, candidates, limit, share)


def _recount(
    store: Any, searcher: Any, sets: _Sets, candidates: list[Facet], limit: int, share: int = 0
) -> list[Facet]:
    counted: list[Facet] = []
    for facet in candidates:
        try:
            clause = entity_clause(facet.label, facet.canonical)
            # as a search runs it: an org: clause also finds the firm's short forms taken for people
            q = checked_phrases(with_links(parse(store, clause, searcher.schema), searcher))
        except QueryError:
            continue
        n = sum(len(seg.evaluate(q) & docs) for seg, docs in sets)
        if n:
            counted.append(facet if n == facet.count else replace(facet, count=n))
    counted.sort(key=lambda f: -f.count)  # stable: ties keep the key order facets gave them
    return fair_share(counted, limit, share)
