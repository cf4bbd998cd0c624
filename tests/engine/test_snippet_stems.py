"""Snippets stem only the words whose first letter starts a matched term: a stem keeps its word's
first letter, checked here on any word, and the snippets are those of stemming every word."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from index.search.parse import ANALYZER, WORD
from index.store.whoosh_compat import analyzer_parts

snippets = sys.modules["index.search.snippets"]
stem = analyzer_parts(ANALYZER)[1]

TRICKY = ["eyed", "uys", "ies", "sses", "hoping", "happy", "y", "yy", "ayes", "oed", "é", "ßing"]


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="aeiouyybcdeglmnprsstz", min_size=1, max_size=14))
def test_a_stem_keeps_its_words_first_letter(word: str) -> None:
    assert stem(word)[:1] == word[:1]


def test_a_stem_keeps_the_first_letter_of_awkward_and_unicode_words() -> None:
    for word in TRICKY:
        assert stem(word)[:1] == word[:1], word


def _every_word_stemmed(text: str, terms: set[str]) -> set[tuple[int, int]]:
    """Where ``_snippets`` found matches before: every word stemmed (the reference)."""
    return {
        (m.start(), m.end())
        for m in WORD.finditer(text)
        if (w := m.group().lower()) in terms or stem(w) in terms
    }


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*TRICKY, "kursk", "sank", "Eyes", "Ministers"]), max_size=30))
def test_the_matched_words_are_those_of_stemming_every_word(words: list[str]) -> None:
    text = " ".join(words)  # single spaces: snippet offsets are article offsets
    for terms in ({"ei", "kursk"}, {stem("sinking"), "ui"}, {stem("ministers"), "i", "ess"}):
        got = snippets._snippets(text, terms, 50)
        spans = {(s.offset + a, s.offset + b) for s in got for a, b in s.highlights}
        assert spans == _every_word_stemmed(text, terms)
