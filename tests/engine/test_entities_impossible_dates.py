"""A date the calendar has no day for is no date (nor a quantity)."""

from __future__ import annotations

from index.analysis.entities import extract


def _labels(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in extract(text)]


def test_impossible_days_are_not_dates() -> None:
    assert _labels("The deal closed on 31 February 2024, he said.") == []
    assert _labels("It was due on February 30 and on April 31, 1987.") == []
    assert _labels("Leap day 29 February 2023 was never.") == []


def test_possible_days_stay_dates() -> None:
    assert _labels("On 29 February 2024 and on Feb 29.") == [
        ("29 February 2024", "DATE"),
        ("Feb 29", "DATE"),
    ]
    assert _labels("It was due on April 30, 1987.") == [("April 30, 1987", "DATE")]


def test_a_number_past_31_is_no_day() -> None:
    # Reuters' "Feb 87" is February 1987: still a date (its key is another matter).
    assert _labels("Imports rose in Feb 87 from Jan 87.") == [
        ("Feb 87", "DATE"),
        ("Jan 87", "DATE"),
    ]
