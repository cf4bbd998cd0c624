"""What a figure measures: whether two figures measure the same thing (the same dimension, the
same role of a count of people, the same counted noun, the same owner's record), whether their
plausible ranges overlap, and how a measure and a hedge are named in words.

:mod:`index.compare.figure_conflicts` compares the figures of two sentences with these; the
attribution and status rules ask them too (the same figure pins down whose status it is).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from index.compare.figure_kinds import kind_of
from index.compare.figures import Figure
from index.compare.preparation import rarity
from index.compare.words import CLASSES, STOP, spelled_alike, stem

__all__ = [
    "anchored",
    "counted_head",
    "counted_nouns",
    "counts_people",
    "hedge_words",
    "measure_name",
    "measures",
    "overlap",
    "same_measure",
    "single_valued",
]


def counted_nouns(f: Figure) -> frozenset[str]:
    return frozenset(stem(w) for w in f.noun.split() if w not in STOP)


def counted_head(f: Figure) -> str:
    """The counted noun's last word, stemmed: what is counted ("pirate boats": boats)."""
    return stem(f.noun.split()[-1]) if f.noun else ""


def counts_people(f: Figure) -> bool:
    return bool(f.noun) and (f.noun.split()[-1] in _PEOPLE or stem(f.noun.split()[-1]) in _PEOPLE)


_PEOPLE = CLASSES["people"] | frozenset(
    [
        "infantry",
        "troops",
        "soldiers",
        "fighters",
        "civilians",
        "people",
        "men",
        "women",
        "children",
    ]
)


def same_measure(x: Figure, y: Figure) -> bool:
    """True when two figures measure the same thing (dimension, role, counted noun, place)."""
    if x.dim != y.dim:
        # one boxer's record under two spellings of his name ("Klitschko" / "Klitchsko")
        return _records_of_one(x.dim, y.dim)
    if x.dim == "distance" and (" of " in x.noun or " of " in y.noun):
        # from the same place ("north of Detroit"), or both from none
        return x.noun.partition(" of ")[2] == y.noun.partition(" of ")[2]
    if x.dim == "duration":
        return (x.noun == "adjective") == (y.noun == "adjective")
    if x.dim == "age" and x.noun and y.noun:
        return x.noun == y.noun  # the same person, or at least the same sex
    if x.dim == "magnitude":
        return x.noun == y.noun  # a quake's against a quake's, an aftershock's against another's
    if x.dim == "percent":  # a change against a change, a share against a share
        kx, ky = x.noun.partition("/")[2], y.noun.partition("/")[2]
        return not (kx and ky) or kx == ky
    if x.dim != "count":
        return True
    if x.role or y.role:
        return x.role == y.role
    kind = kind_of(counted_head(x))
    if kind and kind == kind_of(counted_head(y)):
        return True  # "six engines" / "four appliances": one kind in other words
    if counted_nouns(x) & counted_nouns(y):
        # the same thing counted: "26 Somali pirates" / "pirates", not "five pirate boats"
        return counted_head(x) == counted_head(y) or (counts_people(x) and counts_people(y))
    # two groups of people ("infantry", "soldiers") are one count when the same is said of them
    return counts_people(x) and counts_people(y) and bool(_said_of(x) & _said_of(y))


def measures(figs: Sequence[Figure]) -> frozenset[str]:
    """The dimensions of ``figs`` (every record as one): two sentences whose sets are disjoint
    hold no two figures of the same measure (:func:`same_measure` needs the same dimension)."""
    return frozenset("record:" if f.dim.startswith("record:") else f.dim for f in figs)


def _records_of_one(a: str, b: str) -> bool:
    if not (a.startswith("record:") and b.startswith("record:")):
        return False
    return spelled_alike(a[7:], b[7:])


def _said_of(f: Figure) -> frozenset[str]:
    # (not the commonest words: "over 700 security personnel ... including FBI agents" and "over
    # 300 people from many fields ... including politics" are not said alike)
    return frozenset(
        stem(w) for w in f.context if w not in STOP and len(w) > 2 and rarity(w) > _COMMON
    ) - counted_nouns(f)


_COMMON = 2.5
"""Rarity (8 - Zipf) at or under which a word says nothing of what a figure counts ("including",
"many", "people"; "sent" and "killed" are rarer)."""


def anchored(f: Figure, single: frozenset[str]) -> bool:
    """A figure whose measure is plain without the rest of the sentence: a toll, a record, a
    magnitude or a distance from a place that its report gives once (a story of one quake has one
    magnitude; a story of a quake and its aftershocks has many)."""
    return (
        bool(f.role)
        or counts_people(f)
        or f.dim.startswith("record:")
        or (f.dim in ("magnitude", "calibre", "distance") and _key(f) in single)
    )


def _key(f: Figure) -> str:
    return f.dim + ":" + (f.noun.partition(" of ")[2] if f.dim == "distance" else f.noun)


def single_valued(figs: Sequence[Figure]) -> frozenset[str]:
    """The magnitudes, calibres and distances from a place that a report gives one value of."""
    seen: dict[str, list[Figure]] = defaultdict(list)
    for f in figs:
        if f.dim in ("magnitude", "calibre") or (f.dim == "distance" and " of " in f.noun):
            seen[_key(f)].append(f)
    return frozenset(k for k, fs in seen.items() if all(overlap(fs[0], g) for g in fs))


def overlap(x: Figure, y: Figure) -> bool:
    """True when the plausible ranges of two figures overlap."""
    return not (x.high < y.low or y.high < x.low)


# Two estimates of one thing ("About 20,000 workers" / "some 25,000 members") are each a round
# figure near the truth: more than a fifth apart, they disagree (each alone keeps its wider range,
# :func:`index.compare.figures._range`, against an exact figure or a bound)
_ESTIMATES_APART = 1.2


def estimates_apart(x: Figure, y: Figure) -> bool:
    """Whether two figures both hedged as estimates ("about", "some", "roughly") are more than a
    fifth apart, however their ranges meet."""
    if not (x.hedge == y.hedge == "about") or min(x.value, y.value) <= 0:
        return False
    return max(x.value, y.value) / min(x.value, y.value) > _ESTIMATES_APART


def hedge_words(f: Figure) -> str:
    return {
        "lower": " (a lower bound)",
        "upper": " (an upper bound)",
        "near": " (just under)",
        "under": " (an upper bound)",
        "about": " (approximate)",
        "vague": " (vague)",
    }.get(f.hedge, "")


_MEASURE_NAME = {
    "dead": "death toll",
    "injured": "injured",
    "missing": "missing",
    "homeless": "homeless",
    "evacuated": "evacuated",
    "arrested": "arrested",
    "age": "age",
    "distance": "distance",
    "area": "area",
    "duration": "duration",
    "magnitude": "magnitude",
    "percent": "percentage",
    "times": "number of times",
    "calibre": "calibre",
    "mass": "weight",
    "hits": "bullets that hit",
    "barrels": "barrels",
    "barrels/rate": "barrels a day",
}


def measure_name(f: Figure) -> str:
    """What a figure measures, in words ("death toll", "number of engines")."""
    if f.dim.startswith("money"):
        return "amount of money" + (" a year" if f.dim.endswith("/rate") else "")
    if f.dim.startswith("record:"):
        return f"{f.dim.partition(':')[2].capitalize()}'s record"
    key = f.role or (f.dim if f.dim != "count" else "")
    return _MEASURE_NAME.get(key, f"number of {f.noun}" if f.noun else "count")
