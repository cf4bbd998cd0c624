"""Whose figure it is (issue 10): a figure in brackets after a name is that name's, so two lists
of named things ("the Col du Varne (12 km at 7.4%)") compare only the figures of one name; a figure
that is the object of a named agent's act ("the Lions have offered Reyes a five-year contract") is
that agent's. Made-up sentences, aligned as the comparison would align them."""

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


def test_figures_of_acts_by_two_named_agents_are_their_own() -> None:
    # one act by two agents, each absent from the other sentence: two offers
    assert (
        _aligned(
            "The Harbour Lions have offered Dale Reyes a five-year contract worth $40 million.",
            "The Bay Sharks, according to reports, have offered Reyes a three-year deal.",
        )
        == []
    )
    # two acts by two agents: a demand and an offer
    assert (
        _aligned(
            "Reyes is seeking a six-year contract worth at least $9 million a season.",
            "The Harbour Lions made Reyes a four-year offer at the winter meetings.",
        )
        == []
    )


def test_figures_of_one_act_by_one_agent_disagree() -> None:
    found = _aligned(
        "The Harbour Lions have offered Dale Reyes a five-year contract worth $40 million.",
        "The Harbour Lions, according to reports, have offered Reyes a three-year deal.",
    )
    assert [f.detail for f in found] == [
        "duration: A says 'five-year'; B says 'three-year'; they differ"
    ]
