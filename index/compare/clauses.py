"""A claim told twice inside two longer sentences: a long news sentence often makes two or three
claims, one of which may be the other report's word for word while the whole sentences are no
paraphrase. :func:`claims_within` marks such related pairs ``shared``."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index.compare.candidates import Judged
from index.compare.judge import floors, same_claim
from index.compare.pair_features import (
    Weighted,
    context_from,
    features,
    weigh,
)
from index.compare.preparation import Prepared, prepare
from index.models import Sentence

__all__ = ["claims_within", "clauses"]

# A long news sentence often makes two or three claims; one of them may be the other report's claim
# word for word while the whole sentences are no paraphrase. Clause boundaries: semicolons, colons,
# dashes, brackets, and a comma or "and"/"but"/"while" before a new clause.
_CLAUSE = re.compile(
    r"\s*(?:[;:—–()]|,\s+(?=(?:and|but|while|which|who|where|whereas|although|though|after|as|"
    r"with|making|given)\b)|\s(?=(?:and|but|while|whereas)\s+(?:the|a|an|its|their|his|her|they|"
    r"he|she|it|most|many|some)\b))\s*"
)


_CLAUSE_SIMILARITY = 0.3
"""Whole sentences less similar than this (1.5 of STS's 5) are not searched for a shared clause."""


def clauses(text: str) -> list[str]:
    """The clauses of a sentence that have at least four words (the sentence when none has)."""
    parts = [p for p in _CLAUSE.split(text) if p and len(p.split()) >= 4]
    return parts if len(parts) > 1 else [text]


def claims_within(
    pairs: dict[tuple[int, int], tuple[str, float]],
    judged: Mapping[tuple[int, int], Judged],
    prepared_a: Sequence[Prepared],
    prepared_b: Sequence[Prepared],
    sa: Sequence[Sentence],
    sb: Sequence[Sentence],
    idf: Mapping[str, float],
    story: frozenset[str],
    fold: Mapping[str, str] | None,
) -> None:
    """Mark ``shared`` the related pairs whose clauses make the same claim (same-claim probability
    of the best clause pair reaching the floor)."""
    verdict = floors()
    Parts = list[tuple[Prepared, Weighted | None]]
    cache_a: dict[int, Parts] = {}
    cache_b: dict[int, Parts] = {}

    def analysed(text: str, whole: Prepared) -> Parts:
        parts = clauses(text)
        if len(parts) == 1:
            return [(whole, None)]
        return [(prepare(c, fold), None) for c in parts]

    def weighed(parts: Parts, k: int) -> tuple[Prepared, Weighted]:
        # a clause weighed once, when first judged
        p, w = parts[k]
        if w is None:
            w = weigh(p, idf)
            parts[k] = (p, w)
        return p, w

    for (i, j), (kind, _) in list(pairs.items()):
        if kind == "shared" or judged[(i, j)].similarity < _CLAUSE_SIMILARITY:
            continue
        wa, wb = prepared_a[i].weights, prepared_b[j].weights
        if sum(1 for t in wa.keys() & wb.keys() if wa[t] >= 2.5) < 3:
            continue  # fewer than three distinctive words in common: no claim told twice
        ca = cache_a.get(i)
        if ca is None:
            ca = cache_a[i] = analysed(sa[i].text, prepared_a[i])
        cb = cache_b.get(j)
        if cb is None:
            cb = cache_b[j] = analysed(sb[j].text, prepared_b[j])
        if len(ca) == 1 and len(cb) == 1:
            continue  # the whole sentences were judged already
        # The clause pair with most words in common, the first such (a word or none: no claim
        # made twice).
        common, k, m = max(
            (
                (len(x.weights.keys() & y.weights.keys()), k, m)
                for k, (x, _) in enumerate(ca)
                for m, (y, _) in enumerate(cb)
            ),
            key=lambda t: t[0],
        )
        if common < 2:
            continue
        x, vx = weighed(ca, k)
        y, vy = weighed(cb, m)
        best = same_claim(features(x, y), context_from(vx, vy, story))
        if best >= verdict.shared_same:
            pairs[(i, j)] = ("shared", round(best, 4))
