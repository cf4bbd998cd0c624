"""Two agents' offers: the agent of a range's second figure is that of its first ("worth between
$140 million and $150 million": the Orioles' both), and an act's object may hold a short
appositive ("offered Teixeira, 28, an eight-year deal"), so the Orioles' and the Red Sox's offers
are two (ECB+ topic 10). Made-up clubs; one club's two offers still disagree."""

from __future__ import annotations

from conflict_helpers import aligned_figures

_A = "The Eagles, according to reports, have offered Diaz a seven-year deal worth between $140 million and $150 million."


def test_two_clubs_offers_are_two() -> None:
    b = (
        "Reports said the Hawks team of owner John Hale and General Manager Theo Marsh offered "
        "Diaz, 28, an eight-year deal worth $184 million or $23 million per season."
    )
    assert aligned_figures(_A, b) == []


def test_one_club_s_two_offers_still_disagree() -> None:
    found = aligned_figures(
        _A,
        "The Eagles, according to reports, have offered Diaz a seven-year deal worth between "
        "$170 million and $180 million.",
    )
    assert found and all("million" in d for d in found)
