"""The bullets that hit one person, read from a sentence's figures (:func:`index.compare.figures.
figures`): "was shot eleven times", "hit by seven bullets", "seven bullets struck him" are one measure,
compared across a story like a toll; shots fired are not hits."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.compare.figures import Figure

__all__ = ["hits"]


# "was shot eleven times", "hit by seven bullets", "seven bullets struck him": the bullets that hit
# one person, a measure of its own (not "fired 50 shots": shots fired are not hits)
_SHOT_BEFORE = re.compile(r"\bshot\s+$", re.IGNORECASE)
_HIT_BEFORE = re.compile(r"\b(?:hit|struck)\s+(?:by|with)\s+$", re.IGNORECASE)
_HIT_AFTER = re.compile(r"\s+(?:hit|struck)\b", re.IGNORECASE)
_BULLETS = frozenset(["bullets", "bullet", "rounds", "gunshots"])


def hits(text: str, f: Figure) -> Figure:
    """``f`` as the count of bullets that hit one person when it is one, else ``f``."""
    before = text[max(0, f.start - 20) : f.start]
    if f.dim == "times":
        hit = bool(_SHOT_BEFORE.search(before))
    elif f.dim == "count" and f.noun.split()[:1] and f.noun.split()[0] in _BULLETS:
        after = text[f.start + len(f.text) :]
        hit = bool(
            _HIT_BEFORE.search(before) or _HIT_AFTER.match(after, len(f.noun.split()[0]) + 1)
        )
    else:
        hit = False
    if not hit:
        return f
    return replace(f, dim="count", noun="bullets", role="hits")  # (not "shot": the people shot)
