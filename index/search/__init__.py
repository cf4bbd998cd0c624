"""Search: a query parsed, run and ranked, with snippets, suggestions, entity facets and highlighting.

The public face is :func:`search` (ranked hits with snippets carrying character ranges),
:func:`snippets_for`, :func:`facets`, :func:`parse` and the sort orders; :func:`run_query` runs a query
once for all a keystroke shows (hits, every hit, :func:`facets_of`, the suggestion). Inside, by the
path a query takes: ``query`` (our syntax checked and rewritten), ``parse`` (into a Whoosh query),
``matchsets`` (the exact matches, a segment at a time), ``execute`` (one query's matches, listed),
``ranking`` (scores read from the segments), ``snippets``, ``spelling`` (suggestions), ``facets``
(entity counts over an execution's matches), ``highlight`` (the words of a query in an article's
text). Imports run one way along that path: no cycles (``tests/engine/test_search_imports.py``).
"""

from __future__ import annotations

from index.search.execute import (
    SORTS,
    Execution,
    QueryError,
    by_date,
    parse,
    run_query,
    search,
    snippets_for,
    top_documents,
)
from index.search.facets import facets, facets_of

__all__ = [
    "SORTS",
    "Execution",
    "QueryError",
    "by_date",
    "facets",
    "facets_of",
    "parse",
    "run_query",
    "search",
    "snippets_for",
    "top_documents",
]
