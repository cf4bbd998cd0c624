"""Figure disagreements between two sentences (the conflict finder's first kind).

Figures disagree when they measure the same thing (the same unit dimension, the same role of a
count of people such as dead or injured, the same counted noun, the same owner's record) and their
plausible ranges do not overlap once hedges are read ("passing 80,000" is a lower bound just above
80,000, "as many as" an upper bound). A toll, a record, or a magnitude or distance from a place that
each report gives once is a story-level measure, compared across a story; other counts only inside
one claim. Guards, each met on report pairs: a part ("in Aceh province alone", "15 of them") is
only compared with a total it exceeds; a running total ("so far") not with one event's count; two
lists agree when one is a breakdown of the other ("216 passengers and 12 crew" / "228 people");
"in February" or another date marks another event; counts five times apart count different wholes;
a figure both reports give both values of was measured twice. Each detail names both sides and
says what differs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from index.compare.closeness import DURATION, FATE, NEAR, SAME_CLAIM
from index.compare.figure_owners import (
    other_brackets,
    other_harm,
    other_stage,
    other_subjects,
    owned_elsewhere,
    possessed,
    shock,
    span,
)
from index.compare.figures import Figure
from index.compare.preparation import rarity
from index.compare.readings import Reading, around, said_before
from index.compare.words import CLASSES, STOP, spelled_alike, stem

__all__ = [
    "figure_conflicts",
    "measure_name",
    "measures",
    "overlap",
    "same_measure",
    "single_valued",
]

_FAR, _FAR_LOOSE = 10.0, 5.0  # ratios beyond which two counts are of different wholes


def _nouns(f: Figure) -> frozenset[str]:
    return frozenset(stem(w) for w in f.noun.split() if w not in STOP)


def _head(f: Figure) -> str:
    """The counted noun's last word, stemmed: what is counted ("pirate boats": boats)."""
    return stem(f.noun.split()[-1]) if f.noun else ""


def _people(f: Figure) -> bool:
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
    if _nouns(x) & _nouns(y):
        # the same thing counted: "26 Somali pirates" / "pirates", not "five pirate boats"
        return _head(x) == _head(y) or (_people(x) and _people(y))
    # two groups of people ("infantry", "soldiers") are one count when the same is said of them
    return _people(x) and _people(y) and bool(_said_of(x) & _said_of(y))


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
    ) - _nouns(f)


_COMMON = 2.5
"""Rarity (8 - Zipf) at or under which a word says nothing of what a figure counts ("including",
"many", "people"; "sent" and "killed" are rarer)."""


def _anchored(f: Figure, single: frozenset[str]) -> bool:
    """A figure whose measure is plain without the rest of the sentence: a toll, a record, a
    magnitude or a distance from a place that its report gives once (a story of one quake has one
    magnitude; a story of a quake and its aftershocks has many)."""
    return (
        bool(f.role)
        or _people(f)
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


def _hedge_words(f: Figure) -> str:
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
}


def measure_name(f: Figure) -> str:
    """What a figure measures, in words ("death toll", "number of engines")."""
    if f.dim.startswith("money"):
        return "amount of money" + (" a year" if f.dim.endswith("/rate") else "")
    if f.dim.startswith("record:"):
        return f"{f.dim.partition(':')[2].capitalize()}'s record"
    key = f.role or (f.dim if f.dim != "count" else "")
    return _MEASURE_NAME.get(key, f"number of {f.noun}" if f.noun else "count")


def _sums(fs: list[Figure]) -> list[tuple[float, float]]:
    """Ranges of the sums of two or more figures (a breakdown of a total)."""
    out = []
    for n in range(2, min(len(fs), 4) + 1):
        for combo in combinations(fs, n):
            out.append((sum(f.low for f in combo), sum(f.high for f in combo)))
    return out


def _said_elsewhere(f: Figure, others: Sequence[Figure]) -> bool:
    """True when the other report states this figure somewhere (as a whole, not a part)."""
    return any(not g.part and same_measure(f, g) and overlap(f, g) for g in others)


def _same_time(ra: Reading, rb: Reading, c: float) -> bool:
    """Whether two sentences naming different months or years may still tell one event: only
    inside one claim, when one names none and gives no day of its own ("in 2007-08" / "")."""
    if c < SAME_CLAIM or (ra.when and rb.when):
        return False
    plain = rb if ra.when else ra
    return not (plain.days or plain.dates)


_FIGURE_WORD = re.compile(r"[^\W\d_]+")
# the words of a measure itself: two ages share "age", two spans "years"; neither says whose
_MEASURE_WORDS = frozenset(["age", "ages", "aged", "old", "year", "years"])
# ... and a quake's: two magnitudes share "quake", which says nothing of which quake
_QUAKE_WORDS = frozenset(
    [
        "magnitude",
        "quake",
        "earthquake",
        "tremor",
        "aftershock",
        "richter",
        "scale",
        "depth",
        "epicentre",
        "epicenter",
        "located",
        "centred",
        "centered",
    ]
)


def _told_of_same(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether two figures are said of one thing: the words around each share a content word
    other than the measure's own ("two sons, ages 6 and 16" / "girls age 6 and 8": no)."""
    # (and a generic counted noun: "three men" / "Five men" share "men", which says not whom;
    # "three boats" / "two speed boats" share what was counted)
    generic = " ".join(f.noun for f in (x, y) if _head(f) in _GENERIC)
    own = {stem(w.lower()) for w in _FIGURE_WORD.findall(f"{x.text} {y.text} {generic}")}
    own |= {stem(w) for w in _MEASURE_WORDS}
    if x.dim in ("magnitude", "distance"):
        own |= {stem(w) for w in _QUAKE_WORDS}
    near_x = around(ra.text, *span(ra, x)) - own
    near_y = around(rb.text, *span(rb, y)) - own
    return bool(near_x & near_y)


def _of_two_things(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether two distances are told of two things: the words before each (what is that far)
    name something, and nothing in common; the words after name only the place both are measured
    from ("the coast of Brazil")."""
    own = {stem(w.lower()) for w in _FIGURE_WORD.findall(f"{x.text} {y.text}")}
    own |= {stem(w) for w in _QUAKE_WORDS}
    before_x = said_before(ra.text, span(ra, x)[0]) - own
    before_y = said_before(rb.text, span(rb, y)[0]) - own
    return bool(before_x and before_y and not before_x & before_y)


_FROM_PLACE = re.compile(
    r"\s*(?:\([^)]*\)\s*|\[[^\]]*\]\s*)?(?:to the\s+)?(?:[a-z]+(?:-[a-z]+)?\s+)?"
    r"(?:of|from|off)\s+(?:the\s+)?([A-Z][\w'-]+)"
)


def _place(r: Reading, f: Figure) -> str:
    """The place a distance is measured from ("102 kilometers to the northwest of Talca",
    "59 kilometres from the capital Port-au-Prince": the first name after it), else ""."""
    if " of " in f.noun:
        return f.noun.partition(" of ")[2]
    m = _FROM_PLACE.match(r.text, span(r, f)[1])
    return m.group(1) if m else ""


def _scoped(f: Figure) -> bool:
    """A figure whose meaning rests on what it is said of: a span of time, an age, a distance,
    an area, a sum of money, a count of anything but the dead, hurt, missing ..."""
    if f.dim == "count":
        # a count of a named kind of people ("10,000 troops", "infantry") is the story's own
        # measure; "12 people" or "three boats" is said of something in particular
        return not f.role and not (_people(f) and _head(f) not in _GENERIC)
    return f.dim in ("duration", "age", "distance", "area", "magnitude") or f.dim.startswith(
        "money"
    )


_GENERIC = frozenset(
    stem(w) for w in ("people", "persons", "person", "men", "women", "others", "members")
)


_COMBINED = re.compile(r"\b(?:combined|in all|a total of|altogether|overall)\s+$", re.IGNORECASE)
_COMBINED_AFTER = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?\s+(?:in all|in total|combined|altogether)\b")


def _combined(r: Reading, f: Figure) -> bool:
    """Whether a figure is told as a sum ("a combined 157 games", "14 goals in all"): a smaller
    figure of the other report may be one of its parts."""
    return bool(
        _COMBINED.search(r.text, max(0, f.start - 20), f.start)
        or _COMBINED_AFTER.match(r.text, f.start + len(f.text))
    )


_ONE_CLAIM = 0.6  # own word closeness from which two sentences tell one claim


def figure_conflicts(
    ra: Reading,
    rb: Reading,
    c: float,
    all_a: Sequence[Figure],
    all_b: Sequence[Figure],
    single: frozenset[str] = frozenset(),
    own: float | None = None,
    whole: float | None = None,
) -> list[tuple[str, float]]:
    """The figures of ``ra`` and ``rb`` that measure one thing and disagree, as (detail, strength).

    ``c`` is the two sentences' closeness (raised by the caller's alignment), ``own`` their own
    word closeness (``c`` when ``None``), ``all_a``/``all_b`` every figure of each report, and
    ``single`` the story-level measures each report gives one value of (:func:`single_valued`).
    """
    out: list[tuple[str, float]] = []
    own = c if own is None else own
    one = (own if whole is None else whole) >= _ONE_CLAIM  # (see claim_conflicts)
    apart = ra.when != rb.when and not _same_time(ra, rb, own)
    if apart and ra.when and rb.when:
        return out  # "a quake in February killed 612" is another event
    # ... but how often something happened may be told with the years of each time ("married
    # twice; the first marriage lasted from 1943 to 1947") against a sentence naming none
    if ra.dates and rb.dates and not ra.dates.keys() & rb.dates.keys():
        return out  # "On March 11, a second quake ...": dated apart, told apart
    for x in ra.figs:
        if apart and x.dim != "times":
            continue
        if x.dim == "duration" and c < DURATION:
            continue  # a story holds many spans of time: only compared inside one claim
        # how often something happened ("married twice" / "married three times") is compared
        # from a looser closeness when the words around the two meet
        often = x.dim == "times" and c >= FATE
        if c < NEAR and not _anchored(x, single) and not often:
            continue
        ys = [y for y in rb.figs if same_measure(x, y)]
        if not ys:
            continue
        if x.dim in ("duration", "distance") and shock(ra) * shock(rb) < 0:
            continue  # "The earthquake lasted 30 seconds" / "The aftershock lasted ten seconds"
        ys = [y for y in ys if not other_harm(x, y)]  # "four villages destroyed" / "7 damaged"
        if _scoped(x) and other_subjects(ra, rb):
            continue  # "Jordan will stand trial on eight counts" / "Cardona ... nine counts"
        for y in ys:
            if ((not one and _scoped(x)) or (often and c < NEAR)) and not _told_of_same(
                ra, x, rb, y
            ):
                continue  # "15 years with the department" / "five years in its gang unit"
            if not one and x.dim == "distance" and _of_two_things(ra, x, rb, y):
                continue  # "wreckage 650 km from the coast" / "an island 200 miles off the coast"
            if "(" in ra.text and "(" in rb.text and other_brackets(ra, x, rb, y):
                continue  # "Port de Pailhères (17 km at 7.2%)" / "Col de Menté (7 km at 8.1%)"
            if not (x.role or y.role) and other_stage(ra, x, rb, y):
                continue  # "convicted on two counts" / "charged with nine counts"
            if not (x.role or y.role) and (possessed(ra, x, rb) or possessed(rb, y, ra)):
                continue  # "the corps's five members" / "these 15 sailors"
            if _scoped(x) and (owned_elsewhere(ra, x, rb) or owned_elsewhere(rb, y, ra)):
                continue  # "a five-year, $70 million contract for J. D. Drew" / "Teixeira is ..."
            if not one and x.dim == "distance" and _place(ra, x) != _place(rb, y):
                continue  # "102 km northwest of Talca" / "206 km (128 miles) west of Talca ..."
            xd, yd = x.noun.partition(" of ")[0], y.noun.partition(" of ")[0]
            if (
                x.dim == "distance"
                and " of " in x.noun
                and " of " in y.noun
                and xd not in yd  # "southeast" is not against "south"
                and yd not in xd
            ):
                out.append(
                    (f"direction: A says '{x.text} {x.noun}'; B says '{y.text} {y.noun}'", 0.6)
                )
                continue
            if "the other" in (x.part, y.part):
                continue  # "the other 14 sailors": the rest of a group, against nothing
            if (x.part == "so far") != (y.part == "so far"):
                continue  # a running total against one event's count
            if overlap(x, y) or (x.hedge == y.hedge == "vague"):
                continue  # (two vague amounts are two impressions, not two counts)
            gap = max(x.low, y.low) / max(min(x.high, y.high), 1e-9)
            vague = "vague" in (x.hedge, y.hedge) and own >= NEAR  # "dozens" told as 1,200
            if gap > (_FAR if c >= NEAR else _FAR_LOOSE) and not (x.part or y.part or vague):
                continue  # "21 injured" and "310,000 injured" count different wholes
            if not (x.part or y.part) and _said_elsewhere(x, all_b) and _said_elsewhere(y, all_a):
                continue  # both reports give both figures: two different things were measured
            if _combined(ra, x) != _combined(rb, y):
                summed, other = (x, y) if _combined(ra, x) else (y, x)
                if other.low <= summed.high:
                    continue  # "in 54 games with the Angels" / "a combined 157 games"
            if x.part or y.part:
                if x.part and y.part:
                    continue
                part, total = (x, y) if x.part else (y, x)
                if part.low <= total.high:
                    continue  # a part within the total, or a part against a part
            else:
                xs_all = [f for f in ra.figs if same_measure(f, y) and not f.part]
                ys_all = [f for f in rb.figs if same_measure(x, f) and not f.part]
                if any(overlap(x, f) for f in ys_all) or any(overlap(f, y) for f in xs_all):
                    continue  # each is matched elsewhere: another figure of the list
                if any(lo <= x.high and x.low <= hi for lo, hi in _sums(ys_all)) or any(
                    lo <= y.high and y.low <= hi for lo, hi in _sums(xs_all)
                ):
                    continue  # one side is a breakdown of the other's total
            why = "the ranges do not overlap" if {x.hedge, y.hedge} != {"exact"} else "they differ"
            if (x.part or y.part) and not (x.part and y.part):
                why = "a part is larger than the total"
            detail = (
                f"{measure_name(x)}: A says '{x.text}'{_hedge_words(x)}"
                f"{' (' + (x.part) + ')' if x.part else ''}; B says '{y.text}'{_hedge_words(y)}"
                f"{' (' + (y.part) + ')' if y.part else ''}; {why}"
            )
            strength = 0.6 if (x.role or x.dim != "count") else 0.5
            out.append((detail, strength))
    return out
