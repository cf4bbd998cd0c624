"""Figures in a news sentence: what is measured, how much, how hedged and over what scope.

``figures(text)`` reads every quantity of one sentence once (the caller caches it per sentence):
digits and number words ("Fifty-two", "a dozen", "half a billion"), vague amounts ("thousands"),
hedges ("passing", "more than", "as many as", "nearly"), units folded onto one base unit per
dimension ("30 miles" and "48km" meet in km, "170,000-square-foot" and "15,800-square-metre" in m2,
"three-month" and "90-day" in days), and the scope of a part ("in Aceh province alone", "15 of
them"). Each figure becomes a range of plausible true values, so that comparing two figures is a
question of overlap: a lower bound that fits the other figure is not a conflict.

ECB+ texts carry tokenisation artefacts ("1, 500", "2: 56", "9. 25 a. m.", "a. 357"); ``clean``
undoes them before anything is read. Units and currencies are in :mod:`index.compare.units`; roles,
hedges and the patterns around a figure in :mod:`index.compare.figure_patterns`; what a count
counts (its noun, role and the whole it is part of) in :mod:`index.compare.figure_counts`; numbers
that count nothing (telephone numbers, codes, a name's number) in :mod:`index.compare.figure_codes`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from index.compare.figure_codes import a_code, names_number, once_counts
from index.compare.figure_counts import Counts
from index.compare.figure_hits import hits
from index.compare.figure_patterns import (
    AFTER,
    AGE_OF,
    CUMULATIVE,
    FORECAST,
    HEDGE_KIND,
    JOINED_NOUN,
    LOWER_AFTER,
    MODAL,
    NAME_BEFORE,
    NOT_A_COUNT,
    OWNER,
    OWNER_POSSESSIVE,
    RECORD,
    STOPWORDS,
    SUPERSEDED,
    YEAR_OR_DAY,
    may_count_people,
    person_of,
    split_hedge,
)
from index.compare.numbers import (
    SCALE,
    SCALE_ABBR,
    SCALE_AFTER,
    VAGUE,
    clean,
    number_value,
    scan,
)
from index.compare.units import CURRENCY, PER_DAY, UNIT

__all__ = ["Figure", "clean", "figures", "number_value"]

_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Figure:
    """One quantity of a sentence.

    ``text`` is the figure as written with its hedge; ``low``/``high`` the plausible true range in
    the base unit of ``dim``; ``noun`` the counted noun (stem-free, lower case, may be empty);
    ``role`` what a count of people counts (dead, injured ...) when the sentence says so;
    ``hedge`` is ``lower``, ``upper``, ``near``, ``under``, ``about``, ``vague`` or ``exact``;
    ``part`` the words that make it a part of a larger whole ("alone", "of them"), else "".
    """

    text: str
    value: float
    low: float
    high: float
    dim: str
    noun: str
    role: str
    hedge: str
    part: str
    start: int
    context: tuple[str, ...] = ()  # the lower-case words that follow it: what is said of it


def _range(value: float, hedge: str, written: str) -> tuple[float, float]:
    """The plausible true range of a figure; round figures are read as rounded."""
    # (``written`` is a figure's digits as matched: digits, commas and a decimal point)
    digits = written.split(".")[0].replace(",", "")
    shown = float(written.replace(",", "")) if written else value
    zeros = len(digits) - len(digits.rstrip("0")) if digits and shown >= 100 else 0
    slack = min(0.05, 0.5 * 10**zeros / shown) if zeros else 0.0
    if "." in written:  # "5.9", "1.5 million": rounded to the last decimal
        slack = max(slack, 0.5 * 10 ** -len(written.split(".")[1]) / max(shown, 1e-9))
    lo, hi = value * (1 - slack), value * (1 + slack)
    if hedge == "lower":  # "more than 120,000": news round down to the figure just passed
        # ... but "at least one" says only that there were some: no count to round
        return value, value * 1.4 if value > 1 else math.inf
    if hedge == "near":
        return value * 0.85, value
    if hedge == "upper":
        return value * 0.5, value
    if hedge == "under":
        return value * 0.5, value * 0.999
    if hedge == "about":
        return value * 0.88, value * 1.12
    return lo, hi


_GUN = re.compile(r"\s*-?\s*(?:calib\w*|revolver|pistol|handgun|magnum|special)\b", re.IGNORECASE)


def raw_is_calibre(text: str, start: int, end: int) -> bool:
    """ ".357 revolver", ".38-caliber": a calibre written as a decimal fraction of an inch."""
    return text[start : start + 1] == "." and bool(_GUN.match(text, end))


_PERCENT_CHANGE_BEFORE = re.compile(
    r"\b(?:by|rose|rise|risen|rising|fell|fall|fallen|falling|dropped|drop|grew|grow|grown|"
    r"increased?|decreased?|declined?|cut|cutting|jumped|gained|lost|up|down|climbed|slipped|"
    r"reduced?|reducing|reduction of|increase of|rise of|drop of|fall of)\s+"
    r"(?:(?:about|around|some|nearly|almost|over|more than|at least|between|roughly|an estimated|"
    r"up to)\s+)*$"
    r"|\bby\s+(?:between\s+)?[\d.,]+\s*(?:percent|per cent|%)?\s*(?:to|and|or|-)\s*$",  # by 25 to 40
    re.IGNORECASE,
)
_PERCENT_UNIT = r"\s*(?:percent(?:age points?)?|per cent|%|pc)?\s*"
_PERCENT_CHANGE_AFTER = re.compile(
    _PERCENT_UNIT
    + r"(?:rise|increase|drop|fall|decline|cut|jump|gain|growth|reduction|decrease|higher|lower|"
    r"more|less|fewer)\b",
    re.IGNORECASE,
)
_PERCENT_SHARE_AFTER = re.compile(_PERCENT_UNIT + r"(?:of|share)\b", re.IGNORECASE)


_QUAKE_AFTER = re.compile(
    r"[\s,\w-]{0,30}?\b(earthquake|quake|tremor|aftershock)s?\b", re.IGNORECASE
)


# every match of ``CUMULATIVE`` holds one of these as a whole run of letters
_CUMULATIVE_WORDS = frozenset(["far", "date", "total", "altogether", "all"])
# the patterns read around one figure (compiled once: ``figures`` runs them for every number)
_WORD_AFTER = re.compile(r"[\s-]*[a-z]")
_CLOCK_OR_ORDINAL = re.compile(r"[:.]\d")
_SCORE_BEFORE = re.compile(r"\d\s*-\s*$")
_ADJECTIVE_SPAN = re.compile(r"-\w+-?\s*[a-z]")
_YEARS_OLD = re.compile(r"[\s-]*years?[\s-]*old", re.IGNORECASE)
_MAGNITUDE_HEDGES = {
    "about": (0.2, 0.2),
    "lower": (0.0, 0.5),
    "near": (0.3, 0.0),
    "upper": (0.3, 0.0),
}
_MAGNITUDE_BEFORE = re.compile(r"magnitude(?: of| at)?\s*$", re.IGNORECASE)
# a bare decimal said of "it" after a magnitude is one: "put the magnitude at 5.9, but the
# survey said it was 6.1"
_RESTATED = re.compile(r"\bit\s+(?:was|is|at)\s*$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"([A-Z][a-z]+),\s*$")
_COMMA_AFTER = re.compile(r"\s*,")
_AGE_BEFORE = re.compile(r"\bage[sd]?\s*(?:\d+\s*(?:and|,)\s*)?$", re.IGNORECASE)
_AGES_AFTER = re.compile(r"[\s-]*(?:and|or|,)\s*\d+[\s-]*years?[\s-]*old")
_RATE_AFTER = re.compile(
    r"[\s\w-]{0,12}?\b(?:a|per|each) (?:year|month|week|day|hour)\b|\s*annually"
)
# a scale abbreviation that may be a unit ("48m" is metres unless money); "mln", "bln" never are
_UNIT_OR_SCALE = frozenset(["k", "m", "b"])
# oil output, quotas and ceilings are told a day even when the day goes unsaid ("a ceiling of
# 15.8 mln barrels"); stocks and reserves are volumes
_OIL_RATE_BEFORE = re.compile(
    r"\b(?:output|production|produc\w+|pump\w*|quotas?|ceilings?|exports?|exporting)\b[^.;]{0,25}$"
)
_OIL_STOCK_BEFORE = re.compile(r"\b(?:reserves?|stocks?|stockpiles?|inventor\w+|storage)\b")
_MAGNITUDE_AFTER = re.compile(r"[\s-]*(?:magnitude|on the richter)", re.IGNORECASE)
_DIRECTION_OF = re.compile(
    r"\s*(?:\([^)]*\)\s*)?((?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ward)?)\s+of\s+([A-Z][\w-]+)"
)


def figures(text: str, words: AbstractSet[str] | None = None) -> list[Figure]:
    """Every quantity of one (cleaned) sentence, in order; ``words``, when given, are its
    lower-case runs of letters (see :func:`index.compare.numbers.scan`)."""
    out: list[Figure] = []
    found = scan(text, words)
    if not found:
        return out
    low_text = text.lower()
    counts = Counts(text, low_text)  # what each count counts, read with the whole sentence
    # "has confiscated a total of 14 rifles so far": a running total, not one event's count
    cumulative = (words is None or not words.isdisjoint(_CUMULATIVE_WORDS)) and bool(
        CUMULATIVE.search(text)
    )
    for m in found:
        before = text[max(0, m.start() - 30) : m.start()]
        end = m.end()
        after = text[end : end + 60]
        hedge_word, lead = split_hedge(before)
        hedge = HEDGE_KIND.get(hedge_word, "exact")
        if MODAL.search(lead) and FORECAST.search(lead):
            continue  # "the toll could rise to over 100,000" is a forecast, not a count
        if SUPERSEDED.search(lead):
            continue  # "revised down from an initial report of 7.3": no longer anyone's figure
        if m.group("times"):
            if m.group("times").lower() == "once" and not once_counts(text, m.start(), m.end()):
                continue  # "once Gray had been hit", "once again": when, not how often
            value = {"once": 1.0, "twice": 2.0, "thrice": 3.0}[m.group("times").lower()]
            out.append(
                Figure(
                    m.group(0), value, value, value, "times", "times", "", "exact", "", m.start()
                )
            )
            continue
        if m.group("vague"):
            value_low, value_high = VAGUE[m.group("vague").lower()]
            value, dim = value_low, "count"
            low, high = (
                (value_low * 1.0, value_high) if hedge != "lower" else (value_low, value_high)
            )
            hedge = "vague"
            cur = ""
        else:
            raw = m.group("num")
            if raw[0].isdigit() or raw[0] == ".":
                value = float(raw.replace(",", ""))
            else:
                v = number_value(raw)
                if v is None:
                    continue
                value = v
            if raw.lower() in ("half", "half a", "half-a") and not m.group("scale"):
                continue
            if (
                raw.lower() == "one"
                and not m.group("scale")
                and (not _WORD_AFTER.match(after) or before[-3:].lower() == "no ")
            ):
                continue  # "one of them", "no one was hurt": not a count
            scale = (m.group("scale") or "").lower()
            if scale in _UNIT_OR_SCALE and not m.group("cur"):
                scale, end = "", m.end("num")  # "48m" is metres, not millions, unless money
                after = text[end : end + 60]
            value *= SCALE.get(scale) or SCALE_ABBR.get(scale) or SCALE_AFTER.get(scale, 1.0)
            if not m.group("cur") and not scale and raw[0].isdigit() and "," not in raw:
                if 1900 <= value <= 2100 and "." not in raw:
                    continue  # a year
                if YEAR_OR_DAY.search(before[-12:]) and value <= 31:
                    continue  # a day of the month
            name = NAME_BEFORE.search(before)
            if (
                name
                and name.group(1).lower() not in STOPWORDS
                and (
                    name.group(1).isupper()
                    or not LOWER_AFTER.match(after)
                    or names_number(name.group(1), after)
                )
            ):
                continue  # a name's number: "Flight 447", "Channel 16" (not "Gray, 16,")
            if raw[0] == "0" and len(raw) == 4 and raw.isdigit():
                continue  # "0845": a clock time
            if raw.isdigit() and a_code(text, m.start(), raw, before, after):
                continue  # "call police on 0845 125 2222": a telephone number or a code
            if NOT_A_COUNT.match(after) or _CLOCK_OR_ORDINAL.match(text, end, end + 2):
                continue  # a clock time or an ordinal
            rec = RECORD.match(text, end)
            if rec and raw.isdigit():
                owner = OWNER.findall(text[max(0, m.start() - 45) : m.start()])
                if not owner:
                    owner = OWNER_POSSESSIVE.findall(text[: m.start()])[:1]
                if owner and owner[-1].lower() not in STOPWORDS:
                    # "Riddick Bowe, 43-1, 33 KO's": a record is its owner's, and exact
                    record = text[m.start() : rec.end()].replace(" ", "")
                    key = value * 1e6 + sum(
                        int(g or 0) * 10 ** (3 - 3 * n) for n, g in enumerate(rec.groups())
                    )
                    out.append(
                        Figure(
                            record,
                            key,
                            key,
                            key,
                            "record:" + owner[-1].lower(),
                            "",
                            "",
                            "exact",
                            "",
                            m.start(),
                        )
                    )
                continue
            if _SCORE_BEFORE.search(before[-3:]):
                continue  # the second half of a score
            low, high = _range(value, hedge, raw if raw[:1].isdigit() or raw[:1] == "." else "")
            cur = CURRENCY.get((m.group("cur") or "").strip().lower(), "")
            dim = "count"
        # unit or counted noun after the figure
        am = AFTER.match(text, end)
        unit = (am.group("unit") or "").lower().replace("-", " ") if am else ""
        noun = ""
        if unit in UNIT and dim == "count":
            dim, factor = UNIT[unit]
            # a converted or calendar unit is rounded: "three-month" = "90-day", "30 miles" = "48km";
            # a metric one exact, but for the float's last bit ("5 cm" = "50 millimetres")
            loose = (
                0.04
                if unit.startswith(("month", "year", "mile", "feet", "foot", "square"))
                else 1e-9
            )
            low, high = low * factor * (1 - loose), high * factor * (1 + loose)
            value *= factor
            noun = unit
            if dim == "duration" and _ADJECTIVE_SPAN.match(text[m.end("num") : end + 3]):
                noun = "adjective"  # "a three-year deal": the length of a thing, not of a wait
        elif unit in CURRENCY and not cur:
            cur = CURRENCY[unit]
        if unit.startswith("year") and _YEARS_OLD.match(after):
            # whose age: "a 63-year-old woman" is not "a 38-year-old male"
            who = AGE_OF.match(text, am.end() if am else end)
            dim, noun = "age", person_of(who.group(1)) if who else ""
            value = value / 365.0
            low, high = value, value
        if cur:
            dim, noun = "money:" + cur, ""
            if out and out[-1].dim == dim and before.rstrip().endswith("("):
                continue  # "$US1 million ($1.52 million)": the sum in local dollars
        if _RATE_AFTER.match(text[end : end + 30]):
            dim += "/rate"  # "$4 million a year" is not a total
        elif unit in PER_DAY or (
            dim == "barrels"
            and _OIL_RATE_BEFORE.search(low_text, 0, m.start())
            and not _OIL_STOCK_BEFORE.search(low_text, max(0, m.start() - 40), m.start())
        ):
            dim += "/rate"  # "15.8 mln bpd" = "a ceiling of 15.8 mln barrels" = "... per day"
        if (
            _MAGNITUDE_BEFORE.search(before)
            or _MAGNITUDE_AFTER.match(after)
            or (
                out
                and out[-1].dim == "magnitude"
                and _RESTATED.search(before)
                and "." in text[m.start() : end]
            )
        ):
            # an aftershock's magnitude is not the quake's: the quake named right after the
            # figure is its own ("an aftershock of the magnitude 8.8, February 27 earthquake")
            own = _QUAKE_AFTER.match(text, end)
            shock = own.group(1).lower() == "aftershock" if own else "aftershock" in low_text
            dim, noun = "magnitude", "aftershock" if shock else ""
            # a magnitude is read to its tenth; a hedged one is a tenth or two either way
            # ("about 6.0" / "6.1-magnitude" agree; "5.9" / "6.1" are two agencies' readings)
            spread = _MAGNITUDE_HEDGES.get(hedge, (0.049, 0.049))
            low, high = value - spread[0], value + spread[1]
        if dim == "percent":
            # a change ("cut emissions by 25 percent", "a 3% rise") is not a share ("accounts
            # for about 20 percent of all emissions"): two measures
            if _PERCENT_CHANGE_BEFORE.search(before) or _PERCENT_CHANGE_AFTER.match(text, end):
                noun += "/change"
            elif _PERCENT_SHARE_AFTER.match(text, end):
                noun += "/share"
        if raw_is_calibre(text, m.start(), end):
            dim, noun = "calibre", ""
            low, high = value - 0.0005, value + 0.0005
        if dim == "distance":
            dm = _DIRECTION_OF.match(text[am.end() if am else end :][:60])
            if dm:  # "150 nautical miles west of Aden": the direction is part of the measure
                noun = f"{dm.group(1).replace('-', '').lower()} of {dm.group(2)}"
        joined = False
        if dim == "count":
            # the noun phrase after the figure: "two speed boats", "seven AK-47 assault rifles"
            noun = counts.noun(end)
            # "a seven-storey building", "a two-car crash": no count of people
            joined = not noun and JOINED_NOUN.match(text, end) is not None
            named = _NAMED_BEFORE.search(before)
            if _COMMA_AFTER.match(after) and named:
                dim, noun = "age", named.group(1).lower()  # "Eric Kirkpatrick, 61, surrendered"
            if _AGE_BEFORE.search(before):
                dim, noun = "age", ""
        if dim == "count" and _AGES_AFTER.match(after):
            dim = "age"  # "8- and 10-year-old girls"
        role = ""
        if dim == "count" and may_count_people(noun) and not joined:
            role = counts.role(m.start(), end, noun)
        part = counts.part(m.start(), end, role, cumulative)
        figure_text = (hedge_word + " " if hedge_word else "") + text[m.start() : end].strip()
        if dim not in ("count", "age") and am and unit in UNIT and not dim.startswith("money"):
            figure_text = (hedge_word + " " if hedge_word else "") + text[m.start() : am.end()]
        out.append(
            Figure(
                figure_text.strip(),
                value,
                low,
                high,
                dim,
                noun,
                role,
                hedge,
                part,
                m.start(),
                tuple(_LETTERS.findall(low_text[end : end + 60])),
            )
        )
    return [hits(text, f) for f in out] if "shot" in low_text or "bullet" in low_text else out
