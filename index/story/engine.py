"""The comparison engine's modules, as the story view uses them (one door): only public functions
of those modules are used, and the disagreement finder's readings are made once per report."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from index.compare import conflicts, figures, judge, matching, numbers
from index.compare import words as align
from index.compare.attribution import Source, sources
from index.models import Sentence

__all__ = [
    "Source",
    "align",
    "conflicts",
    "figures",
    "judge",
    "matching",
    "numbers",
    "readings_once",
    "sources",
]


_PATCH = threading.Lock()


@contextmanager
def readings_once() -> Iterator[None]:
    """Within the block, :func:`conflicts.find` reads each report's sentences once, not once per
    other report (ten reports: nine times less reading, half of a story's time).

    ``conflicts.find`` reads both sentence lists it is given on every call; its readings depend
    on the sentences alone (the per-pair weights it sets on them are recomputed on each call), so
    the readings of one list object are kept and handed back while the block runs. The cache holds
    the list itself, so its identity cannot be reused by another list; a call with a list not seen
    before (another thread's comparison) is read as usual. One story at a time holds the patch.
    """
    original = vars(conflicts)["read_all"]
    cache: dict[int, tuple[Sequence[Sentence], Any]] = {}

    def read_all(sents: Sequence[Sentence]) -> Any:
        found = cache.get(id(sents))
        if found is not None and found[0] is sents:
            return found[1]
        read = original(sents)
        cache[id(sents)] = (sents, read)
        return read

    with _PATCH:
        setattr(conflicts, "read_all", read_all)  # noqa: B010 (not exported: see above)
        try:
            yield
        finally:
            setattr(conflicts, "read_all", original)  # noqa: B010
