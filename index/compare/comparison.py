"""Compare two reports of the same story: aligned claims, unique claims, disagreements, sources.

Which sentences make the same claim, or speak of the same event, is decided by a judgement learned on
human-labelled news data (:mod:`index.judge`, applied many to many by :mod:`index.matching`): every
aligned pair carries its kind (``shared``: the same claim; ``related``: the same event with other
detail) and the model's confidence, and nothing under the calibrated floor is shown as aligned.
Boilerplate (sign-offs, datelines, bylines) is never aligned nor counted as a claim. Disagreements
come from :mod:`index.conflicts`, word-level differences inside a pair from :mod:`index.worddiff`,
sources from :mod:`index.attribution`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from index import align, conflicts, matching
from index.attribution import Source, sources
from index.models import Article, Entity, Sentence, Span
from index.sentences import split_sentences
from index.worddiff import differences

__all__ = [
    "RELATED",
    "SHARED",
    "Claim",
    "Comparison",
    "Conflict",
    "Pair",
    "Passage",
    "Source",
    "compare",
    "compare_texts",
    "comparison_to_json",
    "comparison_to_markdown",
    "comparison_to_text",
    "sources",
]

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
    ``name``, ``hedge``, ``status`` or ``word``.
    """

    a: Passage
    b: Passage
    kind: str
    score: float
    a_diff: tuple[Span, ...] = ()
    b_diff: tuple[Span, ...] = ()


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


def _entities(article: Article, given: Sequence[Entity] | None) -> Sequence[Entity]:
    if given is not None:
        return given
    from index.entities import extract

    found: list[Entity] = list(extract(article.text))
    return found


_CAPITALISED = re.compile(r"\b[^\W\d_a-z][^\W\d_]*(?:['’][^\W\d_]+)*")


def _capitalised(text: str) -> set[str]:
    """Lower-cased capitalised words (names' spelling variants are merged across the reports)."""
    out = set()
    for w in _CAPITALISED.findall(text):
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        out.add(w.lower())
    return out


def compare(
    a: Article,
    b: Article,
    entities_a: Sequence[Entity] | None = None,
    entities_b: Sequence[Entity] | None = None,
    idf: Mapping[str, float] | None = None,
) -> Comparison:
    """Align the claims of two articles and find where they agree, differ and disagree.

    Args:
        a: The first article (left side).
        b: The second article (right side).
        entities_a: Entities of ``a``; extracted with ``index.entities.extract`` when ``None``.
        entities_b: Entities of ``b``; extracted likewise when ``None``.
        idf: Accepted for compatibility and ignored: the judgement weighs words by their rarity
            in English and in the two reports (see :mod:`index.judge`).

    Returns:
        A frozen ``Comparison`` whose offsets index ``a.text`` and ``b.text``.
    """
    ents_a = list(_entities(a, entities_a))
    ents_b = list(_entities(b, entities_b))
    sa, sb = split_sentences(a.text), split_sentences(b.text)
    caps = (_capitalised(a.text), _capitalised(b.text))
    m = matching.match(sa, sb, ents_a, ents_b, align.proper_map(*caps))
    chosen: dict[tuple[int, int], tuple[str, float]] = dict(m.pairs)
    sims = {k: v.event for k, v in m.judged.items()}
    found = conflicts.find(sa, sb, sims, {k: c for k, (_, c) in chosen.items()})
    for f in found:
        # A disagreement is about something both discuss: its sentences are a pair too.
        chosen.setdefault((f.i, f.j), ("related", round(m.judge(f.i, f.j).event, 4)))

    def passage(s: Sentence) -> Passage:
        return Passage(s.start, s.end, s.text)

    pairs = tuple(
        Pair(passage(sa[i]), passage(sb[j]), kind, score, *differences(sa[i], sb[j]))
        for (i, j), (kind, score) in sorted(chosen.items())
    )
    used_a = {i for i, _ in chosen}
    used_b = {j for _, j in chosen}
    keys_a = {e.canonical for e in ents_a if e.canonical}
    keys_b = {e.canonical for e in ents_b if e.canonical}
    return Comparison(
        a=a,
        b=b,
        pairs=pairs,
        only_a=tuple(
            passage(s) for i, s in enumerate(sa) if i not in used_a and i not in m.boiler_a
        ),
        only_b=tuple(
            passage(s) for j, s in enumerate(sb) if j not in used_b and j not in m.boiler_b
        ),
        conflicts=tuple(
            Conflict(f.kind, passage(sa[f.i]), passage(sb[f.j]), f.detail) for f in found
        ),
        shared_entities=tuple(sorted(keys_a & keys_b)),
        only_a_entities=tuple(sorted(keys_a - keys_b)),
        only_b_entities=tuple(sorted(keys_b - keys_a)),
        sources_a=tuple(sources(a.text, ents_a, sa)),
        sources_b=tuple(sources(b.text, ents_b, sb)),
    )


def compare_texts(
    a: str,
    b: str,
    title_a: str | None = None,
    title_b: str | None = None,
    entities: bool = True,
) -> Comparison:
    """Compare two texts in process: the same comparison ``newsdesk compare`` prints.

    Args:
        a: Text of the first report (offsets in the result index it).
        b: Text of the second report.
        title_a: Optional headline of ``a`` (else its first line, as for a ``.txt`` file).
        title_b: Optional headline of ``b``.
        entities: Recognise entities (names meet across spellings); ``False`` is faster.
    """
    from index.ingest import text_article

    art_a = text_article(a, "a", "a", title=title_a)
    art_b = text_article(b, "b", "b", title=title_b)
    if entities:
        return compare(art_a, art_b)
    return compare(art_a, art_b, (), ())


# --- renderers (they live in index.report; re-exported here for callers of compare) -----------------


def comparison_to_json(c: Comparison) -> dict[str, object]:
    """Plain JSON-ready dict of a comparison; see ``index.report.comparison_to_json``."""
    from index.report import comparison_to_json as render

    return render(c)


def comparison_to_markdown(c: Comparison) -> str:
    """A brief to paste; see ``index.report.comparison_to_markdown``."""
    from index.report import comparison_to_markdown as render

    return render(c)


def comparison_to_text(c: Comparison, width: int = 100) -> str:
    """Side-by-side plain text; see ``index.report.comparison_to_text``."""
    from index.report import comparison_to_text as render

    return render(c, width)
