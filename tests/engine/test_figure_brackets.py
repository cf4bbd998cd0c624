"""Whose figure it is (issue 10): a figure in brackets after a name is that name's, so two lists
of named things ("the Col du Varne (12 km at 7.4%)") compare only the figures of one name.
Made-up sentences, aligned as the comparison would align them."""

from __future__ import annotations

from conflict_helpers import sents

from index.compare.conflicts import Finding, find


def _aligned(a: str, b: str) -> list[Finding]:
    return find(sents(a), sents(b), {(0, 0): 0.9}, {(0, 0): 0.9})


def test_figures_bracketed_after_two_names_are_two_things() -> None:
    assert (
        _aligned(
            "The stage then climbs the Col du Varne (12 km at 7.4%) before the summit finish.",
            "The stage crosses the Col de Senne (9 km climb at 6.1%) before the summit finish.",
        )
        == []
    )


def test_figures_bracketed_after_one_name_disagree() -> None:
    found = _aligned(
        "The stage then climbs the Col du Varne (12 km at 7.4%) before the summit finish.",
        "The stage crosses the Col du Varne (12 km climb at 6.1%) before the summit finish.",
    )
    assert [f.detail for f in found] == ["percentage: A says '7.4%'; B says '6.1%'; they differ"]
