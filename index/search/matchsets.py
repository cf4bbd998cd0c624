"""Exact match sets: which documents a query matches, computed a segment at a time with set algebra.

Whoosh counts matches by stepping a matcher tree one document at a time in Python, and checks phrase
positions the same way: at 100,000 articles a common phrase took 1.2 s and ``len(results)`` re-ran
the whole query after the top-N pass. Here each term's postings are read a block at a time into a
set, the query tree is evaluated with set operations, and a phrase is verified only on the documents
holding all its words, by comparing their decoded position sets. The same sets say which query terms
a displayed hit contains (for its snippets), so no per-document term recording is needed.

Query types without a rule here fall back to Whoosh's own matcher for that subtree, so any query
gets an exact answer; the rules only make the common ones fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import accumulate
from pickle import loads
from typing import Any

from index.store.whoosh_compat import block_postings, term_bytes, unfiltered
from index.store.whoosh_public import (
    IntersectionMatcher,
    NullMatcher,
    Phrase,
    Searcher,
    WrappingMatcher,
    formats,
    make_binary_tree,
)
from index.store.whoosh_public import query as wq

__all__ = [
    "CheckedPhrase",
    "Found",
    "SegmentMatches",
    "TermKey",
    "checked_phrases",
    "match_segments",
    "raw_postings",
    "read_postings",
    "segment_of",
]

TermKey = tuple[str, bytes]
_EMPTY: frozenset[int] = frozenset()


class SegmentMatches:
    """Evaluates queries on one segment: exact sets of (segment-local) document numbers.

    Args:
        leaf: A Whoosh searcher over a single segment (from ``Searcher.leaf_searchers()``).
    """

    def __init__(self, leaf: Any) -> None:
        self.leaf = leaf
        self.reader = leaf.reader()
        # An index with no documents yet has an EmptyReader, without deletion sets.
        self.deleted: frozenset[int] = frozenset(
            getattr(self.reader, "deleted_docs_set", None) or ()
        )
        self.positive: dict[TermKey, None] = {}
        """Terms of the query outside any NOT, in query order: what a hit can be highlighted for."""
        self._terms: dict[TermKey, frozenset[int]] = {}
        self.weights: dict[TermKey, tuple[list[int], list[float]]] = {}
        """Postings read for the sets, as (document numbers, weights), deleted documents included:
        the block decode that gives the ids gives the weights too, for ranking to reuse."""
        self._universe: frozenset[int] | None = None

    def universe(self) -> frozenset[int]:
        """Every live document of the segment."""
        if self._universe is None:
            # Kept on the reader: a pooled searcher keeps it across searches, and a term held by
            # every document (100,000 of them) would rebuild it each time.
            cached = getattr(self.reader, "_newsdesk_universe", None)
            if cached is not None and cached[0] == self.deleted:
                universe: frozenset[int] = cached[1]
                self._universe = universe
                return universe
            every = range(self.reader.doc_count_all())
            self._universe = (
                frozenset(every).difference(self.deleted) if self.deleted else frozenset(every)
            )
            try:
                self.reader._newsdesk_universe = (self.deleted, self._universe)
            except AttributeError:
                pass  # a reader with __slots__: no cache
        return self._universe

    def evaluate(self, q: Any, positive: bool = True) -> frozenset[int]:
        """The live documents matching ``q`` (``positive`` is False under a NOT)."""
        kind = type(q)
        if kind is wq.Term:
            key = self._key(q.fieldname, q.text)
            if key is None:
                return _EMPTY
            self._note(key, positive)
            return self.term(key)
        if kind is wq.Or and not q.minmatch:
            return frozenset().union(*(self.evaluate(sub, positive) for sub in q.subqueries))
        if kind is wq.And:
            sets = sorted((self.evaluate(sub, positive) for sub in q.subqueries), key=len)
            return sets[0].intersection(*sets[1:]) if sets else _EMPTY
        if kind is wq.Not:
            return self.universe() - self.evaluate(q.query, not positive)
        if kind is wq.AndNot:
            return self.evaluate(q.a, positive) - self.evaluate(q.b, not positive)
        if kind is wq.Require:
            return self.evaluate(q.a, positive) & self.evaluate(q.b, positive)
        if kind is wq.AndMaybe:
            self.evaluate(q.b, positive)  # only for its terms: it adds score, not matches
            return self.evaluate(q.a, positive)
        if isinstance(q, Phrase) and q.slop == 1:
            return self._phrase(q, positive)
        if isinstance(q, wq.MultiTerm):
            keys = [(q.fieldname, b) for b in term_bytes(q, self.reader)]
            for key in keys:
                self._note(key, positive)
            return frozenset().union(*(self.term(key) for key in keys))
        if q is wq.NullQuery:
            return _EMPTY
        # Anything else: Whoosh's own matcher for this subtree (exact, only slower).
        for fieldname, text in _query_terms(q):
            key = self._key(fieldname, text)
            if key is not None:
                self._note(key, positive)
        return frozenset(q.docs(self.leaf))

    def term(self, key: TermKey) -> frozenset[int]:
        """The live documents holding a term (cached for the life of this object)."""
        ids = self._terms.get(key)
        if ids is None:
            reader = self.reader
            if key not in reader:
                ids = _EMPTY
            elif reader.doc_frequency(*key) >= reader.doc_count_all():
                ids = self.universe()  # every document holds it: nothing to read
            else:
                read, _, weights = read_postings(raw_postings(reader, key), False)
                if weights is not None:
                    self.weights[key] = (read, weights)
                ids = frozenset(read)
                if self.deleted:
                    ids = ids - self.deleted
            self._terms[key] = ids
        return ids

    def matched_terms(self, docnum: int, fields: Iterable[str]) -> list[TermKey]:
        """The query's positive terms in ``fields`` that document ``docnum`` holds."""
        wanted = set(fields)
        return [key for key in self.positive if key[0] in wanted and docnum in self.term(key)]

    # -- internals --------------------------------------------------------------------------------

    def _key(self, fieldname: str, text: Any) -> TermKey | None:
        schema = self.reader.schema
        if fieldname not in schema:
            return None
        try:
            return fieldname, schema[fieldname].to_bytes(text)
        except ValueError:
            return None

    def _note(self, key: TermKey, positive: bool) -> None:
        if positive:
            self.positive[key] = None

    def _phrase(self, q: Phrase, positive: bool) -> frozenset[int]:
        schema = self.reader.schema
        if q.fieldname not in schema:
            return _EMPTY
        field = schema[q.fieldname]
        if not field.format or not field.format.supports("positions"):
            return frozenset(q.docs(self.leaf))  # Whoosh raises its own error for this
        keys: list[TermKey] = []
        for word in q.words:
            key = self._key(q.fieldname, word)
            if key is None or key not in self.reader:
                return _EMPTY
            keys.append(key)
        for key in keys:
            self._note(key, positive)
        if len(keys) == 1:
            found = self.term(keys[0])
        else:
            found = self._verify(keys, field.format)
        if isinstance(q, CheckedPhrase):
            q.verified[id(self.reader)] = found
        return found

    def _verify(self, keys: list[TermKey], fmt: Any) -> frozenset[int]:
        """Documents where the words stand next to each other, in order."""
        values: dict[TermKey, dict[int, Any]] = {}
        candidates: frozenset[int] | None = None
        # Rarest word first: an empty intersection stops before the common words are read.
        for key in sorted(set(keys), key=lambda k: self.reader.doc_frequency(*k)):
            ids, vals, weights = read_postings(raw_postings(self.reader, key), True)
            values[key] = dict(zip(ids, vals))
            if weights is not None:
                self.weights.setdefault(key, (ids, weights))
            live = frozenset(ids) - self.deleted if self.deleted else frozenset(ids)
            self._terms.setdefault(key, live)
            candidates = live if candidates is None else candidates & live
            if not candidates:
                return _EMPTY
        assert candidates is not None
        decode = _position_decoder(fmt)
        first, rest = values[keys[0]], [values[key] for key in keys[1:]]
        found = []
        for doc in candidates:
            starts = set(decode(first[doc], 0))
            for offset, later in enumerate(rest, 1):
                starts.intersection_update(decode(later[doc], offset))
                if not starts:
                    break
            else:
                found.append(doc)
        return frozenset(found)


Found = list[tuple["SegmentMatches", int, frozenset[int]]]
"""Each segment's evaluator, its first global document number, and its exact set of matches."""


def match_segments(s: Searcher, q: Any) -> Found:
    """The exact matches of ``q`` in every segment of the searcher ``s``."""
    out: Found = []
    for leaf, offset in s.leaf_searchers():
        seg = SegmentMatches(leaf)
        out.append((seg, offset, seg.evaluate(q)))
    return out


def segment_of(found: Found, docnum: int) -> tuple[SegmentMatches, int]:
    """The segment holding a global document number, and the number within it."""
    seg, base = found[0][0], found[0][1]
    for candidate, offset, _ in found:
        if base < offset <= docnum:
            seg, base = candidate, offset
    return seg, docnum - base


def _position_decoder(fmt: Any) -> Any:
    """A function ``(value, offset) -> positions - offset`` for one posting value."""
    if type(fmt) is formats.Positions:
        # The value is a 4-byte count then a pickled list of position deltas (formats.Positions).
        def fast(value: bytes, offset: int) -> Iterator[int]:
            if not offset:
                return accumulate(loads(value[4:]))
            # ``initial`` adds one extra, negative item: never a start (positions are >= 0).
            return accumulate(loads(value[4:]), initial=-offset)

        return fast
    decoder = fmt.decoder("positions")

    def slow(value: Any, offset: int) -> Iterator[int]:
        return (p - offset for p in decoder(value))

    return slow


def raw_postings(reader: Any, key: TermKey) -> Any:
    """The term's matcher without Whoosh's deleted-documents wrapper (callers subtract those)."""
    return unfiltered(reader.postings(*key))


def read_postings(m: Any, values: bool) -> tuple[list[int], list[Any], list[float] | None]:
    """All document numbers of a term's postings, their weights, and their encoded values when asked.

    Whoosh's on-disk matcher decodes a block of postings at once; reading its blocks directly costs
    a fraction of stepping the matcher a document at a time. The weights come with the same decode
    (None from a matcher without blocks).
    """
    blocks = block_postings(m, values)
    if blocks is not None:
        block_ids, weights, block_values = blocks
        return block_ids, block_values, weights
    ids: list[int] = []
    vals: list[Any] = []
    if values:
        for docnum, value in m.all_items():
            ids.append(docnum)
            vals.append(value)
    else:
        ids.extend(m.all_ids())
    return ids, vals, None


def _query_terms(q: Any) -> list[tuple[str, Any]]:
    return list(q.iter_all_terms(phrases=True))


class CheckedPhrase(Phrase):  # type: ignore[misc]
    """A phrase whose matching documents were already verified by ``SegmentMatches``.

    Its matcher scores exactly as Whoosh's phrase matcher does (the same intersection of the words'
    postings), but visits only the verified documents instead of checking positions in Python for
    every candidate. On a segment it was not verified for it behaves as a plain ``Phrase``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.verified: dict[int, frozenset[int]] = {}

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        found = self.verified.get(id(searcher.reader()))
        if found is None or len(self.words) < 2:
            return super().matcher(searcher, context)
        if not found:
            return NullMatcher()
        field = searcher.schema[self.fieldname]
        terms = [wq.Term(self.fieldname, field.to_bytes(word)) for word in self.words]
        m = _AllowedMatcher(
            make_binary_tree(IntersectionMatcher, [t.matcher(searcher, context) for t in terms]),
            found,
        )
        if self.boost != 1.0:
            m = WrappingMatcher(m, boost=self.boost)
        return m


def checked_phrases(q: Any) -> Any:
    """``q`` with its exact phrases replaced by ``CheckedPhrase`` nodes."""

    def swap(node: Any) -> Any:
        if type(node) is Phrase and node.slop == 1:
            return CheckedPhrase(
                node.fieldname,
                list(node.words),
                slop=node.slop,
                boost=node.boost,
                char_ranges=node.char_ranges,
            )
        return node

    return q.accept(swap)


class _AllowedMatcher(WrappingMatcher):  # type: ignore[misc]
    """Keeps only the child's documents that are in ``ids``.

    Unlike Whoosh's ``FilterMatcher`` it stays on an allowed document after a block-quality skip
    (``FilterMatcher`` inherits a ``skip_to_quality`` that can stop on an excluded document).
    """

    def __init__(self, child: Any, ids: frozenset[int]) -> None:
        super().__init__(child)
        self._ids = ids
        self._find_next()

    def _find_next(self) -> bool:
        child, ids, moved = self.child, self._ids, False
        while child.is_active() and child.id() not in ids:
            moved = bool(child.next()) or moved
        return moved

    def copy(self) -> _AllowedMatcher:
        return _AllowedMatcher(self.child.copy(), self._ids)

    def _replacement(self, newchild: Any) -> _AllowedMatcher:
        return _AllowedMatcher(newchild, self._ids)

    def replace(self, minquality: float = 0) -> Any:
        if not self.is_active():
            return NullMatcher()
        return super().replace(minquality)

    def next(self) -> bool:
        moved = bool(self.child.next())
        return self._find_next() or moved

    def skip_to(self, id: int) -> None:
        self.child.skip_to(id)
        self._find_next()

    def skip_to_quality(self, minquality: float) -> int:
        skipped: int = self.child.skip_to_quality(minquality)
        self._find_next()
        return skipped

    def all_ids(self) -> Iterator[int]:
        ids = self._ids
        return (i for i in self.child.all_ids() if i in ids)
