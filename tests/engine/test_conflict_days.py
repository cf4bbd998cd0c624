"""Days of one event (issue 10, item 3): a day told of one act done to one named person is the
event's, however differently the two sentences tell the rest. Made-up sentences; ``find`` is
given the judge's similarity of the two sentences as its hint, as the comparison gives it (no
alignment)."""

from __future__ import annotations

from conflict_helpers import sents

from index.compare.conflicts import Finding, find
from index.compare.readings import around


def conflicts(a: str, b: str, similarity: float = 0.75) -> list[Finding]:
    return find(sents(a), sents(b), {(0, 0): similarity}, {})


def test_an_age_in_commas_is_no_clause() -> None:
    text = "The fatal shooting of Dana Whitlow, 17, on Friday set off three nights of protests."
    at = text.index("Friday")
    assert {"shoot", "whitlow"} <= around(text, at, at + len("Friday"))


def test_one_act_in_other_words_on_two_days() -> None:
    found = conflicts(
        "The fatal shooting of Dana Whitlow, 17, on Friday set off three nights of protests.",
        "Court papers say Sergeant Mills killed Whitlow on Saturday during a scuffle downtown.",
    )
    assert [(f.kind, f.detail) for f in found] == [("date", "day: A says Friday; B says Saturday")]


def test_days_of_two_people_or_two_acts_do_not_disagree() -> None:
    # another person killed on another day
    assert (
        conflicts(
            "The fatal shooting of Dana Whitlow, 17, on Friday set off three nights of protests.",
            "Court papers say Sergeant Mills killed Brandt on Saturday during a scuffle downtown.",
        )
        == []
    )
    # shot on one day, died on another: two events of one person
    assert (
        conflicts(
            "Dana Whitlow, 17, was shot by an officer on Friday outside the station.",
            "Whitlow died in hospital on Sunday, his family said.",
        )
        == []
    )


def _aligned(a: str, b: str) -> list[Finding]:
    return find(sents(a), sents(b), {(0, 0): 0.9}, {(0, 0): 0.9})


def test_a_place_both_name_says_where_not_what() -> None:
    # two events at one station, aligned: their times are each their own
    assert (
        _aligned(
            "The suspects were filmed arriving at Harlow Cross station at 07:40 with rucksacks.",
            "Wreaths were laid near Harlow Cross station at 08:05 by the mayor and the minister.",
        )
        == []
    )
    # one event at that station: its times disagree
    found = _aligned(
        "The suspects were filmed arriving at Harlow Cross station at 07:40 with rucksacks.",
        "Cameras filmed the suspects arriving at Harlow Cross station at 08:05 on Thursday.",
    )
    assert [f.kind for f in found] == ["date"] and "25 minutes apart" in found[0].detail


def test_a_time_given_with_its_zone_is_compared_outside_one_claim() -> None:
    # the judge grades the two sentences alike; they share few words but the one the times tell of
    zoned = conflicts(
        "The carrier said the jet met heavy turbulence at 02:00 GMT and then sent a message.",
        "Officials said the aircraft crossed a storm with strong turbulence at 02:14 GMT.",
        similarity=0.45,
    )
    assert [f.detail for f in zoned] == [
        "time: A says 02:00 GMT; B says 02:14 GMT; 14 minutes apart"
    ]
    # local times without a zone: a story's timeline holds many, compared only inside one claim
    local = conflicts(
        "The carrier said the jet met heavy turbulence at 2:00 pm and then sent a message.",
        "Officials said the aircraft crossed a storm with strong turbulence at 2:14 pm.",
        similarity=0.45,
    )
    assert local == []


def test_one_act_in_other_words_on_two_dates() -> None:
    found = conflicts(
        "The fatal shooting of Dana Whitlow, 17, on December 5 set off three nights of protests.",
        "Court papers say Sergeant Mills killed Whitlow on December 6 during a scuffle downtown.",
    )
    assert [(f.kind, f.detail) for f in found] == [
        ("date", "date: A says December 5; B says December 6")
    ]
