"""Figures over time of a story (its sources map: :mod:`index.story.cited`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from index.analysis.dates import normalise_date
from index.models import Sentence
from index.story.engine import align as wordlib
from index.story.engine import figures as figs
from index.story.engine import numbers
from index.story.models import FigureValue, Measure, Report

# Nouns that count the same people whoever writes them (a generic list, no story's words).
_FORCES = frozenset(
    wordlib.stem(w) for w in ["troops", "soldiers", "infantry", "servicemen", "personnel"]
)
_FORCE_NAME = "troops"


def measure_of(f: figs.Figure) -> str:
    """What a figure measures, as a short name shared across reports ("dead", "troops",
    "distance", "amount of money")."""
    if f.dim.startswith("money"):
        return "amount of money" + (" a year" if f.dim.endswith("/rate") else "")
    if f.dim.startswith("record:"):
        return f"{f.dim.partition(':')[2]}'s record"
    if f.dim == "count":
        if f.role:
            return f.role
        words = f.noun.split()
        if not words:
            return ""
        head = wordlib.stem(words[-1])
        return _FORCE_NAME if head in _FORCES else words[-1]
    if f.dim == "distance" and " of " in f.noun:
        return "distance of " + f.noun.partition(" of ")[2]
    if f.dim == "age":
        return f"age of {f.noun}" if f.noun else "age"  # "a 63-year-old woman", not the man
    if f.dim == "duration":
        return ""  # "three days of rain", "a three-month programme": description, not a toll
    return f.dim


# A number that names something ("Flight 447", "stage 13", "Resolution 1723") counts nothing.
_NAMING = re.compile(
    r"\b(?:flight|stage|route|resolution|number|no|article|section|chapter|room|highway|line|"
    r"platform|gate|terminal)\.?\s*$"
)
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w-]*\s*$")
SPREAD = 3.0
"""Values of one unit measure (distance, area) more than this factor apart are two measures: a
depth of 3,000 metres and a distance of 650 km off the coast are not one figure moving. Each part
spans at most this factor from its smallest value."""
_BASE_UNIT = {"distance": "km", "area": "m²"}
GENERIC = frozenset(
    ["people", "persons", "others", "members", "percent", "age", "distance", "area"]
)
"""Measures that do not say of what: "people" rescued and "people" relocated, a percentage of
emissions and one of the population, the depth of one quake and the distance of another from a
town. Their line keeps only values another report matches (within :data:`NEAR`: "a dozen" and 12,
400 and 380 km, not five and three), the one figure known to be the same (all 228 on board); the
others are each report's own. On the ten WikiNews
stories: Haiti's "people" line had mixed those found alive, rescued, relocated and trapped."""
NEAR = 1.2
"""Two values of a :data:`GENERIC` measure match when the larger is at most this times the
smaller."""


def _naming(text: str, f: figs.Figure) -> bool:
    """True for a count with no counted noun that follows a name or a naming word."""
    if f.dim != "count" or f.noun:
        return False
    before = text[: f.start]
    return bool(_CAPITALISED_BEFORE.search(before) or _NAMING.search(before.lower()))


def _converted(text: str, f: figs.Figure, earlier: Sequence[figs.Figure]) -> bool:
    """True for a figure in brackets after one of the same dimension: "190 miles (306 km)"."""
    before = text[: f.start]
    at = max(before.rfind("("), before.rfind("["))
    if at < 0 or max(before.rfind(")"), before.rfind("]")) > at:
        return False
    return any(e.dim == f.dim and e.start < at for e in earlier)


def _round(x: float) -> str:
    """A value with at most three significant digits, as a reader writes it."""
    if x >= 100:
        return f"{round(x, -len(str(int(x))) + 3):,.0f}"
    return f"{x:.3g}"


def _spread(
    key: str, values: list[tuple[FigureValue, float]]
) -> list[tuple[str, list[tuple[FigureValue, float]]]]:
    """A unit measure's values split into parts of at most :data:`SPREAD` from their smallest,
    each part named by its range; any other measure whole."""
    unit = _BASE_UNIT.get(key)
    if unit is None or not values:
        return [(key, values)]
    ordered = sorted(values, key=lambda v: v[1])
    parts: list[list[tuple[FigureValue, float]]] = [[ordered[0]]]
    for v in ordered[1:]:
        if v[1] > SPREAD * parts[-1][0][1]:
            parts.append([])
        parts[-1].append(v)
    if len(parts) == 1:
        return [(key, values)]
    out = []
    for part in parts:
        lo, hi = _round(part[0][1]), _round(part[-1][1])
        span = lo if lo == hi else f"{lo}-{hi}"
        out.append((f"{key}, {span} {unit}", part))
    return out


def _written(text: str, f: figs.Figure) -> str:
    """The figure as the sentence writes it (hedge included), found near where it was read."""
    at = text.lower().find(f.text.lower(), max(0, f.start - len(f.text) - 20))
    return text[at : at + len(f.text)] if at >= 0 else f.text


def date_key(date: str | None) -> str:
    """A publication date as it sorts: ISO ("Friday, May 21, 2010" after "2010-02-27"), undated
    last."""
    return (normalise_date(date) if date else None) or "\uffff"


def timeline(
    reports: Sequence[Report],
    sentences: Sequence[Sequence[Sentence]],
    claim_of: Mapping[tuple[int, int], int],
) -> list[Measure]:
    """Every measure given by two reports or more, its values by publication date.

    Args:
        reports: The reports.
        sentences: Each report's sentences.
        claim_of: ``(report, sentence) -> claim`` for sentences in a claim.
    """
    found: dict[str, list[tuple[FigureValue, float]]] = defaultdict(list)
    for r, sents in enumerate(sentences):
        for n, s in enumerate(sents):
            text = numbers.clean(s.text)
            read = figs.figures(text)
            for k, f in enumerate(read):
                key = measure_of(f)
                if not key or (f.dim == "count" and f.value < 2 and f.hedge == "exact"):
                    continue  # "one of them": no figure of the story
                if f.dim == "count" and f.value != int(f.value):
                    continue  # "the 8.8 earthquake": a magnitude, not a count of earthquakes
                if _naming(text, f) or _converted(text, f, read[:k]):
                    continue
                value = FigureValue(
                    r,
                    _written(text, f),
                    f.hedge,
                    s.text,
                    reports[r].date,
                    s.start,
                    s.end,
                    claim_of.get((r, n)),
                )
                found[key].append((value, f.value))
    out: list[tuple[int, Measure]] = []
    for key, values in (part for k, vs in found.items() for part in _spread(k, vs)):
        if key.partition(",")[0] in GENERIC:
            values = [
                v
                for v in values
                if any(
                    w[0].report != v[0].report and min(v[1], w[1]) * NEAR >= max(v[1], w[1]) > 0
                    for w in values
                )
            ]
        given = {v.report for v, _ in values}
        if len(given) < 2:
            continue
        # One value per report and written form: the same figure repeated adds nothing.
        seen: set[tuple[int, str]] = set()
        kept = []
        for v, _ in sorted(values, key=lambda x: (date_key(x[0].date), x[0].report, x[0].start)):
            if (v.report, v.value.lower()) in seen:
                continue
            seen.add((v.report, v.value.lower()))
            kept.append(v)
        out.append((len(given), Measure(key, tuple(kept))))
    out.sort(key=lambda x: (-x[0], x[1].measure))
    return [m for _, m in out]
