"""Compare two reports of the same story: aligned claims, unique claims, disagreements, sources.

Which sentences make the same claim, or speak of the same event, is decided by a judgement learned on
human-labelled news data (:mod:`index.compare.judge`, applied many to many by :mod:`index.compare.matching`): every
aligned pair carries its kind (``shared``: the same claim; ``related``: the same event with other
detail) and the model's confidence, and nothing under the calibrated floor is shown as aligned.
Boilerplate (sign-offs, datelines, bylines) is never aligned nor counted as a claim. Disagreements
come from :mod:`index.compare.conflicts`, word-level differences inside a pair from :mod:`index.compare.worddiff` (each pair works its own out when first read),
sources from :mod:`index.compare.attribution`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from index.analysis.entity_keys import link_across
from index.analysis.sentences import split_sentences
from index.compare import conflicts, matching, words
from index.compare.attribution import sources
from index.compare.models import Comparison, Conflict, Pair, Passage
from index.compare.readings import aliases
from index.models import Article, Entity, Sentence

__all__ = ["compare", "compare_texts"]


def _entities(article: Article, given: Sequence[Entity] | None) -> Sequence[Entity]:
    if given is not None:
        return given
    from index.analysis.entities import extract

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
        entities_a: Entities of ``a``; extracted with ``index.analysis.entities.extract`` when ``None``.
        entities_b: Entities of ``b``; extracted likewise when ``None``.
        idf: Accepted for compatibility and ignored: the judgement weighs words by their rarity
            in English and in the two reports (see :mod:`index.compare.judge`).

    Returns:
        A frozen ``Comparison`` whose offsets index ``a.text`` and ``b.text``.
    """
    ents_a = list(_entities(a, entities_a))
    ents_b = list(_entities(b, entities_b))
    # one key for one person across the two ("Sarkozy" in one, "Nicolas Sarkozy" in the other)
    ents_a, ents_b = link_across([ents_a, ents_b])
    sa, sb = split_sentences(a.text), split_sentences(b.text)
    caps = (_capitalised(a.text), _capitalised(b.text))
    variants = words.name_variants(*caps)
    m = matching.match(sa, sb, ents_a, ents_b, words.proper_map(*caps, variants=variants))
    chosen: dict[tuple[int, int], tuple[str, float]] = dict(m.pairs)
    sims = {k: v.event for k, v in m.judged.items()}
    found = conflicts.find(
        sa,
        sb,
        sims,
        {k: c for k, (_, c) in chosen.items()},
        names=aliases([*ents_a, *ents_b]),
        variants=variants,
    )
    for f in found:
        # A disagreement is about something both discuss: its sentences are a pair too.
        chosen.setdefault((f.i, f.j), ("related", round(m.judge(f.i, f.j).event, 4)))

    def passage(s: Sentence) -> Passage:
        return Passage(s.start, s.end, s.text)

    pairs = tuple(
        Pair(passage(sa[i]), passage(sb[j]), kind, score)
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
            Conflict(f.kind, passage(sa[f.i]), passage(sb[f.j]), f.detail + later)
            for f in found
            for later in [_later(a, b) if f.kind in ("figure", "status") else ""]
        ),
        shared_entities=tuple(sorted(keys_a & keys_b)),
        only_a_entities=tuple(sorted(keys_a - keys_b)),
        only_b_entities=tuple(sorted(keys_b - keys_a)),
        sources_a=tuple(sources(a.text, ents_a, sa, (b.text, ents_b))),
        sources_b=tuple(sources(b.text, ents_b, sb, (a.text, ents_a))),
    )


def _later(a: Article, b: Article) -> str:
    """ "; B was published 4 days after A" when both reports carry dates that differ: a figure or
    a status that differs between reports days apart may be the story moving, not a dispute."""
    from datetime import date

    try:
        da, db = date.fromisoformat(a.date or ""), date.fromisoformat(b.date or "")
    except ValueError:
        return ""
    days = (db - da).days
    if not days:
        return ""
    first, then = ("A", "B") if days > 0 else ("B", "A")
    n = abs(days)
    return f"; {then} was published {n} day{'s' if n > 1 else ''} after {first}"


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
    from index.ingest.formats import text_article

    art_a = text_article(a, "a", "a", title=title_a)
    art_b = text_article(b, "b", "b", title=title_b)
    if entities:
        return compare(art_a, art_b)
    return compare(art_a, art_b, (), ())
