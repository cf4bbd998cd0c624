"""The inputs of the sentence-pair judgement (:mod:`index.compare.judge`) for two prepared
sentences (:mod:`index.compare.preparation`).

:func:`features` holds the pair's own lexical measures (:data:`FEATURES`), :func:`context_features`
those that need the two reports (:data:`CONTEXT_FEATURES`: the reports' own idf and the story's
vocabulary), :func:`position_features` where the two stand in their reports and how central each
is to the other report (:data:`POSITION_FEATURES`). :data:`EVENT_INPUTS` names all the same-event
model may read.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from rapidfuzz.distance import Indel

from index.compare.preparation import Prepared
from index.compare.vectors import cosine as vector_cosine

__all__ = [
    "CONTEXT_FEATURES",
    "EVENT_INPUTS",
    "FEATURES",
    "POSITION_FEATURES",
    "Weighted",
    "centrality",
    "context_features",
    "context_from",
    "features",
    "local_idf",
    "position_features",
    "weigh",
]

FEATURES: tuple[str, ...] = (
    "cosine",
    "cover_short",
    "cover_long",
    "jaccard",
    "bigram_dice",
    "sequence",
    "characters",
    "numbers_both",
    "numbers_same",
    "numbers_differ",
    "names_shared",
    "names_unmatched",
    "length_gap",
    "short_length",
    "negation_differs",
    "hedge_differs",
    "unmatched_most",
    "cosine_x_cover",
    "vector_cosine",
    "numbers_across",
)


def features(a: Prepared, b: Prepared, discount: Mapping[str, float] | None = None) -> list[float]:
    """The judgement's inputs for one pair, in the order of :data:`FEATURES`.

    Args:
        a: One prepared sentence.
        b: The other.
        discount: Optional stem -> factor in (0, 1] lowering the weight of words common in the two
            reports being compared (the story's own vocabulary says little about which claim).
    """
    wa, wb = a.weights, b.weights
    if discount:
        wa = {t: w * discount.get(t, 1.0) for t, w in wa.items()}
        wb = {t: w * discount.get(t, 1.0) for t, w in wb.items()}
        mass_a, mass_b = sum(wa.values()) or 1.0, sum(wb.values()) or 1.0
        norm_a = math.sqrt(sum(v * v for v in wa.values())) or 1.0
        norm_b = math.sqrt(sum(v * v for v in wb.values())) or 1.0
    else:
        mass_a, mass_b = a.mass or 1.0, b.mass or 1.0
        norm_a, norm_b = a.norm or 1.0, b.norm or 1.0
    shared = wa.keys() & wb.keys()
    dot = common = 0.0
    for t in shared:
        x, y = wa[t], wb[t]
        dot += x * y
        common += x if x < y else y
    cosine = dot / (norm_a * norm_b)
    # (conditional expressions, not min/max: this runs for every candidate pair)
    short, long_ = (mass_a, mass_b) if mass_a <= mass_b else (mass_b, mass_a)
    cover_short = common / short
    cover_short = cover_short if cover_short < 1.0 else 1.0
    cover_long = common / long_
    cover_long = cover_long if cover_long < 1.0 else 1.0
    union = len(wa) + len(wb) - len(shared) or 1
    jaccard = len(shared) / union
    nb = len(a.bigrams) + len(b.bigrams)
    bigram = 2 * len(a.bigrams & b.bigrams) / nb if nb else 0.0
    sequence = Indel.normalized_similarity(a.codes, b.codes) if a.codes and b.codes else 0.0
    characters = Indel.normalized_similarity(a.lower, b.lower)
    # Each number is its kind's letter and its value (:func:`index.compare.preparation.prepare`):
    # numbers of two kinds are no two readings of one figure ("July 7, 2005" / "two photographs
    # at 15:30"), so only those of a kind both sentences give can differ; the others are detail
    # one sentence gives and the other lacks (``across``).
    both = differ = across = 0.0
    same_numbers = 0.0
    if a.numbers and b.numbers:
        kinds_a, kinds_b = {v[0] for v in a.numbers}, {v[0] for v in b.numbers}
        kinds = kinds_a & kinds_b
        if kinds:
            both = 1.0
            same_numbers = float(a.numbers == b.numbers)
            n = sum(1 for v in a.numbers ^ b.numbers if v[0] in kinds)
            differ = (n if n < 3 else 3) / 3.0
        n = sum(1 for v in a.numbers if v[0] not in kinds_b)
        n += sum(1 for v in b.numbers if v[0] not in kinds_a)
        across = (n if n < 3 else 3) / 3.0
    names_both = len(a.names & b.names)
    names_union = len(a.names) + len(b.names) - names_both
    names_shared = names_both / names_union if names_union else 0.0
    unmatched = names_union - names_both
    names_unmatched = (unmatched if unmatched < 3 else 3) / 3.0
    la, lb = len(a.seq), len(b.seq)
    longer = la if la >= lb else lb
    gap = abs(la - lb) / (longer if longer > 1 else 1)
    short_length = math.log1p(la if la <= lb else lb)
    ua, ub = 1.0 - common / mass_a, 1.0 - common / mass_b
    unmatched_most = ua if ua >= ub else ub
    return [
        cosine,
        cover_short,
        cover_long,
        jaccard,
        bigram,
        sequence,
        characters,
        both,
        same_numbers,
        differ,
        names_shared,
        names_unmatched,
        gap,
        short_length,
        float(a.negated != b.negated),
        float(a.hedged != b.hedged),
        unmatched_most,
        cosine * cover_short,
        vector_cosine(a.vector, b.vector),
        across,
    ]


CONTEXT_FEATURES: tuple[str, ...] = ("local_cosine", "local_cover_short", "story_share")


def local_idf(sentences: Sequence[Prepared]) -> tuple[dict[str, float], frozenset[str]]:
    """Rarity of each stem among the sentences of the reports being compared, and the story's own
    vocabulary (stems in many of those sentences)."""
    df: dict[str, int] = {}
    for s in sentences:
        for t in s.weights:
            df[t] = df.get(t, 0) + 1
    n = len(sentences) or 1
    idf = {t: math.log(1.0 + n / d) for t, d in df.items()}
    return idf, frozenset(t for t, d in df.items() if d >= max(3, 0.15 * n))


Weighted = tuple[dict[str, float], float, float]
"""A sentence's content weighed by the reports' own idf, with its norm and total."""


def weigh(p: Prepared, idf: Mapping[str, float]) -> Weighted:
    """``p``'s content weighed by the two reports' idf (computed once per sentence)."""
    get = idf.get
    v = {t: get(t, 1.0) * (w if w < 2.0 else 2.0) for t, w in p.weights.items()}
    return v, math.sqrt(sum(x * x for x in v.values())) or 1.0, sum(v.values())


def context_from(wa: Weighted, wb: Weighted, story: frozenset[str]) -> list[float]:
    """:func:`context_features` from sentences already weighed with :func:`weigh`."""
    va, na, sa = wa
    vb, nb, sb = wb
    if len(va) > len(vb):
        va, vb = vb, va
    dot = common = in_story = 0.0
    for t, x in va.items():
        y = vb.get(t)
        if y is None:
            continue
        dot += x * y
        m = y if y <= x else x  # (no builtin call: this runs for every shared word of every pair)
        common += m
        if t in story:
            in_story += m
    short = min(sa, sb) or 1.0
    return [dot / (na * nb), min(1.0, common / short), in_story / common if common else 1.0]


def context_features(
    a: Prepared, b: Prepared, idf: Mapping[str, float], story: frozenset[str]
) -> list[float]:
    """Inputs that need the two reports: cosine and coverage with their own idf, and the share of
    what the pair shares that is only the story's own vocabulary (order of
    :data:`CONTEXT_FEATURES`)."""
    return context_from(weigh(a, idf), weigh(b, idf), story)


POSITION_FEATURES: tuple[str, ...] = (
    "both_lead",
    "one_lead",
    "later",
    "central_min",
    "central_max",
)
EVENT_INPUTS: tuple[str, ...] = (
    *FEATURES,
    *CONTEXT_FEATURES,
    "same",
    "similarity",
    *POSITION_FEATURES,
)
"""Everything the same-event model may read; its file names the inputs it does read."""


def position_features(
    i: int, j: int, central_a: float = 0.0, central_b: float = 0.0
) -> list[float]:
    """Where the two sentences stand in their reports (0 = the first sentence or headline): a
    report's lead states its main event, so two leads more often tell the same one. With each
    sentence's :func:`centrality` towards the other report: two sentences that are both about what
    the other report is about tell its shared event more often than background does."""
    lead_a, lead_b = i < 3, j < 3
    return [
        float(lead_a and lead_b),
        float(lead_a != lead_b),
        math.log1p(min(i, j)),
        min(central_a, central_b),
        max(central_a, central_b),
    ]


def centrality(own: Sequence[Weighted], other: Sequence[Weighted]) -> list[float]:
    """How much each sentence of one report is about what the other report is about: the cosine of
    its content (weighed by :func:`weigh`) with the other report's centroid, the sum of its
    sentences' unit vectors."""
    centroid: dict[str, float] = {}
    for v, norm, _ in other:
        for t, x in v.items():
            centroid[t] = centroid.get(t, 0.0) + x / norm
    size = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    out = []
    for v, norm, _ in own:
        dot = sum(x * centroid.get(t, 0.0) for t, x in v.items())
        out.append(dot / (norm * size))
    return out
