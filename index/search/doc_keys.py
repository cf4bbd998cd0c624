"""Each segment's entity keys by document (the ``ekeys`` column), read once a segment and kept with
its reader: two flat arrays, the key numbers of each document in turn and where each document's
run starts. The sidebar counts them (``index.search.facets``) and the corpus's links are learnt
from them (``index.search.links``)."""

from __future__ import annotations

import threading
from array import array
from collections import Counter
from collections.abc import Iterable
from typing import Any

from index.store.schema import decode_keys
from index.store.whoosh_compat import reader_cache

__all__ = ["FIELD", "DocKeys", "doc_keys"]

FIELD = "ekeys"


_BUILD_LOCK = threading.Lock()


class DocKeys:
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


def doc_keys(reader: Any) -> DocKeys:
    """The segment's entity keys by document, read once and kept with the segment's reader."""
    # the library's corpus facets and a search may ask at once: build once
    with _BUILD_LOCK:
        found: DocKeys = reader_cache(reader, "facets", lambda: DocKeys(reader))
    return found
