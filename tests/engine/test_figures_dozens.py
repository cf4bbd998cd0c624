"""A number before "dozen" scales it: "three dozen" is 36, not a count of three and another of 12
(ECB+ 19_1 / 19_7 read "at least three dozen mostly young people" as at least three)."""

from __future__ import annotations

from index.compare.figures import figures


def _counts(text: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.low, f.hedge) for f in figures(text)]


def test_a_number_of_dozens_is_one_count() -> None:
    assert _counts("A group of at least three dozen young people rampaged.") == [
        ("at least three dozen", 36.0, "lower")
    ]
    assert _counts("Police said 2 dozen people were hurt.") == [("2 dozen", 24.0, "exact")]


def test_a_dozen_and_dozens_are_unchanged() -> None:
    assert _counts("A dozen people were hurt.") == [("A dozen", 12.0, "exact")]
    assert _counts("Dozens of people were arrested.") == [("Dozens", 24.0, "vague")]
