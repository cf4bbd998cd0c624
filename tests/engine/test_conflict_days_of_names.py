"""Two days whose words share only a name are of two acts: a name says who or where, not what
("coping Saturday with the death ... a Dalton wholesaler" / "walked into a party at a Dalton
business Friday and shot a man"). Made-up sentences, aligned as the comparison aligns them."""

from __future__ import annotations

from conflict_helpers import aligned_dates


def test_days_sharing_only_a_place_are_two_acts() -> None:
    a = (
        "Workers at a Dalton wholesaler were coping Saturday with the loss of their manager, "
        "who died at the office party."
    )
    b = "A former clerk walked into an office party at a Dalton supply firm Friday and shot a man."
    assert aligned_dates(a, b) == []


def test_days_sharing_a_name_and_the_act_still_differ() -> None:
    a = "Police said Carl Medway shot the manager at a Dalton firm on Friday."
    b = "Police said Carl Medway shot the manager at a Dalton firm on Saturday."
    assert aligned_dates(a, b) == ["day: A says Friday; B says Saturday"]
