"""Two ages written beside one person's full name, more than two years apart, are one man's
whatever else the sentences say ("The ferry's captain, Budi Santoso, 47, was among those rescued"
/ "Captain Budi Santoso, 52, survived"): the words around each age met nowhere, so they were
taken for two things. One or two years apart may be the story's time passing (a man hunted at
27, convicted at 29), and a shared last name alone may be a father and a son."""

from __future__ import annotations

from conflict_helpers import aligned_figures


def test_one_full_name_with_two_ages_is_a_disagreement() -> None:
    assert aligned_figures(
        "The ferry's captain, Budi Santoso, 47, was among those rescued.",
        "Captain Budi Santoso, 52, survived, police said.",
    ) == ["age: A says '47'; B says '52'; they differ"]


def test_a_year_or_two_or_a_shared_surname_is_not_enough() -> None:
    assert (
        aligned_figures(
            "Deputies identified the suspect as Jose Luis Orozco, 27, a known gang member.",
            "A jury convicted Jose Luis Orozco, 29, of murder on Tuesday.",
        )
        == []
    )
    assert (
        aligned_figures(
            "The ferry's captain, Budi Santoso, 47, was among those rescued.",
            "His son, Agus Santoso, 19, survived, police said.",
        )
        == []
    )
