"""Candidate pairs of two reports and their judgement: which sentence pairs share enough content to
be judged (each sentence's :data:`CANDIDATES` best by a cosine weighed with the two reports' own
idf, on either side), and what the learned models of :mod:`index.compare.judge` say of each, in the
two reports' context (their own idf, the story's vocabulary, each sentence's centrality). The
selection among them is :mod:`index.compare.matching`'s."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from index.compare.boilerplate import is_boilerplate
from index.compare.judge import judge
from index.compare.pair_features import (
    Weighted,
    centrality,
    context_from,
    features,
    local_idf,
    position_features,
    weigh,
)
from index.compare.preparation import Prepared, prepare
from index.models import Entity, Sentence

__all__ = [
    "CANDIDATES",
    "Candidates",
    "Judged",
    "find_candidates",
    "judge_candidates",
    "prepare_report",
]

CANDIDATES = 5
"""Candidates judged per sentence (by local cosine), on each side (ECB+ report pairs: 6 found the
same 135 gold pairs with 3 more pairs shown; 4 found 134; each one fewer is a sixth fewer pairs to
judge)."""
_MIN_COSINE = 0.03


@dataclass(frozen=True, slots=True)
class Judged:
    """The judgement of one candidate pair: same-claim probability, graded similarity, same-event
    probability."""

    same: float
    similarity: float
    event: float
    cosine: float = 1.0
    """Cosine of the two sentences' content weighed by the two reports' own idf."""


def _keys(sents: Sequence[Sentence], entities: Sequence[Entity]) -> list[list[str]]:
    """Each sentence's canonical entity keys (dates and quantities left out)."""
    out: list[list[str]] = [[] for _ in sents]
    ents = sorted(
        (e for e in entities if e.canonical and e.label not in ("DATE", "QUANTITY")),
        key=lambda e: e.start,
    )
    k = 0
    for n, s in enumerate(sents):
        while k < len(ents) and ents[k].end <= s.start:
            k += 1
        j = k
        while j < len(ents) and ents[j].start < s.end:
            out[n].append(ents[j].canonical)
            j += 1
    return out


def prepare_report(
    sents: Sequence[Sentence],
    entities: Sequence[Entity] = (),
    fold: Mapping[str, str] | None = None,
) -> tuple[list[Prepared], frozenset[int]]:
    """One report's sentences analysed for the judgement (with their entity keys), and which of
    them are boilerplate; a caller aligning a report with many others does this once."""
    keys = _keys(sents, entities)
    prepared = [prepare(s.text, fold, k) for s, k in zip(sents, keys, strict=True)]
    boiler = frozenset(
        i for i, (s, p) in enumerate(zip(sents, prepared)) if is_boilerplate(s.text, p)
    )
    return prepared, boiler


@dataclass(frozen=True)
class Candidates:
    """Every candidate pair of two reports judged, with what the judgement read around them."""

    judged: dict[tuple[int, int], Judged]
    idf: dict[str, float]
    story: frozenset[str]
    central_a: list[float]
    central_b: list[float]


def judge_candidates(
    pa: Sequence[Prepared],
    pb: Sequence[Prepared],
    boiler_a: frozenset[int],
    boiler_b: frozenset[int],
    per_sentence: int = CANDIDATES,
) -> Candidates:
    """Judge the candidate pairs of two prepared reports (:func:`find_candidates`) in their
    context: the two reports' own idf, the story's vocabulary, each sentence's centrality."""
    idf, story = local_idf([*pa, *pb])
    wa = [weigh(p, idf) for p in pa]
    wb = [weigh(p, idf) for p in pb]
    central_a = centrality(wa, [w for j, w in enumerate(wb) if j not in boiler_b])
    central_b = centrality(wb, [w for i, w in enumerate(wa) if i not in boiler_a])
    judged: dict[tuple[int, int], Judged] = {}
    for i, j in find_candidates(wa, wb, boiler_a, boiler_b, per_sentence):
        x = features(pa[i], pb[j])
        c = context_from(wa[i], wb[j], story)
        position = position_features(i, j, central_a[i], central_b[j])
        judged[(i, j)] = Judged(*judge(x, c, position), c[0])
    return Candidates(judged, idf, story, central_a, central_b)


def find_candidates(
    va: Sequence[Weighted],
    vb: Sequence[Weighted],
    skip_a: frozenset[int],
    skip_b: frozenset[int],
    per_sentence: int = CANDIDATES,
) -> set[tuple[int, int]]:
    """Pairs sharing content: each sentence's ``per_sentence`` best by local cosine, on either
    side (sentences in ``skip_a`` / ``skip_b``, boilerplate, take no part)."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, (v, norm, _) in enumerate(vb):
        if j in skip_b:
            continue
        for t, w in v.items():
            postings[t].append((j, w / norm))
    best_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    best_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, (v, norm, _) in enumerate(va):
        if i in skip_a:
            continue
        dot: dict[int, float] = defaultdict(float)
        for t, w in v.items():
            for j, wb in postings.get(t, ()):
                dot[j] += w * wb
        for j, d in dot.items():
            cos = d / norm
            if cos >= _MIN_COSINE:
                best_a[i].append((cos, j))
                best_b[j].append((cos, i))
    out: set[tuple[int, int]] = set()
    for i, row in best_a.items():
        out.update((i, j) for _, j in heapq.nlargest(per_sentence, row))
    for j, row in best_b.items():
        out.update((i, j) for _, i in heapq.nlargest(per_sentence, row))
    return out
