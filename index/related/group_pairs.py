"""Story grouping's similarities: each report's closest reports, and the similarity of any two, for
one grouping of the whole corpus (:mod:`index.related.grouping`).

The same values as :func:`index.related.similarity.similarity` and
:func:`index.related.similarity.candidates`, computed for a whole corpus at once: one report is held
(its weights spread over a list by key number) against each of its candidates read as plain lists,
where the pairwise function decoded both vectors of every pair into mappings (10,000 generated
articles: ~170,000 decodes). Only the order in which a pair's shared keys are summed differs (the
last bits of a similarity). Grouping those 10,000 articles: 13.2 -> 10.8 s CPU, the same stories.
What is left: ~68,000 exact similarities of ~330 keys each (~5 s: reading the candidate's lists and
one pass over them), the candidates' postings (~4 s), the merges (~2 s).
"""

from __future__ import annotations

import operator
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, repeat
from typing import Any

from index.related.similarity import (
    GROUP_ENTITY_SHARE,
    Key,
    Model,
    date_factor,
    dots,
    mix,
    similarity,
)
from index.related.stored import vector_arrays

__all__ = ["PairCache"]

_SIGNATURE = 12
_GROUP_NEIGHBOURS = 10
_SECOND = operator.itemgetter(1)
_ZEROS = repeat(0.0)
_MUL = operator.mul
_SET = operator.setitem

_drain = deque[Any](maxlen=0).extend
"""Runs an iterator to its end in C (a map whose calls are the point)."""

_Parts = tuple[list[Any], list[float], list[Any], list[float]]
"""An article's term keys and weights, then its entity keys and weights, as plain lists."""


def _parts_reader(model: Model) -> tuple[Callable[[int], _Parts], int]:
    """How to read an article's vector as plain lists, and how many keys the model numbers (0 when
    its keys are text): sliced from the mapped arrays of a stored model
    (:func:`index.related.stored.vector_arrays`), or taken from the mappings of one built in memory."""
    arrays = vector_arrays(model)
    if arrays is None:

        def from_mappings(n: int) -> _Parts:
            terms, ents = model.vecs[n]
            return list(terms), list(terms.values()), list(ents), list(ents.values())

        return from_mappings, 0
    offsets = arrays.offsets
    keys: Any = arrays.keys  # numbers (tolist() types them as ints; weights are floats)
    weights: Any = arrays.weights

    def from_arrays(n: int) -> _Parts:
        a, b, c = offsets[2 * n], offsets[2 * n + 1], offsets[2 * n + 2]
        return (
            keys[a:b].tolist(),
            weights[a:b].tolist(),
            keys[b:c].tolist(),
            weights[b:c].tolist(),
        )

    return from_arrays, arrays.key_count


class PairCache(dict[tuple[int, int], float]):
    """The grouping similarity of pairs of articles, each computed once in a grouping (a pair is met
    from both ends, and again when groups merge).

    One article at a time is held: its weights spread over a list by key number (a stored model's
    keys are numbers), so that each other article's keys are looked up there in one pass. A model
    built in memory, whose vectors are mappings already, is measured pair by pair
    (:func:`index.related.similarity.similarity`)."""

    def __init__(self, model: Model, term_band: tuple[float, float] = (0.0, 0.0)) -> None:
        super().__init__()
        self.term_band = term_band
        self.model = model
        self.parts, count = _parts_reader(model)
        self.days = model.days
        self.acc = [0.0] * len(model.ids)
        self.dense: list[float] | None = [0.0] * count if count else None
        self.holding = -1
        self.held_keys: list[Any] = []
        self.held_ents = False
        self.terms: dict[tuple[int, int], float] = {}
        """The term cosine times the date factor (a related report's first score) of each pair
        whose similarity falls in ``term_band`` (from, below): only those are asked for it (all
        Reuters: 35 MB kept for every pair)."""

    def _hold(self, dense: list[float], n: int, parts: _Parts | None) -> None:
        if self.holding == n:
            return
        tk, tw, ek, ew = parts if parts is not None else self.parts(n)
        into = repeat(dense)
        _drain(map(_SET, into, self.held_keys, repeat(0.0)))
        _drain(map(_SET, into, tk, tw))
        _drain(map(_SET, into, ek, ew))
        self.held_keys = tk + ek
        self.held_ents = bool(ek)
        self.holding = n

    def row(self, n: int, others: Iterable[int], parts: _Parts | None = None) -> list[float]:
        """The similarity of ``n`` with each of ``others``, in their order (``parts``: ``n``'s
        vector as plain lists, when already read)."""
        out: list[float] = []
        dense = self.dense
        for d in others:
            pair = (n, d) if n < d else (d, n)
            value = self.get(pair)
            if value is None:
                if dense is None:
                    # A model built in memory holds its vectors as mappings: the pairwise way.
                    value = self[pair] = similarity(self.model, pair[0], pair[1])
                    if self.term_band[0] <= value < self.term_band[1]:
                        va, vb = self.model.vecs[pair[0]], self.model.vecs[pair[1]]
                        days = date_factor(self.days[pair[0]], self.days[pair[1]])
                        self.terms[pair] = dots(va, vb)[0] * days
                else:
                    self._hold(dense, n, parts)
                    value = self[pair] = self._against(dense, n, d, pair)
            out.append(value)
        return out

    def _against(self, dense: list[float], n: int, d: int, pair: tuple[int, int]) -> float:
        tk, tw, ek, ew = self.parts(d)
        get = dense.__getitem__
        t = sum(map(_MUL, tw, map(get, tk)))
        e = sum(map(_MUL, ew, map(get, ek)))
        both = self.held_ents and bool(ek)
        days = date_factor(self.days[n], self.days[d])
        score = min(1.0, max(0.0, mix(t, e, both, GROUP_ENTITY_SHARE) * days))
        if self.term_band[0] <= score < self.term_band[1]:
            self.terms[pair] = t * days
        return score

    def mean(self, pairs: Sequence[tuple[int, int]]) -> float:
        """The mean similarity of ``pairs`` (grouped by their first article, which is read once)."""
        values: dict[tuple[int, int], float] = {}
        start = 0
        while start < len(pairs):
            x = pairs[start][0]
            end = start
            while end < len(pairs) and pairs[end][0] == x:
                end += 1
            ys = [y for _, y in pairs[start:end]]
            for y, v in zip(ys, self.row(x, ys)):
                values[(x, y)] = v
            start = end
        return sum([values[p] for p in pairs]) / len(pairs)

    def neighbours(self, n: int, cap: int) -> list[tuple[float, int]]:
        """``n``'s closest reports, most similar first: found by its heaviest keys' postings."""
        model = self.model
        share = GROUP_ENTITY_SHARE
        parts = self.parts(n)
        tk, tw, ek, ew = parts
        # Every key's weight in the grouping similarity, terms then entities (the order in which
        # index.related.similarity.weighted_keys gives them, and so ties are broken).
        ks: list[Any] = []
        ws: list[float] = []
        if share < 1:
            ks += tk
            ws += map(_MUL, tw, repeat(1.0 - share))
        if share > 0:
            ks += ek
            ws += map(_MUL, ew, repeat(share))
        # Candidates by the article's most telling keys only: cheap, and a same-story report shares
        # them. The heaviest keys with postings (a stable sort, ties in the weights' order), asking
        # for the postings of only as many as it takes.
        # Partial similarities summed in a list by article number (the articles met kept in the
        # order first met, so that ties fall as they did in a mapping).
        acc = self.acc
        met: list[list[int]] = []
        found = 0
        posted, post_weights = model.post_docs, model.post_weights
        for i in sorted(range(len(ws)), key=ws.__getitem__, reverse=True):
            k: Key = ks[i]
            docs: Any = posted.get(k)
            if docs is None:
                continue
            found += 1
            if len(docs) <= cap:
                w = ws[i]
                wds: Any = post_weights[k]
                ds = docs.tolist()
                met.append(ds)
                for d, wd in zip(ds, wds.tolist()):
                    acc[d] += w * wd
            if found == _SIGNATURE:
                break
        order = dict.fromkeys(chain.from_iterable(met))
        order.pop(n, None)
        scored = list(zip(order, map(acc.__getitem__, order)))
        _drain(map(_SET, repeat(acc), order, _ZEROS))
        acc[n] = 0.0
        # sorted(...)[:k] is what heapq.nlargest gives (ties in the order met), sorted in C.
        best = [d for d, _ in sorted(scored, key=_SECOND, reverse=True)[:_GROUP_NEIGHBOURS]]
        out = list(zip(self.row(n, best, parts), best))
        out.sort(reverse=True)
        return out
