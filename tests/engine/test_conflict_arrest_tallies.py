"""Arrests told of one day against a tally over days, or a man's record against this night's
arrests, are other spans: not a disagreement (``figure_tallies``). Made-up sentences, aligned as
the comparison would align them."""

from __future__ import annotations

from conflict_helpers import aligned_figures


def test_one_day_s_arrests_against_the_tally_so_far() -> None:
    a = "Police said they made 35 arrests over the course of Friday's protests in Ferncliff."
    b = "More than 300 protesters have been detained over the unrest in Ferncliff."
    assert aligned_figures(a, b) == []


def test_one_night_against_several_nights() -> None:
    a = "As clashes with police erupted in Ferncliff, 28 were arrested Tuesday night."
    b = "Since the shooting, over 60 arrests have been made over three nights of protests in Ferncliff."
    assert aligned_figures(a, b) == []


def test_a_record_is_not_this_night_s_arrests() -> None:
    a = 'Officers told the paper that "Doyle has three prior arrests, including for burglary.'
    b = "One person has been arrested in Ferncliff, and Doyle was not hurt."
    assert aligned_figures(a, b) == []


def test_two_tallies_of_one_night_still_differ() -> None:
    a = "Police arrested 35 people in Ferncliff on Friday night."
    b = "Police arrested 52 people in Ferncliff on Friday night."
    assert aligned_figures(a, b) != []
