"""Candidate spans of the entity recogniser: what it makes of the dates, quantities and runs it finds.

The token and candidate records the :class:`~index.analysis.recognizer.RuleRecognizer` builds,
headline (all-capitals) lines, the quantities read with their units, and the keys of dates and
quantities ("October 13" -> ``--10-13``, "two million" -> ``2 million``). The patterns it scans
with are in :mod:`index.analysis.entity_scans`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from index.analysis.entity_scans import _YEAR
from index.analysis.entity_scans import APPROX as APPROX  # entity_keys reads it here
from index.analysis.lexicon import (
    ATTRIBUTION_VERBS,
    FUNCTION_WORDS,
    MONTHS,
)
from index.pattern_cache import compiled

_UNIT_RE = compiled(
    r"(?:[ \t]+|[ \t]*\n[ \t]*)((?:U\.S\.[ \t]+)?[a-z][a-z\-]*)"
    r"(?:(?:[ \t]+|[ \t]*\n[ \t]*)([a-z][a-z\-]*))?"
)
_UNIT_LEADS = frozenset("square cubic metric per".split())
_NOT_UNITS = FUNCTION_WORDS | ATTRIBUTION_VERBS | MONTHS.keys() | {"vs", "versus", "v"}
"""Words after a number that are not its unit: "Net 55,513,000 vs 48,741,000" (Reuters' results
tables: 959 of 10,690 quantities in 2,000 stories were "... vs") names two figures, not "55,513,000
vs"."""

ADMIN_HEADS = frozenset(
    {"oblast", "province", "region", "governorate", "prefecture", "krai", "raion"}
)
POSS_RE = compiled(r"['’]s?$")
ACRO_RE = compiled(r"^(?:[A-Z]\.){2,}$|^[A-Z]{2,6}$")
TRANSLIT_RE = compiled(r"(?<=\w{3})(?:yy|iy|ij|ii)$")


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    low: str
    conn: bool = False
    poss: bool = False  # a possessive was cut off; nothing after it joins this name
    gaz: tuple[int, str, str, str] | None = None  # (length in tokens, label, canonical, kind)


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    label: str  # "?" for a lone unknown word decided later from context
    canonical: str
    hint: str = ""  # "person", "place", "said" for lone words


_UPPER_CH = compiled(r"[A-ZÀ-ÖØ-Þ]")
_LOWER_CH = compiled(r"[a-zß-öø-ÿ]")


def caps_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines written in capitals (headlines), where case says nothing about names."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        upper = len(_UPPER_CH.findall(line)) if len(line) >= 8 else 0
        # Counting a few common lowercase letters (fast ``str.count``) rules out most body lines
        # before every lowercase letter of a long paragraph is listed: they are a lower bound.
        if (
            upper >= 8
            and upper >= 4 * (line.count("e") + line.count("a") + line.count("o"))
            and upper >= 4 * len(_LOWER_CH.findall(line))
        ):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# ---------------------------------------------------------------- dates and quantities
NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
_MULT_NORM = {"mln": "million", "bln": "billion", "bn": "billion"}


@lru_cache(maxsize=8192)
def date_key(surface: str) -> str:
    """ISO-like key when the date resolves ("2022-03", "--10-13", "1950/1953"), else lowercased."""
    years = re.findall(r"\b(1[89]\d\d|20\d\d)\b(?!s)", surface)
    low = surface.lower()
    month = next((MONTHS[w] for w in re.findall(r"[a-z]+", low) if w in MONTHS), 0)
    if re.fullmatch(r"\d{1,2}/\d{1,2}/\d{2,4}", surface):
        return surface
    if month and any(w in low for w in ("than", "ago")):
        return low
    day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b\d{4}\b", "", surface))
    day = int(day_m.group(1)) if day_m and month else 0
    if len(years) == 2 and not month:
        return f"{years[0]}/{years[1]}"
    if re.fullmatch(r"\d{4}/\d\d", surface):
        return f"{surface[:4]}/{surface[:2]}{surface[5:]}"
    year = years[0] if len(years) == 1 else ""
    if month and year and day:
        return f"{year}-{month:02d}-{day:02d}"
    if month and year and not re.search(r"spring|summer|autumn|fall|winter", low):
        return f"{year}-{month:02d}"
    if month and day:
        return f"--{month:02d}-{day:02d}"
    if month and low.strip(". ") in MONTHS:
        return f"--{month:02d}"
    if year and low.strip() == year:
        return year
    return " ".join(low.split())


TIME_ZONES = (
    "UTC GMT EST EDT CST CDT MST MDT PST PDT AKST HST BST CET CEST EET EEST WET WEST MSK JST KST "
    "IST AEST AEDT ACST AWST NZST NZDT HKT SGT WIB ICT PHT".split()
)

_CLOCK_AFTER = compiled(
    r":\d\d|[ \t]?(?:[aApP]\.[mM]\.|[aApP][mM]\b|o['’]clock\b|h\d\d\b|(?:"
    + "|".join(TIME_ZONES)
    + r")\b)",
    re.IGNORECASE,
)
_CLOCK_BEFORE = compiled(r"\b(?:[Hh]alf(?:[ \t]+past)?|[Qq]uarter[ \t]+(?:past|to))[ \t]+\Z")
_HOUR = compiled(r"(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)")


_SLASH_AFTER = compiled(r" [-/] ?\w")
_SLASH_OPENERS = (" -", " /")
"""What :data:`_SLASH_AFTER` opens with: the regex is asked only after one of them."""
_APPROX_LEAD = compiled(rf"^{APPROX}\s+")
_YEAR_RE = compiled(_YEAR)
_VAGUE_RE = compiled(r"one|a\s+few|several")


def add_quantity(text: str, s: int, e: int, claimed: bytearray, out: list[Cand]) -> None:
    """Add the quantity (or a year) found at ``text[s:e]`` (:func:`quantity_spans`), if it is one."""
    if claimed.find(1, s, e) >= 0:
        return
    if s > 0 and (
        text[s - 1].isalnum()
        or text[s - 1] in "-/_.+−"
        or (text[s - 1] == ":" and text[s - 2 : s - 1].isdigit())
    ):
        return  # part of a code, a date, a clock or an offset: "F-16", "1986/87", "UTC+8", "8:00"
    if _CLOCK_AFTER.match(text, e) or (
        _HOUR.fullmatch(text, s, e) and _CLOCK_BEFORE.search(text, max(0, s - 20), s)
    ):
        return  # a clock time, never a quantity: "8:00 p.m.", "10 pm", "half eight"
    if (text[e : e + 1] in "-/" and text[e + 1 : e + 2].isalnum() and e < len(text)) or (
        text.startswith(_SLASH_OPENERS, e) and _SLASH_AFTER.match(text[e : e + 4])
    ):
        return  # a compound adjective or a code: "33-year-old", "five-day", "1/8", "7/7"
    surface = text[s:e]
    unit: list[str] = []
    um = _UNIT_RE.match(text, e)
    if um:
        w1, w2 = um.group(1), um.group(2)
        stop = _NOT_UNITS
        if w1.split()[-1] not in stop:
            unit.append(w1)
            if (
                w2
                and w2 not in stop
                and (w1 in _UNIT_LEADS or not w1.endswith("s"))
                and (w2.endswith("s") or w1 in _UNIT_LEADS)
            ):
                unit.append(w2)
    if unit and um:
        unit_end = um.end(2) if len(unit) == 2 else um.end(1)
        if claimed.find(1, e, unit_end) >= 0 and not unit[0].startswith("U.S."):
            # "1,025 last month", "133.7 billion next year": a date found before, no unit ("U.S."
            # opens a unit: "1.2 billion U.S. dlrs", "11,841 U.S. cars").
            unit = []
        else:
            e = unit_end
    # APPROX opens with a letter, a year has four characters, a vague number opens with "o", "a"
    # or "s": the regex calls are skipped where they cannot match.
    number = _APPROX_LEAD.sub("", surface) if surface[:1].isalpha() else surface
    if len(number) == 4 and _YEAR_RE.fullmatch(number) and number == surface:
        e = s + len(number)  # the year alone, without the unit read after it
        out.append(Cand(s, e, "DATE", number))
        return
    if number[:1].isupper() and number[1:2].islower():
        number = number[0].lower() + number[1:]  # "Eight people" opening a sentence
    if (number[:1] in "oas" and _VAGUE_RE.fullmatch(number)) or (
        not unit and number in {"one", "ten"}
    ):
        return
    key = quantity_key(number)
    if unit:  # no generator made for each quantity (a third of this function's time)
        key = " ".join([key, *map(str.lower, unit)])
    out.append(Cand(s, e, "QUANTITY", key))


@lru_cache(maxsize=8192)
def quantity_key(number: str) -> str:
    """The key of a number as written ("10,000", "200 mln", "seven", "3.6 billion"): thousands
    separators dropped, multipliers spelled out, small number words as digits, decimals kept.

    The index keys a quantity's number this way and ``quantity:`` values are keyed the same, so
    ``quantity:"200 mln"`` finds "200 million" and ``quantity:"3.6 billion dlrs"`` "3.6 billion dlrs".
    """
    parts = [_MULT_NORM.get(w, w) for w in number.replace(",", "").split()]
    return " ".join(str(NUMBERS[w]) if w in NUMBERS else w for w in parts)
