"""The comparison engine's modules, as the story view uses them (one door): only public functions
of those modules are used."""

from __future__ import annotations

from index.compare import conflicts, figures, judge, matching, numbers, preparation
from index.compare import words as align
from index.compare.attribution import Source, sources

__all__ = [
    "Source",
    "align",
    "conflicts",
    "figures",
    "judge",
    "matching",
    "numbers",
    "preparation",
    "sources",
]
