"""Whether two sentences the same-event judgement links make the same claim.

The comparison's judgement (:mod:`index.compare.judge`) says whether two sentences tell the same
event; a claim "stated by both" needs more. "North Korea has consistently supported Russia's
military actions, with Kim Jong-un pledging full support for Putin's war" and "The troops have been
sent by Kim Jong-un to support Russian forces" tell one event (same-event probability 0.84) and
are two claims: one is about words of support, the other about troops sent. Without a parser the
predicate is read from the words: the shorter sentence's own words (its lower-case content weighed
by rarity, what it says of the names rather than the names) must be found in the other
(:func:`coverage`). Between reports of different days the words of the story's setting count for
little and nothing else will do (:data:`APART_COVER`); on one day or undated, a paraphrase, a
headline, a shared figure or a strong same-event judgement will do as well (:data:`COVER`,
:data:`STRONG_EVENT`: ECB+ tells one event in many words, and its gold pairs found bound how strict
this can be). A first statement and its revision are two claims.

Chosen on WikiNews stories 1-5 (hand check 23 / 33 -> 22 / 25), ECB+ (0.868 / 0.474 -> 0.873 /
0.426 same-event share and gold pairs found) and the seed pair; held out, stories 6-10 went
22 / 27 -> 18 / 21 (``tests/benchmarks/handcheck_story.py``; README, "How it decides").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from index.story.engine import judge as verdicts
from index.story.engine import matching, preparation

COVER = 0.3
"""Share of the shorter sentence's own words (lower-case content, weighed by rarity; names and
figures left out) the other must hold, in reports of one day or undated, unless the comparison
reads the pair as a paraphrase, either is a headline, they share a figure or their same-event
probability reaches :data:`STRONG_EVENT`. See README ("How it decides") for what it was chosen on."""
STRONG_EVENT = 0.88
"""Same-event probability from which a pair of reports of one day (or undated) makes one claim
whatever words it shares (ECB+ reports tell one event in many words: "checked into Promises
Treatment Center" / "entered a rehab program")."""
APART_COVER = 0.4
"""Share of the shorter sentence's own words, each weighed by how little of the story's setting
it is (:func:`index.story.pairs.setting_factor`), that a pair of reports of different days must
share, paraphrase or not (a developing story repeats its setting in every report)."""

# The lower-case tail of a hyphenated name ("Jong-un", "Al-Arab") is part of the name.
_NAME_TAIL = re.compile(r"\b[^\W\d_a-z]\w*-([^\W\d_A-Z]\w*)")
_WORD = re.compile(r"[^\W\d_]+")
# A statement and its revision ("initially gave the position as inside Iraqi waters" / "gave a
# revised position ... inside Iranian waters") are two claims, whatever words they share.
_EARLY = re.compile(r"\b(?:initially|originally|at first)\b", re.IGNORECASE)
_LATE = re.compile(
    r"\b(?:revised|revises|revise|later|subsequently|updated|corrected|amended)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Said:
    """What a sentence says, as far as telling one claim from another goes."""

    words: Mapping[str, float]
    """Its own words with their rarity weights (:func:`own_words`)."""
    apart: Mapping[str, float]
    """The same, each weighed by how little of the story's setting it is."""
    figures: frozenset[str]
    headline: bool
    stage: str
    """``"early"`` (a first statement), ``"late"`` (a revision) or ``""``."""


def said(p: preparation.Prepared, factor: Mapping[str, float] | None = None) -> Said:
    """Analyse a prepared sentence (``factor``: each word's share of the story's setting,
    :func:`index.story.pairs.setting_factor`; none in a story of one day)."""
    words = own_words(p)
    early, late = bool(_EARLY.search(p.text)), bool(_LATE.search(p.text))
    return Said(
        words,
        {t: w * factor.get(t, 1.0) for t, w in words.items()} if factor else words,
        frozenset(p.numbers),
        headline(p.text),
        "early" if early and not late else "late" if late and not early else "",
    )


def own_words(p: preparation.Prepared) -> dict[str, float]:
    """A sentence's own words: its content stems with their rarity weight, without names, the
    tails of hyphenated names, and numbers."""
    tails = {
        stem
        for m in _NAME_TAIL.finditer(p.text)
        for stem in preparation.prepare(m.group(1)).weights
    }
    return {
        t: w
        for t, w in p.weights.items()
        if not t.startswith("#") and t not in p.names and t not in tails
    }


def coverage(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The weight of the words two sentences share over the weight of the smaller one's words
    (:func:`own_words`); 0 when either has none."""
    wa, wb = sum(a.values()), sum(b.values())
    if not wa or not wb:
        return 0.0
    shared = sum(min(w, b[t]) for t, w in a.items() if t in b)
    return shared / min(wa, wb)


def headline(text: str) -> bool:
    """Whether a sentence is written in title case or capitals (a headline: its capitalised words
    are not all names, so its own words cannot be told from them)."""
    words = _WORD.findall(text)
    return len(words) < 3 or sum(1 for w in words if w[0].isupper()) > 0.5 * len(words)


def paraphrase(v: matching.Judged) -> bool:
    """Whether the comparison reads a pair as the same claim (its ``shared`` floors)."""
    floors = verdicts.floors()
    return v.same >= floors.shared_same or v.similarity >= floors.shared_similarity


def same_claim(v: matching.Judged, a: Said, b: Said, apart: bool = False) -> bool:
    """Whether two sentences that the same-event judgement links make one claim.

    Args:
        v: The comparison's judgement of the pair.
        a: The first sentence (:func:`said`).
        b: The second.
        apart: Whether their reports were published on different days.

    A first statement and its revision are two claims. Between reports of different days the
    shorter sentence's own words beyond the story's setting must be mostly in the other
    (:data:`APART_COVER`); on one day, a paraphrase, a headline, a shared figure or a strong
    same-event judgement will do, else :data:`COVER` of its own words.
    """
    if {a.stage, b.stage} == {"early", "late"}:
        return False
    if apart:
        return coverage(a.apart, b.apart) >= APART_COVER
    return (
        paraphrase(v)
        or a.headline
        or b.headline
        or bool(a.figures & b.figures)
        or v.event >= STRONG_EVENT
        or coverage(a.words, b.words) >= COVER
    )
