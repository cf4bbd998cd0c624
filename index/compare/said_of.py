"""What a day, a time or a figure is said of: the content words around it in its clause, with
the words that say when, which of a series, or only where left out ("arriving at Kings Cross
station at 08:30" and "flowers were laid near Kings Cross station at 8:50" tell two events), and
one act told in other words ("the fatal shooting of Doe" / "killed Doe"). Two reports of one story
give many days, times and spans, each of its own event; only those said of one thing can disagree.

Each word of a sentence is known once per spelling (:func:`know`: lower case, content stem, name
stem), shared with :mod:`index.compare.readings`, which reads sentences with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from index.compare.dates_times import DAYS
from index.compare.numbers import NUMBER_WORDS
from index.compare.words import STOP, stem
from index.models import Entity
from index.vocabulary import MONTH_ABBREVIATIONS, MONTHS

if TYPE_CHECKING:
    from index.compare.readings import Reading

__all__ = [
    "CLOCK_WORDS",
    "KNOWN",
    "WHEN_WORDS",
    "WORD",
    "acts_of",
    "aliases",
    "around",
    "know",
    "one_act_of_one_name",
    "said_before",
    "said_of_same",
    "widen",
]


# The light verbs that any event takes ("took place at 02:21", "took place at 20:36"): they do not
# say which event a day, time or figure is told of.
_LIGHT = frozenset(
    [
        "took",
        "take",
        "takes",
        "taken",
        "place",
        "occurred",
        "occurs",
        "happened",
        "came",
        "made",
        "said",
        "says",
        "reported",
    ]
)
# Words that say which of a series, not what: "the tsunami first reached the town at 03:48" and
# "the first shaking took place at 00:37" are two events
_WHICH = frozenset(
    "first second third fourth fifth last initial final latest next earlier later previous".split()
)
# Words that say when, not what: a day or a time is told of the words around it, never of these.
WHEN_WORDS = frozenset(
    [
        *DAYS,
        *MONTHS,
        *MONTH_ABBREVIATIONS,
        "local",
        "time",
        "night",
        "morning",
        "evening",
        "afternoon",
        "early",
        "late",
        "about",
        "around",
        "shortly",
    ]
)


# (an age in commas is part of its name's phrase, no clause: "the shooting of Alex Doe, 15, on
# Saturday" tells the day of the shooting)
_CLAUSE = re.compile(r"(?<!, \d)(?<!, \d\d)(?<!, \d\d\d)[,;]\s(?!\d{1,3}, )")


def around(text: str, start: int, end: int, k: int = 5) -> frozenset[str]:
    """The content stems of the ``k`` words before ``start`` and after ``end`` in ``text``, inside
    its clause (up to a comma or semicolon) unless the clause holds no other word ("On November
    18, it had sunk a trawler"): what the figure, day or time between them is said of ("checked
    into Promises Treatment Center on Friday" is said of the centre; "reopened by 4.30pm on
    Saturday" of the roads)."""
    head, tail = text[:start], text[end:]
    cut = [m.end() for m in _CLAUSE.finditer(head)]
    stop = _CLAUSE.search(tail)
    near = _content(WORD.findall(head[cut[-1] :] if cut else head)[-k:]) | _content(
        WORD.findall(tail[: stop.start()] if stop else tail)[:k]
    )
    if near or not (cut or stop):
        return frozenset(near)
    return frozenset(_content(WORD.findall(head)[-k:]) | _content(WORD.findall(tail)[:k]))


def said_before(text: str, start: int, k: int = 5) -> frozenset[str]:
    """The content stems of the ``k`` words before ``start`` in ``text`` inside its clause: what
    a distance is told of ("wreckage ... 650 kilometres from the coast", "an island located two
    hundred miles off the coast"), where the words after it name only the place it is measured
    from."""
    head = text[:start]
    cut = [m.end() for m in _CLAUSE.finditer(head)]
    return frozenset(_content(WORD.findall(head[cut[-1] :] if cut else head)[-k:]))


def aliases(entities: Iterable[Entity]) -> dict[str, frozenset[str]]:
    """Stems of a name written with none of its canonical words ("DPRK" for North Korea) -> the
    canonical name's stems, so that the words around two claims meet across spellings."""
    out: dict[str, set[str]] = {}
    for e in entities:
        if not e.canonical or e.label in ("DATE", "QUANTITY"):
            continue
        written = _content(WORD.findall(e.text))
        canonical = _content(WORD.findall(e.canonical))
        if written and canonical and not written & canonical:
            for w in written:
                out.setdefault(w, set()).update(canonical)
    return {k: frozenset(v) for k, v in out.items()}


def widen(stems: frozenset[str], names: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """``stems`` with the canonical words of every alias among them."""
    if not names or not stems & names.keys():
        return stems
    return stems.union(*(names[s] for s in stems & names.keys()))


def _content(words: list[str]) -> set[str]:
    out = set()
    for w in words:
        low, content, _ = KNOWN.get(w) or know(w)
        if (
            content
            and len(low) > 2
            and low not in WHEN_WORDS
            and low not in CLOCK_WORDS
            and low not in NUMBER_WORDS
            and low not in _LIGHT
            and low not in _WHICH
        ):
            out.add(content)
    return out


def said_of_same(x: Reading, said_x: str, y: Reading, said_y: str) -> bool:
    """Whether what ``x`` tells as ``said_x`` and ``y`` as ``said_y`` (a day, a date, a time, a
    span) is told of the same thing: the words around each share a content word. Two reports of
    one story give many days and times, each of its own event (the shooting on Friday, the court
    on Monday); only those told of one thing can disagree."""
    i, j = x.text.find(said_x), y.text.find(said_y)
    if i < 0 or j < 0:
        return True  # not found as written: no evidence either way, as before
    near_x, near_y = around(x.text, i, i + len(said_x)), around(y.text, j, j + len(said_y))
    shared = near_x & near_y
    if shared:
        # a place both name says where, not what ("arriving at Kings Cross station at 08:30" /
        # "flowers were laid near Kings Cross station at 8:50": two events at one station)
        shared -= _places(x.text) & _places(y.text)
    # one act told in other words ("the fatal shooting of Doe on Saturday" / "killed Doe on
    # Sunday") counts as a word both say
    acts = acts_of(near_x) & acts_of(near_y)
    # a name alone both give says who or where, not what ("coping Saturday with the death ...
    # a Vancouver wholesaler" / "walked into a party at an east Vancouver business Friday"):
    # with it, the act told the same way or another word
    own = shared - x.setting
    return (
        bool(own - (x.names & y.names))
        or bool(own and acts)
        or len(shared) + len(acts - shared) >= 2
    )


# a place: a preposition of place, a name, and the kind of place it may end with ("at Kings Cross
# station", "near the Old Bailey", "outside Parliament")
_PLACE = re.compile(
    r"\b(?:at|near|outside|inside|in|into|from|to|towards?)\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*(?:\s+(?:station|airport|square|street|road|"
    r"bridge|hospital|court|prison|church|hotel|park|stadium|building|centre|center))?)"
)


def _places(text: str) -> frozenset[str]:
    """The content stems of the places a sentence names after a preposition of place."""
    if not any(c.isupper() for c in text[1:]):
        return frozenset()
    return frozenset(_content(WORD.findall(" ".join(m.group(1) for m in _PLACE.finditer(text)))))


def one_act_of_one_name(x: Reading, said_x: str, y: Reading, said_y: str) -> bool:
    """Whether what ``x`` tells as ``said_x`` and ``y`` as ``said_y`` (a day) is told of one act
    done to one named person or thing: the words around both name it (a name in both sentences)
    and tell the act, in the same or other words ("the fatal shooting of Doe on Saturday" /
    "police killed Doe on Sunday"). Stricter than :func:`said_of_same`: it holds for sentences
    that share little else."""
    i, j = x.text.find(said_x), y.text.find(said_y)
    if i < 0 or j < 0:
        return False
    near_x, near_y = around(x.text, i, i + len(said_x)), around(y.text, j, j + len(said_y))
    named = near_x & near_y & x.names & y.names
    return bool(named and acts_of(near_x) & acts_of(near_y))


def acts_of(stems: frozenset[str]) -> set[str]:
    """The acts ``stems`` tell, each family by its first stem (a murder and a killing are one)."""
    return {_ACTS[s] for s in stems & _ACTS.keys()}


# The verbs and nouns that tell one act, each family by its first stem (content stems, as
# ``around`` gives them): a killing is told as a shooting, a murder, a slaying
_ACTS = {
    stem(w): stem(family.split()[0])
    for family in (
        "kill killing killed murder murdered slain slaying shooting shot gunned fatal fatally",
        "arrest arrested detained apprehended",
        "blast explosion exploded bomb bombing",
    )
    for w in family.split()
}


CLOCK_WORDS = frozenset(
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
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


KNOWN: dict[str, tuple[str, str, str]] = {}


def know(w: str) -> tuple[str, str, str]:
    """A word once per distinct spelling: lower case; its stem as content (not a stop word, two
    letters or more), else ""; its stem as a name (capitalised, not a stop word), else ""."""
    low = w.lower()
    # a possessive is its name ("Klitschko's defense", "Gray's gun"), not a word of its own
    base = low[:-2] if low.endswith(("'s", "’s")) else low
    content = stem(base) if low not in STOP and base not in STOP else ""
    found = (low, content if len(base) > 1 else "", content if w[0].isupper() else "")
    if len(KNOWN) < 200_000:  # a corpus's vocabulary, not unbounded
        KNOWN[w] = found
    return found
