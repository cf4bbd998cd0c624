"""Top hits scored straight from the exact match sets, with Whoosh's scores and Whoosh's order.

``Searcher.search`` scores every matching document in Python through Whoosh's matcher tree, one
document and one ``score()`` call per tree node at a time: at 100,000 articles that pass was most of
a search. Here each positive term's postings are read a block at a time (ids and weights), only the
documents of the exact set (``index.search.matchsets``) are scored, with the term's own ``BM25FScorer``
figures (idf, average field length, B, K1), and the per-term scores are summed as Whoosh's matcher
tree would sum them: the same tree shape (Whoosh's weighted trees for And/Or, its binary tree for a
phrase's words), so the same floating-point additions in the same grouping, and boosts multiplied
where Whoosh multiplies them. A NOT inside And/Or is Whoosh's ``InverseMatcher``: it adds 1.0.

A query shape without a rule here makes ``top_hits`` answer ``None``; the caller then ranks with
Whoosh itself, so every query still gets Whoosh's answer.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable
from heapq import nlargest
from typing import Any

from index.search.matchsets import CheckedPhrase, SegmentMatches, raw_postings
from index.store.whoosh_compat import block_postings, bm25_score, field_length_bytes, term_bytes
from index.store.whoosh_public import BM25F, BM25FScorer, Phrase, WeightScorer, byte_to_length
from index.store.whoosh_public import query as wq

__all__ = ["top_hits"]

Scores = dict[int, float]
_OR_PRELOAD_DOCS = 5000  # whoosh.query.Or picks a preloading matcher on segments up to this size
_OR_TOO_MANY = 1024  # ... and for this many clauses or more


class _Unsupported(Exception):
    """The query holds a shape this module does not score: Whoosh ranks it instead."""


def top_hits(
    searcher: Any, q: Any, found: Iterable[tuple[SegmentMatches, int, frozenset[int]]], limit: int
) -> list[tuple[float, int]] | None:
    """The best ``limit`` documents of the exact sets, as (score, global document number).

    Ordered as ``searcher.search(q, limit=limit)`` orders them: score descending, then document
    number ascending. ``None`` when the query holds a shape without a scoring rule here.

    Args:
        searcher: The top-level searcher the sets were computed with.
        q: The query the sets were evaluated for (with ``CheckedPhrase`` nodes).
        found: Each segment's evaluator, document offset and exact set of matching documents.
        limit: How many hits to return.
    """
    weighting = searcher.weighting
    if type(weighting) is not BM25F or weighting.use_final:
        return None
    best: list[tuple[float, int]] = []
    try:
        for seg, offset, docs in found:
            if not docs:
                continue
            scores = _SegmentScorer(seg, docs, weighting).score(q)
            if len(scores) != len(docs):
                return None  # the tree disagrees with the sets: let Whoosh decide
            best.extend(_top(scores, offset, limit))
    except _Unsupported:
        return None
    best.sort(key=lambda item: (-item[0], item[1]))
    return best[:limit]


def _top(scores: Scores, offset: int, limit: int) -> list[tuple[float, int]]:
    """A segment's best ``limit`` (score, global docnum), ties by ascending document number."""
    if len(scores) > limit:
        floor = min(nlargest(limit, scores.values()))
        chosen = [(s, d) for d, s in scores.items() if s >= floor]
    else:
        chosen = [(s, d) for d, s in scores.items()]
    chosen.sort(key=lambda item: (-item[0], item[1]))
    return [(s, offset + d) for s, d in chosen[:limit]]


class _SegmentScorer:
    """Scores of the documents in one segment's exact set, node by node of the query tree.

    Every method answers a dict from segment-local document number to the score Whoosh's matcher
    for that node would give; its keys are the documents of the set that the node matches.
    """

    def __init__(self, seg: SegmentMatches, docs: frozenset[int], weighting: Any) -> None:
        self.seg = seg
        self.leaf = seg.leaf
        self.reader = seg.reader
        self.docs = docs
        self.weighting = weighting

    def score(self, q: Any) -> Scores:
        kind = type(q)
        if kind is wq.Term:
            if q.minquality:
                raise _Unsupported
            return _boosted(self._term(q.fieldname, q.text), q.boost)
        if kind is wq.Or:
            return self._or(q)
        if kind is wq.And:
            return self._and(q)
        if kind is wq.Not:
            return self._inverse(q.query)
        if kind is wq.AndNot:
            scores, excluded = self.score(q.a), self._members(q.b)
            return {d: s for d, s in scores.items() if d not in excluded}
        if kind is wq.Require:
            scores, required = self.score(q.a), self._members(q.b)
            return {d: s for d, s in scores.items() if d in required}
        if kind is wq.AndMaybe:
            # AndMaybeMatcher: a.score() + b.score() where b matches too.
            return _join(self.score(q.a), self.score(q.b), keep_left=True)
        if isinstance(q, Phrase) and q.slop == 1:
            return self._phrase(q)
        if isinstance(q, wq.MultiTerm):
            return self._expanded(q)
        if q is wq.NullQuery:
            return {}
        raise _Unsupported

    def _expanded(self, q: Any) -> Scores:
        """A fuzzy, prefix or wildcard term: ``MultiTerm.matcher``'s Or of the segment's words it
        expands to (its ``constantscore`` changes nothing: ``Searcher.postings`` takes the
        searcher's weighting when given none), or the lone word's term without the boost. Whoosh's
        collector took 31 s of CPU to rank "oil~2" (5,000 words) over all Reuters stories."""
        words = term_bytes(q, self.reader)
        if not words:
            return {}
        terms = [wq.Term(q.field(), w) for w in words]
        if len(terms) == 1:
            return self.score(terms[0])
        return self._or(wq.Or(terms, boost=q.boost))

    # -- compound nodes ---------------------------------------------------------------------------

    def _or(self, q: Any) -> Scores:
        subs = q.subqueries
        if q.minmatch or q.scale:
            raise _Unsupported
        if not subs:
            return {}
        if len(subs) == 1:
            return self.score(subs[0])  # CompoundQuery.matcher: the lone child, boost dropped
        kind = q.matcher_type
        if kind == wq.Or.AUTO_MATCHER:
            # Or._matcher's choice when the collector does not need the current match (top N).
            many, small = len(subs) >= _OR_TOO_MANY, self.leaf.doc_count_all() <= _OR_PRELOAD_DOCS
            preload = many or (len(subs) > 2 and small)
            kind = wq.Or.ARRAY_MATCHER if preload else wq.Or.DEFAULT_MATCHER
        if kind == wq.Or.ARRAY_MATCHER:
            # PreloadedOr's ArrayUnionMatcher: an array of zeros, each child's score * boost added
            # in query order.
            out: Scores = {}
            get = out.get
            for sub in subs:
                for d, s in self.score(sub).items():
                    out[d] = get(d, 0.0) + s * q.boost
            return out
        if kind != wq.Or.DEFAULT_MATCHER:
            raise _Unsupported
        # DefaultOr: a weighted tree of UnionMatchers, the whole wrapped in the boost.
        reader = self.reader
        tree = _weighted_tree(
            [(sub.estimate_size(reader), self.score(sub)) for sub in subs],
            lambda a, b: _join(a, b, keep_left=False),
        )
        return _boosted(tree, q.boost)

    def _and(self, q: Any) -> Scores:
        subs = q.subqueries
        if not subs:
            return {}
        if len(subs) == 1:
            return self.score(subs[0])
        reader = self.reader
        tree = _weighted_tree(
            [(0 - sub.estimate_size(reader), self.score(sub)) for sub in subs], _intersect
        )
        return _boosted(tree, q.boost)

    def _inverse(self, child: Any) -> Scores:
        # InverseMatcher: every live document the child misses, each scoring its weight of 1.0.
        missing = self._members(child)
        return dict.fromkeys((d for d in self.docs if d not in missing), 1.0)

    def _members(self, q: Any) -> frozenset[int] | Scores:
        """The documents of the set that ``q`` matches (Whoosh matches a NOT's child unscored)."""
        try:
            return self.score(q)
        except _Unsupported:
            return self.seg.evaluate(q, positive=False) & self.docs

    # -- leaves -----------------------------------------------------------------------------------

    def _phrase(self, q: Any) -> Scores:
        schema = self.reader.schema
        if q.fieldname not in schema:
            return {}
        field = schema[q.fieldname]
        if not field.format or not field.format.supports("positions"):
            raise _Unsupported
        btexts = []
        for word in q.words:
            try:
                btext = field.to_bytes(word)
            except ValueError:
                return {}
            if (q.fieldname, btext) not in self.reader:
                return {}
            btexts.append(btext)
        if not btexts:
            return {}
        if len(btexts) == 1:
            return _boosted(self._term(q.fieldname, btexts[0]), q.boost)
        verified = q.verified.get(id(self.reader)) if isinstance(q, CheckedPhrase) else None
        if verified is None:
            raise _Unsupported
        # Whoosh intersects the words' term matchers in a plain binary tree, in phrase order.
        parts = [self._term(q.fieldname, btext, verified) for btext in btexts]
        return _boosted(_binary_tree(parts, _intersect), q.boost)

    def _term(self, fieldname: str, text: Any, within: frozenset[int] | None = None) -> Scores:
        """The term's score for each document of the set holding it (``within`` narrows the set)."""
        schema = self.reader.schema
        if fieldname not in schema:
            return {}
        try:
            btext = schema[fieldname].to_bytes(text)
        except ValueError:
            return {}
        reader = self.reader
        if (fieldname, btext) not in reader:
            return {}
        docs = self.docs if within is None else self.docs & within
        read = self.seg.weights.get((fieldname, btext))
        pairs = (
            _postings_in(reader, (fieldname, btext), docs) if read is None else _pick(read, docs)
        )
        scorer = self.weighting.scorer(self.leaf, fieldname, btext)
        if type(scorer) is WeightScorer:
            return dict(pairs)
        if type(scorer) is not BM25FScorer:
            raise _Unsupported
        idf = scorer.idf
        c1 = scorer.K1 + 1
        denom = _denominators(scorer)
        lengths = field_length_bytes(reader, fieldname)
        try:
            if lengths is None:
                dfl = scorer.dfl
                return {d: bm25_score(scorer, w, dfl(d)) for d, w in pairs}
            # bm25(): idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl))), with the
            # length term read from a table by the document's length byte: the same operations.
            return {d: idf * ((w * c1) / (w + denom[lengths[d]])) for d, w in pairs}
        except TypeError:
            raise _Unsupported from None  # a zero length byte: Whoosh itself has no score for it


def _denominators(scorer: Any) -> list[Any]:
    """``K1 * ((1 - B) + B * fl / avgfl)`` for each length byte (None for 0: no length)."""
    k1, b, avgfl = scorer.K1, scorer.B, scorer.avgfl
    out: list[Any] = [None]  # a zero byte is "no length": bm25() would fail on it too
    for lbyte in range(1, 256):
        fl = byte_to_length(lbyte)
        out.append(k1 * ((1 - b) + b * fl / avgfl))
    return out


def _pick(read: tuple[list[int], list[float]], docs: frozenset[int]) -> list[tuple[int, float]]:
    """The postings already read by the set evaluation, as (docnum, weight), for ``docs`` only."""
    all_ids, all_weights = read
    if len(docs) * 4 < len(all_ids):
        by_id = dict(zip(all_ids, all_weights))
        return [(d, by_id[d]) for d in docs if d in by_id]
    return [(d, w) for d, w in zip(all_ids, all_weights) if d in docs]


def _postings_in(
    reader: Any, key: tuple[str, bytes], docs: frozenset[int]
) -> list[tuple[int, float]]:
    """The term's (docnum, weight) postings, for the documents in ``docs`` only."""
    m = raw_postings(reader, key)
    pairs: list[tuple[int, float]] = []
    blocks = block_postings(m, False)
    if blocks is not None:
        ids, weights, _ = blocks
        return [(d, w) for d, w in zip(ids, weights, strict=True) if d in docs]
    while m.is_active():
        if m.id() in docs:
            pairs.append((m.id(), m.weight()))
        m.next()
    return pairs


# -- combining children the way Whoosh's matchers do ----------------------------------------------


def _boosted(scores: Scores, boost: float) -> Scores:
    # WrappingMatcher(m, boost): the child's score times the boost (Whoosh wraps only if boost != 1).
    if boost == 1.0:
        return scores
    return {d: s * boost for d, s in scores.items()}


def _intersect(a: Scores, b: Scores) -> Scores:
    # IntersectionMatcher.score: a.score() + b.score().
    if len(b) < len(a):
        return {d: a[d] + s for d, s in b.items() if d in a}
    return {d: s + b[d] for d, s in a.items() if d in b}


def _join(a: Scores, b: Scores, keep_left: bool) -> Scores:
    """UnionMatcher (``keep_left`` False) or AndMaybeMatcher (True): a + b where both match."""
    out = dict(a)
    get = out.get
    for d, s in b.items():
        x = get(d)
        if x is not None:
            out[d] = x + s
        elif not keep_left:
            out[d] = s
    return out


def _binary_tree(items: list[Scores], fn: Callable[[Scores, Scores], Scores]) -> Scores:
    # whoosh.util.make_binary_tree: halves, left half first.
    if len(items) == 1:
        return items[0]
    half = len(items) // 2
    return fn(_binary_tree(items[:half], fn), _binary_tree(items[half:], fn))


def _weighted_tree(
    items: list[tuple[int, Scores]], fn: Callable[[Scores, Scores], Scores]
) -> Scores:
    """whoosh.util.make_weighted_tree: the two lightest joined first, put back after their equals.

    Whoosh sorts (weight, matcher) pairs; matchers of a kind compare equal and matchers of different
    kinds compare neither less nor greater, so equal weights keep query order (a stable sort) and a
    joined pair goes after the entries of equal weight (``insort``).
    """
    order = sorted(range(len(items)), key=lambda i: items[i][0])
    queue: list[tuple[int, int]] = [(items[i][0], i) for i in order]
    tables: dict[int, Scores] = {i: items[i][1] for i in range(len(items))}
    serial = len(items)
    while len(queue) > 1:
        (wa, ia), (wb, ib) = queue.pop(0), queue.pop(0)
        tables[serial] = fn(tables.pop(ia), tables.pop(ib))
        insort(queue, (wa + wb, serial), key=lambda item: item[0])
        serial += 1
    return tables[queue[0][1]]
