"""What one sentence says, read once: its figures, dates, weekdays, clock times, the cues of its
status and certainty, and whom it credits.

``read_all`` reads every sentence of a report for ``index.compare.conflicts``; each reading runs only
when a word it needs is there, and the cues (``cues``) are read on first use, so that two 2,000-word
reports are read in a few milliseconds. Dates and times are read with
:mod:`index.compare.dates_times`, the cues with :mod:`index.compare.status_cues`, what a day, time
or figure is said of with :mod:`index.compare.said_of`. Lexicons are generic, never the words of
one story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from index.compare.dates_times import DAYS, ClockTime, dates_in, noun_head, times_in, weekdays_in
from index.compare.figures import Figure, clean, figures
from index.compare.said_of import (
    CLOCK_WORDS,
    KNOWN,
    WHEN_WORDS,
    WORD,
    aliases,
    around,
    know,
    one_act_of_one_name,
    said_before,
    said_of_same,
    widen,
)
from index.compare.status_cues import Cues, read_cues
from index.models import Sentence
from index.vocabulary import MONTH_ABBREVIATIONS, MONTHS

__all__ = [
    "Reading",
    "aliases",
    "around",
    "cues",
    "one_act_of_one_name",
    "own_dates",
    "read_all",
    "said_before",
    "said_of_same",
    "widen",
]

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
    # one name's other spellings across the two reports ("dprk" -> "north", "korea"): set by
    # the finder from the entities, read where the words around two claims must meet
    aliases: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # the story's own words (in many sentences of both reports): they say which story, not which
    # of its events a day or time is told of; set by the finder
    setting: frozenset[str] = frozenset()
    # the name the sentence opens with, when it is a name ("Cardona, of Fullerton, was charged"):
    # set by the finder from the names both reports write inside a sentence
    subject: str = ""
    # whether it states a condition ("If it is proven that ..."): read on first use
    conditional: bool | None = None
    # its maximal runs of letters, lower case, when its text is plain (see ``letter_runs``)
    runs: frozenset[str] | None = None
    # the days and dates (keys of ``days`` and ``dates``) that modify a noun, each with the
    # content stems of that noun and of what its act is done to ("the November 18 sinking of a
    # Thai fishing trawler" -> {sink}, {thai, fish, trawler}): the noun's event, not the
    # sentence's (see ``own_dates``)
    named: Mapping[object, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)


def own_dates(r: Reading) -> tuple[dict[tuple[int, int], str], dict[str, str]]:
    """The dates and days ``r`` tells of its own event: not those inside a noun phrase, which
    name the noun's event ("convicted of the June 20, 2005 attempted murder" names the day of
    the attempt, not of the conviction)."""
    if not r.named:
        return r.dates, r.days
    return (
        {k: v for k, v in r.dates.items() if k not in r.named},
        {k: v for k, v in r.days.items() if k not in r.named},
    )


def _named(
    text: str, written: Iterable[tuple[object, str]]
) -> dict[object, tuple[frozenset[str], frozenset[str]]]:
    """The days or dates of ``written`` (key, as written) that modify a noun, each with the
    content stems of its head and of its object."""
    out: dict[object, tuple[frozenset[str], frozenset[str]]] = {}
    for key, w in written:
        head, what = noun_head(text, w)
        stems = _stems(head)
        if stems:
            out[key] = (stems, _stems(what))
    return out


def _stems(words: list[str]) -> frozenset[str]:
    return frozenset(c for c in ((KNOWN.get(h) or know(h))[1] for h in words) if c)


def opening_names(rs: Sequence[Reading]) -> None:
    """Set each reading's ``subject``: its first word when the reports write that word as a name
    inside some sentence (a lone surname, "Jordan will stand trial"), else ""."""
    named = frozenset().union(*(r.names for r in rs))
    for r in rs:
        first = WORD.search(r.text)
        if first and first.group(0)[0].isupper():
            low, content, _ = KNOWN.get(first.group(0)) or know(first.group(0))
            r.subject = content if content in named and low not in WHEN_WORDS else ""


def cues(r: Reading) -> Cues:
    if r.cues is None:
        r.cues = read_cues(r.text, r.runs)
    return r.cues


SERIES = frozenset(
    "quake earthquake tremor aftershock shake attack blast explosion fire stage flight".split()
)
"""The events a series repeats: "another aftershock", "the fourth shake" tell one of them."""

# "In February, a quake killed 612": a month or year without a day marks another event; so does
# "another aftershock", "a further aftershock", "the fourth shake", "the latest tremor" (a series).
_WHEN = re.compile(
    r"\b(?:in|during) (?:early |late |mid-)?(?:(?:19|20)\d\d|january|february|march|april|june|"
    r"july|august|september|october|november|december)\b(?!\s+\d{1,2}\b)|\blast (?:year|month)\b|"
    r"\b(?:earlier|previous|last) (?:quake|earthquake|attack|year)\b|"
    r"\bby (?:the (?:year |end of )?)?(?:19|20)\d\d\b|"  # a target: "by 2020", "by the year 2050"
    r"\b(?:second|third|fourth|fifth|another|separate|further|latest|new) (?:and (?:the )?[a-z]+est )?"
    r"(?:(?:large|strong|"  # ("the fourth and strongest quake")
    r"powerful|major|minor|small|deadly|smaller|larger|stronger)\s)?(?:(?-i:[A-Z])[\w-]*\s){0,2}"
    r"(?:quake|earthquake|tremor|"  # (and a name: "a separate Air France flight")
    r"aftershock|shake|attack|blast|explosion|fire|stage|flight)\b|"  # (the SERIES)
    r"\bstage(?= \d{1,2}\b)",  # "stage 13": one of the race's
    re.IGNORECASE,
)


# "PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: ...": a page's own dates, not the story's
_META = re.compile(
    r"\s*(?:(?:first|last)\s+)?(?:published|updated|posted|modified)\b", re.IGNORECASE
)
# "Friday, June 7, 2013", "WASHINGTON, DC, April 28, 2009": a dateline dates the page, not the story
_DATELINE_WORDS = re.compile(r"[A-Za-z]{3,}")
_CUT = re.compile(r"(?:\b\d{1,3}|\b(?P<word>[a-z]+))\.$")
# the rest of a cut figure that ends its clause: "9.", "9, but ...", "9;"
_FIGURE_END = re.compile(r"\d{1,2}(?:[.;:]?\s*$|[,;:]\s+[a-z])")
# after a word, only a calibre is a cut figure: "A loaded. 38 - caliber"; "arrested. 15 people" is not
_CALIBRE_NEXT = re.compile(
    r"\d{2,3}\s*-?\s*(?:calib|revolver|pistol|handgun|magnum)", re.IGNORECASE
)


def read_all(sents: Sequence[Sentence]) -> list[Reading]:
    texts = [s.text for s in sents]
    p = 0  # the sentence before ``n``, or the one the sentences between were joined to
    for n in range(1, len(texts)):
        # "The 5. 9-magnitude quake", "A loaded. 38-caliber revolver": the splitter cut a figure
        # in two. The figure is read with the sentence that holds most of the claim.
        cut = _CUT.search(texts[p]) if texts[n][:1].isdigit() else None
        if cut and not cut.group("word") and _FIGURE_END.match(texts[n]):
            # "had a magnitude of 5." + "9." or "9, but the survey said it was 6." + "1.": the
            # claim is before the cut, and the rest of its sentence after it
            texts[p], texts[n] = texts[p] + " " + texts[n], ""
            continue
        if cut and (not cut.group("word") or _CALIBRE_NEXT.match(texts[n])):
            if len(texts[p]) < 40:
                texts[p], texts[n] = "", texts[p] + " " + texts[n]
            else:
                texts[p], texts[n] = texts[p][: cut.start()], cut.group(0) + " " + texts[n]
        p = n
    out = [_read(t) for t in texts]
    if len(out) > 1:
        # a title, and any line without a sentence's final stop (a heading, a caption, a lead
        # cut short): the body tells the same claim with its context, so its finding comes first
        for r, t in zip(out, texts, strict=True):
            r.headline = bool(t.strip()) and not t.rstrip().endswith(_FINAL)
    return out


_FINAL = (".", "!", "?", '"', "”", "'", "’", ")", ":")


_MONTH_WORDS = frozenset([*MONTHS, *MONTH_ABBREVIATIONS])
_BEFORE_WORDS = frozenset(["last", "earlier", "previous"])
# the words that tell one event of a series ("another aftershock"; see ``_WHEN``)
_ORDINALS = frozenset("second third fourth fifth another separate further latest new".split())
# the words each alternative of ``_WHEN`` opens with
_WHEN_STARTS = frozenset(["in", "during", "last", "earlier", "previous", "by", "stage", *_ORDINALS])
_DIGIT = re.compile(r"\d")


def _read(text: str) -> Reading:
    text = clean(text)
    words = WORD.findall(text)
    known = [KNOWN.get(w) or know(w) for w in words]
    lower = [k[0] for k in known]
    stems = frozenset(k[1] for k in known if k[1])
    names = frozenset(k[2] for k in known[1:] if k[2])
    # each reading runs only when a word it needs is there: a sentence is read in tens of µs
    present = set(lower)
    days = weekdays_in(text) if not present.isdisjoint(DAYS) else {}
    digit = _DIGIT.search(text) if not _META.match(text) else None
    if digit and len(_DATELINE_WORDS.findall(text)) <= 4 and len(text) < 60:
        days, digit = {}, None  # a dateline: nothing but a place, a day and a date
    months = not present.isdisjoint(_MONTH_WORDS)
    dates = dates_in(text) if digit and months else {}
    times = times_in(text) if digit and (":" in text or not present.isdisjoint(CLOCK_WORDS)) else []
    # a pattern that opens with a word is tried only when that word is among the runs of letters
    word_set = frozenset(present)
    runs = letter_runs(text, word_set)
    when = (
        frozenset(m.group(0).lower().split()[-1] for m in _WHEN.finditer(text))
        if (
            months
            or digit
            or not present.isdisjoint(_BEFORE_WORDS)
            or not present.isdisjoint(_ORDINALS)
        )
        and (runs is None or not runs.isdisjoint(_WHEN_STARTS))
        else frozenset()
    )
    # a question asks; it claims no figure
    question = text.rstrip(" \"”’'").endswith("?")
    figs = figures(text, runs) if not question else []
    r = Reading(text, stems, figs, dates, days, times, when, names, word_set)
    r.runs = runs
    if dates or days:
        r.named = _named(text, [*dates.items(), *days.items()])
    return r


# Characters besides ASCII that are no letter, digit or underscore: typographic quotes, dashes,
# an ellipsis, a no-break space
_NOT_PLAIN = re.compile(r"[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\xa0]")
_APOSTROPHE = re.compile(r"['’]")


def letter_runs(text: str, words: AbstractSet[str]) -> frozenset[str] | None:
    """The maximal runs of letters of ``text`` in lower case, from its ``words`` (``WORD``'s,
    lower-cased), when its characters are ASCII or typographic punctuation; else ``None``. In such
    a text a pattern's word boundaries (``\\b``) fall where these runs begin and end and its
    case-blind letters are ASCII's, so a pattern whose every match holds a word as a whole run is
    tried only when that word is among them (an apostrophe joins two runs into one word: "korea's"
    is the runs "korea" and "s")."""
    if _NOT_PLAIN.search(text):
        return None
    if "'" not in text and "’" not in text:
        return frozenset(words)  # (itself, when a frozenset)
    return frozenset(part for w in words for part in _APOSTROPHE.split(w))
