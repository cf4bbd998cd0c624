"""Word-level differences inside an aligned pair (``index.compare.worddiff``).

Sentences are placed inside a longer article text at an offset, so every test also checks that the
spans index the article text, not the sentence.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.compare.worddiff import LABELS, differences
from index.models import Sentence, Span

PAD_A = "Lead paragraph of report A.\n\n"
PAD_B = "Something else entirely first. "


def diff(a: str, b: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(text, label) of each side's differing spans, checked against the article texts."""
    text_a, text_b = PAD_A + a + " Tail.", PAD_B + b
    pa = Sentence(len(PAD_A), len(PAD_A) + len(a), a)
    pb = Sentence(len(PAD_B), len(PAD_B) + len(b), b)
    da, db = differences(pa, pb)
    for spans, p in ((da, pa), (db, pb)):
        assert all(isinstance(s, Span) and s.label in LABELS for s in spans)
        assert all(p.start <= s.start < s.end <= p.end for s in spans)
        assert [s.start for s in spans] == sorted(s.start for s in spans)
    return [(text_a[s.start : s.end], s.label) for s in da], [
        (text_b[s.start : s.end], s.label) for s in db
    ]


def test_figures_and_hedges_on_both_sides() -> None:
    a, b = diff(
        "Ukraine says North Korean troops, passing 80,000, are in Kursk.",
        "More than 120,000 North Korean troops are in Kursk, Ukraine says.",
    )
    assert a == [("passing", "hedge"), ("80,000", "figure")]
    assert b == [("More than", "hedge"), ("120,000", "figure")]


def test_status_phrases_merge_across_stop_words() -> None:
    a, b = diff(
        "North Korean soldiers are undergoing training in Russia.",
        "North Korean soldiers are engaging in combat in Russia.",
    )
    assert a == [("undergoing training", "status")]
    assert b == [("engaging in combat", "status")]


def test_inflection_case_and_stop_words_are_not_differences() -> None:
    a, b = diff("The troops arrived in Kursk.", "A troop has arrived in KURSK, they said.")
    assert a == [] and b == []


def test_moved_words_are_not_differences() -> None:
    a, b = diff(
        "In Kursk, 3,000 soldiers were killed on Monday.",
        "On Monday 3,000 soldiers were killed in Kursk.",
    )
    assert a == [] and b == []


@pytest.mark.parametrize(
    ("x", "y"),
    [
        ("10,000", "10000"),
        ("1, 500", "1,500"),  # the ECB+ tokeniser's artefact
        ("10 thousand", "10,000"),
        ("1.5 million", "1,500,000"),
        ("three", "3"),
    ],
)
def test_one_number_written_differently_is_equal(x: str, y: str) -> None:
    a, b = diff(f"Officials counted {x} troops.", f"Officials counted {y} troops.")
    assert a == [] and b == []


def test_a_modifier_before_a_sum_is_a_hedge() -> None:
    a, b = diff("The fund lost over $1 billion.", "The fund lost $1bn.")
    assert a == [("over", "hedge")] and b == []


def test_vague_counts_and_names() -> None:
    a, b = diff(
        "Thousands of soldiers arrived, Kim Jong Un said.",
        "Tens of thousands of soldiers arrived, Vladimir Putin said.",
    )
    assert a == [("Thousands", "figure"), ("Kim Jong Un", "name")]
    assert b == [("Tens of thousands", "figure"), ("Vladimir Putin", "name")]


def test_certainty_cues_are_hedges() -> None:
    a, b = diff(
        "North Korea is rumored to send troops to Russia.",
        "North Korea could send troops to Russia, officials confirmed.",
    )
    assert a == [("rumored", "hedge")]
    assert b == [("could", "hedge"), ("officials", "word"), ("confirmed", "hedge")]


def test_near_identical_spellings_of_a_name_meet() -> None:
    a, b = diff("President Zelenskyy spoke in Kyiv.", "President Zelensky spoke in Kyiv.")
    assert a == [] and b == []


def test_demonyms_meet_their_place_and_verbs_of_saying_are_not_differences() -> None:
    a, b = diff("Russian forces attacked, he noted.", "Russia's forces attacked, she said.")
    assert a == [] and b == []
    a, b = diff("Iraqi and Ukrainian soldiers.", "Soldiers from Iraq and Ukraine.")
    assert a == [] and b == []
    a, _ = diff("The State Department stated it.", "The Pentagon said it.")
    assert a == [("State Department", "name")]


def test_an_acronym_meets_its_place_written_out() -> None:
    a, b = diff("Over 10,000 DPRK soldiers arrived.", "Over 10,000 North Korean soldiers arrived.")
    assert a == [] and b == []
    a, b = diff("The DPRK sent aid.", "North Korea sent aid.")
    assert a == [] and b == []


def test_acronyms_with_full_stops() -> None:
    a, b = diff("The U.S. sent aid.", "The US sent aid to Kyiv.")
    assert a == [] and b == [("Kyiv", "name")]


def test_the_month_may_is_not_a_hedge() -> None:
    _, b = diff("Talks began.", "Talks may begin in May.")
    assert ("may", "hedge") in b and ("May", "hedge") not in b


def test_identical_and_empty_passages() -> None:
    assert diff("Same words here.", "Same words here.") == ([], [])
    assert diff("", "") == ([], [])


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120), st.text(max_size=120))
def test_any_text_gives_spans_inside_the_passage(a: str, b: str) -> None:
    diff(a, b)  # the checks live in diff(): offsets inside the passage, ordered, labelled
