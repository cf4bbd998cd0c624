"""The recognizer's lookups that a long text made quadratic give what the plain scans gave.

A 2 MB file of newswire stories spent most of its analysis in scans of every headline line for every
word, of every organisation for every person, of the whole text for every surname and of every pair
of full names. Each is now a binary search, a dictionary or one rapidfuzz call a pool; each is
checked here against the plain scan it replaced, on made-up data.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.fuzz import ratio

from index.analysis.entity_keys import (
    _IN_PLACE,
    _after_in_place,
    _first_with_prefix,
    _merge_fuzzy,
    _written_as_place,
)
from index.analysis.entity_rules import in_caps_line
from index.analysis.entity_spans import Cand


@given(st.lists(st.integers(0, 200), max_size=12), st.integers(-2, 210))
def test_in_caps_line_is_the_scan_of_every_span(cuts: list[int], pos: int) -> None:
    bounds = sorted(set(cuts))
    caps = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False)]
    assert in_caps_line(caps, pos) == any(a <= pos < b for a, b in caps)


_WORDS = st.sampled_from(["bank", "bank of", "bank of england", "banker", "b", "", "bank x"])


@given(st.lists(_WORDS, max_size=8), _WORDS)
def test_first_with_prefix_is_the_first_of_the_sorted_names(names: list[str], word: str) -> None:
    orgs = sorted(set(names))
    prefix = word + " "
    assert _first_with_prefix(orgs, prefix) == next((o for o in orgs if o.startswith(prefix)), None)


_TEXT = st.lists(
    st.sampled_from(
        ["in", "In", "at", "near", "Lowell", "Lowell's", "Lowellville", "Winston-Salem"]
    )
    | st.sampled_from([" ", "  ", "\n", "\t", ", ", "-", "."]),
    max_size=14,
).map("".join)


@settings(max_examples=300)
@given(_TEXT, st.sampled_from(["Lowell", "Winston-Salem", "Salem", "-Lowell", "Lowellville"]))
def test_written_as_place_is_the_search_of_the_whole_text(text: str, surface: str) -> None:
    plain = re.search(_IN_PLACE + re.escape(surface) + r"\b", text) is not None
    assert _written_as_place(text, surface, _after_in_place(text)) == plain


def _plain_merge(fulls: Counter[str]) -> dict[str, str]:
    ranked = sorted(fulls, key=lambda k: (-fulls[k], -len(k)))
    alias: dict[str, str] = {}
    for i, k in enumerate(ranked):
        for better in ranked[:i]:
            if better not in alias and k.count(" ") == better.count(" ") and ratio(k, better) >= 90:
                alias[k] = better
                break
    return alias


_NAMES = st.sampled_from(
    [
        "mikhail gorbachev",
        "mikhail gorbatchev",
        "mikhail gorbachov",
        "michail gorbatchev",
        "m gorbachev",
        "john smith",
        "jon smith",
        "john smyth",
        "john smith jr",
        "a b",
        "ab",
    ]
)


@settings(max_examples=300)
@given(st.dictionaries(_NAMES, st.integers(1, 4), max_size=9))
def test_merge_fuzzy_merges_onto_the_names_the_pairwise_scan_chose(counts: dict[str, int]) -> None:
    fulls = Counter(counts)
    alias = _plain_merge(Counter(counts))
    cands = [Cand(0, 1, "PERSON", k) for k in counts]
    _merge_fuzzy(fulls, cands)
    assert [c.canonical for c in cands] == [alias.get(k, k) for k in counts]
    expected: Counter[str] = Counter()
    for k, n in counts.items():
        expected[alias.get(k, k)] += n
    assert fulls == expected
