"""The time one event began, told in other words by each report ("The blaze broke out shortly
after 9 p.m." / "The fire started at around 11 p.m."), is compared over the whole reports."""

from __future__ import annotations

from index import compare_texts

_A = (
    "Fire kills 12 at Dhaka garment factory\n\n"
    "A fire tore through a garment factory near Dhaka on Tuesday night, killing 12 workers.\n"
    "The blaze broke out shortly after {a} in the Rahman Knitwear building in Gazipur.\n"
)
_B = (
    "Dhaka factory fire kills 12\n\n"
    "Twelve workers died when fire swept through a knitwear factory in Gazipur late on Tuesday.\n"
    "The fire started at around {b}, according to a fire service official.\n"
)


def _times(a: str, b: str) -> list[str]:
    found = compare_texts(a, b, entities=False).conflicts
    return [c.detail for c in found if c.detail.startswith("time")]


def test_two_start_times_hours_apart_disagree() -> None:
    found = _times(_A.format(a="9 p.m."), _B.format(b="11 p.m."))
    assert len(found) == 1 and "9 p.m." in found[0] and "11 p.m." in found[0], found


def test_hedged_times_within_an_hour_agree() -> None:
    assert not _times(_A.format(a="9 p.m."), _B.format(b="9:40 p.m."))


def test_two_events_of_other_subjects_are_left_alone() -> None:
    a = _A.format(a="9 p.m.")
    b = _B.replace("The fire started", "The evacuation began").format(b="11 p.m.")
    assert not _times(a, b)


def test_a_report_giving_two_onsets_of_one_subject_is_left_alone() -> None:
    a = _A.format(a="9 p.m.") + "A second fire broke out at 11 p.m. in a warehouse nearby.\n"
    assert not _times(a, _B.format(b="11 p.m."))
