"""What one sentence says, read once: its figures, dates, weekdays, clock times, the cues of its
status and certainty, and whom it credits.

``read_all`` reads every sentence of a report for ``index.compare.conflicts``; each reading runs only when a
word it needs is there, and the cues (``cues``) are read on first use, so that two 2,000-word
reports are read in a few milliseconds. Lexicons are generic, never the words of one story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from index.compare.figures import Figure, clean, figures
from index.compare.words import STOP, stem
from index.models import Sentence
from index.vocabulary import MONTH_ABBREVIATIONS, MONTHS

__all__ = [
    "DAYS",
    "FATES",
    "ClockTime",
    "Cues",
    "Reading",
    "cues",
    "denials",
    "read_all",
    "same_source",
    "time_gap",
]

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


def _dates(text: str) -> dict[tuple[int, int], str]:
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


def _times(text: str) -> list[ClockTime]:
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


def time_gap(x: ClockTime, y: ClockTime) -> int:
    d = abs(x.minutes - y.minutes) % 1440
    d = min(d, 1440 - d)
    if x.twelve or y.twelve:
        d = min(d, abs(d - 720))
    return d


# --- status and certainty cues ------------------------------------------------------------------------

_PROSPECTIVE = re.compile(
    r"\b(?:undergoing training|being trained|in training|training|to be deployed|could (?:\w+ )?be "
    r"deployed|potential deployment|preparing|prepare|plans? to|set to|rumou?red to|expected to|"
    r"will be sent|would be sent)\b",
    re.IGNORECASE,
)
_ACTUAL = re.compile(
    r"\b(?:ha(?:ve|s) joined|joined the (?:conflict|war|fighting|battle)|fought|fighting alongside|"
    r"engag(?:ed|ing) in (?:combat|battle|fighting|their first)|combat operations|first (?:clash|"
    r"battles?)|clash(?:ed)? with|were killed)\b"
    r"|\b(?:ha(?:ve|s) been (?:sent|deployed)|ha(?:ve|s) sent|arrived|began (?:their|fighting|"
    r"arriving)|begun)\b",
    re.IGNORECASE,
)


def _actual(text: str) -> re.Match[str] | None:
    """The strongest cue that a prospective event has happened (fighting before arriving)."""
    hits = list(_ACTUAL.finditer(text))
    strong = [
        h
        for h in hits
        if h.lastindex is None
        and not re.match(
            r"ha(?:ve|s) (?:been )?(?:sent|deployed)|arrived|began|begun", h.group(0), re.IGNORECASE
        )
    ]
    return strong[0] if strong else (hits[0] if hits else None)


_HEDGED = re.compile(
    r"\b(?:rumou?red|reportedly|allegedly|alleged|unconfirmed|unverified|if verified|suspected|"
    r"believed to|thought to|possibl[ey]|potentially|considering|could have|may have|might have|"
    r"speculat\w*|unclear|not yet (?:known|confirmed))\b",
    re.IGNORECASE,
)
_CONFIRMED = re.compile(
    r"\b(?:confirmed|confirms|verified|officially|acknowledged|deliberately|intentionally)\b",
    re.IGNORECASE,
)
# Two accounts of one fate: (cue of one side, cue of the other, how to say it).
FATES = [
    (
        re.compile(r"\brescu\w+", re.IGNORECASE),
        re.compile(
            r"\b(?:captur\w+|apprehend\w*|arrest\w*|detain\w*|nabb\w+|seiz\w+ the)\b", re.IGNORECASE
        ),
        "rescued",
        "captured",
    ),
    (
        re.compile(r"\b(?:at|on) the scene\b|\bkilled instantly\b", re.IGNORECASE),
        re.compile(
            r"\b(?:on the way to|en route to|later (?:at|in)|at|in) (?:the |a )?hospital\b",
            re.IGNORECASE,
        ),
        "died at the scene",
        "died on the way to or in hospital",
    ),
]
# Who a sentence credits: "..., Sheriff Robert Pickell said", "according to the Red Cross".
_NAME = (
    r"((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+"
    r"(?:\s+and\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)?)"  # "Zadan and Meron"
)
_SOURCE = re.compile(
    rf"{_NAME},?\s+(?:said|says|told|stated|reported|announced|confirmed)\b"
    rf"|\b(?:according to|said|says|told)\s+(?:the\s+)?{_NAME}"
)


def _sources(text: str) -> set[str]:
    """Capitalised names credited with the sentence's claim (without a leading 'The')."""
    out = set()
    for m in _SOURCE.finditer(text):
        name = (m.group(1) or m.group(2)).strip()
        name = re.sub(r"^(?:The|A|An|But|And|In|On)\s+", "", name)
        if (name and m.start() > 0) or name.count(" "):
            out.add(name)
    return out


# A denial of an act: "no tsunami warning was issued", "she never entered the clinic".
_DENIAL = re.compile(
    r"\b(?:no|never|not|neither)\s+((?:[a-z]+\s+){0,3}?)(?:was|were|been|be|have|has|had)?\s*"
    r"([a-z]{3,}ed)\b"
)


@lru_cache(maxsize=8192)
def denials(text: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    """Each denied act of a sentence: its verb's stem, the stems of what it denies, as written
    (a sentence meets many others: read once)."""
    out = []
    for m in _DENIAL.finditer(text):
        what = frozenset(stem(w) for w in m.group(1).split() if w not in STOP and len(w) > 2)
        out.append((stem(m.group(2)), what, m.group(0)))
    return tuple(out)


def same_source(na: set[str], nb: set[str]) -> bool:
    """Two sets of sources share one (by their last word, as "Savett" and "Sean Savett" do)."""

    def lasts(names: set[str]) -> set[str]:
        return {part.split()[-1].lower() for n in names for part in n.split(" and ")}

    return bool(lasts(na) & lasts(nb))


# --- one sentence, read once ---------------------------------------------------------------------


@dataclass(slots=True)
class Reading:
    text: str
    stems: frozenset[str]
    figs: list[Figure]
    dates: dict[tuple[int, int], str]
    days: dict[str, str]
    times: list[ClockTime]
    when: frozenset[str]  # months and years named: a sentence about another event
    names: frozenset[str]  # stems of capitalised words (not the first)
    words: frozenset[str]  # its lower-case words, to skip a cue's search when it cannot match
    weight: float = 0.0  # summed rarity of its stems (set once the weights are known)
    cues: Cues | None = None  # read on first use: most sentences are never part of a claim pair
    headline: bool = False  # a title: the body tells the same claim with its context


@dataclass(frozen=True, slots=True)
class Cues:
    prospective: re.Match[str] | None
    actual: re.Match[str] | None
    fates: tuple[tuple[re.Match[str] | None, re.Match[str] | None], ...]
    hedged: re.Match[str] | None
    confirmed: re.Match[str] | None
    sources: frozenset[str]
    any_fate: bool = False  # whether any fate (rescued, captured, dead at the scene ...) is told


# Word beginnings of which every match of a cue holds one: without any, the search is skipped.
_GATES = {
    "prospective": ("train", "deploy", "prepar", "plan", "set", "rumo", "expect", "sent"),
    "actual": (
        "join",
        "fought",
        "fight",
        "engag",
        "combat",
        "clash",
        "battle",
        "kill",
        "sent",
        "deploy",
        "arriv",
        "began",
        "begun",
    ),
    "hedged": (
        "rumo",
        "report",
        "alleg",
        "unconfirm",
        "unverif",
        "verifi",
        "suspect",
        "believ",
        "thought",
        "possib",
        "potential",
        "consider",
        "have",
        "speculat",
        "unclear",
        "known",
        "confirm",
    ),
    "confirmed": ("confirm", "verifi", "official", "acknowledg", "deliberate", "intentional"),
    "fate": (
        "rescu",
        "captur",
        "apprehend",
        "arrest",
        "detain",
        "nabb",
        "seiz",
        "scene",
        "instantly",
        "hospital",
    ),
    "source": ("said", "says", "told", "stated", "reported", "announced", "confirmed", "according"),
}

# every word beginning, longest first, and the gates it opens (a longer one opens the shorter's)
_PREFIXES = sorted({p for ps in _GATES.values() for p in ps}, key=len, reverse=True)
_GATE_OF = {
    p: frozenset(k for k, ps in _GATES.items() for q in ps if p.startswith(q)) for p in _PREFIXES
}
_GATE_RX = re.compile(r"\b(?:" + "|".join(_PREFIXES) + ")")


def cues(r: Reading) -> Cues:
    if r.cues is None:
        t = r.text
        opened: set[str] = set()
        for m in _GATE_RX.finditer(t.lower()):
            opened |= _GATE_OF[m.group(0)]
        has = {k: k in opened for k in _GATES}
        fates = tuple(
            (one.search(t), other.search(t)) if has["fate"] else (None, None)
            for one, other, _, _ in FATES
        )
        r.cues = Cues(
            _PROSPECTIVE.search(t) if has["prospective"] else None,
            _actual(t) if has["actual"] else None,
            fates,
            _HEDGED.search(t) if has["hedged"] else None,
            _CONFIRMED.search(t) if has["confirmed"] else None,
            frozenset(_sources(t)) if has["source"] else frozenset(),
            any(one or other for one, other in fates),
        )
    return r.cues


# "In February, a quake killed 612": a month or year without a day marks another event.
_WHEN = re.compile(
    r"\b(?:in|during) (?:early |late |mid-)?(?:(?:19|20)\d\d|january|february|march|april|june|"
    r"july|august|september|october|november|december)\b(?!\s+\d)|\blast (?:year|month)\b|"
    r"\b(?:earlier|previous|last) (?:quake|earthquake|attack|year)\b",
    re.IGNORECASE,
)


# "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: ...": a page's own dates, not the story's
_META = re.compile(
    r"\s*(?:(?:first|last)\s+)?(?:published|updated|posted|modified)\b", re.IGNORECASE
)
# "Friday, June 7, 2013", "WASHINGTON, DC, April 28, 2009": a dateline dates the page, not the story
_DATELINE_WORDS = re.compile(r"[A-Za-z]{3,}")
_CUT = re.compile(r"(?:\b\d{1,3}|\b(?P<word>[a-z]+))\.$")
# after a word, only a calibre is a cut figure: "A loaded. 38 - caliber"; "arrested. 15 people" is not
_CALIBRE_NEXT = re.compile(
    r"\d{2,3}\s*-?\s*(?:calib|revolver|pistol|handgun|magnum)", re.IGNORECASE
)


def read_all(sents: Sequence[Sentence]) -> list[Reading]:
    texts = [s.text for s in sents]
    for n in range(len(texts) - 1):
        # "The 5. 9-magnitude quake", "A loaded. 38-caliber revolver": the splitter cut a figure
        # in two. The figure is read with the sentence that holds most of the claim.
        cut = _CUT.search(texts[n])
        if (
            cut
            and texts[n + 1][:1].isdigit()
            and (not cut.group("word") or _CALIBRE_NEXT.match(texts[n + 1]))
        ):
            if len(texts[n]) < 40:
                texts[n], texts[n + 1] = "", texts[n] + " " + texts[n + 1]
            else:
                texts[n], texts[n + 1] = texts[n][: cut.start()], cut.group(0) + " " + texts[n + 1]
    out = [_read(t) for t in texts]
    if len(out) > 1 and not texts[0].rstrip().endswith((".", "!", "?", '"', "”")):
        out[0].headline = True
    return out


_MONTH_WORDS = frozenset([*MONTHS, *MONTH_ABBREVIATIONS])
_CLOCK_WORDS = frozenset(
    [
        "am",
        "pm",
        "m",
        "gmt",
        "utc",
        "bst",
        "est",
        "edt",
        "cet",
        "pst",
        "pdt",
        "ist",
        "hours",
        "hrs",
        "local",
    ]
)
_BEFORE_WORDS = frozenset(["last", "earlier", "previous"])
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_DIGIT = re.compile(r"\d")


_WORDS: dict[str, tuple[str, str, str]] = {}


def _know(w: str) -> tuple[str, str, str]:
    """A word once per distinct spelling: lower case; its stem as content (not a stop word, two
    letters or more), else ""; its stem as a name (capitalised, not a stop word), else ""."""
    low = w.lower()
    content = stem(low) if low not in STOP else ""
    found = (low, content if len(low) > 1 else "", content if w[0].isupper() else "")
    if len(_WORDS) < 200_000:  # a corpus's vocabulary, not unbounded
        _WORDS[w] = found
    return found


def _read(text: str) -> Reading:
    text = clean(text)
    words = _WORD.findall(text)
    known = [_WORDS.get(w) or _know(w) for w in words]
    lower = [k[0] for k in known]
    stems = frozenset(k[1] for k in known if k[1])
    names = frozenset(k[2] for k in known[1:] if k[2])
    # each reading runs only when a word it needs is there: a sentence is read in tens of µs
    present = set(lower)
    days = (
        {m.group("w").lower(): m.group(0) for m in _WEEKDAY.finditer(text)}
        if not present.isdisjoint(DAYS)
        else {}
    )
    digit = _DIGIT.search(text) if not _META.match(text) else None
    if digit and len(_DATELINE_WORDS.findall(text)) <= 4 and len(text) < 60:
        days, digit = {}, None  # a dateline: nothing but a place, a day and a date
    months = not present.isdisjoint(_MONTH_WORDS)
    dates = _dates(text) if digit and months else {}
    times = _times(text) if digit and (":" in text or not present.isdisjoint(_CLOCK_WORDS)) else []
    when = (
        frozenset(m.group(0).lower().split()[-1] for m in _WHEN.finditer(text))
        if months or digit or not present.isdisjoint(_BEFORE_WORDS)
        else frozenset()
    )
    # a question asks; it claims no figure
    figs = figures(text) if not text.rstrip(" \"”’'").endswith("?") else []
    return Reading(text, stems, figs, dates, days, times, when, names, frozenset(present))
