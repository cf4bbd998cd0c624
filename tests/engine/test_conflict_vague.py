"""Vague amounts ("dozens", "thousands") against figures: told in one claim, a vague amount is
consistent with every count its word names as a multiple, up to the next vague amount news writes
instead; told in another claim it is that claim's estimate. Made-up sentences."""

from __future__ import annotations

from conflict_helpers import conflicts


def _figures(a: str, b: str) -> list[str]:
    return [f.detail for f in conflicts([a], [b]) if f.kind == "figure"]


def test_thousands_hold_tens_of_thousands() -> None:
    # "more than 20,000" homes are thousands of homes: no disagreement
    assert (
        _figures(
            "Officials said on Monday that thousands of homes in Marlow were still without power.",
            "Officials said on Monday that more than 20,000 homes in Marlow were still without power.",
        )
        == []
    )
    # ... nor "dozens" of a count under two hundred
    assert (
        _figures(
            "Dozens of passengers were hurt when the Marlow ferry struck the pier.",
            "About 150 passengers were hurt when the Marlow ferry struck the pier.",
        )
        == []
    )


def test_a_vague_amount_of_another_order_still_disagrees() -> None:
    # "hundreds" is not 20,000 (news writes "thousands"), nor "thousands" 300,000
    assert _figures(
        "Officials said on Monday that hundreds of homes in Marlow were still without power.",
        "Officials said on Monday that more than 20,000 homes in Marlow were still without power.",
    )
    assert _figures(
        "Officials said on Monday that thousands of homes in Marlow were still without power.",
        "Officials said on Monday that 300,000 homes in Marlow were still without power.",
    )


def test_in_another_claim_a_vague_amount_is_its_own_estimate() -> None:
    # two claims of two sources: "thousands" trained against "over 10,000" sent
    found = conflicts(
        [
            "A newspaper suggested that thousands of Marlow infantry are being trained abroad.",
            "Marlow infantry are being trained abroad.",
        ],
        [
            "Over 10,000 Marlow soldiers have been sent abroad, the ministry said.",
            "Marlow infantry are being trained abroad.",
        ],
    )
    assert [f.kind for f in found if f.kind == "figure"] == ["figure"]
