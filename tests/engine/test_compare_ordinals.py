"""Ordinals as figures: one claim told with two ordinals of one noun ("the fourth floor" / "the
third floor") is a disagreement; units of time and rows both reports tell are left alone."""

from __future__ import annotations

from index import compare_texts

_A = (
    "Fire kills 12 at Dhaka garment factory\n\n"
    "A fire tore through a garment factory near Dhaka on Tuesday, killing 12 workers.\n"
    "Survivors said the victims were trapped behind a locked exit on the {a} floor of the "
    "building.\n"
)
_B = (
    "Dhaka factory fire kills 12\n\n"
    "Twelve workers died when fire swept through a garment factory near Dhaka on Tuesday.\n"
    "Workers said the victims had been trapped by a locked exit on the {b} floor of the "
    "building.\n"
)


def _details(a: str, b: str) -> list[str]:
    return [c.detail for c in compare_texts(a, b, entities=False).conflicts]


def test_two_ordinals_of_one_floor_disagree() -> None:
    found = _details(_A.format(a="fourth"), _B.format(b="third"))
    assert any("fourth floor" in d and "third floor" in d for d in found), found


def test_one_ordinal_written_two_ways_agrees() -> None:
    assert not _details(_A.format(a="4th"), _B.format(b="fourth"))


def test_a_row_both_reports_tell_is_left_alone() -> None:
    a = _A.format(a="fourth") + "Others escaped from the third floor.\n"
    b = _B.format(b="third") + "Rescuers reached the fourth floor after an hour.\n"
    assert not any("floor" in d for d in _details(a, b))


def test_units_of_time_are_left_alone() -> None:
    a = "Rail workers in Portugal were on strike for the third day on Wednesday, the union said."
    b = "Rail workers in Portugal were on strike for the fourth day on Wednesday, the union said."
    assert not any("day" in d for d in _details(a, b))
