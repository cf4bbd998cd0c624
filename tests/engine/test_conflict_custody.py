"""One report says a person was let go, the other that he is held: a status disagreement ("The
suspect was arrested on Monday" / "The suspect was released without charge on Monday" read as
the same claim). Not a report, a video or names "released", nor one report telling both."""

from __future__ import annotations

from index import compare_texts


def _status(a: str, b: str) -> list[str]:
    return [f.detail for f in compare_texts(a, b).conflicts if f.kind == "status"]


_A = "Suspect held\n\nThe suspect in the stabbing was arrested on Monday, police said.\n"


def test_released_against_arrested_disagree() -> None:
    b = "Suspect freed\n\nThe suspect in the stabbing was released without charge on Monday, police said.\n"
    assert _status(_A, b) == ["A says held ('was arrested'); B says released ('was released')"]


def test_a_thing_released_or_both_told_do_not() -> None:
    b = "Suspect held\n\nThe video of the stabbing was released on Monday, police said.\n"
    assert _status(_A, b) == []
    b = "Suspect held\n\nThe suspect in the stabbing was arrested and later released on Monday, police said.\n"
    assert _status(_A, b) == []
