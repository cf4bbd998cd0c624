"""A number with a length unit before a noun is its size or calibre, not a count of it: "a 7.62mm
rifle" is one rifle ("7.62" of them was read against "seven AK-47 assault rifles": nine false
disagreements in ECB+ topic 12), while two calibres of one thing still disagree. Made-up sentences,
aligned as the comparison aligned the real ones."""

from __future__ import annotations

from conflict_helpers import aligned_figures as _figures


def test_a_calibre_is_no_count_of_rifles() -> None:
    assert (
        _figures(
            "The navy seized seven AK-47s, a 5.56mm and a 7.62mm rifle from the pirates.",
            "The navy seized seven AK-47 assault rifles and three other rifles from the pirates.",
        )
        == []
    )


def test_two_calibres_of_one_round_still_differ() -> None:
    found = _figures(
        "The rebels fired 5.56mm rounds at the convoy.",
        "The rebels fired 7.62mm rounds at the convoy.",
    )
    assert len(found) == 1 and "5.56" in found[0] and "7.62" in found[0]


def test_sizes_in_centimetres_and_millimetres_meet() -> None:
    assert (
        _figures(
            "The hailstones were 5 cm across, the weather office said.",
            "The hailstones were 50 millimetres across, the weather office said.",
        )
        == []
    )
