"""Find search terms in an article's text with the same analysis the index uses.

The index stems the body (``StemmingAnalyzer``), so the term ``soldier`` must light up ``soldiers`` and
``Soldiers``. This module runs the analyzer over the text and returns character ranges; the UI turns
them into styles. Pure Python over Whoosh's analysis module: no UI imports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from index.store.whoosh_public import StemmingAnalyzer

__all__ = ["highlight_terms", "query_words", "stemmed_tokens"]

Token = tuple[str, int, int]
"""A stemmed token and its ``(startchar, endchar)`` in the text."""


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    return StemmingAnalyzer(stoplist=None, minsize=1)  # one-letter words are searchable too


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


_WORD = re.compile(r"[\w*]+(?:\.?[\w*]+)*")
"""The words the analyzer's tokenizer finds: Whoosh 2.7's ``default_pattern`` (the tests compare
the two on arbitrary text)."""


def stemmed_tokens(text: str) -> list[Token]:
    """Every token of ``text`` as the index analyses it, with character offsets.

    Each distinct word is analysed once (the analyzer run over the whole text spent ~12 us a word:
    45 s on a 20 MB file); callers that search a text repeatedly keep this list and pass it to
    ``highlight_terms``.
    """
    analyzer = _analyzer()
    stems: dict[str, str] = {}
    out: list[Token] = []
    for m in _WORD.finditer(text):
        word = m.group()
        stem = stems.get(word)
        if stem is None:
            alone = [t.text for t in analyzer(word)]
            if len(alone) != 1 or _RESIDUE.search(alone[0]):
                return _analysed_tokens(text)  # not one plain token: the analyzer decides
            stem = stems[word] = alone[0]
        out.append((stem, m.start(), m.end()))
    return out


def _analysed_tokens(text: str) -> list[Token]:
    """:func:`stemmed_tokens` by running the analyzer over the whole text."""
    out: list[Token] = []
    analyzer = _analyzer()
    for t in analyzer(text, positions=False, chars=True):
        if t.endchar <= t.startchar:
            continue
        residue = _RESIDUE.search(t.text)
        if residue:
            # "concerned_1": a headline's dataset residue, which the reader's heading and the title
            # leave out; the word before it is the one shown (and found).
            word = text[t.startchar : t.endchar - len(residue.group())]
            stems = [w.text for w in analyzer(word)]
            if len(stems) == 1:
                out.append((stems[0], t.startchar, t.startchar + len(word)))
                continue
        out.append((t.text, t.startchar, t.endchar))
    return out


_RESIDUE = re.compile(r"(?<=[^\W\d_])_\d{1,3}$")


def highlight_terms(
    text: str, terms: Iterable[str], tokens: Sequence[Token] | None = None
) -> list[tuple[int, int]]:
    """Character ranges of ``text`` whose stemmed tokens match one of ``terms``.

    Args:
        text: An article's plain text.
        terms: Index terms (already stemmed, as ``SearchResult.terms``) or plain words; both are
            stemmed again, which leaves stems unchanged in practice.
        tokens: ``stemmed_tokens(text)`` when the caller has it already.

    Returns:
        Sorted, non-overlapping ``(start, end)`` pairs.
    """
    terms = [t for t in terms if t]
    wanted = {t.lower() for t in terms} | _stems(terms)
    if not wanted or not text:
        return []
    if tokens is None:
        tokens = stemmed_tokens(text)
    return [(start, end) for stem, start, end in tokens if stem in wanted]
