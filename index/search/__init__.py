"""Search: a query parsed, run and ranked, with snippets, suggestions, entity facets and highlighting.

The public face is :func:`search` (ranked hits with snippets carrying character ranges),
:func:`snippets_for`, :func:`facets`, :func:`parse` and the sort orders. Inside, by the path a query
takes: ``query`` (our syntax checked and rewritten), ``execute`` (parse, match, sort, snippets,
suggestions), ``matchsets`` and ``ranking`` (matches and scores read from the segments), ``facets``
(entity counts over the hits), ``highlight`` (the words of a query in an article's text).
"""

from __future__ import annotations

from index.search.execute import SORTS, QueryError, by_date, parse, search, snippets_for
from index.search.facets import facets

__all__ = ["SORTS", "QueryError", "by_date", "facets", "parse", "search", "snippets_for"]
