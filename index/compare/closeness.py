"""How close two sentences are for the conflict finder, and from which closeness each kind of
disagreement is examined.

Closeness is a weighted share of the shorter sentence's content words (Porter stems) found in the
other, each word weighed by its rarity among the two reports' sentences; :func:`index.compare.
conflicts.find` computes it for all pairs at once and raises it with the caller's alignment.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from index.compare.readings import Reading

__all__ = [
    "CERTAIN",
    "CLOCK",
    "DURATION",
    "FATE",
    "LOOSE",
    "NEAR",
    "SAME_CLAIM",
    "closeness",
    "weights",
]


def weights(reads: Sequence[Reading]) -> dict[str, float]:
    """Each stem's rarity among ``reads`` (log idf); sets each reading's total ``weight``."""
    df: dict[str, int] = defaultdict(int)
    for r in reads:
        for s in r.stems:
            df[s] += 1
    n = len(reads) + 1
    w = {s: math.log(1 + n / d) for s, d in df.items()}
    for r in reads:
        r.weight = sum(w[s] for s in r.stems)
    return w


def closeness(ra: Reading, rb: Reading, w: Mapping[str, float]) -> float:
    """Weighted share of the shorter sentence's content words found in the other (0..1); ``find``
    computes the same for all pairs at once."""
    shared = sum(w[s] for s in ra.stems & rb.stems)
    if not shared:
        return 0.0
    return shared / min(ra.weight, rb.weight)


NEAR = 0.3  # closeness from which two sentences are a candidate
LOOSE = 0.03  # ... and, for story-level measures (tolls, records), from any shared rare word
DURATION = 0.35  # ... from which spans of time are compared (a story holds many)
FATE = 0.15  # ... from which two accounts of one person's fate are compared
CERTAIN = 0.35  # ... from which a hedged and a confirmed telling of it disagree
CLOCK = 0.55  # ... from which clock times must agree (a story's timeline holds many)
SAME_CLAIM = 0.45  # closeness from which a date, status or source must agree
