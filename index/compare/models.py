"""What a comparison returns: passages, aligned pairs, disagreements and the whole comparison.

Frozen dataclasses whose offsets index each article's text; :mod:`index.compare.comparison` fills
them, :mod:`index.compare.report` renders them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.compare.attribution import Source
from index.compare.worddiff import differences
from index.models import Article, Span

__all__ = ["RELATED", "SHARED", "Claim", "Comparison", "Conflict", "Pair", "Passage", "Source"]

SHARED = "shared"
RELATED = "related"


@dataclass(frozen=True, slots=True)
class Passage:
    """A sentence, or a short run of consecutive sentences: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


Claim = Passage


@dataclass(frozen=True, slots=True)
class Pair:
    """Two passages that say the same thing (``shared``) or speak of the same facet (``related``).

    ``score`` is the judgement's confidence in [0, 1]. ``a_diff`` / ``b_diff`` are the spans of each
    passage (article offsets) that the other lacks or states differently, labelled ``figure``,
    ``name``, ``hedge``, ``status`` or ``word``: a function of the two passages alone, worked out
    the first time either is read (a screen shows one pair's at a time; a script that wants only the
    alignment never pays for them).
    """

    a: Passage
    b: Passage
    kind: str
    score: float
    _diffs: tuple[tuple[Span, ...], tuple[Span, ...]] | None = field(
        default=None, compare=False, repr=False
    )

    @property
    def diffs(self) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
        """``(a_diff, b_diff)``."""
        found = self._diffs
        if found is None:
            found = differences(self.a, self.b)
            object.__setattr__(self, "_diffs", found)  # a cache of a pure function: still frozen
        return found

    @property
    def a_diff(self) -> tuple[Span, ...]:
        """The spans of ``a`` that ``b`` lacks or states differently."""
        return self.diffs[0]

    @property
    def b_diff(self) -> tuple[Span, ...]:
        """The spans of ``b`` that ``a`` lacks or states differently."""
        return self.diffs[1]


@dataclass(frozen=True, slots=True)
class Conflict:
    """Statements about the same thing that disagree.

    ``kind`` is ``figure``, ``status``, ``certainty``, ``date`` or ``attribution``; ``detail`` says in
    words what differs, quoting both sides.
    """

    kind: str
    a: Passage
    b: Passage
    detail: str


@dataclass(frozen=True)
class Comparison:
    """Everything ``compare`` found about two articles; every offset indexes that article's text."""

    a: Article
    b: Article
    pairs: tuple[Pair, ...]
    only_a: tuple[Passage, ...]
    only_b: tuple[Passage, ...]
    conflicts: tuple[Conflict, ...]
    shared_entities: tuple[str, ...]
    only_a_entities: tuple[str, ...]
    only_b_entities: tuple[str, ...]
    sources_a: tuple[Source, ...]
    sources_b: tuple[Source, ...]
