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
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from index.compare.judge import Verdict, floors, judge, same_claim
from index.compare.pair_features import (
    Weighted,
    centrality,
    context_features,
    context_from,
    features,
    local_idf,
    position_features,
    weigh,
)
from index.compare.preparation import Prepared, prepare
from index.compare.preparation import _zipf as _zipf_table
from index.compare.words import stem
from index.models import Entity, Sentence
from index.vocabulary import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

__all__ = [
    "CANDIDATES",
    "MOST_PARTNERS",
    "PARTNERS",
    "Candidates",
    "Judged",
    "Matching",
    "clauses",
    "find_candidates",
    "is_boilerplate",
    "judge_candidates",
    "loose_pairs",
    "match",
    "namesake_pairs",
    "prepare_report",
    "reach",
    "select",
]

CANDIDATES = 5
"""Candidates judged per sentence (by local cosine), on each side (ECB+ report pairs: 6 found the
same 135 gold pairs with 3 more pairs shown; 4 found 134; each one fewer is a sixth fewer pairs to
judge)."""
PARTNERS = 4
"""A pair is kept when it is among the best this many of one of its sentences (3 found 110 of
ECB+'s 231 gold pairs, 4 finds 115 at the same judged precision, 0.93; 6 adds one more)."""
MOST_PARTNERS = 5
"""No sentence is shown with more than this many related counterparts, its strongest (a lead
sentence of a short report of one event met up to eight of the other's, each "the same quake");
ECB+ report pairs: pairs shown 604 -> 537, gold pairs found 139 -> 135 of 231 (4: 480 and 131;
6: 563 and 137), judged precision 0.927 -> 0.931."""
_MIN_COSINE = 0.03
_SPECIFIC_WEIGHT = 3.5
"""A shared word tells of one facet when it is no more common in English than Zipf 4.5 (weight 8 - Zipf);
"report", "significant", "between", "possible", "country" are commoner."""
_OFF_CENTRE = 0.1
"""A sentence whose cosine with the other report's centroid is under this is off what that report
is about (ECB+ gold pairs: 1 of 114 has a sentence under it; the seed pair's loose pairs: 12 of 32)."""
_NAMESAKE_SIMILARITY = 0.3
"""A pair under this graded similarity that shares nothing but names and figures is loose
(:func:`namesake_pairs`). With the word vectors among the similarity's inputs (2026-11-29) topical
pairs grade higher: ECB+ report pairs 0.25 / 0.3 / 0.35 find 125 / 126 / 123 of the 231 gold pairs,
pairs shown 469 / 462 / 454; the seed pair's gold negative ("Kim ... pledging full support for
Putin" / "what Putin may have promised Kim") grades 0.297 and is loose from 0.3. (Before the
vectors, 0.25: 136 found, 526 shown.)"""
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

_WEEKDAYS_MONTHS = frozenset(
    stem(w)
    for w in [
        *WEEKDAYS,
        *MONTHS,
        *MONTH_ABBREVIATIONS,
        "gmt",
        "utc",
        "est",
        "edt",
        "pst",
        "bst",
        "am",
        "pm",
        "et",
        "cet",
        "cest",
        "pdt",
        "cdt",
        "cst",
        "mdt",
        "mst",
    ]
)
# The words of a dateline's label ("Posted 11/27/2005 7:21 AM", "First Published: June 13, 2013",
# "Last updated: ..."): with dates and times alone they make no claim.
_DATELINE = frozenset(
    stem(w) for w in "posted updated published first last modified created".split()
)
_BOILERPLATE = re.compile(
    r"^\W*(?:reuters?|ap|afp|upi|xinhua|by\s+[\w.'’ -]{2,40}|(?:photo|image|video)s?(?:\s+credit)?:?.*|"
    r"(?:copyright|\(c\)|©).*|all rights reserved.*|click here.*|read more.*|share this.*|"
    r"advertisement|related(?: articles?| stories)?:?|(?:according to|via|source:?)\s+[\w.'’ -]{2,60})"
    r"\W*$",
    re.IGNORECASE,
)


def is_boilerplate(text: str, prepared: Prepared | None = None) -> bool:
    """True for a sentence that carries no claim: a sign-off, dateline, byline or bare source."""
    stripped = text.strip()
    if not stripped or _BOILERPLATE.match(stripped):
        return True
    p = prepared or prepare(stripped)
    table = _zipf_table()
    # Content left once numbers, dates, clock words and names are set aside.
    ordinary = [
        t
        for t in p.seq
        if t[0] != "#"
        and t not in _WEEKDAYS_MONTHS
        and (t not in p.names or table.get(t, 0) >= 3.5)
    ]
    if ordinary and len(ordinary) < len(p.seq) and all(t in _DATELINE for t in ordinary):
        return True  # a dateline: its label, dates and times
    return len(ordinary) == 0 or (len(ordinary) == 1 and len(p.seq) <= 3)


@dataclass(frozen=True, slots=True)
class Judged:
    """The judgement of one candidate pair: same-claim probability, graded similarity, same-event
    probability."""

    same: float
    similarity: float
    event: float
    cosine: float = 1.0
    """Cosine of the two sentences' content weighed by the two reports' own idf."""


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


def _keys(sents: Sequence[Sentence], entities: Sequence[Entity]) -> list[list[str]]:
    """Each sentence's canonical entity keys (dates and quantities left out)."""
    out: list[list[str]] = [[] for _ in sents]
    ents = sorted(
        (e for e in entities if e.canonical and e.label not in ("DATE", "QUANTITY")),
        key=lambda e: e.start,
    )
    k = 0
    for n, s in enumerate(sents):
        while k < len(ents) and ents[k].end <= s.start:
            k += 1
        j = k
        while j < len(ents) and ents[j].start < s.end:
            out[n].append(ents[j].canonical)
            j += 1
    return out


def prepare_report(
    sents: Sequence[Sentence],
    entities: Sequence[Entity] = (),
    fold: Mapping[str, str] | None = None,
) -> tuple[list[Prepared], frozenset[int]]:
    """One report's sentences analysed for the judgement (with their entity keys), and which of
    them are boilerplate; a caller aligning a report with many others does this once."""
    keys = _keys(sents, entities)
    prepared = [prepare(s.text, fold, k) for s, k in zip(sents, keys, strict=True)]
    boiler = frozenset(
        i for i, (s, p) in enumerate(zip(sents, prepared)) if is_boilerplate(s.text, p)
    )
    return prepared, boiler


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
    loose = loose_pairs(j, pa, pb) | namesake_pairs(j, pa, pb) | _reversed_pairs(open_, pa, pb)
    pairs = select(
        j.judged,
        twins=_twins(sa, sb, j.judged),
        loose=loose,
        central=reach(sa, sb, j.central_a, j.central_b),
    )
    _claims_within(pairs, j.judged, pa, pb, sa, sb, j.idf, j.story, fold)
    return Matching(
        pairs, j.judged, boiler_a, boiler_b, pa, pb, j.idf, j.story, j.central_a, j.central_b, loose
    )


def reach(
    sa: Sequence[Sentence],
    sb: Sequence[Sentence],
    central_a: Sequence[float],
    central_b: Sequence[float],
) -> tuple[list[float], list[float]]:
    """Each sentence's centrality towards the other report, a headline's raised to
    :data:`_CENTRAL` (the first line without a sentence's final stop: it sums up its report, so it
    may have several partners), for :func:`select`."""

    def lifted(sents: Sequence[Sentence], central: Sequence[float]) -> list[float]:
        out = list(central)
        if out and sents and not sents[0].text.rstrip().endswith(_FINAL_STOP):
            out[0] = max(out[0], _CENTRAL)
        return out

    return lifted(sa, central_a), lifted(sb, central_b)


# Words of stance, discourse and attribution ("it remains unclear", "potentially", "a notable number",
# "analysts suggest", "citing anonymous officials"): they say how a report tells something, never
# what; shared, they make no facet.
_STANCE = frozenset(
    stem(w)
    for w in (
        "unclear clear remain remains potentially potential possibly possible notable notably "
        "significant significantly suggest suggests suggested consistently further furthermore "
        "indeed appear appears seem seems reportedly allegedly likely unlikely exact exactly "
        "currently recent recently particularly ongoing however meanwhile "
        "anonymous anonymously unnamed citing according quoted"
    ).split()
)


def loose_pairs(
    found: Candidates, pa: Sequence[Prepared], pb: Sequence[Prepared]
) -> frozenset[tuple[int, int]]:
    """Judged pairs that share nothing beyond the story's setting, one sentence off its centre.

    A pair is loose when every content word it shares is the story's own vocabulary
    (``found.story``: in many sentences of the two reports), common English or a word of stance
    (:data:`_STANCE`), no number or name shared (outside that vocabulary), and one of its sentences is off what the other report is
    about (centrality under :data:`_OFF_CENTRE`). Two reports of one event share the event's words
    in every sentence; that is what tells a pair of lead sentences about it, not two asides.
    """
    story = found.story
    out = set()
    for i, j in found.judged:
        if min(found.central_a[i], found.central_b[j]) >= _OFF_CENTRE:
            continue
        a, b = pa[i], pb[j]
        if len(a.weights) > len(b.weights):
            a, b = b, a
        other = b.weights
        for t, w in a.weights.items():
            if (
                t in other
                and t not in story
                and t not in _STANCE
                and (
                    t[0] == "#"
                    or max(w, other[t]) >= _SPECIFIC_WEIGHT  # (either spelling: "loss" / "losses")
                    or (t in a.names and t in b.names)
                )
            ):
                break
        else:
            out.add((i, j))
    return frozenset(out)


def namesake_pairs(
    found: Candidates, pa: Sequence[Prepared], pb: Sequence[Prepared]
) -> frozenset[tuple[int, int]]:
    """Judged pairs that share only names and figures and are barely similar
    (:data:`_NAMESAKE_SIMILARITY`): the same people, places or numbers in two other facts ("the NYPD
    said" / "chanting against the NYPD"; "what Putin may have promised Kim" / "Kim pledging full
    support for Putin"; "three aftershocks" / "killing three"). Loose, as :func:`loose_pairs`:
    kept only as ``shared``."""
    out = set()
    for (i, j), v in found.judged.items():
        if v.similarity >= _NAMESAKE_SIMILARITY:
            continue
        a, b = pa[i], pb[j]
        names = a.names & b.names
        if all(t in names or t[0] == "#" for t in a.weights.keys() & b.weights.keys()):
            out.add((i, j))
    return frozenset(out)


# "Hamas was attacked by Israel" tells "Israel attacked Hamas": a passive swaps the sides
_PASSIVE = re.compile(
    r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ught)\b.*\bby\b"
    r"|\b\w+(?:ed|en|wn|ught)\s+by\b",  # ("the Oscars hosted by DeGeneres")
    re.IGNORECASE,
)


def _sides(at: Mapping[str, int], word: str, names: Sequence[str]) -> tuple[int, ...] | None:
    """For each name, -1 when it comes before ``word`` (``at``: each term's first position), 1
    after (None if one is absent)."""
    w = at.get(word)
    if w is None:
        return None
    out = []
    for n in names:
        k = at.get(n)
        if k is None:
            return None
        out.append(-1 if k < w else 1)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Roles:
    """What :func:`reversed_roles` reads of one sentence, once: a passive, each term's first place."""

    passive: bool
    at: dict[str, int]


def _roles(p: Prepared) -> _Roles:
    at: dict[str, int] = {}
    for k, t in enumerate(p.seq):
        at.setdefault(t, k)
    return _Roles(_PASSIVE.search(p.text) is not None, at)


def reversed_roles(
    a: Prepared, b: Prepared, roles_a: _Roles | None = None, roles_b: _Roles | None = None
) -> bool:
    """Whether two sentences tell one act with its two parties the other way round: "North Korea
    ... to aid Russia" / "Russia could offer ... aid to North Korea". The same words, names and
    verb, but who does what to whom is swapped (a passive on either side is left alone).
    ``roles_a`` / ``roles_b``: the sentences' :func:`_roles`, when the caller keeps them."""
    names = [t for t in a.names if t in b.names and t in a.weights and t in b.weights]
    if len(names) < 2:
        return False
    ra = roles_a or _roles(a)
    rb = roles_b or _roles(b)
    if ra.passive or rb.passive:
        return False
    # two parties on either side of an act in both sentences, swapped: then two of the names come
    # in the other order (most pairs keep their names' order and stop here)
    order_a = sorted(names, key=lambda n: ra.at.get(n, -1))
    order_b = sorted(names, key=lambda n: rb.at.get(n, -1))
    if order_a == order_b:
        return False
    for act in a.weights:
        if act not in b.weights or act in a.names or act in b.names or act[0] == "#":
            continue
        sa, sb = _sides(ra.at, act, names), _sides(rb.at, act, names)
        if sa is None or sb is None or len(set(sa)) < 2:
            continue
        if all(x == -y for x, y in zip(sa, sb, strict=True)):
            return True
    return False


def _reversed_pairs(
    judged: Mapping[tuple[int, int], Judged], pa: Sequence[Prepared], pb: Sequence[Prepared]
) -> frozenset[tuple[int, int]]:
    """The judged pairs whose parties are the other way round, each sentence read once."""
    roles_a: dict[int, _Roles] = {}
    roles_b: dict[int, _Roles] = {}
    out = set()
    for i, j in judged:
        a, b = pa[i], pb[j]
        if len(a.names & b.names) < 2:
            continue  # (most pairs: the quick test first)
        ra = roles_a.get(i) or roles_a.setdefault(i, _roles(a))
        rb = roles_b.get(j) or roles_b.setdefault(j, _roles(b))
        if reversed_roles(a, b, ra, rb):
            out.add((i, j))
    return frozenset(out)


@dataclass(frozen=True)
class Candidates:
    """Every candidate pair of two reports judged, with what the judgement read around them."""

    judged: dict[tuple[int, int], Judged]
    idf: dict[str, float]
    story: frozenset[str]
    central_a: list[float]
    central_b: list[float]


def judge_candidates(
    pa: Sequence[Prepared],
    pb: Sequence[Prepared],
    boiler_a: frozenset[int],
    boiler_b: frozenset[int],
    per_sentence: int = CANDIDATES,
) -> Candidates:
    """Judge the candidate pairs of two prepared reports (:func:`find_candidates`) in their
    context: the two reports' own idf, the story's vocabulary, each sentence's centrality."""
    idf, story = local_idf([*pa, *pb])
    wa = [weigh(p, idf) for p in pa]
    wb = [weigh(p, idf) for p in pb]
    central_a = centrality(wa, [w for j, w in enumerate(wb) if j not in boiler_b])
    central_b = centrality(wb, [w for i, w in enumerate(wa) if i not in boiler_a])
    judged: dict[tuple[int, int], Judged] = {}
    for i, j in find_candidates(wa, wb, boiler_a, boiler_b, per_sentence):
        x = features(pa[i], pb[j])
        c = context_from(wa[i], wb[j], story)
        position = position_features(i, j, central_a[i], central_b[j])
        judged[(i, j)] = Judged(*judge(x, c, position), c[0])
    return Candidates(judged, idf, story, central_a, central_b)


# A long news sentence often makes two or three claims; one of them may be the other report's claim
# word for word while the whole sentences are no paraphrase. Clause boundaries: semicolons, colons,
# dashes, brackets, and a comma or "and"/"but"/"while" before a new clause.
_CLAUSE = re.compile(
    r"\s*(?:[;:—–()]|,\s+(?=(?:and|but|while|which|who|where|whereas|although|though|after|as|"
    r"with|making|given)\b)|\s(?=(?:and|but|while|whereas)\s+(?:the|a|an|its|their|his|her|they|"
    r"he|she|it|most|many|some)\b))\s*"
)


_CLAUSE_SIMILARITY = 0.3
"""Whole sentences less similar than this (1.5 of STS's 5) are not searched for a shared clause."""


def clauses(text: str) -> list[str]:
    """The clauses of a sentence that have at least four words (the sentence when none has)."""
    parts = [p for p in _CLAUSE.split(text) if p and len(p.split()) >= 4]
    return parts if len(parts) > 1 else [text]


def _claims_within(
    pairs: dict[tuple[int, int], tuple[str, float]],
    judged: Mapping[tuple[int, int], Judged],
    prepared_a: Sequence[Prepared],
    prepared_b: Sequence[Prepared],
    sa: Sequence[Sentence],
    sb: Sequence[Sentence],
    idf: Mapping[str, float],
    story: frozenset[str],
    fold: Mapping[str, str] | None,
) -> None:
    """Mark ``shared`` the related pairs whose clauses make the same claim (same-claim probability
    of the best clause pair reaching the floor)."""
    verdict = floors()
    Parts = list[tuple[Prepared, Weighted | None]]
    cache_a: dict[int, Parts] = {}
    cache_b: dict[int, Parts] = {}

    def analysed(text: str, whole: Prepared) -> Parts:
        parts = clauses(text)
        if len(parts) == 1:
            return [(whole, None)]
        return [(prepare(c, fold), None) for c in parts]

    def weighed(parts: Parts, k: int) -> tuple[Prepared, Weighted]:
        # a clause weighed once, when first judged
        p, w = parts[k]
        if w is None:
            w = weigh(p, idf)
            parts[k] = (p, w)
        return p, w

    for (i, j), (kind, _) in list(pairs.items()):
        if kind == "shared" or judged[(i, j)].similarity < _CLAUSE_SIMILARITY:
            continue
        wa, wb = prepared_a[i].weights, prepared_b[j].weights
        if sum(1 for t in wa.keys() & wb.keys() if wa[t] >= 2.5) < 3:
            continue  # fewer than three distinctive words in common: no claim told twice
        ca = cache_a.get(i)
        if ca is None:
            ca = cache_a[i] = analysed(sa[i].text, prepared_a[i])
        cb = cache_b.get(j)
        if cb is None:
            cb = cache_b[j] = analysed(sb[j].text, prepared_b[j])
        if len(ca) == 1 and len(cb) == 1:
            continue  # the whole sentences were judged already
        # The clause pair with most words in common, the first such (a word or none: no claim
        # made twice).
        common, k, m = max(
            (
                (len(x.weights.keys() & y.weights.keys()), k, m)
                for k, (x, _) in enumerate(ca)
                for m, (y, _) in enumerate(cb)
            ),
            key=lambda t: t[0],
        )
        if common < 2:
            continue
        x, vx = weighed(ca, k)
        y, vy = weighed(cb, m)
        best = same_claim(features(x, y), context_from(vx, vy, story))
        if best >= verdict.shared_same:
            pairs[(i, j)] = ("shared", round(best, 4))


def find_candidates(
    va: Sequence[Weighted],
    vb: Sequence[Weighted],
    skip_a: frozenset[int],
    skip_b: frozenset[int],
    per_sentence: int = CANDIDATES,
) -> set[tuple[int, int]]:
    """Pairs sharing content: each sentence's ``per_sentence`` best by local cosine, on either
    side (sentences in ``skip_a`` / ``skip_b``, boilerplate, take no part)."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, (v, norm, _) in enumerate(vb):
        if j in skip_b:
            continue
        for t, w in v.items():
            postings[t].append((j, w / norm))
    best_a: dict[int, list[tuple[float, int]]] = defaultdict(list)
    best_b: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, (v, norm, _) in enumerate(va):
        if i in skip_a:
            continue
        dot: dict[int, float] = defaultdict(float)
        for t, w in v.items():
            for j, wb in postings.get(t, ()):
                dot[j] += w * wb
        for j, d in dot.items():
            cos = d / norm
            if cos >= _MIN_COSINE:
                best_a[i].append((cos, j))
                best_b[j].append((cos, i))
    out: set[tuple[int, int]] = set()
    for i, row in best_a.items():
        out.update((i, j) for _, j in heapq.nlargest(per_sentence, row))
    for j, row in best_b.items():
        out.update((i, j) for _, i in heapq.nlargest(per_sentence, row))
    return out


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
