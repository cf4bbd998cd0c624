"""The comparison engine's modules, as the story view uses them (one door).

The comparison engine is moving from flat modules (``index.judge``, ``index.align`` ...) into the
``index.compare`` package (``index.compare.judge``, ``index.compare.words`` ...); this module
imports whichever layout the tree has, so the story view works across the move. Only public
functions of those modules are used.
"""

from __future__ import annotations

try:  # the index.compare package
    from index.compare import conflicts, figures, judge, matching, numbers
    from index.compare import words as align
    from index.compare.attribution import Source, sources
except ImportError:  # flat modules
    from index import (  # type: ignore[no-redef]
        align,
        conflicts,
        figures,
        judge,
        matching,
        numbers,
    )
    from index.attribution import Source, sources  # type: ignore[no-redef]

__all__ = ["Source", "align", "conflicts", "figures", "judge", "matching", "numbers", "sources"]
