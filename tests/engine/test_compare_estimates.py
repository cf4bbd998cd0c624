"""Two estimates of one count ("About 20,000" / "some 25,000") more than a fifth apart disagree."""

from __future__ import annotations

from index.compare.figure_conflicts import figure_conflicts
from index.compare.readings import read_all
from index.models import Sentence


def _conflicts(a: str, b: str) -> list[tuple[str, float]]:
    ra = read_all([Sentence(0, len(a), a)])[0]
    rb = read_all([Sentence(0, len(b), b)])[0]
    return figure_conflicts(ra, rb, 1.0, ra.figs, rb.figs)


def test_two_estimates_a_quarter_apart_disagree() -> None:
    found = _conflicts(
        "About 20,000 rail workers joined the strike on Monday.",
        "Some 25,000 rail workers joined the strike on Monday.",
    )
    assert len(found) == 1
    assert "two estimates" in found[0][0]


def test_two_estimates_a_tenth_apart_agree() -> None:
    assert not _conflicts(
        "About 20,000 rail workers joined the strike on Monday.",
        "Roughly 22,000 rail workers joined the strike on Monday.",
    )


def test_one_estimate_keeps_its_range_against_an_exact_figure() -> None:
    # ("about 20,000" reaches 22,400; only two estimates are held to a fifth)
    assert not _conflicts(
        "About 20,000 rail workers joined the strike on Monday.",
        "Exactly 22,300 rail workers joined the strike on Monday.",
    )


def test_a_lower_bound_is_no_estimate() -> None:
    assert not _conflicts(
        "At least 37 people died in the floods.",
        "About 45 people died in the floods.",
    )
