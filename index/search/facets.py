"""Entity facets: the entities named in a result set, with the number of articles naming each.

Whoosh's grouping by the ``ekeys`` field rebuilt a document-to-keys map from every posting on each
call: 0.9 s a search at 10,000 articles, 7 s and 190 MB at 100,000, and the library waited for it
before showing any hit. Here each segment's map is built once and kept with the segment's reader
(segments never change): two flat arrays, the key numbers of each document in turn and where each
document's run starts. A result set's facets are then one count over its documents' runs.

The keys are read from the segment's ``ekeys`` column, one value a document
(``index.store.schema.encode_keys``): since schema 24 they are not postings, which cost every
segment's commit ~85 us a key in Whoosh's codec (18% of a Reuters segment's terms) and were read
only here.
"""

from __future__ import annotations

import heapq
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from index.models import Facet
from index.search.execute import Execution, run_query
from index.search.matchsets import Found, SegmentMatches
from index.store.schema import decode_keys
from index.store.whoosh_compat import reader_cache

__all__ = ["facets", "facets_of", "fair_share"]

FIELD = "ekeys"


_BUILD_LOCK = threading.Lock()


class _Forward:
    """One segment's entity keys by document."""

    def __init__(self, reader: Any) -> None:
        self.keys: list[str] = []
        self.number: dict[str, int] = {}
        self.inverse: list[list[int]] | None = None
        self.start = array("I", [0])
        self.ids = array("I")
        count = reader.doc_count_all()
        try:
            values = reader.column_reader(FIELD, translate=False) if count else []
        except Exception:
            values = []
        number, keys, ids, start = self.number, self.keys, self.ids, self.start
        for value in values:
            for key in decode_keys(value):
                kid = number.get(key)
                if kid is None:
                    kid = number[key] = len(keys)
                    keys.append(key)
                ids.append(kid)
            start.append(len(ids))
        while len(start) <= count:  # no column (an empty segment): no keys
            start.append(len(ids))

    def holding(self, key: str, docs: frozenset[int] | set[int]) -> frozenset[int] | set[int]:
        """The documents of ``docs`` that name ``key`` (the postings the keys no longer have: made
        for every key at the first call, which only a sidebar with a lone surname makes)."""
        kid = self.number.get(key)
        if kid is None:
            return frozenset()
        with _BUILD_LOCK:
            if self.inverse is None:
                inverse: list[list[int]] = [[] for _ in self.keys]
                ids, start = self.ids, self.start
                for doc in range(len(start) - 1):
                    for k in ids[start[doc] : start[doc + 1]]:
                        inverse[k].append(doc)
                self.inverse = inverse
        return docs.intersection(self.inverse[kid])

    def count(self, docs: Iterable[int]) -> Counter[int]:
        """How many of ``docs`` name each key (by key number)."""
        counts: Counter[int] = Counter()
        update, ids, start = counts.update, self.ids, self.start
        for doc in docs:
            update(ids[start[doc] : start[doc + 1]])
        return counts


def _forward(reader: Any) -> _Forward:
    # the library's corpus facets and a search may ask at once: build once
    with _BUILD_LOCK:
        found: _Forward = reader_cache(reader, "facets", lambda: _Forward(reader))
    return found


def facets(
    store: Any,
    query: str | None = None,
    limit: int = 20,
    labels: Iterable[str] | None = None,
    share: int = 0,
) -> list[Facet]:
    """Top entities named in the articles matching ``query`` (all articles when ``None``).

    ``share``: each label keeps up to this many of its own most named entities among the ``limit``
    (:func:`fair_share`), so that a kind named in fewer articles (people beside dates) still shows.

    Returns:
        Entities sorted by the number of articles naming them, then by name.

    Raises:
        QueryError: the query is malformed.
    """
    if query and query.strip():
        with run_query(store, query) as run:
            return facets_of(run, limit, labels, share)
    with store.searcher() as s:
        every: Found = []
        for leaf, offset in s.leaf_searchers():
            seg = SegmentMatches(leaf)
            every.append((seg, offset, seg.universe()))
        return _count(store, every, limit, labels, share)


def facets_of(
    run: Execution, limit: int = 20, labels: Iterable[str] | None = None, share: int = 0
) -> list[Facet]:
    """Top entities named in the articles an executed query matched (the query is not run again);
    ``share`` as in :func:`facets`."""
    return _count(run.store, run.found, limit, labels, share)


def fair_share(ranked: Iterable[Facet], limit: int, share: int) -> list[Facet]:
    """The ``limit`` facets to show out of ``ranked`` (most named first): each label's ``share``
    most named first (the most named of them if they are more than ``limit``), then the rest by
    count. Returned most named first; ties keep their order in ``ranked``.

    On the 19,043 Reuters stories the top 30 by count alone held 17 dates and no person; a
    sidebar that groups by kind then hides whole kinds.
    """
    ranked = list(ranked)
    if share <= 0:
        return ranked[:limit]
    seen: Counter[str] = Counter()
    first: list[int] = []
    rest: list[int] = []
    for n, f in enumerate(ranked):
        if seen[f.label] < share:
            seen[f.label] += 1
            first.append(n)
        else:
            rest.append(n)
    chosen = sorted(first[:limit] + rest[: max(0, limit - len(first))])
    return [ranked[n] for n in chosen]


def _count(
    store: Any, found: Found, limit: int, labels: Iterable[str] | None, share: int = 0
) -> list[Facet]:
    wanted = set(labels) if labels else None
    counts: Counter[str] = Counter()
    found = [f for f in found if f[2]]
    for seg, _, docs in found:
        fwd = _forward(seg.reader)
        keys = fwd.keys
        for kid, n in fwd.count(docs).items():
            counts[keys[kid]] += n

    def documents(key: str) -> set[tuple[int, int]]:
        """The result set's documents naming ``key`` (for the few keys merged below)."""
        out: set[tuple[int, int]] = set()
        for seg, offset, docs in found:
            out.update((offset, d) for d in _forward(seg.reader).holding(key, docs))
        return out

    _merge_surnames(counts, documents)
    names = store.display_names()
    kept = (
        (-n, key)
        for key, n in counts.items()
        if key and (not wanted or key.partition("|")[0] in wanted)
    )
    if share > 0:
        # each label's own top ``limit`` (what fair_share can pick from), merged by count
        by_label: dict[str, list[tuple[int, str]]] = {}
        for item in kept:
            by_label.setdefault(item[1].partition("|")[0], []).append(item)
        ranked = sorted(x for rows in by_label.values() for x in heapq.nsmallest(limit, rows))
    else:
        ranked = heapq.nsmallest(limit, kept)
    out: list[Facet] = []
    for minus_n, key in ranked:
        label, _, canonical = key.partition("|")
        out.append(Facet(canonical, label, names.get(key, canonical), -minus_n))
    return fair_share(out, limit, share)


def _merge_surnames(counts: Counter[str], documents: Callable[[str], set[tuple[int, int]]]) -> None:
    """Count a lone surname with the one full name it belongs to, across articles.

    Within an article the recognizer already links "Putin" to "Vladimir Putin"; an article that
    only ever says "Putin" keeps the key ``putin``. When exactly one full name in the result set
    ends with that word, the two are the same person for the sidebar, and the articles are counted
    once.
    """
    full: dict[str, list[str]] = {}
    lone: list[str] = []
    for key in counts:
        label, _, canonical = key.partition("|")
        if label != "PERSON":
            continue
        if " " in canonical:
            full.setdefault(canonical.rsplit(" ", 1)[1], []).append(key)
        else:
            lone.append(key)
    for key in lone:
        targets = full.get(key.partition("|")[2], ())
        if len(targets) == 1:
            counts[targets[0]] = len(documents(targets[0]) | documents(key))
            del counts[key]
