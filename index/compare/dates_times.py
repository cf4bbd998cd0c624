"""Dates, weekdays and clock times as a sentence writes them, for the disagreement finder.

``dates_in`` and ``times_in`` read them from a sentence's text (for :mod:`index.compare.readings`);
``time_gap`` is the distance of two clock times in minutes, a 12-hour time meeting either half of the day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.compare.words import STOP
from index.vocabulary import MONTHS

__all__ = ["DAYS", "ClockTime", "dates_in", "noun_head", "time_gap", "times_in", "weekdays_in"]

# --- dates, weekdays and clock times ----------------------------------------------------------------

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = " ".join(MONTHS)
_MONTH = {m[:3]: n + 1 for n, m in enumerate(MONTHS)} | {"sept": 9}
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\b(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.]\d)"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON})(?![a-z])",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"\b(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"(?P<part>\s+(?:early\s+)?(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"(?<![\d.:])(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))?(?:[:.]\d\d)?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)?"
    r"(?P<zone>\s*(?:hours\s+)?(?:local time|gmt|utc|bst|est|edt|cet|pst|pdt|ist))?"
    r"|(?<![\d.:,])(?P<hm>[0-2]\d[0-5]\d)\s*(?P<zone2>hours|gmt|utc|bst|local time)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ClockTime:
    minutes: int  # minutes after midnight; 12-hour readings are compared modulo 12 hours
    zone: str
    twelve: bool  # no a.m./p.m. and an hour of 12 or less: either half of the day
    text: str


def dates_in(text: str) -> dict[tuple[int, int], str]:
    out: dict[tuple[int, int], str] = {}
    for m in _DATE.finditer(text):
        month_word = (m.group("m") or m.group("m2")).lower().rstrip(".")
        day = int(m.group("d") or m.group("d2"))
        month = _MONTH.get(month_word[:4] if month_word.startswith("sept") else month_word[:3])
        if month_word == "may" and not m.group("d2") and not re.match(r"\s+\d", text[m.end("m") :]):
            continue
        if (
            month is None
            or not 1 <= day <= 31
            or (
                month_word[:3] == "mar"
                and month_word != "mar"
                and not month_word.startswith("march")
            )
        ):
            continue
        out[(month, day)] = m.group(0)
    return out


def weekdays_in(text: str) -> dict[str, str]:
    """The weekdays ``text`` names, each as written ("monday" -> "Monday")."""
    return {m.group("w").lower(): m.group(0) for m in _WEEKDAY.finditer(text)}


def times_in(text: str) -> list[ClockTime]:
    out: list[ClockTime] = []
    for m in _TIME.finditer(text):
        if m.group("hm"):
            h, mi, ap, zone = int(m.group("hm")[:2]), int(m.group("hm")[2:]), "", m.group("zone2")
        else:
            if not (m.group("m") or m.group("ap")):
                continue  # a bare number is not a time
            if (
                m.group("m")
                and not (m.group("ap") or m.group("zone"))
                and not re.search(
                    r"\b(?:at|around|about|by|until|from|after|before|since)\s+$",
                    text[max(0, m.start() - 12) : m.start()],
                    re.IGNORECASE,
                )
            ):
                continue  # "5.6 magnitude", "2:56" of a round: read only clock-like readings
            h, mi = int(m.group("h")), int(m.group("m") or 0)
            ap, zone = (m.group("ap") or "").lower(), m.group("zone") or ""
        if h > 24 or mi > 59:
            continue
        if ap.startswith("p") and h < 12:
            h += 12
        elif ap.startswith("a") and h == 12:
            h = 0
        zone = zone.lower().replace("hours", "").strip()
        zone = "" if zone in ("local time", "") else zone
        twelve = not ap and h <= 12
        out.append(ClockTime(h * 60 + mi, zone, twelve, m.group(0).strip()))
    return out


# A day or date inside a noun phrase names the event of its noun, an earlier one than the
# sentence's own as a rule: "convicted of the June 20, 2005 attempted murder", "investigating a
# June 20 shooting", "the Friday night shooting". A determiner or a possessive before it ...
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|his|her|their|our)|\w['’]s)\s+$", re.IGNORECASE
)
# ... and, after it (and its year, and its part of the day), a lower-case word: the noun's head
_NOUN_AFTER = re.compile(
    r"(?:,?\s*(?:19|20)\d\d\b,?)?(?:\s+(?:early\s+)?(?:morning|afternoon|evening|night))?"
    r"\s*-?\s*(?P<head>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})"
)


def noun_head(text: str, written: str) -> tuple[list[str], list[str]]:
    """The words of the noun phrase that the day or date ``written`` (as ``text`` writes it)
    modifies, and of what it is done to: "the June 20, 2005 attempted murder of a man shot" ->
    (["attempted", "murder"], ["man", "shot"]); ([], []) when it is no modifier of a noun
    ("convicted March 20 of murder", "on the 20th of June the police"). The head is up to three
    lower-case words, to the first stop word; the object up to five words after "of", "on" or
    "against", to a clause's end, without stop words."""
    i = text.find(written)
    if i < 0 or not _NOUN_BEFORE.search(text, max(0, i - 12), i):
        return [], []
    m = _NOUN_AFTER.match(text, i + len(written))
    head: list[str] = []
    for w in m.group("head").split() if m else ():
        if w in STOP:
            break
        head.append(w)
    if not m or not head:
        return [], []
    after = text[m.start("head") :].split(None, len(head))[len(head) :]
    of = _OBJECT.match(" " + after[0]) if after else None
    words = _WORDS.findall(of.group("what")) if of else []
    return head, [w for w in words[:5] if w.lower() not in STOP]


# what the act a noun names is done to: "the June 20 shooting of Alex Doe", "the attack on the
# embassy" (up to a clause's end)
_OBJECT = re.compile(r"\s+(?:of|on|against)\s+(?P<what>[^,;.:()\"“”]+)", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def time_gap(x: ClockTime, y: ClockTime) -> int:
    d = abs(x.minutes - y.minutes) % 1440
    d = min(d, 1440 - d)
    if x.twelve or y.twelve:
        d = min(d, abs(d - 720))
    return d
