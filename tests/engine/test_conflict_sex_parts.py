"""A group told by its sexes ("two women and a man") is a list of parts, not a toll of its own:
"The three bank workers - two women and a man - were killed" does not say two died against "three
bank workers died" (ECB+ topic 8). Made-up sentences, aligned as the comparison aligned the real
ones."""

from __future__ import annotations

from conflict_helpers import aligned_figures as _figures

from index.compare.figures import figures


def test_counts_by_sex_are_parts() -> None:
    text = "Police said two women and one man died at a branch of the bank."
    assert [(f.text, f.part) for f in figures(text)] == [("two", "by sex"), ("one", "by sex")]


def test_a_part_by_sex_is_no_toll_against_the_group() -> None:
    assert (
        _figures(
            "It comes a day after three bank workers died in a petrol bomb attack in the capital.",
            "The three bank workers - two women and a man - were killed in the petrol bomb attack.",
        )
        == []
    )


def test_two_tolls_still_disagree() -> None:
    assert _figures(
        "Three bank workers died in a petrol bomb attack in the capital on Wednesday.",
        "Four bank workers died in a petrol bomb attack in the capital on Wednesday.",
    ) == ["death toll: A says 'Three'; B says 'Four'; they differ"]


def test_a_count_in_brackets_after_a_toll_is_a_part() -> None:
    text = "The fire led to the death of three workers (one a pregnant woman) on Wednesday."
    assert [(f.text, f.part) for f in figures(text)] == [("three", ""), ("one", "in brackets")]
