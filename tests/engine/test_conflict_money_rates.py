"""A sum of money told as a rate ("$22 million per season") is not set against a whole ("an
eight-year deal worth $184 million"); two rates still are. Made-up sentences, aligned as the
comparison would align them."""

from __future__ import annotations

from conflict_helpers import aligned_figures


def test_a_rate_is_not_a_whole() -> None:
    a = "The Harriers still have an eight-year offer for Dale Okoro worth roughly $21 million per season."
    b = "The Harriers offered Dale Okoro an eight-year deal worth $170 million."
    assert aligned_figures(a, b) == []


def test_two_rates_still_differ() -> None:
    a = "The Harriers offered Dale Okoro a deal worth $21 million per season."
    b = "The Harriers offered Dale Okoro a deal worth $25 million per season."
    assert aligned_figures(a, b) != []
