"""Entity facets: the entities named in a result set, with the number of articles naming each.

Whoosh's grouping by the ``ekeys`` field rebuilt a document-to-keys map from every posting on each
call: 0.9 s a search at 10,000 articles, 7 s and 190 MB at 100,000, and the library waited for it
before showing any hit. Here each segment's map is built once and kept with the segment's reader
(segments never change; ``index.search.doc_keys``): two flat arrays, the key numbers of each
document in turn and where each document's run starts. A result set's facets are then one count
over its documents' runs, with the corpus's links applied (``index.search.links``).

The keys are read from the segment's ``ekeys`` column, one value a document
(``index.store.schema.encode_keys``): since schema 24 they are not postings, which cost every
segment's commit ~85 us a key in Whoosh's codec (18% of a Reuters segment's terms) and were read
only here.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from index.models import Facet
from index.search.doc_keys import doc_keys
from index.search.execute import Execution, run_query
from index.search.links import corpus_links
from index.search.matchsets import Found, SegmentMatches

__all__ = ["facets", "facets_of", "fair_share"]


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
        return _count(store, s, every, limit, labels, share)


def facets_of(
    run: Execution, limit: int = 20, labels: Iterable[str] | None = None, share: int = 0
) -> list[Facet]:
    """Top entities named in the articles an executed query matched (the query is not run again);
    ``share`` as in :func:`facets`."""
    return _count(run.store, run.searcher, run.found, limit, labels, share)


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
    store: Any,
    searcher: Any,
    found: Found,
    limit: int,
    labels: Iterable[str] | None,
    share: int = 0,
) -> list[Facet]:
    wanted = set(labels) if labels else None
    counts: Counter[str] = Counter()
    found = [f for f in found if f[2]]
    for seg, _, docs in found:
        fwd = doc_keys(seg.reader)
        keys = fwd.keys
        for kid, n in fwd.count(docs).items():
            counts[keys[kid]] += n

    def documents(key: str) -> set[tuple[int, int]]:
        """The result set's documents naming ``key`` (for the few keys merged below)."""
        out: set[tuple[int, int]] = set()
        for seg, offset, docs in found:
            out.update((offset, d) for d in doc_keys(seg.reader).holding(key, docs))
        return out

    _merge_links(counts, documents, corpus_links(searcher).firm_of)
    _merge_surnames(counts, documents)
    names = store.display_names()
    kept = (
        (-n, key)
        for key, n in counts.items()
        if key and (not wanted or key.partition("|")[0] in wanted) and not _bare_number(key)
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


def _bare_number(key: str) -> bool:
    """Whether a key is a small figure with no unit and no kind (``QUANTITY|2``: "two", "three",
    under 100), which no top list gives a place: on the 19,043 Reuters stories "2" (578 stories)
    and "3" (415) were the library's two most named figures, over "10 pct" (387). A bare large one
    stays, a count that names what it counts elsewhere ("Over 10,000" of the seeds' protesters)."""
    return key.startswith("QUANTITY|") and _SMALL.fullmatch(key, 9) is not None


_SMALL = re.compile(r"\d{0,2}(?:\.\d*)?")


def _merge_links(
    counts: Counter[str], documents: Callable[[str], set[tuple[int, int]]], firm_of: dict[str, str]
) -> None:
    """Count a "person" the corpus names with a firm's suffix as that firm (``index.search.links``),
    as a comparison or a story does (``link_across``): "Merrill Lynch" was a person in 5 of 2,000
    Reuters stories' sidebar, and the firm "Merrill Lynch Capital Markets" in 11."""
    moved: dict[str, list[str]] = {}
    for key in counts:
        if key in firm_of:
            moved.setdefault(firm_of[key], []).append(key)
    for firm, people in moved.items():
        docs = documents(firm) if firm in counts else set()
        for person in people:
            docs |= documents(person)
            del counts[person]
        counts[firm] = len(docs)


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
