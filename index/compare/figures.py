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
hedges and the patterns around a figure in :mod:`index.compare.figure_patterns`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from index.compare.figure_hits import hits
from index.compare.figure_patterns import (
    AFTER,
    AGE_OF,
    ALONE,
    ANY_ROLE,
    CUMULATIVE,
    FILLER,
    FORECAST,
    FROM_LOCALITY,
    HEDGE_KIND,
    LOWER_AFTER,
    MODAL,
    NAME_BEFORE,
    NOT_A_COUNT,
    OWNER,
    OWNER_POSSESSIVE,
    PART,
    PART_AFTER,
    PART_BEFORE,
    RECORD,
    SEEN,
    STOPWORDS,
    SUPERSEDED,
    VERBISH,
    YEAR_OR_DAY,
    may_count_people,
    names_number,
    person_of,
    phone_number,
    split_hedge,
)
from index.compare.numbers import SCALE, SCALE_ABBR, VAGUE, clean, number_value, scan
from index.compare.units import CURRENCY, UNIT

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


# A count of the most or least of something is a part of the whole ("the four hardest-hit
# villages" of seven damaged, "the three largest banks")
_SUPERLATIVE = re.compile(
    r"\s+(?:most\s+\w+|least\s+\w+|(?:hardest|worst|best|largest|biggest|smallest|highest|lowest|"
    r"strongest|deadliest|busiest|oldest|youngest|richest|poorest|heaviest)(?:-\w+)?)\b",
    re.IGNORECASE,
)
# The verb of a count's own clause, right after it (and its noun): "hundreds are still suffering"
_OWN_VERB = re.compile(
    r"\s*(?:more\s+|others?\s+|still\s+)?(?:are|were|is|was|have|has|had|remain\w*|will|would|may|"
    r"might|could)\b"
)


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


# a bare number between digit groups ("0845 125 2222") is part of a telephone number or a code
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
_CODE_BEFORE = re.compile(
    r"\d{3,}[ ]$|\b(?:flight|route|highway|interstate|gate|room|channel|chapter|article|"
    r"section|platform|terminal|bus|line|no\.|number|apollo|boeing|airbus)[ ]$",
    re.IGNORECASE,
)  # "0800 555", "flight 447", "Route 66": a name's number
_CODE_AFTER = re.compile(r"[ ]\d{3,}\b")
_SLASHED = re.compile(r"/\d")  # "7/7", "24/7": a date or a name, not a count
# most words capitalised: a headline ("80 Hurt and 7 Villages Damaged"), where a capital marks no name
_TITLE_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")


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
_MAGNITUDE_BEFORE = re.compile(r"magnitude(?: of| at)?\s*$", re.IGNORECASE)
# a bare decimal said of "it" after a magnitude is one: "put the magnitude at 5.9, but the
# survey said it was 6.1"
_RESTATED = re.compile(r"\bit\s+(?:was|is|at)\s*$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"([A-Z][a-z]+),\s*$")
_COMMA_AFTER = re.compile(r"\s*,")
_AGE_BEFORE = re.compile(r"\bage[sd]?\s*(?:\d+\s*(?:and|,)\s*)?$", re.IGNORECASE)
_AGES_AFTER = re.compile(r"[\s-]*(?:and|or|,)\s*\d+[\s-]*years?[\s-]*old")
_ALONE = re.compile(ALONE)
_THE_OTHER_BEFORE = re.compile(r"\bthe other\s*$", re.IGNORECASE)
_OTHER_AFTER = re.compile(r"\s+other\b")
_THE_BEFORE = re.compile(r"\bthe\s*$", re.IGNORECASE)
_ANOTHER_BEFORE = re.compile(r"\banother\s*$", re.IGNORECASE)
_OF_THE_AFTER = re.compile(r"\s+of (?:the|all)\b")
_RATE_AFTER = re.compile(
    r"[\s\w-]{0,12}?\b(?:a|per|each) (?:year|month|week|day|hour)\b|\s*annually"
)
_MAGNITUDE_AFTER = re.compile(r"[\s-]*(?:magnitude|on the richter)", re.IGNORECASE)
_DIRECTION_OF = re.compile(
    r"\s*(?:\([^)]*\)\s*)?((?:north|south|east|west|north-?east|north-?west|"
    r"south-?east|south-?west)(?:ward)?)\s+of\s+([A-Z][\w-]+)"
)
# a count of those a carrier holds ("a ferry carrying 40 passengers and 6 crew"): a relative
# clause after it opened by "that" or "which" may tell of the carrier as well as of them
_CARRIED = re.compile(
    r"\b(?:carrying|carried|ferrying|transporting)\s+(?:[\w'-]+,?\s+){0,6}$", re.IGNORECASE
)
_WHICH_CLAUSE = re.compile(r"\b(?:that|which)\b")
_NOUN_RUN = re.compile(r"[\s\"”’']*(?:of\s+)?((?:[A-Za-z][\w'-]*\s*){1,4})")


# words that say when: "10 people killed yesterday morning" is no compound noun
_WHEN_WORDS = frozenset(
    "yesterday today tonight morning afternoon evening night overnight earlier later week "
    "weekend month year".split()
)


def _compound(rest: list[str], text: str, at: int) -> bool:
    """Whether a participle after a singular noun inside a counted noun's phrase is a modifier
    of a compound noun that ends a list's item ("one rocket propelled grenade launcher,
    grenades"): two words or more after it, none a stop word, verb, adverb or word of time, then
    a comma, stop or the end."""
    return (
        len(rest) >= 2
        and all(
            w.islower()
            and w not in STOPWORDS
            and w not in _WHEN_WORDS
            and not w.endswith("ly")
            and not VERBISH.match(w)
            for w in rest
        )
        and (at >= len(text) or text[at] in ",.;)")
    )


def _title_case(text: str) -> bool:
    words = _TITLE_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def figures(text: str, words: AbstractSet[str] | None = None) -> list[Figure]:
    """Every quantity of one (cleaned) sentence, in order; ``words``, when given, are its
    lower-case runs of letters (see :func:`index.compare.numbers.scan`)."""
    out: list[Figure] = []
    found = scan(text, words)
    if not found:
        return out
    low_text = text.lower()
    roles: list[str] | None = None
    headline: bool | None = None  # read when a capitalised word follows a count
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
            if scale in SCALE_ABBR and not m.group("cur"):
                scale, end = "", m.end("num")  # "48m" is metres, not millions, unless money
                after = text[end : end + 60]
            value *= SCALE.get(scale, SCALE_ABBR.get(scale, 1.0))
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
            if raw.isdigit() and (
                _CODE_BEFORE.search(before)
                or _CODE_AFTER.match(after)
                or _SLASHED.match(after)
                or before.endswith("/")
                or phone_number(text, m.start(), raw, after)
            ):
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
            # a converted or calendar unit is rounded: "three-month" = "90-day", "30 miles" = "48km"
            loose = (
                0.04
                if unit.startswith(("month", "year", "mile", "feet", "foot", "square"))
                else 0.0
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
            low, high = value - 0.049, value + 0.049
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
        if dim == "count":
            # the noun phrase after the figure: "two speed boats", "seven AK-47 assault rifles"
            run = _NOUN_RUN.match(text[end : end + 50])
            phrase: list[str] = []
            run_words = run.group(1).split() if run else []
            run_end = end + run.end() if run else end
            for k, w in enumerate(run_words):
                lw = w.lower()
                if lw in STOPWORDS or VERBISH.match(lw):
                    if (
                        lw not in STOPWORDS
                        and phrase
                        and not phrase[-1].endswith("s")  # ("two boys killed almost at once")
                        and _compound(run_words[k + 1 :], text, run_end)
                    ):
                        continue  # "one rocket propelled grenade launcher,": a modifier
                    break
                capital = w[0].isupper() and lw.isalpha() and len(lw) > 3
                if capital and headline is None:
                    headline = _title_case(text)
                if lw not in FILLER and (headline or not capital):
                    phrase.append(lw)
            noun = " ".join(phrase[:3])
            named = _NAMED_BEFORE.search(before)
            if _COMMA_AFTER.match(after) and named:
                dim, noun = "age", named.group(1).lower()  # "Eric Kirkpatrick, 61, surrendered"
            if _AGE_BEFORE.search(before):
                dim, noun = "age", ""
        if dim == "count" and _AGES_AFTER.match(after):
            dim = "age"  # "8- and 10-year-old girls"
        role = ""
        if dim == "count" and may_count_people(noun):
            # the nearest role word on either side ("killing 10 people and injuring 80")
            near_after = low_text[end : end + 40]
            near_before = low_text[max(0, m.start() - 45) : m.start()]
            best = 99.0
            carried = _CARRIED.search(text, max(0, m.start() - 60), m.start())
            for hit in ANY_ROLE.finditer(near_after):
                gap = near_after[: hit.start()]
                if noun and ("," in gap or ";" in gap or "(" in gap):
                    continue  # "222,570 deaths, 1,300,000 refugees": its own noun says what
                if (carried or "aboard" in gap or "on board" in gap) and _WHICH_CLAUSE.search(gap):
                    # "a plane carrying 216 passengers and 12 crew that disappeared": the clause
                    # tells of the carrier; the count is of those aboard ("who died" is theirs)
                    continue
                # "10 people killed" but not "six people, injured almost 50"
                d = len(gap) - len(noun) + (20 if ("," in gap or ";" in gap or "(" in gap) else 0)
                if d < best:
                    best, role = d, str(hit.lastgroup)
            # a count that is the subject of its own verb ("and hundreds are still suffering",
            # "and hundreds were hurt") takes its role from that verb alone, never from a role
            # word told before it of others ("People died, ... and hundreds are still suffering")
            rest = low_text[end:].lstrip()
            if noun and rest.startswith(noun.lower()):
                rest = rest[len(noun) :]
            own_verb = _OWN_VERB.match(rest) is not None
            for hit in () if own_verb else ANY_ROLE.finditer(near_before):
                gap = near_before[hit.end() :]
                if noun and ("," in gap or ";" in gap or ")" in gap):
                    continue
                d = 0 if split_hedge(gap.strip())[0] == gap.strip() else len(gap)
                d += 20 if ("," in gap or ";" in gap or ")" in gap) else 0
                if d < best:
                    best, role = d, str(hit.lastgroup)
            if not role:
                # a count with no role word of its own takes the sentence's only one ("the death
                # toll ... continues to rise, passing 80,000 people"), told before it: "a jury of
                # six men ... to choose death" counts no dead
                if roles is None:
                    roles = sorted({str(h.lastgroup) for h in ANY_ROLE.finditer(low_text)})
                told_before = len(roles) == 1 and ANY_ROLE.search(low_text, 0, m.start())
                # (not a count of its own kind: "222,570 deaths, 1,300,000 refugees")
                generic = not noun or noun.split()[-1] in ("people", "persons", "victims")
                role = roles[0] if told_before and generic and not own_verb else ""
        part = "so far" if cumulative else ""
        pm = PART.match(text, end)
        if not pm and ("alone" in before or "includ" in before or "among" in before):
            pm = PART_BEFORE.search(text[max(0, m.start() - 50) : m.start()])
        am_part = PART_AFTER.match(text, end) if "alone" in text[end : end + 80] else None
        if pm:
            alone = _ALONE.search(pm.group(0))
            part = (alone or pm).group(0).strip(" ,")
        elif am_part:
            part = am_part.group(1).strip()
        if not part and (
            _THE_OTHER_BEFORE.search(before)
            or (_OTHER_AFTER.match(after) and _THE_BEFORE.search(before))
        ):
            part = (
                "the other"  # "the other 14 sailors", "the two other victims": the rest of a group
            )
        if not part and SEEN.search(before):
            part = "seen"  # 'a reporter said he had seen "dozens of dead"': what one witness saw
        if not part and role:
            local = FROM_LOCALITY.match(text, end)
            if local:  # "Two people from Zinbi village were hurt": some of the hurt
                part = local.group(1)
        if not part and _ANOTHER_BEFORE.search(before):
            part = "another"  # "another 20,000 people marched": more, besides those counted
        if _OF_THE_AFTER.match(after) and not part:
            part = "of the"  # "30 of the 80 wounded": a part of the next figure
        if not part and _SUPERLATIVE.match(after):
            part = "the " + after.split()[0]  # "the four hardest-hit villages": some of them
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
