"""Find search terms in an article's text with the same analysis the index uses.

The index stems the body (``StemmingAnalyzer``), so the term ``soldier`` must light up ``soldiers`` and
``Soldiers``. This module runs the analyzer over the text and returns character ranges; the UI turns
them into styles. Pure Python over Whoosh's analysis module: no UI imports.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from whoosh.analysis import StemmingAnalyzer

__all__ = ["highlight_terms", "query_words"]


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    return StemmingAnalyzer(stoplist=None)


def _stems(words: Iterable[str]) -> set[str]:
    out: set[str] = set()
    analyzer = _analyzer()
    for word in words:
        for token in analyzer(word):
            out.add(token.text)
    return out


def query_words(query: str) -> list[str]:
    """The plain words of a query (no operators, fields or wildcards), for in-article search.

    Args:
        query: Words as a user typed them.

    Returns:
        Lowercase words, in order, without duplicates.
    """
    words: list[str] = []
    for token in _analyzer()(query):
        if token.text not in words:
            words.append(token.text)
    return words


def highlight_terms(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Character ranges of ``text`` whose stemmed tokens match one of ``terms``.

    Args:
        text: An article's plain text.
        terms: Index terms (already stemmed, as ``SearchResult.terms``) or plain words; both are
            stemmed again, which leaves stems unchanged in practice.

    Returns:
        Sorted, non-overlapping ``(start, end)`` pairs.
    """
    wanted = {t.lower() for t in terms if t} | _stems(t for t in terms if t)
    if not wanted or not text:
        return []
    ranges: list[tuple[int, int]] = []
    for token in _analyzer()(text, positions=False, chars=True):
        if token.text in wanted and token.endchar > token.startchar:
            ranges.append((token.startchar, token.endchar))
    return ranges
