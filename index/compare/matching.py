"""Which sentences of two reports make the same claim, or speak of the same event: many to many.

Every sentence is prepared once (:func:`index.compare.preparation.prepare`). Candidates are the pairs that share
a content word, ranked by a cosine weighed with the two reports' own idf; each sentence keeps its
:data:`CANDIDATES` best on either side. Each candidate is judged by the learned models of
:mod:`index.compare.judge` (same claim, graded similarity, same event). A pair is aligned when its
same-event probability and graded similarity reach their calibrated floors (:class:`index.compare.judge.
Verdict`) and it is the best pair of one of its sentences, or among its :data:`PARTNERS` best when
one of the two sentences is central to the other report or a headline (news reports are many to
many: a lead sentence of one report often tells what two or three of the other's tell), and no
sentence keeps more than :data:`MOST_PARTNERS` related counterparts; it is ``shared`` when the
same-claim judgement reaches its floor too, ``related`` otherwise. A ``related`` pair must also be more than the story's
setting (:func:`loose_pairs`): two sentences that share only the words every sentence of the two
reports uses ("North Korea", "troops", "Russia") and common English, one of them off what the other
report is about, speak of the same story, not of the same event or facet.

Boilerplate (sign-offs such as "Reuter", datelines, bylines, a bare "According to The New York
Times.", copyright lines) is never aligned and never counted as a claim.

Where each part lives: :mod:`index.compare.candidates` (which pairs are judged, and their
judgement), :mod:`index.compare.boilerplate`, :mod:`index.compare.loose` (pairs kept only as the
same claim), :mod:`index.compare.clauses` (a claim told twice inside longer sentences); here the
selection among the judged pairs (:func:`select`) and :func:`match`, which runs them in order.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from index.compare.boilerplate import is_boilerplate
from index.compare.candidates import (
    CANDIDATES,
    Candidates,
    Judged,
    find_candidates,
    judge_candidates,
    prepare_report,
)
from index.compare.clauses import claims_within, clauses
from index.compare.judge import Verdict, floors, judge
from index.compare.loose import (
    cited_pairs,
    loose_pairs,
    namesake_pairs,
    reversed_pairs,
    speaker_pairs,
)
from index.compare.pair_features import (
    context_features,
    features,
    position_features,
)
from index.compare.preparation import Prepared
from index.models import Entity, Sentence

__all__ = [
    "CANDIDATES",
    "MOST_PARTNERS",
    "PARTNERS",
    "Candidates",
    "Judged",
    "Matching",
    "clauses",
    "find_candidates",
    "headline",
    "headlines_kept",
    "is_boilerplate",
    "judge_candidates",
    "loose_pairs",
    "match",
    "namesake_pairs",
    "prepare_report",
    "reach",
    "select",
]

PARTNERS = 4
"""A pair is kept when it is among the best this many of one of its sentences (3 found 110 of
ECB+'s 231 gold pairs, 4 finds 115 at the same judged precision, 0.93; 6 adds one more)."""
MOST_PARTNERS = 5
"""No sentence is shown with more than this many related counterparts, its strongest (a lead
sentence of a short report of one event met up to eight of the other's, each "the same quake");
ECB+ report pairs: pairs shown 604 -> 537, gold pairs found 139 -> 135 of 231 (4: 480 and 131;
6: 563 and 137), judged precision 0.927 -> 0.931."""
_TIE = 0.01
"""Partners of one sentence whose ranks (``0.5 x event + similarity``) are this close to its best
are ties, each kept as a best: the models do not tell them apart (the seed pair's "sent 10,000
soldiers" ranked 0.785 against its other gold partner's 0.786 and was dropped). ECB+ report pairs:
gold pairs found 126 -> 127 of 231 at the same judged precision (0.947, 0.948), pairs shown 462 ->
463; at 0.03, 469 shown and four more of the seed pair's pairs outside its gold."""
_CENTRAL = 0.2
"""A sentence has partners beyond its best only when one of the pair is this central to the other
report (:func:`index.compare.pair_features.centrality`): a lead sentence of a short report of one
event tells what several of the other's sentences tell, an aside of a long report of many facets
rarely does. ECB+ report pairs, extra partners from a same-event probability of 0.3: recall
0.615 / 0.606 / 0.602 / 0.597 at 0.14 / 0.16 / 0.18 / 0.2, judged precision 0.91-0.93; the seed
pair's pairs outside its gold 36 / 31 / 16 / 13 (every sentence there is under 0.19). A headline
counts as central (:func:`reach`): it sums up its report."""
_FINAL_STOP = (".", "!", "?", '"', "”", "'", "’", ")", ":")


@dataclass(frozen=True)
class Matching:
    """Aligned pairs ``{(i, j): (kind, confidence)}``, every judged candidate, and which sentences
    are boilerplate."""

    pairs: Mapping[tuple[int, int], tuple[str, float]]
    judged: Mapping[tuple[int, int], Judged]
    boiler_a: frozenset[int]
    boiler_b: frozenset[int]
    prepared_a: Sequence[Prepared] = ()
    prepared_b: Sequence[Prepared] = ()
    idf: Mapping[str, float] | None = None
    story: frozenset[str] = frozenset()
    central_a: Sequence[float] = ()
    central_b: Sequence[float] = ()
    loose: frozenset[tuple[int, int]] = frozenset()
    """The judged pairs :func:`loose_pairs` keeps only as shared (for a caller that selects again)."""

    def judge(self, i: int, j: int) -> Judged:
        """The judgement of any pair (candidates are judged already; others on demand)."""
        found = self.judged.get((i, j))
        if found is not None:
            return found
        a, b = self.prepared_a[i], self.prepared_b[j]
        c = context_features(a, b, self.idf or {}, self.story)
        position = position_features(i, j, self.central_a[i], self.central_b[j])
        return Judged(*judge(features(a, b), c, position), c[0])


def match(
    sa: Sequence[Sentence],
    sb: Sequence[Sentence],
    ents_a: Sequence[Entity] = (),
    ents_b: Sequence[Entity] = (),
    fold: Mapping[str, str] | None = None,
) -> Matching:
    """Align the sentences of two reports.

    Args:
        sa: Sentences of A.
        sb: Sentences of B.
        ents_a: Entities of A (their canonical keys let "DPRK" meet "North Korea").
        ents_b: Entities of B.
        fold: Optional stem -> stem map (demonyms onto places, spelling variants of names).
    """
    pa, boiler_a = prepare_report(sa, ents_a, fold)
    pb, boiler_b = prepare_report(sb, ents_b, fold)
    j = judge_candidates(pa, pb, boiler_a, boiler_b)
    # Only a pair that could be shown as related needs its roles read (the floors a calibration
    # varies, event and extra_event, are left out of this test)
    f = floors()
    open_ = {
        p: v
        for p, v in j.judged.items()
        if v.cosine >= f.cosine
        and v.similarity >= f.similarity
        and v.same < f.shared_same
        and v.similarity < f.shared_similarity
    }
    loose = (
        loose_pairs(j, pa, pb)
        | namesake_pairs(j, pa, pb)
        | cited_pairs(j, pa, pb)
        | speaker_pairs(j, pa, pb)
        | reversed_pairs(open_, pa, pb)
    )
    heads = (headline(sa, boiler_a), headline(sb, boiler_b))
    loose = headlines_kept(loose, heads)
    pairs = select(
        j.judged,
        twins=_twins(sa, sb, j.judged),
        loose=loose,
        central=reach(sa, sb, j.central_a, j.central_b, heads),
    )
    claims_within(pairs, j.judged, pa, pb, sa, sb, j.idf, j.story, fold)
    return Matching(
        pairs, j.judged, boiler_a, boiler_b, pa, pb, j.idf, j.story, j.central_a, j.central_b, loose
    )


def headline(sents: Sequence[Sentence], boiler: frozenset[int] = frozenset()) -> int | None:
    """The index of a report's headline: its first line that is not boilerplate (a dateline may
    come first), when that line has no sentence's final stop; None when there is none."""
    for n, s in enumerate(sents):
        if n in boiler:
            continue
        return None if s.text.rstrip().endswith(_FINAL_STOP) else n
    return None


def headlines_kept(
    loose: frozenset[tuple[int, int]], heads: tuple[int | None, int | None]
) -> frozenset[tuple[int, int]]:
    """``loose`` without the pair of the two reports' headlines: each sums up its report, so
    sharing only the story's setting ("Iran", "quake") they still tell its main event (ECB+
    report pairs: gold pairs found 127 -> 129 of 231, judged precision 0.948 -> 0.942)."""
    if heads[0] is None or heads[1] is None:
        return loose
    return loose - {(heads[0], heads[1])}


def reach(
    sa: Sequence[Sentence],
    sb: Sequence[Sentence],
    central_a: Sequence[float],
    central_b: Sequence[float],
    heads: tuple[int | None, int | None] | None = None,
) -> tuple[list[float], list[float]]:
    """Each sentence's centrality towards the other report, a headline's raised to
    :data:`_CENTRAL` (:func:`headline`, or the first line without a sentence's final stop when
    ``heads`` is not given: it sums up its report, so it may have several partners), for
    :func:`select`."""
    if heads is None:
        heads = (headline(sa), headline(sb))

    def lifted(central: Sequence[float], head: int | None) -> list[float]:
        out = list(central)
        if head is not None and head < len(out):
            out[head] = max(out[head], _CENTRAL)
        return out

    return lifted(central_a, heads[0]), lifted(central_b, heads[1])


def _twins(
    sa: Sequence[Sentence], sb: Sequence[Sentence], judged: Mapping[tuple[int, int], Judged]
) -> set[tuple[int, int]]:
    """The candidate pairs whose two sentences are one sentence, word for word."""

    na = [" ".join(s.text.lower().split()) for s in sa]
    nb = [" ".join(s.text.lower().split()) for s in sb]
    return {(i, j) for i, j in judged if na[i] == nb[j]}


def select(
    judged: Mapping[tuple[int, int], Judged],
    verdict: Verdict | None = None,
    twins: set[tuple[int, int]] | None = None,
    loose: frozenset[tuple[int, int]] = frozenset(),
    central: tuple[Sequence[float], Sequence[float]] | None = None,
) -> dict[tuple[int, int], tuple[str, float]]:
    """The aligned pairs among judged candidates, ``{(i, j): (kind, confidence)}``, under the shipped
    floors or ``verdict``'s. A sentence of a pair in ``twins`` (the same words on both sides) has
    no further ``related`` partner: two copies of a wire story read as copies. A pair in ``loose``
    (:func:`loose_pairs`) is kept only as ``shared``. ``central``: each sentence's centrality
    towards the other report, A's then B's (:class:`Candidates`); a pair beyond the best of both
    its sentences is kept only when one of them reaches :data:`_CENTRAL` (none without it)."""
    verdict = verdict or floors()
    ok = {
        p: v
        for p, v in judged.items()
        if v.event >= verdict.event
        and v.similarity >= verdict.similarity
        and v.cosine >= verdict.cosine
        and (
            p not in loose
            or v.same >= verdict.shared_same
            or v.similarity >= verdict.shared_similarity
        )
    }

    def rank(v: Judged) -> float:
        return 0.5 * v.event + v.similarity

    by_a: dict[int, list[float]] = defaultdict(list)
    by_b: dict[int, list[float]] = defaultdict(list)
    for (i, j), v in ok.items():
        by_a[i].append(rank(v))
        by_b[j].append(rank(v))
    best_a = {i: max(row) for i, row in by_a.items()}
    best_b = {j: max(row) for j, row in by_b.items()}
    kth_a = {i: heapq.nlargest(PARTNERS, row)[-1] for i, row in by_a.items()}
    kth_b = {j: heapq.nlargest(PARTNERS, row)[-1] for j, row in by_b.items()}
    # a sentence the other report repeats word for word has its counterpart: the others that
    # merely resemble it would only hide that (two copies of one wire story)
    twin_a = {i for i, _ in twins or ()}
    twin_b = {j for _, j in twins or ()}
    out: dict[tuple[int, int], tuple[str, float]] = {}
    for (i, j), v in ok.items():
        related = v.same < verdict.shared_same and v.similarity < verdict.shared_similarity
        if related and (i in twin_a or j in twin_b):
            continue
        r = rank(v)
        best = r >= best_a[i] - _TIE or r >= best_b[j] - _TIE
        further = (
            v.event >= verdict.extra_event
            and (r >= kth_a[i] or r >= kth_b[j])
            and central is not None
            and max(central[0][i], central[1][j]) >= _CENTRAL
        )
        if not (best or further):
            continue
        if v.same >= verdict.shared_same or v.similarity >= verdict.shared_similarity:
            out[(i, j)] = ("shared", round(max(v.same, v.similarity), 4))
        else:
            out[(i, j)] = ("related", round(v.event, 4))
    return _at_most(out, judged, rank)


def _at_most(
    pairs: dict[tuple[int, int], tuple[str, float]],
    judged: Mapping[tuple[int, int], Judged],
    rank: Callable[[Judged], float],
) -> dict[tuple[int, int], tuple[str, float]]:
    """The pairs within the :data:`MOST_PARTNERS` strongest of both their sentences (``shared``
    pairs all kept: the same claim told twice is always worth showing)."""
    by_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    by_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, j in pairs:
        r = rank(judged[(i, j)])
        by_a[i].append((r, j))
        by_b[j].append((r, i))
    keep_a = {(i, j) for i, row in by_a.items() for _, j in heapq.nlargest(MOST_PARTNERS, row)}
    keep_b = {(i, j) for j, row in by_b.items() for _, i in heapq.nlargest(MOST_PARTNERS, row)}
    return {p: kv for p, kv in pairs.items() if kv[0] == "shared" or (p in keep_a and p in keep_b)}
