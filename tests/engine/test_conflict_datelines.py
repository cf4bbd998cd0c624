"""Days that are no event's: a dateline ("UPDATED: THURSDAY, MARCH 14, 2013, 9: 31 AM") tells when
a page was written (ECB+ 19_3 / 19_4 / 19_5: five false "day" disagreements between such lines),
"told news outlets Wednesday" and "issued a statement Tuesday" when something was said; the days
of the reports' events still disagree."""

from __future__ import annotations

from conflict_helpers import aligned_dates, conflicts


def test_two_datelines_do_not_disagree() -> None:
    found = conflicts(
        ["UPDATED: THURSDAY, MARCH 14, 2013, 9: 31 AM", "PUBLISHED: WEDNESDAY, MARCH 13, 2013"],
        ["UPDATED: WEDNESDAY, MARCH 13, 2013, 2: 30 AM", "Posted Monday, March 11, 2013 10:34 PM"],
    )
    assert found == []


def test_the_days_of_events_beside_datelines_still_disagree() -> None:
    found = conflicts(
        ["UPDATED: THURSDAY, MARCH 14, 2013", "The teen was shot by police on Saturday."],
        ["UPDATED: WEDNESDAY, MARCH 13, 2013", "The teen was shot by police on Tuesday."],
    )
    assert [f.detail for f in found if f.kind == "date"] == ["day: A says Saturday; B says Tuesday"]


def test_the_day_one_told_reporters_or_issued_a_statement_is_no_event_s() -> None:
    # (ECB+ 18_10 / 18_7, 19_3 / 19_9: the day of a statement against the day of the act)
    assert (
        aligned_dates(
            "The man accused of shooting three former co-workers was fired from the firm on "
            "Thursday.",
            "The firm issued a statement Tuesday expressing condolences to the families.",
        )
        == []
    )
    assert (
        aligned_dates(
            "A cousin of the teen told news outlets Wednesday that he was carrying a gun.",
            "Officers shot and killed the teen late Saturday night.",
        )
        == []
    )
    # the days of the act itself still disagree
    assert aligned_dates(
        "Officers shot and killed the teen on Wednesday.",
        "Officers shot and killed the teen late Saturday night.",
    ) == ["day: A says Wednesday; B says Saturday night"]
