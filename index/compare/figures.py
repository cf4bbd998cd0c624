"""Figures in a news sentence: what is measured, how much, how hedged and over what scope.

``figures(text)`` reads every quantity of one sentence once (the caller caches it per sentence):
digits and number words ("Fifty-two", "a dozen", "half a billion"), vague amounts ("thousands"),
hedges ("passing", "more than", "as many as", "nearly"), units folded onto one base unit per
dimension ("30 miles" and "48km" meet in km, "170,000-square-foot" and "15,800-square-metre" in m2,
"three-month" and "90-day" in days), and the scope of a part ("in Aceh province alone", "15 of
them"). Each figure becomes a range of plausible true values, so that comparing two figures is a
question of overlap: a lower bound that fits the other figure is not a conflict.

ECB+ texts carry tokenisation artefacts ("1, 500", "2: 56", "9. 25 a. m.", "a. 357"); ``clean``
undoes them before anything is read. Lexicons here are generic, never the words of one story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.compare.numbers import SCALE, SCALE_ABBR, VAGUE, clean, number_value, scan

__all__ = ["Figure", "clean", "figures", "number_value"]

_LETTERS = re.compile(r"[a-z]+")

# --- units and measures ---------------------------------------------------------------------------

# unit word (lower case, as written) -> (dimension, factor onto the dimension's base unit)
_UNIT = {
    "km": ("distance", 1.0),
    "kms": ("distance", 1.0),
    "kilometer": ("distance", 1.0),
    "kilometers": ("distance", 1.0),
    "kilometre": ("distance", 1.0),
    "kilometres": ("distance", 1.0),
    "mile": ("distance", 1.609),
    "miles": ("distance", 1.609),
    "nautical mile": ("distance", 1.852),
    "nautical miles": ("distance", 1.852),
    "meter": ("distance", 1e-3),
    "meters": ("distance", 1e-3),
    "metre": ("distance", 1e-3),
    "metres": ("distance", 1e-3),
    "m": ("distance", 1e-3),
    "feet": ("distance", 3.048e-4),
    "foot": ("distance", 3.048e-4),
    "ft": ("distance", 3.048e-4),
    "yards": ("distance", 9.144e-4),
    "square foot": ("area", 0.0929),
    "square feet": ("area", 0.0929),
    "square metre": ("area", 1.0),
    "square metres": ("area", 1.0),
    "square meter": ("area", 1.0),
    "square meters": ("area", 1.0),
    "square kilometers": ("area", 1e6),
    "square kilometres": ("area", 1e6),
    "square km": ("area", 1e6),
    "sq km": ("area", 1e6),
    "square miles": ("area", 2.59e6),
    "square mile": ("area", 2.59e6),
    "hectares": ("area", 1e4),
    "hectare": ("area", 1e4),
    "acres": ("area", 4047.0),
    "acre": ("area", 4047.0),
    "second": ("duration", 1 / 86400),
    "seconds": ("duration", 1 / 86400),
    "minute": ("duration", 1 / 1440),
    "minutes": ("duration", 1 / 1440),
    "hour": ("duration", 1 / 24),
    "hours": ("duration", 1 / 24),
    "day": ("duration", 1.0),
    "days": ("duration", 1.0),
    "week": ("duration", 7.0),
    "weeks": ("duration", 7.0),
    "month": ("duration", 30.4),
    "months": ("duration", 30.4),
    "year": ("duration", 365.0),
    "years": ("duration", 365.0),
    "percent": ("percent", 1.0),
    "per cent": ("percent", 1.0),
    "%": ("percent", 1.0),
    "pc": ("percent", 1.0),
    "kg": ("mass", 1.0),
    "kilograms": ("mass", 1.0),
    "tons": ("mass", 1000.0),
    "tonnes": ("mass", 1000.0),
    "pounds": ("mass", 0.4536),
    "times": ("times", 1.0),
    "magnitude": ("magnitude", 1.0),
    "caliber": ("calibre", 1.0),
    "calibre": ("calibre", 1.0),
}
_CURRENCY = {
    "$us": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
    "rupees": "INR",
}
# Words that say what a count of people is a count of, whatever noun is counted.
_ROLES = [
    # "the death penalty", "put to death" and "a death sentence" count no dead
    (
        "dead",
        re.compile(
            r"\b(?:kill\w*|dead|deaths?(?! (?:penalty|sentence|row|warrant))|died|die|"
            r"dying|fatalit\w+|death toll|toll|lives|perished|victims|drown\w*)"
            r"\b(?<!to death)"
        ),
    ),
    ("shot", re.compile(r"\b(?:shot|shooting|gunned)\b")),
    ("injured", re.compile(r"\b(?:injur\w*|wound\w*|hurt|hospitali[sz]ed|treatment)\b")),
    ("missing", re.compile(r"\b(?:missing|unaccounted)\b")),
    ("affected", re.compile(r"\b(?:affected|impacted)\b")),
    ("homeless", re.compile(r"\b(?:homeless|without (?:homes|shelter)|displaced)\b")),
    ("evacuated", re.compile(r"\bevacuat\w+\b")),
    ("arrested", re.compile(r"\b(?:arrest\w*|detain\w*|held)\b")),
]
# one word boundary before the alternatives, not one in each: the engine then tries them only where
# a word begins (three times faster over a report)
if not all(rx.pattern.startswith(r"\b") for _, rx in _ROLES):
    raise ValueError("each role pattern must open with a word boundary (see _ANY_ROLE)")
_ANY_ROLE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{rx.pattern[2:]})" for name, rx in _ROLES) + ")"
)
_HEDGES = [
    # (pattern before the figure, kind): ranges are widened in ``_range``
    (
        (
            r"more than|over|passing|passed|passes|past|exceeding|exceeded|exceeds|above|at least|"
            r"upwards of|in excess of|topping|topped|tops|surpassing|surpassed|surpasses|beyond"
        ),
        "lower",
    ),
    (r"nearly|almost|close to|just under|just below|approaching|nearing|closing in on", "near"),
    (r"as many as|up to|as much as|at most|no more than", "upper"),
    (r"fewer than|less than|under|below", "under"),
    (
        (
            r"about|around|roughly|approximately|some|an estimated|estimated|approx\.?|circa|nearly "
            r"about|more or less"
        ),
        "about",
    ),
]
_SUPERSEDED = re.compile(
    r"\b(?:initial(?:ly)?|preliminary|originally|first reported|earlier estimate[sd]?|revised "
    r"(?:down|up)(?:ward)? from)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    r"\b(?:so far|thus far|to date|a total of|in total|altogether|in all)\b", re.IGNORECASE
)
_MODAL = re.compile(r"\b(?:could|may|might|would|will|to)\b", re.IGNORECASE)


def _hedge(before: str) -> tuple[str, str]:
    """The hedge ending ``before`` ("more than ") and the text before it."""
    words = before.rstrip().rsplit(None, 4)
    for k in (4, 3, 2, 1):
        if len(words) >= k:
            phrase = " ".join(words[-k:]).lower().lstrip("\"“‘'(")
            if phrase in _HEDGE_KIND:
                return phrase, " ".join(words[:-k]) + " "
    return "", before


_HEDGE_KIND: dict[str, str] = {}
for _pat, _kind in _HEDGES:
    for _w in _pat.split("|"):
        _HEDGE_KIND[_w.replace("\\.?", "").replace("\\", "")] = _kind

_RECORD = re.compile(r"\s*-\s*(\d+)(?:\s*-\s*(\d+))?(?![\d-])")
_OWNER = re.compile(r"\b([A-Z][a-z]{2,})\b")
_NAME_BEFORE = re.compile(r"\w[\s-]+([A-Z][a-z]+|[A-Z]{1,4})\.? $")
_LOWER_AFTER = re.compile(r"[\s,]*(?:[a-z]|%)")
_AFTER = re.compile(
    r"\s*-?\s*(?P<unit>nautical[- ]miles?|square[- ](?:feet|foot|metres?|meters?|kilometers?"
    r"|kilometres?|km|miles?)|sq km|per cent|%|[a-z]+)?",
    re.IGNORECASE,
)
_ALONE = r"(?:\b(?:in|on|for)\s+)?(?:\b[A-Z][\w'’-]*\s+){0,3}(?:\b[a-z]+\s+)?alone\b"
_PART_BEFORE = re.compile(_ALONE + r"[^.;]{0,30}$|\b(?:including|among them)\s+(?:\S+\s+){0,2}$")
_PART_AFTER = re.compile(r"[^;]{0,50}?(" + _ALONE + ")")
_FORECAST = re.compile(
    r"\b(?:could|may|might|would|will|expected to|likely to|feared to|set to|projected to)\s+"
    r"(?:\w+\s+)?(?:rise|increase|climb|grow|reach|top|exceed|double|soar|jump)\w*\s+(?:to\s+)?$",
    re.IGNORECASE,
)
_PART = re.compile(r"[\s,]*(?:[a-z]+\s+)?of (?:them|whom|those|these)\b", re.IGNORECASE)
_YEAR_OR_DAY = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)
_NOT_A_COUNT = re.compile(
    r"^(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt|utc|bst|est|cet|local|hours?\b(?!\s+(?:of|after|later|"
    r"before|ago|earlier))|o'clock|st\b|nd\b|rd\b|th\b))",
    re.IGNORECASE,
)
# adjectives and fillers between a figure and its counted noun
_FILLER = frozenset(
    [
        "other",
        "more",
        "additional",
        "further",
        "new",
        "small",
        "large",
        "big",
        "young",
        "old",
        "some",
        "of",
        "the",
        "its",
        "their",
        "his",
        "her",
        "people's",
        "slightly",
        "seriously",
        "badly",
        "critically",
        "severely",
        "at",
        "least",
        "about",
    ]
)


_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "than",
        "then",
        "said",
        "says",
        "after",
        "before",
        "into",
        "per",
        "each",
        "outside",
        "inside",
        "near",
        "during",
        "across",
        "around",
        "within",
        "without",
        "against",
        "among",
        "under",
        "over",
        "behind",
        "along",
        "toward",
        "towards",
        "amid",
        "across",
        "off",
        "since",
        "while",
        "when",
        "where",
    ]
)
_VERBISH = re.compile(r".{4,}(?:ed|ing)$|^(?:died|dead|hurt|left|lost|won|fled|held)$")
_AGE_OF = re.compile(r"[\s-]*(?:old\s+)?((?:[a-z]+\s+)?[a-z]+)")
_MALE = frozenset(["man", "men", "male", "boy", "boys", "father", "son", "husband", "brother"])
_FEMALE = frozenset(
    ["woman", "women", "female", "girl", "girls", "mother", "daughter", "wife", "sister"]
)


def _person(words: str) -> str:
    """Whom an age is of, as far as a sex or a noun says ("woman", "man"); "" when unsaid."""
    for w in words.split():
        if w in _MALE:
            return "male"
        if w in _FEMALE:
            return "female"
    return ""


_PEOPLE = frozenset(
    [
        "people",
        "persons",
        "person",
        "men",
        "women",
        "children",
        "kids",
        "boys",
        "girls",
        "soldiers",
        "troops",
        "civilians",
        "residents",
        "villagers",
        "passengers",
        "crew",
        "members",
        "staff",
        "workers",
        "fighters",
        "victims",
        "dead",
        "injured",
        "wounded",
        "pirates",
        "police",
        "officers",
        "students",
        "protesters",
        "tourists",
        "miners",
        "sailors",
        "refugees",
        "man",
        "woman",
        "child",
        "kid",
        "boy",
        "girl",
        "soldier",
        "civilian",
        "resident",
        "villager",
        "passenger",
        "member",
        "worker",
        "fighter",
        "victim",
        "pirate",
        "officer",
        "student",
        "protester",
        "tourist",
        "miner",
        "sailor",
        "refugee",
    ]
)


def _personal(noun: str) -> bool:
    """True when a counted noun may be a count of people (or is not said)."""
    if not noun:
        return True
    for head in noun.split():
        if any(rx.fullmatch(head) for _, rx in _ROLES):
            return True  # "80,000 dead", "80,000 death"
        if head in _PEOPLE or head.endswith(("ers", "ians", "ists", "ees")):
            return True
    return False


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
    digits = re.sub(r"\D", "", written.split(".")[0])
    shown = float(written.replace(",", "")) if written else value
    zeros = len(digits) - len(digits.rstrip("0")) if digits and shown >= 100 else 0
    slack = min(0.05, 0.5 * 10**zeros / shown) if zeros else 0.0
    if "." in written:  # "5.9", "1.5 million": rounded to the last decimal
        slack = max(slack, 0.5 * 10 ** -len(written.split(".")[1]) / max(shown, 1e-9))
    lo, hi = value * (1 - slack), value * (1 + slack)
    if hedge == "lower":  # "more than 120,000": news round down to the figure just passed
        return value, value * 1.4
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


def figures(text: str) -> list[Figure]:
    """Every quantity of one (cleaned) sentence, in order."""
    out: list[Figure] = []
    found = scan(text)
    if not found:
        return out
    low_text = text.lower()
    roles: list[str] | None = None
    # "has confiscated a total of 14 rifles so far": a running total, not one event's count
    cumulative = bool(_CUMULATIVE.search(text))
    for m in found:
        before = text[max(0, m.start() - 30) : m.start()]
        end = m.end()
        after = text[end : end + 60]
        hedge_word, lead = _hedge(before)
        hedge = _HEDGE_KIND.get(hedge_word, "exact")
        if _MODAL.search(lead) and _FORECAST.search(lead):
            continue  # "the toll could rise to over 100,000" is a forecast, not a count
        if _SUPERSEDED.search(lead):
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
                and (not re.match(r"[\s-]*[a-z]", after) or before[-3:].lower() == "no ")
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
                if _YEAR_OR_DAY.search(before[-12:]) and value <= 31:
                    continue  # a day of the month
            name = _NAME_BEFORE.search(before)
            if (
                name
                and name.group(1).lower() not in _STOPWORDS
                and (name.group(1).isupper() or not _LOWER_AFTER.match(after))
            ):
                continue  # a name's number: "Flight 447", "Channel 16" (not "Gray, 16,")
            if raw[0] == "0" and len(raw) == 4 and raw.isdigit():
                continue  # "0845": a clock time
            if _NOT_A_COUNT.match(after) or re.match(r"[:.]\d", text[end : end + 2]):
                continue  # a clock time or an ordinal
            rec = _RECORD.match(text, end)
            if rec and raw.isdigit():
                owner = _OWNER.findall(text[max(0, m.start() - 45) : m.start()])
                if owner and owner[-1].lower() not in _STOPWORDS:
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
            if re.search(r"\d\s*-\s*$", before[-3:]):
                continue  # the second half of a score
            low, high = _range(value, hedge, raw if raw[:1].isdigit() or raw[:1] == "." else "")
            cur = _CURRENCY.get((m.group("cur") or "").strip().lower(), "")
            dim = "count"
        # unit or counted noun after the figure
        am = _AFTER.match(text, end)
        unit = (am.group("unit") or "").lower().replace("-", " ") if am else ""
        [
            w.lower()
            for w in re.findall(r"[A-Za-z][\w'-]*|%", text[end : end + 50])
            if not w[0].isupper()  # "10,000 DPRK soldiers": the counted noun is "soldiers"
        ]
        noun = ""
        if unit in _UNIT and dim == "count":
            dim, factor = _UNIT[unit]
            # a converted or calendar unit is rounded: "three-month" = "90-day", "30 miles" = "48km"
            loose = (
                0.04
                if unit.startswith(("month", "year", "mile", "feet", "foot", "square"))
                else 0.0
            )
            low, high = low * factor * (1 - loose), high * factor * (1 + loose)
            value *= factor
            noun = unit
            if dim == "duration" and re.match(r"-\w+-?\s*[a-z]", text[m.end("num") : end + 3]):
                noun = "adjective"  # "a three-year deal": the length of a thing, not of a wait
        elif unit in _CURRENCY and not cur:
            cur = _CURRENCY[unit]
        if unit.startswith("year") and re.match(r"[\s-]*years?[\s-]*old", after, re.IGNORECASE):
            # whose age: "a 63-year-old woman" is not "a 38-year-old male"
            who = _AGE_OF.match(text, am.end() if am else end)
            dim, noun = "age", _person(who.group(1)) if who else ""
            value = value / 365.0
            low, high = value, value
        if cur:
            dim, noun = "money:" + cur, ""
            if out and out[-1].dim == dim and before.rstrip().endswith("("):
                continue  # "$US1 million ($1.52 million)": the sum in local dollars
        if re.match(
            r"[\s\w-]{0,12}?\b(?:a|per|each) (?:year|month|week|day|hour)\b|\s*annually",
            text[end : end + 30],
        ):
            dim += "/rate"  # "$4 million a year" is not a total
        if re.search(r"magnitude(?: of)?\s*$", before, re.IGNORECASE) or re.match(
            r"[\s-]*(?:magnitude|on the richter)", after, re.IGNORECASE
        ):
            # an aftershock's magnitude is not the quake's
            dim, noun = "magnitude", "aftershock" if "aftershock" in low_text else ""
            low, high = value - 0.049, value + 0.049
        if raw_is_calibre(text, m.start(), end):
            dim, noun = "calibre", ""
            low, high = value - 0.0005, value + 0.0005
        if dim == "distance":
            dm = re.match(
                r"\s*(?:\([^)]*\)\s*)?((?:north|south|east|west|north-?east|north-?west|"
                r"south-?east|south-?west)(?:ward)?)\s+of\s+([A-Z][\w-]+)",
                text[am.end() if am else end :][:60],
            )
            if dm:  # "150 nautical miles west of Aden": the direction is part of the measure
                noun = f"{dm.group(1).replace('-', '').lower()} of {dm.group(2)}"
        if dim == "count":
            # the noun phrase after the figure: "two speed boats", "seven AK-47 assault rifles"
            run = re.match(
                r"[\s\"”’']*(?:of\s+)?((?:[A-Za-z][\w'-]*\s*){1,4})", text[end : end + 50]
            )
            phrase = []
            for w in run.group(1).split() if run else []:
                lw = w.lower()
                if lw in _STOPWORDS or _VERBISH.match(lw):
                    break
                if lw not in _FILLER and not (w[0].isupper() and lw.isalpha() and len(lw) > 3):
                    phrase.append(lw)
            noun = " ".join(phrase[:3])
            named = re.search(r"([A-Z][a-z]+),\s*$", before)
            if re.match(r"\s*,", after) and named:
                dim, noun = "age", named.group(1).lower()  # "Eric Kirkpatrick, 61, surrendered"
            if re.search(r"\bages?\s*(?:\d+\s*(?:and|,)\s*)?$", before, re.IGNORECASE):
                dim, noun = "age", ""
        if dim == "count" and re.match(r"[\s-]*(?:and|or|,)\s*\d+[\s-]*years?[\s-]*old", after):
            dim = "age"  # "8- and 10-year-old girls"
        role = ""
        if dim == "count" and _personal(noun):
            # the nearest role word on either side ("killing 10 people and injuring 80")
            near_after = low_text[end : end + 40]
            near_before = low_text[max(0, m.start() - 45) : m.start()]
            best = 99.0
            for hit in _ANY_ROLE.finditer(near_after):
                gap = near_after[: hit.start()]
                # "10 people killed" but not "six people, injured almost 50"
                d = len(gap) - len(noun) + (20 if ("," in gap or ";" in gap or "(" in gap) else 0)
                if d < best:
                    best, role = d, str(hit.lastgroup)
            for hit in _ANY_ROLE.finditer(near_before):
                gap = near_before[hit.end() :]
                d = 0 if _hedge(gap.strip())[0] == gap.strip() else len(gap)
                d += 20 if ("," in gap or ";" in gap or ")" in gap) else 0
                if d < best:
                    best, role = d, str(hit.lastgroup)
            if not role:
                # a count with no role word of its own takes the sentence's only one ("the death
                # toll ... continues to rise, passing 80,000 people")
                if roles is None:
                    roles = sorted({str(h.lastgroup) for h in _ANY_ROLE.finditer(low_text)})
                role = roles[0] if len(roles) == 1 else ""
        part = "so far" if cumulative else ""
        pm = _PART.match(text, end)
        if not pm and ("alone" in before or "includ" in before or "among" in before):
            pm = _PART_BEFORE.search(text[max(0, m.start() - 50) : m.start()])
        am_part = _PART_AFTER.match(text, end) if "alone" in text[end : end + 80] else None
        if pm:
            alone = re.search(_ALONE, pm.group(0))
            part = (alone or pm).group(0).strip(" ,")
        elif am_part:
            part = am_part.group(1).strip()
        if re.match(r"\s+of (?:the|all)\b", after) and not part:
            part = "of the"  # "30 of the 80 wounded": a part of the next figure
        figure_text = (hedge_word + " " if hedge_word else "") + text[m.start() : end].strip()
        if dim not in ("count", "age") and am and unit in _UNIT and not dim.startswith("money"):
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
    return out
