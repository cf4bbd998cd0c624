"""A day or date inside a noun phrase names that noun's event, an earlier one than the sentence's
own ("convicted of the June 20, 2005 attempted murder"): it is no date of the sentence's event
(ECB+ 16_10 / 16_2 had "convicted March 20" disagree with it). Made-up sentences, aligned as the
comparison aligned the real ones."""

from __future__ import annotations

from conflict_helpers import aligned_dates as _dates

_CONVICTED = (
    "Marlow was convicted March 20 of first-degree murder for the slaying of Keane, a veteran "
    "of the anti-gang detail at the Lakewood station."
)


def test_a_date_before_a_noun_is_not_the_sentence_date() -> None:
    assert (
        _dates(
            _CONVICTED,
            "Marlow was also convicted of the June 20, 2005 attempted murder of a man shot in "
            "the back while doing yard work, a shooting the jury found to be a gang crime.",
        )
        == []
    )


def test_an_earlier_event_named_by_its_date_is_not_the_sentence_date() -> None:
    # (the killing's own day is told of no conviction: only "a June 20 shooting" had met it)
    assert (
        _dates(
            _CONVICTED,
            "Keane was killed in Lakewood while investigating a June 20 shooting in which "
            "Marlow was a suspect.",
        )
        == []
    )


def test_a_weekday_before_a_noun_is_not_the_sentence_day() -> None:
    assert (
        _dates(
            "The gunman in the office party shooting was on suicide watch Monday.",
            "The gunman in the Friday night office party shooting was held without bail.",
        )
        == []
    )


def test_two_dates_of_one_named_event_still_disagree() -> None:
    assert _dates(
        "Police are still investigating the June 20 shooting at the Eastgate mall.",
        "Police are still investigating the June 21 shooting at the Eastgate mall.",
    ) == ["date: A says June 20; B says June 21"]


def test_two_dates_of_the_sentence_event_still_disagree() -> None:
    assert _dates(_CONVICTED, _CONVICTED.replace("March 20", "March 21")) == [
        "date: A says March 20; B says March 21"
    ]


def test_a_dated_act_and_the_same_act_told_with_its_day_still_disagree() -> None:
    # (the act's object around both days: "the November 18 sinking of a Thai fishing trawler")
    assert _dates(
        "The patrol went on despite the criticism that followed the November 18 sinking of a "
        "Thai fishing trawler by the navy.",
        "On November 19, the frigate Tabar sank a fishing trawler held by pirates.",
    ) == ["date: A says November 18; B says November 19"]


def test_a_dated_act_done_to_someone_else_does_not() -> None:
    assert (
        _dates(
            "Fresh riots broke out in the capital on Saturday December 13 in protest at the "
            "killing of a boy by police.",
            "Students are angry at the Dec. 6 killing of Andreas Pavlos by a police officer.",
        )
        == []
    )
