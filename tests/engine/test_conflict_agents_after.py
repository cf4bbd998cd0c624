"""An offer whose agent follows it ("an eight-year offer on the table from the Harriers", "the
offers by the Kestrels") is that agent's: not set against another agent's offer. Made-up
sentences, aligned as the comparison would align them."""

from __future__ import annotations

from conflict_helpers import aligned_figures


def test_an_agent_after_the_offer_is_its_own() -> None:
    a = "The Kestrels, according to reports, have offered Dale Okoro a seven-year deal."
    b = "Dale Okoro still has an eight-year offer on the table from the Harriers."
    assert aligned_figures(a, b) == []


def test_one_agent_s_offer_told_twice_still_differs() -> None:
    a = "The Harriers have offered Dale Okoro a seven-year deal."
    b = "Dale Okoro still has an eight-year offer on the table from the Harriers."
    assert aligned_figures(a, b) != []
