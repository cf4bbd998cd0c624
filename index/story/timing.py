"""When a sentence of a dated report says something happened, as far as its words tell.

A developing story's reports (days or months apart) tell several events of one kind: two
aftershocks, two hearings, two stages. The same words about two of them ("No damage was reported",
"the aftershock was felt in Santiago") are two claims. Two things tell them apart without reading
the events themselves:

- a day named relative to the publication ("on Wednesday", "today", "yesterday") is a date: read
  against each report's own publication date, "Wednesday" in a report of Thursday 15 July and in
  one of Friday 22 October are two days (:func:`named_days`);
- a report weeks or months later repeats an earlier event as background, and then names when it
  happened ("the February 27 earthquake", "in January 2005") or repeats its figures ("all 228 on
  board"); a sentence with neither, in a report weeks later, tells that report's own event
  (:func:`anchored`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(
    r"\b(?:(" + "|".join(_WEEKDAYS) + r")|(today|tonight|this morning|this afternoon|this evening)"
    r"|(yesterday|last night))\b",
    re.IGNORECASE,
)
_MONTHS = (
    "January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_ABSOLUTE = re.compile(
    r"(?:\b(?:" + _MONTHS + r")(?!\w)|\bMay(?= \d| of)|(?<=\d )May\b|\bin May\b|"
    r"\b(?:1[89]|20)\d\d\b)"
)


# A number that names one of several things of a kind ("stage 13", "Flight 447", "Resolution 1723").
_NUMBERED = re.compile(
    r"\b(stage|flight|route|resolution|game|round|match|leg|lap|episode|chapter|article|section|"
    r"platform|gate|terminal|highway|line)\s+(?:no\.?\s*)?(\d+)\b",
    re.IGNORECASE,
)


def numbered(text: str) -> dict[str, frozenset[str]]:
    """The numbered things a sentence names: ``{"stage": {"13"}}`` for "won stage 13"."""
    out: dict[str, set[str]] = {}
    for m in _NUMBERED.finditer(text):
        out.setdefault(m.group(1).lower(), set()).add(m.group(2))
    return {k: frozenset(v) for k, v in out.items()}


def other_things(a: Mapping[str, frozenset[str]], b: Mapping[str, frozenset[str]]) -> bool:
    """Whether two sentences name different things of one kind ("stage 13" / "stage 15") and
    none in common: they tell of two of them, in reports of any day."""
    return any(k in b and not v & b[k] for k, v in a.items())


def named_days(text: str, published: dt.date) -> frozenset[dt.date]:
    """The days a sentence names relative to its report's publication date.

    A weekday is the latest such day on or before publication (news tells what happened: "on
    Wednesday" in a report of Thursday is the day before); "today" is the publication date,
    "yesterday" the day before.

    Args:
        text: The sentence.
        published: Its report's publication day.
    """
    out: set[dt.date] = set()
    for m in _RELATIVE.finditer(text):
        weekday, today, _ = m.groups()
        if weekday:
            back = (published.weekday() - _WEEKDAYS.index(weekday.lower())) % 7
            out.add(published - dt.timedelta(days=back))
        elif today:
            out.add(published)
        else:
            out.add(published - dt.timedelta(days=1))
    return frozenset(out)


def anchored(text: str) -> bool:
    """Whether a sentence names a month or a year: when what it tells happened, in any report."""
    return _ABSOLUTE.search(text) is not None


def same_time(
    gap: int,
    week: int,
    days: tuple[frozenset[dt.date], frozenset[dt.date]],
    anchors: tuple[bool, bool],
    shared_numbers: bool,
) -> bool:
    """Whether two sentences of two reports published ``gap`` days apart may tell one event.

    Args:
        gap: Days between the two reports' publication.
        week: Days apart beyond which a sentence needs an anchor (:func:`anchored`).
        days: The days each sentence names (:func:`named_days`).
        anchors: Whether each names a month or a year.
        shared_numbers: Whether they share a number ("228 on board").

    Two sentences that both name a day, and no day in common, tell two days. More than ``week``
    days apart, one of them must name when (a month, a year) or both give one figure: what a later
    report repeats of an earlier event is background and says when it was.
    """
    if gap and days[0] and days[1] and not days[0] & days[1]:
        return False
    return gap <= week or any(anchors) or shared_numbers
