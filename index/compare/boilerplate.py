"""Boilerplate: lines of a report that carry no claim (sign-offs such as "Reuter", datelines with or
without their label, bylines, a bare "According to The New York Times.", copyright lines). The
comparison never aligns them and never counts them as claims (:mod:`index.compare.matching`)."""

from __future__ import annotations

import re

from index.compare.preparation import Prepared, prepare
from index.compare.preparation import _zipf as _zipf_table
from index.compare.words import stem
from index.vocabulary import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

__all__ = ["is_boilerplate"]

_WEEKDAYS_MONTHS = frozenset(
    stem(w)
    for w in [
        *WEEKDAYS,
        *MONTHS,
        *MONTH_ABBREVIATIONS,
        "gmt",
        "utc",
        "est",
        "edt",
        "pst",
        "bst",
        "am",
        "pm",
        "et",
        "cet",
        "cest",
        "pdt",
        "cdt",
        "cst",
        "mdt",
        "mst",
    ]
)
# The words of a dateline's label ("Posted 11/27/2005 7:21 AM", "First Published: June 13, 2013",
# "Last updated: ..."): with dates and times alone they make no claim.
_DATELINE = frozenset(
    stem(w) for w in "posted updated published first last modified created".split()
)
_FINAL_STOPS = (".", "!", "?", '"', "”", "'", "’")
_BOILERPLATE = re.compile(
    r"^\W*(?:reuters?|ap|afp|upi|xinhua|by\s+[\w.'’ -]{2,40}|(?:photo|image|video)s?(?:\s+credit)?:?.*|"
    r"(?:copyright|\(c\)|©).*|all rights reserved.*|click here.*|read more.*|share this.*|"
    r"advertisement|related(?: articles?| stories)?:?|(?:according to|via|source:?)\s+[\w.'’ -]{2,60})"
    r"\W*$",
    re.IGNORECASE,
)


def is_boilerplate(text: str, prepared: Prepared | None = None) -> bool:
    """True for a sentence that carries no claim: a sign-off, dateline, byline or bare source."""
    stripped = text.strip()
    if not stripped or _BOILERPLATE.match(stripped):
        return True
    p = prepared or prepare(stripped)
    table = _zipf_table()
    # Content left once numbers, dates, clock words and names are set aside.
    ordinary = [
        t
        for t in p.seq
        if t[0] != "#"
        and t not in _WEEKDAYS_MONTHS
        and (t not in p.names or table.get(t, 0) >= 3.5)
    ]
    if ordinary and len(ordinary) < len(p.seq) and all(t in _DATELINE for t in ordinary):
        return True  # a dateline: its label, dates and times
    if ordinary and (len(ordinary) > 1 or len(p.seq) > 3):
        return False
    # Names, numbers and at most one common word. A line without a sentence's final stop is a
    # header, a dateline or a score line ("Wladimir Klitschko 19 - 2"); a
    # sentence with one makes a claim ("Hasib Hussain, 18, from Leeds.", '"No one was hurt," he
    # said.', "He will be sentenced May 3.") unless it is only a date ("Tuesday 28 April 2009 22.").
    if not stripped.endswith(_FINAL_STOPS):
        return True
    return not ordinary and any(t in _WEEKDAYS_MONTHS for t in p.seq)
