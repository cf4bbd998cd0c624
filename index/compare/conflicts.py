"""Disagreements between two reports: figures, status, certainty, dates, clock times, attribution.

A disagreement must be about one thing. Every sentence is read once (``index.compare.readings``: its
figures, dates, times, status cues and sources). A pair of sentences is examined when the two share
enough rare content words by our own measure (a weighted overlap of Porter stems), and the
caller's alignment only raises that closeness: the finder depends on ``sa``, ``sb`` and, as hints,
``sims`` and ``aligned`` (with no alignment at all it finds 30 of the 33 below).

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

Measured on conflicts_dev (77 report pairs, 2026-11-28): 33 of 48 gold conflicts found, 0 of 61
gold agreements flagged; two 2,000-word reports take about 35 ms here (20 of them reading) on a
shared, loaded 2-core machine (``tests/benchmarks``-style timing, not asserted).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from index.compare.figures import Figure
from index.compare.readings import (
    DAYS,
    FATES,
    Reading,
    cues,
    denials,
    read_all,
    same_source,
    time_gap,
)
from index.compare.words import CLASSES, STOP, stem
from index.models import Sentence

__all__ = ["Finding", "find", "read_all"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A disagreement between sentence ``i`` of A and ``j`` of B."""

    kind: str
    i: int
    j: int
    detail: str
    strength: float


# --- figures ---------------------------------------------------------------------------------------


def _nouns(f: Figure) -> frozenset[str]:
    return frozenset(stem(w) for w in f.noun.split() if w not in STOP)


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


def _same_measure(x: Figure, y: Figure) -> bool:
    if x.dim != y.dim:
        return False
    if x.dim == "distance" and (" of " in x.noun or " of " in y.noun):
        # from the same place ("north of Detroit"), or both from none
        return x.noun.partition(" of ")[2] == y.noun.partition(" of ")[2]
    if x.dim == "duration":
        return (x.noun == "adjective") == (y.noun == "adjective")
    if x.dim == "age" and x.noun and y.noun:
        return x.noun == y.noun  # the same person, or at least the same sex
    if x.dim == "magnitude":
        return x.noun == y.noun  # a quake's against a quake's, an aftershock's against another's
    if x.dim != "count":
        return True
    if x.role or y.role:
        return x.role == y.role
    if _nouns(x) & _nouns(y):
        return True
    # two groups of people ("infantry", "soldiers") are one count when the same is said of them
    return _people(x) and _people(y) and bool(_said_of(x) & _said_of(y))


def _said_of(f: Figure) -> frozenset[str]:
    return frozenset(stem(w) for w in f.context if w not in STOP and len(w) > 2) - _nouns(f)


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


def _single(figs: Sequence[Figure]) -> frozenset[str]:
    """The magnitudes, calibres and distances from a place that a report gives one value of."""
    seen: dict[str, list[Figure]] = defaultdict(list)
    for f in figs:
        if f.dim in ("magnitude", "calibre") or (f.dim == "distance" and " of " in f.noun):
            seen[_key(f)].append(f)
    return frozenset(k for k, fs in seen.items() if all(_overlap(fs[0], g) for g in fs))


def _overlap(x: Figure, y: Figure) -> bool:
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
}


def _measure(f: Figure) -> str:
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
    return any(not g.part and _same_measure(f, g) and _overlap(f, g) for g in others)


def _same_time(ra: Reading, rb: Reading, c: float) -> bool:
    """Whether two sentences naming different months or years may still tell one event: only
    inside one claim, when one names none and gives no day of its own ("in 2007-08" / "")."""
    if c < _SAME_CLAIM or (ra.when and rb.when):
        return False
    plain = rb if ra.when else ra
    return not (plain.days or plain.dates)


def _figure_conflicts(
    ra: Reading,
    rb: Reading,
    c: float,
    all_a: Sequence[Figure],
    all_b: Sequence[Figure],
    single: frozenset[str] = frozenset(),
) -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    if ra.when != rb.when and not _same_time(ra, rb, c):
        return out  # "a quake in February killed 612" is another event
    if ra.dates and rb.dates and not ra.dates.keys() & rb.dates.keys():
        return out  # "On March 11, a second quake ...": dated apart, told apart
    for x in ra.figs:
        if x.dim == "duration" and c < _DURATION:
            continue  # a story holds many spans of time: only compared inside one claim
        if c < _NEAR and not _anchored(x, single):
            continue
        ys = [y for y in rb.figs if _same_measure(x, y)]
        if not ys:
            continue
        for y in ys:
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
            if (x.part == "so far") != (y.part == "so far"):
                continue  # a running total against one event's count
            if _overlap(x, y) or (x.hedge == y.hedge == "vague"):
                continue  # (two vague amounts are two impressions, not two counts)
            gap = max(x.low, y.low) / max(min(x.high, y.high), 1e-9)
            vague = "vague" in (x.hedge, y.hedge) and c >= _NEAR  # "dozens" told as 1,200
            if gap > (_FAR if c >= _NEAR else _FAR_LOOSE) and not (x.part or y.part or vague):
                continue  # "21 injured" and "310,000 injured" count different wholes
            if not (x.part or y.part) and _said_elsewhere(x, all_b) and _said_elsewhere(y, all_a):
                continue  # both reports give both figures: two different things were measured
            if x.part or y.part:
                if x.part and y.part:
                    continue
                part, whole = (x, y) if x.part else (y, x)
                if part.low <= whole.high:
                    continue  # a part within the total, or a part against a part
            else:
                xs_all = [f for f in ra.figs if _same_measure(f, y) and not f.part]
                ys_all = [f for f in rb.figs if _same_measure(x, f) and not f.part]
                if any(_overlap(x, f) for f in ys_all) or any(_overlap(f, y) for f in xs_all):
                    continue  # each is matched elsewhere: another figure of the list
                if any(lo <= x.high and x.low <= hi for lo, hi in _sums(ys_all)) or any(
                    lo <= y.high and y.low <= hi for lo, hi in _sums(xs_all)
                ):
                    continue  # one side is a breakdown of the other's total
            why = "the ranges do not overlap" if {x.hedge, y.hedge} != {"exact"} else "they differ"
            if (x.part or y.part) and not (x.part and y.part):
                why = "a part is larger than the total"
            detail = (
                f"{_measure(x)}: A says '{x.text}'{_hedge_words(x)}"
                f"{' (' + (x.part) + ')' if x.part else ''}; B says '{y.text}'{_hedge_words(y)}"
                f"{' (' + (y.part) + ')' if y.part else ''}; {why}"
            )
            strength = 0.6 if (x.role or x.dim != "count") else 0.5
            out.append((detail, strength))
    return out


# --- candidates --------------------------------------------------------------------------------------


def _weights(reads: Sequence[Reading]) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    for r in reads:
        for s in r.stems:
            df[s] += 1
    n = len(reads) + 1
    w = {s: math.log(1 + n / d) for s, d in df.items()}
    for r in reads:
        r.weight = sum(w[s] for s in r.stems)
    return w


def _closeness(ra: Reading, rb: Reading, w: Mapping[str, float]) -> float:
    """Weighted share of the shorter sentence's content words found in the other (0..1); ``find``
    computes the same for all pairs at once."""
    shared = sum(w[s] for s in ra.stems & rb.stems)
    if not shared:
        return 0.0
    return shared / min(ra.weight, rb.weight)


_NEAR = 0.3  # closeness from which two sentences are a candidate
_FAR, _FAR_LOOSE = 10.0, 5.0  # ratios beyond which two counts are of different wholes
_LOOSE = 0.03  # ... and, for story-level measures (tolls, records), from any shared rare word
_DURATION = 0.35  # ... from which spans of time are compared (a story holds many)
_FATE = 0.15  # ... from which two accounts of one person's fate are compared
_CERTAIN = 0.35  # ... from which a hedged and a confirmed telling of it disagree
_CLOCK = 0.55  # ... from which clock times must agree (a story's timeline holds many)
_SAME_CLAIM = 0.45  # closeness from which a date, status or source must agree
_STRONG = 0.5  # findings below this strength are not shown
_MOST = 10  # and never more than this many: a reader checks each one
# figures are many and each is its own; a status or a hedge told again adds little
_PER_KIND = {"figure": 5, "date": 3}


def find(
    sa: Sequence[Sentence],
    sb: Sequence[Sentence],
    sims: Mapping[tuple[int, int], float],
    aligned: Mapping[tuple[int, int], float],
    readings_a: list[Reading] | None = None,
    readings_b: list[Reading] | None = None,
) -> list[Finding]:
    """The strong disagreements between aligned or close sentences, strongest first.

    Args:
        sa: Sentences of A.
        sb: Sentences of B.
        sims: A confidence in [0, 1] for some sentence pairs, used only as a hint.
        aligned: The pairs shown to the reader, with their score.
        readings_a: ``read_all(sa)`` made once by a caller that compares ``sa`` with many reports
            (the story view); read here when ``None``.
        readings_b: The same for ``sb``.
    """
    ra = readings_a if readings_a is not None else read_all(sa)
    rb = readings_b if readings_b is not None else read_all(sb)
    w = _weights(ra + rb)
    inverted: dict[str, list[int]] = defaultdict(list)
    for j, r in enumerate(rb):
        for s in r.stems:
            inverted[s].append(j)
    all_a = [f for r in ra for f in r.figs]
    all_b = [f for r in rb for f in r.figs]
    single = _single(all_a) & _single(all_b)
    also: dict[int, set[int]] = defaultdict(set)
    for i, j in aligned:
        also[i].add(j)
    found: list[Finding] = []
    for i, x in enumerate(ra):
        # weighted overlap with every sentence of B at once, over the stems' postings
        shared: dict[int, float] = defaultdict(float)
        for s in x.stems:
            ws = w[s]
            for j in inverted[s]:
                shared[j] += ws
        for j in also[i]:
            shared.setdefault(j, 0.0)
        for j, overlap in shared.items():
            y = rb[j]
            c = overlap / min(x.weight, y.weight) if overlap else 0.0
            # the caller's judgement counts as much as ours: it sees names and wording we do not
            key = (i, j)
            shown = aligned.get(key)
            c = max(c, shown or 0.0, min(c + 0.15, sims.get(key, 0.0)))
            if shown is not None:
                c = min(1.0, c + 0.1)
            if c < _FATE and not (x.figs and y.figs):
                continue
            if c < _LOOSE and not (x.names & y.names):
                continue
            if x.figs and y.figs:
                for detail, base in _figure_conflicts(x, y, c, all_a, all_b, single):
                    found.append(Finding("figure", i, j, detail, base + 0.5 * c))
            if c >= _NEAR:
                found.extend(_claim_conflicts(i, j, x, y, c))
            if c >= _FATE:
                found.extend(_fate_conflicts(i, j, x, y, c))
                found.extend(_denial_conflicts(i, j, x, y, c))
    # A finding on a headline comes after those told in the body, with their context.
    found = [f for f in found if f.strength >= _STRONG]
    found.sort(key=lambda f: (ra[f.i].headline or rb[f.j].headline, -f.strength))
    out: list[Finding] = []
    used: set[tuple[str, str, int]] = set()
    said: set[str] = set()
    per_kind: dict[str, int] = defaultdict(int)
    for f in found:
        if len(out) >= _MOST:
            break
        if per_kind[f.kind] >= _PER_KIND.get(f.kind, 2):
            continue  # the same disagreement seen in a fourth pair of sentences adds nothing
        # One finding of a measure per sentence: the strongest counterpart explains it best.
        what = f.detail.split(":")[0]
        if (("a", what, f.i) in used and ("b", what, f.j) in used) or (
            f.kind == "figure" and f.detail in said
        ):
            continue  # (and one finding per disagreement, however often each side repeats it)
        said.add(f.detail)
        per_kind[f.kind] += 1
        used |= {("a", what, f.i), ("b", what, f.j)}
        out.append(f)
    return out


_SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|confirmed|added)\s+(?:on\s+)?(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def _said_on(r: Reading) -> bool:
    """True when a sentence's weekday is the day something was said ("officials said Saturday")."""
    return bool(_SAID_ON.search(r.text))


def _next_day(x: Reading, y: Reading) -> bool:
    """True when two weekdays may name one night: "Thursday night" and "02:41 GMT Friday"."""
    for p, one in x.days.items():
        for q, other in y.days.items():
            d = (DAYS.index(q) - DAYS.index(p)) % 7
            if d not in (1, 6):
                continue
            late, early = (one, other) if d == 1 else (other, one)
            late_r, early_r = (x, y) if d == 1 else (y, x)
            if (
                re.search(r"night|evening|late", late, re.IGNORECASE)
                or re.search(r"early|morning", early, re.IGNORECASE)
                or any(t.zone for t in late_r.times + early_r.times)
            ):
                return True
    return False


def _pinned(x: Reading, y: Reading) -> float:
    """The same figure on both sides ("over 10,000 soldiers") pins down whose status it is."""
    return (
        0.2 if any(_same_measure(f, g) and _overlap(f, g) for f in x.figs for g in y.figs) else 0.0
    )


def _claim_conflicts(i: int, j: int, x: Reading, y: Reading, c: float) -> list[Finding]:
    """Dates, times, status, certainty and sources of one claim told by both sentences."""
    out: list[Finding] = []
    if x.dates and y.dates and not x.dates.keys() & y.dates.keys():
        out.append(
            Finding(
                "date",
                i,
                j,
                f"date: A says {', '.join(x.dates.values())}; B says {', '.join(y.dates.values())}",
                0.4 + c,
            )
        )
    if (
        len(x.days) == len(y.days) == 1
        and not x.days.keys() & y.days.keys()
        and not _next_day(x, y)
        and not _said_on(x)
        and not _said_on(y)
    ):
        out.append(
            Finding(
                "date",
                i,
                j,
                f"day: A says {', '.join(x.days.values())}; B says {', '.join(y.days.values())}",
                0.3 + c,
            )
        )
    # one time of each side in one zone: several times in a sentence are several events
    pairs = [
        (p, q)
        for p in x.times
        for q in y.times
        if p.zone == q.zone
        and sum(t.zone == p.zone for t in x.times) == 1
        and sum(t.zone == q.zone for t in y.times) == 1
    ]
    if pairs and c >= _CLOCK and all(time_gap(p, q) > 5 for p, q in pairs):
        p, q = min(pairs, key=lambda t: time_gap(*t))
        out.append(
            Finding(
                "date",
                i,
                j,
                f"time: A says {p.text}; B says {q.text}; {time_gap(p, q)} minutes apart",
                0.3 + c,
            )
        )
    cx, cy = cues(x), cues(y)
    pa, aa = cx.prospective, cx.actual
    pb, ab = cy.prospective, cy.actual
    if pa and not aa and ab and not pb:
        out.append(
            Finding(
                "status",
                i,
                j,
                f"A says it has not happened yet ('{pa.group(0)}'); B says it has ('{ab.group(0)}')",
                0.4 + c + _pinned(x, y),
            )
        )
    elif pb and not ab and aa and not pa:
        out.append(
            Finding(
                "status",
                i,
                j,
                f"A says it has happened ('{aa.group(0)}'); B says it has not yet ('{pb.group(0)}')",
                0.4 + c + _pinned(x, y),
            )
        )
    if c < _CERTAIN:
        return out  # hedges are everywhere in news: compared only inside one claim
    ha, ca, hb, cb = cx.hedged, cx.confirmed, cy.hedged, cy.confirmed
    if ha and not ca and cb and not hb:
        out.append(
            Finding(
                "certainty",
                i,
                j,
                f"A reports it as uncertain ('{ha.group(0)}'); B as confirmed ('{cb.group(0)}')",
                0.2 + c,
            )
        )
    elif hb and not cb and ca and not ha:
        out.append(
            Finding(
                "certainty",
                i,
                j,
                f"A reports it as confirmed ('{ca.group(0)}'); B as uncertain ('{hb.group(0)}')",
                0.2 + c,
            )
        )
    na, nb = set(cx.sources), set(cy.sources)
    if (
        na
        and nb
        and not same_source(na, nb)
        and not any(n.split()[-1] in y.text for n in na)  # each names the other's source
        and not any(n.split()[-1] in x.text for n in nb)
    ):
        # The same claim, near word for word, credited to different people.
        credited = {stem(w.lower()) for n in na | nb for w in n.split()}
        ka, kb = x.stems - credited, y.stems - credited
        share = len(ka & kb) / max(1, min(len(ka), len(kb)))
        if share >= 0.6 and len(ka & kb) >= 2:
            out.append(
                Finding(
                    "attribution",
                    i,
                    j,
                    f"source: A credits {', '.join(sorted(na))}; B credits {', '.join(sorted(nb))}",
                    0.2 + share,
                )
            )
    return out


def _denial_conflicts(i: int, j: int, x: Reading, y: Reading, c: float) -> list[Finding]:
    """One report denies an act the other states: the same verb, about the same thing."""
    out: list[Finding] = []
    for side, r, other in (("A", x, y), ("B", y, x)):
        if (
            "no" not in r.words
            and "never" not in r.words
            and "not" not in r.words
            and ("neither" not in r.words)
        ):
            continue
        for verb, what, written in denials(r.text):
            if verb in other.stems and what & other.stems and not denials(other.text):
                said = "B" if side == "A" else "A"
                out.append(
                    Finding(
                        "status",
                        i,
                        j,
                        f"{side} denies it ('{written}'); {said} states it",
                        0.35 + c,
                    )
                )
                return out
    return out


def _fate_conflicts(i: int, j: int, x: Reading, y: Reading, c: float) -> list[Finding]:
    """Two accounts of one fate (rescued or captured, dead at the scene or on the way)."""
    out: list[Finding] = []
    cx, cy = cues(x), cues(y)
    if not (cx.any_fate and cy.any_fate):
        return out  # a fate told on one side only: nothing to set against it
    for (_, _, say_one, say_other), (a1, a2), (b1, b2) in zip(
        FATES, cx.fates, cy.fates, strict=True
    ):
        if a1 and not a2 and b2 and not b1:
            out.append(
                Finding(
                    "status",
                    i,
                    j,
                    f"A says {say_one} ('{a1.group(0)}'); B says {say_other} ('{b2.group(0)}')",
                    0.35 + c,
                )
            )
        elif a2 and not a1 and b1 and not b2:
            out.append(
                Finding(
                    "status",
                    i,
                    j,
                    f"A says {say_other} ('{a2.group(0)}'); B says {say_one} ('{b1.group(0)}')",
                    0.35 + c,
                )
            )
    return out
