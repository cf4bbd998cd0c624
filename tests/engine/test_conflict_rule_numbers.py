"""A rule's number is not an event's: "elections can only be declared valid with a turnout more than
50 percent" against "turnout reached 93.87 percent" (ECB+ topic 11: three false disagreements), "it
is required to be in touch with merchant vessels within a 15-nautical-mile radius" against "some 13
miles away" (topic 12); two rules still disagree, and so do two events."""

from __future__ import annotations

from conflict_helpers import aligned_figures


def test_a_threshold_is_not_against_the_event_s_figure() -> None:
    assert (
        aligned_figures(
            "Under the country's laws, elections can only be declared valid with a turnout of "
            "more than 50 percent of eligible voters.",
            "The election commission said turnout in the elections reached 93.87 percent of "
            "eligible voters.",
        )
        == []
    )
    assert (
        aligned_figures(
            "The warship is required to stay within a 15-nautical-mile radius of merchant vessels.",
            "The warship was escorting merchant vessels some 13 miles away when the call came.",
        )
        == []
    )


def test_two_rules_or_two_events_still_disagree() -> None:
    found = aligned_figures(
        "Under the country's laws, elections can only be declared valid with a turnout of 50 "
        "percent of eligible voters.",
        "Under the country's laws, elections can only be declared valid with a turnout of 66 "
        "percent of eligible voters.",
    )
    assert len(found) == 1 and "'50 percent'" in found[0] and "'66 percent'" in found[0]
    found = aligned_figures(
        "Authorities said turnout reached 93.87 percent in the election for 288 candidates.",
        "The Central Election Commission said that turnout was almost 90%.",
    )
    assert len(found) == 1 and "93.87" in found[0]


def test_a_hedge_or_a_wish_is_no_rule() -> None:
    found = aligned_figures(
        "The mayor said a minimum of 10 people were killed when the building collapsed.",
        "The mayor said 25 people were killed when the building collapsed.",
    )
    assert len(found) == 1 and "'25'" in found[0]
    found = aligned_figures(
        "The flood left 200 families homeless and officials must now house them, the mayor said.",
        "The flood left 300 families homeless, the mayor said.",
    )
    assert len(found) == 1 and "'300'" in found[0]
