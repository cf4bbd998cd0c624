"""Every pair of a story's reports aligned, each sentence analysed once for the whole story.

The judgement is :mod:`index.compare.judge`'s and the selection :func:`index.compare.matching.select`'s, exactly
as a pairwise comparison makes them: candidates are each sentence's best few by a cosine weighed
with the two reports' own idf, each is judged (same claim, similarity, same event) with the two
reports' idf, story vocabulary and centrality, and the calibrated floors pick the aligned pairs.
What differs from calling :func:`index.compare.matching.match` for every pair is only the cost: a
sentence is prepared once, not once per other report (ten reports: nine times less), and names
spelt two ways ("Zelensky" / "Zelenskyy") are folded over the whole story at once.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from index.models import Entity, Sentence
from index.story.engine import align as wordlib
from index.story.engine import matching
from index.story.engine import preparation as judging

CANDIDATES = 3
"""Candidates judged per sentence on each side (the comparison judges six). A story links only
pairs with a same-event probability of 0.8 or more, found among each sentence's best three by
cosine; judging six costs half as much again for the same figures (ECB+, 36 events: 0.868 of
judged claim pairs same-event and 0.506 of gold pairs found with six, 0.874 and 0.500 with three)."""


@dataclass(frozen=True)
class Prepped:
    """One report analysed for alignment: its sentences, their analysis, its boilerplate."""

    sentences: tuple[Sentence, ...]
    prepared: tuple[judging.Prepared, ...]
    boiler: frozenset[int]


@dataclass(frozen=True)
class Aligned:
    """Two reports aligned: ``pairs`` ``{(i, j): (kind, confidence)}`` and every judged pair."""

    pairs: Mapping[tuple[int, int], tuple[str, float]]
    judged: Mapping[tuple[int, int], matching.Judged]


def story_fold(capitalised: Sequence[set[str]]) -> dict[str, str]:
    """Demonyms onto places, and spellings of one name in different reports onto one stem.

    Args:
        capitalised: Each report's lower-cased capitalised words.
    """
    fold = wordlib.proper_map(set(), set())  # the demonyms alone
    stems: dict[str, int] = defaultdict(int)
    for words in capitalised:
        for s in {wordlib.stem(w) for w in words}:
            stems[s] += 1
    by_prefix: dict[str, list[str]] = defaultdict(list)
    # The spelling most reports use stands for the others.
    for s in sorted(stems, key=lambda s: (-stems[s], s)):
        if len(s) < 6:
            continue
        for t in by_prefix[s[:4]]:
            if wordlib.spelled_alike(s, t):
                fold.setdefault(s, t)
                break
        else:
            by_prefix[s[:4]].append(s)
    return fold


def prepped(
    sentences: Sequence[Sentence], entities: Sequence[Entity], fold: Mapping[str, str]
) -> Prepped:
    """Analyse one report's sentences once for every pair it takes part in."""
    prepared, boiler = matching.prepare_report(sentences, entities, fold)
    return Prepped(tuple(sentences), tuple(prepared), boiler)


def align(a: Prepped, b: Prepped) -> Aligned:
    """Align two prepared reports as :func:`index.compare.matching.match` does (without its clause search,
    which only tells ``shared`` from ``related``)."""
    found = matching.judge_candidates(a.prepared, b.prepared, a.boiler, b.boiler, CANDIDATES)
    loose = matching.loose_pairs(found, a.prepared, b.prepared) | matching.namesake_pairs(
        found, a.prepared, b.prepared
    )
    heads = (matching.headline(a.sentences, a.boiler), matching.headline(b.sentences, b.boiler))
    loose = matching.headlines_kept(loose, heads)
    reach = matching.reach(a.sentences, b.sentences, found.central_a, found.central_b, heads)
    chosen = matching.select(found.judged, loose=loose, central=reach)
    return Aligned(chosen, found.judged)


Vector = tuple[dict[str, float], float]
"""A sentence's content weighed by how little of the story's setting it is, with its norm."""


_SAID = r"(?:said|says|told|tells|added|adds|stated|states|explained|explains|insisted|insists)"
# Direct speech: the attribution after the quote (`..." the president said to reporters at the
# airport`) or before it (`Margaret Beckett said, "...`) is who spoke and where, not the claim.
_TAIL = re.compile(r'([,.!?]["”])\s+[^"“”]{0,120}?\b' + _SAID + r'\b[^"“”]*$')
_HEAD = re.compile(r'^[^"“”]{0,120}?\b' + _SAID + r'\b[^"“”]{0,40}?["“](?=\w)')


def spoken(text: str) -> str | None:
    """A sentence of direct speech without its attribution ("he said to reporters at ..."), or
    ``None`` when it has none to strip."""
    out = _TAIL.sub(r"\1", text)
    out = _HEAD.sub("", out)
    return out if out != text and len(out.split()) >= 4 else None


def setting_factor(reports: Sequence[Prepped]) -> dict[str, float]:
    """Each word's weight factor in a story: ``log((n + 1) / df) / log((n + 1) / 2)``, at most 1,
    ``df`` the number of its ``n`` reports that use it (see :func:`setting_vectors`)."""
    n = len(reports)
    df: dict[str, int] = defaultdict(int)
    for r in reports:
        for t in {t for i, p in enumerate(r.prepared) if i not in r.boiler for t in p.weights}:
            df[t] += 1
    top = math.log((n + 1) / 2)
    return {t: min(1.0, math.log((n + 1) / d) / top) for t, d in df.items()}


def setting_vectors(
    reports: Sequence[Prepped],
    fold: Mapping[str, str] | None = None,
    factor: Mapping[str, float] | None = None,
) -> list[list[Vector]]:
    """Each sentence's content, each word weighed down by the share of the story's reports that
    use it: ``log((n + 1) / df) / log((n + 1) / 2)``, at most 1 (a word of two reports or fewer
    keeps its weight; of every report of ten, a twentieth).

    What every report of a developing story repeats ("15 British sailors detained by Iran") is the
    story's setting, not a claim: two sentences that share only it are two claims about one story.
    In a story of two reports nothing is weighed down. A sentence of direct speech counts its quote
    only (:func:`spoken`): "...very low," the president said at the Charles de Gaulle airport' is
    not about the flight bound for that airport (all ten WikiNews stories: 47 of 70 claim pairs
    right with it, 48 of 76 without).
    """
    if factor is None:
        factor = setting_factor(reports)
    out: list[list[Vector]] = []
    for r in reports:
        vs: list[Vector] = []
        for p in r.prepared:
            said = spoken(p.text)
            weights = judging.prepare(said, fold).weights if said else p.weights
            v = {t: w * factor.get(t, 1.0) for t, w in weights.items()}
            vs.append((v, math.sqrt(sum(x * x for x in v.values())) or 1.0))
        out.append(vs)
    return out


def setting_cosine(a: Vector, b: Vector) -> float:
    """The cosine of two sentences' :func:`setting_vectors`: what they share beyond the story's
    setting."""
    va, vb = a[0], b[0]
    if len(va) > len(vb):
        va, vb = vb, va
    return sum(x * vb[t] for t, x in va.items() if t in vb) / (a[1] * b[1])


def nearest(reports: Sequence[Prepped], k: int) -> set[tuple[int, int]]:
    """The pairs of reports to align, ``(x, y)`` with ``x < y``: every pair when there are at most
    ``k + 1`` reports, else each report with its ``k`` nearest by the cosine of their content."""
    n = len(reports)
    if n <= k + 1:
        return {(x, y) for x in range(n) for y in range(x + 1, n)}
    vectors: list[dict[str, float]] = []
    for r in reports:
        v: dict[str, float] = defaultdict(float)
        for i, p in enumerate(r.prepared):
            if i not in r.boiler:
                for t, w in p.weights.items():
                    v[t] += w
        norm = sum(x * x for x in v.values()) ** 0.5 or 1.0
        vectors.append({t: w / norm for t, w in v.items()})
    out: set[tuple[int, int]] = set()
    for x in range(n):
        sims = [
            (sum(w * vectors[y].get(t, 0.0) for t, w in vectors[x].items()), y)
            for y in range(n)
            if y != x
        ]
        for _, y in heapq.nlargest(k, sims):
            out.add((min(x, y), max(x, y)))
    return out
