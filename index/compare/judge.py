"""The sentence-pair judgement: do two sentences make the same claim, or speak of the same event?

Learned, not hand-tuned: :func:`features` computes a short vector of cheap lexical measures for a
pair of prepared sentences, and two logistic regressions trained on human-labelled news data
(``scripts/train_judge.py``; coefficients in ``index/data/judge_model.json``) turn it into
probabilities:

* ``same`` -- the same claim in other words (trained on MSRP paraphrase labels and STS news pairs
  scored 3.5 or more);
* ``event`` -- the same event or facet, with other detail (trained on ECB+ cross-document sentence
  pairs; the ``same`` probability is one of its inputs).

Words are weighed by their rarity in English at large (Zipf frequencies from wordfreq, shipped in
``index/data/wordfreq_en.txt.gz``), so sharing "Kursk" says more than sharing "troops", which says
more than sharing "said"; the comparison adds the rarity within the two reports (a word every
sentence of the story uses says little about which claim it is).

Measured (``scripts/train_judge.py`` prints them): see README "How the comparison decides".
"""

from __future__ import annotations

import gzip
import itertools
import json
import math
import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Indel

from index.compare.numbers import UNITS
from index.compare.words import STOP, stem

__all__ = [
    "CONTEXT_FEATURES",
    "EVENT_INPUTS",
    "FEATURES",
    "POSITION_FEATURES",
    "Prepared",
    "Verdict",
    "centrality",
    "context_features",
    "context_from",
    "features",
    "floors",
    "judge",
    "local_idf",
    "position_features",
    "prepare",
    "rarity",
    "same_claim",
    "weigh",
]

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
# ECB+ and other tokenised sources write "1, 500", "2: 56", "9. 25": glue the parts back.
_SPACED_NUMBER = re.compile(r"(?<=\d)([,.:]) (?=\d{2,3}\b)")
# Number words up to twenty from the one table the engine keeps (index.compare.numbers), and a few round ones.
_NUMBER_WORDS = {w: str(n) for w, n in UNITS.items()} | {
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "dozen": "12",
}
_NEGATION = frozenset(
    ["not", "no", "never", "n't", "nobody", "nothing", "none", "neither", "nor", "without"]
)
_HEDGES = frozenset(
    [
        "may",
        "might",
        "could",
        "would",
        "reportedly",
        "allegedly",
        "possibly",
        "probably",
        "likely",
        "expected",
        "rumored",
        "rumoured",
        "unconfirmed",
        "suspected",
        "believed",
    ]
)


@lru_cache(maxsize=1)
def _zipf() -> dict[str, float]:
    data = resources.files("index").joinpath("data/wordfreq_en.txt.gz").read_bytes()
    out: dict[str, float] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, _, z = line.partition("\t")
        out[word] = int(z) / 10.0
    return out


_RARE_ZIPF = 1.5  # words below the table's cut (Zipf ~2.1)


def rarity(word: str) -> float:
    """Information weight of a lower-case word: ``8 - Zipf frequency`` (rare words weigh most)."""
    return max(0.3, 8.0 - _zipf().get(word, _RARE_ZIPF))


@dataclass(frozen=True, slots=True)
class Prepared:
    """One sentence, analysed once for every pair it takes part in."""

    text: str
    seq: tuple[str, ...]  # content stems in order (numbers included)
    weights: Mapping[str, float]  # content stem -> rarity weight
    mass: float
    norm: float
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    names: frozenset[str]  # stems of capitalised words inside the sentence, and entity keys
    negated: bool
    hedged: bool
    lower: str
    codes: tuple[int, ...] = ()  # ``seq`` as integers (fast sequence comparison)


_NUMBER, _SKIP, _CONTENT = 0, 1, 2
_WORDS: dict[str, tuple[int, str, float, bool, bool, bool]] = {}


def _word(w: str) -> tuple[int, str, float, bool, bool, bool]:
    """What a token is, once per distinct token: kind, key (``#n`` for a number, else its stem),
    Zipf frequency, capitalised, negation, hedge."""
    found = _WORDS.get(w)
    if found is not None:
        return found
    if w[0].isdigit():
        found = (_NUMBER, "#" + w.rstrip(".,:").replace(",", ""), 0.0, False, False, False)
    else:
        low = w.lower()
        neg = False
        if low.endswith(("'s", "’s")):
            low = low[:-2]
        elif low.endswith(("n't", "n’t")):
            neg = True
        neg = neg or low in _NEGATION
        hedge = low in _HEDGES
        if low in _NUMBER_WORDS:
            found = (_NUMBER, "#" + _NUMBER_WORDS[low], 0.0, False, neg, hedge)
        elif low in STOP or len(low) < 2:
            found = (_SKIP, "", 0.0, False, neg, hedge)
        else:
            z = _zipf().get(low, _RARE_ZIPF)
            found = (_CONTENT, stem(low), z, w[0].isupper(), neg, hedge)
    if len(_WORDS) < 200_000:
        _WORDS[w] = found
    return found


def prepare(
    text: str,
    fold: Mapping[str, str] | None = None,
    keys: Sequence[str] = (),
) -> Prepared:
    """Analyse a sentence: content stems weighed by rarity, numbers, names, negation, hedges.

    Args:
        text: The sentence.
        fold: Optional stem -> stem map applied to content stems (demonyms onto places, spelling
            variants of names across two reports).
        keys: Canonical entity keys named in the sentence (they count as names and as content).
    """
    clean = _SPACED_NUMBER.sub(r"\1", text)
    seq: list[str] = []
    weights: dict[str, float] = {}
    numbers: set[str] = set()
    names: set[str] = set()
    negated = hedged = False
    first = True
    known = _WORDS.get
    for w in _TOKEN.findall(clean):
        kind, key, z, cap, neg, hedge = known(w) or _word(w)
        negated = negated or neg
        hedged = hedged or hedge
        if kind == _NUMBER:
            numbers.add(key[1:])
            seq.append(key)
            weights[key] = 3.0
        elif kind == _CONTENT:
            if fold:
                key = fold.get(key, key)
            if cap and (not first or z < 4.0):
                names.add(key)
            seq.append(key)
            if key not in weights:
                weights[key] = max(0.3, 8.0 - z)
        first = False
    for k in keys:
        names.add("@" + k)
    mass = sum(weights.values())
    norm = math.sqrt(sum(v * v for v in weights.values()))
    bigrams = frozenset(itertools.pairwise(seq))
    return Prepared(
        text,
        tuple(seq),
        weights,
        mass,
        norm,
        bigrams,
        frozenset(numbers),
        frozenset(names),
        negated,
        hedged,
        clean.lower(),
        # an integer per distinct term, the same in every sentence of a process: rapidfuzz
        # compares integer sequences faster than string ones
        tuple(map(hash, seq)),
    )


FEATURES: tuple[str, ...] = (
    "cosine",
    "cover_short",
    "cover_long",
    "jaccard",
    "bigram_dice",
    "sequence",
    "characters",
    "numbers_both",
    "numbers_same",
    "numbers_differ",
    "names_shared",
    "names_unmatched",
    "length_gap",
    "short_length",
    "negation_differs",
    "hedge_differs",
    "unmatched_most",
    "cosine_x_cover",
)


def features(a: Prepared, b: Prepared, discount: Mapping[str, float] | None = None) -> list[float]:
    """The judgement's inputs for one pair, in the order of :data:`FEATURES`.

    Args:
        a: One prepared sentence.
        b: The other.
        discount: Optional stem -> factor in (0, 1] lowering the weight of words common in the two
            reports being compared (the story's own vocabulary says little about which claim).
    """
    wa, wb = a.weights, b.weights
    if discount:
        wa = {t: w * discount.get(t, 1.0) for t, w in wa.items()}
        wb = {t: w * discount.get(t, 1.0) for t, w in wb.items()}
        mass_a, mass_b = sum(wa.values()) or 1.0, sum(wb.values()) or 1.0
        norm_a = math.sqrt(sum(v * v for v in wa.values())) or 1.0
        norm_b = math.sqrt(sum(v * v for v in wb.values())) or 1.0
    else:
        mass_a, mass_b = a.mass or 1.0, b.mass or 1.0
        norm_a, norm_b = a.norm or 1.0, b.norm or 1.0
    shared = wa.keys() & wb.keys()
    dot = common = 0.0
    for t in shared:
        x, y = wa[t], wb[t]
        dot += x * y
        common += x if x < y else y
    cosine = dot / (norm_a * norm_b)
    short, long_ = min(mass_a, mass_b), max(mass_a, mass_b)
    cover_short = min(1.0, common / short)
    cover_long = min(1.0, common / long_)
    union = len(wa.keys() | wb.keys()) or 1
    jaccard = len(shared) / union
    nb = len(a.bigrams) + len(b.bigrams)
    bigram = 2 * len(a.bigrams & b.bigrams) / nb if nb else 0.0
    sequence = Indel.normalized_similarity(a.codes, b.codes) if a.codes and b.codes else 0.0
    characters = Indel.normalized_similarity(a.lower, b.lower)
    both = bool(a.numbers and b.numbers)
    same_numbers = float(both and a.numbers == b.numbers)
    differ = min(3, len(a.numbers ^ b.numbers)) / 3.0 if both else 0.0
    names_union = a.names | b.names
    names_shared = len(a.names & b.names) / len(names_union) if names_union else 0.0
    names_unmatched = min(3, len(names_union - (a.names & b.names))) / 3.0
    la, lb = len(a.seq), len(b.seq)
    gap = abs(la - lb) / max(la, lb, 1)
    short_length = math.log1p(min(la, lb))
    unmatched_most = max(1.0 - common / mass_a, 1.0 - common / mass_b)
    return [
        cosine,
        cover_short,
        cover_long,
        jaccard,
        bigram,
        sequence,
        characters,
        float(both),
        same_numbers,
        differ,
        names_shared,
        names_unmatched,
        gap,
        short_length,
        float(a.negated != b.negated),
        float(a.hedged != b.hedged),
        unmatched_most,
        cosine * cover_short,
    ]


CONTEXT_FEATURES: tuple[str, ...] = ("local_cosine", "local_cover_short", "story_share")


def local_idf(sentences: Sequence[Prepared]) -> tuple[dict[str, float], frozenset[str]]:
    """Rarity of each stem among the sentences of the reports being compared, and the story's own
    vocabulary (stems in many of those sentences)."""
    df: dict[str, int] = {}
    for s in sentences:
        for t in s.weights:
            df[t] = df.get(t, 0) + 1
    n = len(sentences) or 1
    idf = {t: math.log(1.0 + n / d) for t, d in df.items()}
    return idf, frozenset(t for t, d in df.items() if d >= max(3, 0.15 * n))


Weighted = tuple[dict[str, float], float, float]
"""A sentence's content weighed by the reports' own idf, with its norm and total."""


def weigh(p: Prepared, idf: Mapping[str, float]) -> Weighted:
    """``p``'s content weighed by the two reports' idf (computed once per sentence)."""
    v = {t: idf.get(t, 1.0) * min(2.0, w) for t, w in p.weights.items()}
    return v, math.sqrt(sum(x * x for x in v.values())) or 1.0, sum(v.values())


def context_from(wa: Weighted, wb: Weighted, story: frozenset[str]) -> list[float]:
    """:func:`context_features` from sentences already weighed with :func:`weigh`."""
    va, na, sa = wa
    vb, nb, sb = wb
    if len(va) > len(vb):
        va, vb = vb, va
    dot = common = in_story = 0.0
    for t, x in va.items():
        y = vb.get(t)
        if y is None:
            continue
        dot += x * y
        m = min(y, x)
        common += m
        if t in story:
            in_story += m
    short = min(sa, sb) or 1.0
    return [dot / (na * nb), min(1.0, common / short), in_story / common if common else 1.0]


def context_features(
    a: Prepared, b: Prepared, idf: Mapping[str, float], story: frozenset[str]
) -> list[float]:
    """Inputs that need the two reports: cosine and coverage with their own idf, and the share of
    what the pair shares that is only the story's own vocabulary (order of
    :data:`CONTEXT_FEATURES`)."""
    return context_from(weigh(a, idf), weigh(b, idf), story)


@dataclass(frozen=True, slots=True)
class _Linear:
    """A linear model over standardised inputs; logistic when it gives a probability."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    logistic: bool
    columns: tuple[int, ...] | None = None  # which inputs it reads (all when None)

    def __call__(self, x: Sequence[float]) -> float:
        if self.columns is not None:
            x = [x[k] for k in self.columns]
        weights, bias = _folded(self)
        if len(x) != len(weights):
            raise ValueError(f"the model reads {len(weights)} inputs, got {len(x)}")
        z: float = bias + sum(map(operator.mul, x, weights))
        if not self.logistic:
            return z
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_FOLDED: dict[int, tuple[tuple[float, ...], float]] = {}


def _folded(m: _Linear) -> tuple[tuple[float, ...], float]:
    """The standardisation folded into the weights: ``z = b' + sum(w' * x)``, one multiply a term."""
    found = _FOLDED.get(id(m))
    if found is None:
        weights = tuple(c / s for c, s in zip(m.coef, m.scale, strict=True))
        bias = m.intercept - sum(w * mu for w, mu in zip(weights, m.mean, strict=True))
        found = _FOLDED[id(m)] = (weights, bias)
    return found


@dataclass(frozen=True, slots=True)
class Verdict:
    """Floors read from the model file, calibrated on ECB+ report pairs and MSRP/STS.

    A pair is aligned (``related``: the same event or facet) when its same-event probability reaches
    ``event`` and its graded similarity ``similarity``; the best partner of a sentence is kept from
    there, further partners (up to three) only from ``extra_event``. It is ``shared`` (the same
    claim) when the same-claim probability reaches ``shared_same`` or the graded similarity
    ``shared_similarity``.
    """

    event: float
    similarity: float
    extra_event: float
    shared_same: float
    shared_similarity: float


MODEL_FILE: str | None = None
"""A model file to load instead of the shipped one (evaluation scripts set it; call
``_model.cache_clear()`` after changing it)."""


@lru_cache(maxsize=1)
def _model() -> tuple[_Linear, _Linear, _Linear, Verdict]:
    if MODEL_FILE:
        from pathlib import Path

        text = Path(MODEL_FILE).read_text("utf-8")
    else:
        text = resources.files("index").joinpath("data/judge_model.json").read_text("utf-8")
    raw = json.loads(text)
    if tuple(raw["features"]) != FEATURES:
        raise RuntimeError("index/data/judge_model.json was trained on other features: retrain it")

    def load(m: Mapping[str, object], logistic: bool = True) -> _Linear:
        names = m.get("inputs")
        columns = (
            tuple(EVENT_INPUTS.index(str(n)) for n in names)  # type: ignore[attr-defined]
            if names
            else None
        )
        return _Linear(
            tuple(m["mean"]),  # type: ignore[arg-type]
            tuple(m["scale"]),  # type: ignore[arg-type]
            tuple(m["coef"]),  # type: ignore[arg-type]
            float(m["intercept"]),  # type: ignore[arg-type]
            logistic,
            columns,
        )

    floors = raw["floors"]
    return (
        load(raw["same"]),
        load(raw["similarity"], logistic=False),
        load(raw["event"]),
        Verdict(
            floors["event"],
            floors["similarity"],
            floors["extra_event"],
            floors["shared_same"],
            floors["shared_similarity"],
        ),
    )


POSITION_FEATURES: tuple[str, ...] = (
    "both_lead",
    "one_lead",
    "later",
    "central_min",
    "central_max",
)
EVENT_INPUTS: tuple[str, ...] = (
    *FEATURES,
    *CONTEXT_FEATURES,
    "same",
    "similarity",
    *POSITION_FEATURES,
)
"""Everything the same-event model may read; its file names the inputs it does read."""


def position_features(
    i: int, j: int, central_a: float = 0.0, central_b: float = 0.0
) -> list[float]:
    """Where the two sentences stand in their reports (0 = the first sentence or headline): a
    report's lead states its main event, so two leads more often tell the same one. With each
    sentence's :func:`centrality` towards the other report: two sentences that are both about what
    the other report is about tell its shared event more often than background does."""
    lead_a, lead_b = i < 3, j < 3
    return [
        float(lead_a and lead_b),
        float(lead_a != lead_b),
        math.log1p(min(i, j)),
        min(central_a, central_b),
        max(central_a, central_b),
    ]


def centrality(own: Sequence[Weighted], other: Sequence[Weighted]) -> list[float]:
    """How much each sentence of one report is about what the other report is about: the cosine of
    its content (weighed by :func:`weigh`) with the other report's centroid, the sum of its
    sentences' unit vectors."""
    centroid: dict[str, float] = {}
    for v, norm, _ in other:
        for t, x in v.items():
            centroid[t] = centroid.get(t, 0.0) + x / norm
    size = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    out = []
    for v, norm, _ in own:
        dot = sum(x * centroid.get(t, 0.0) for t, x in v.items())
        out.append(dot / (norm * size))
    return out


def judge(
    x: Sequence[float], context: Sequence[float], position: Sequence[float] = (0.0,) * 5
) -> tuple[float, float, float]:
    """The three judgements of a pair from :func:`features` ``x``, :func:`context_features` and
    :func:`position_features`: probability of the same claim (MSRP-trained), graded similarity in
    [0, 1] (STS-trained, 0-5 scaled), and probability of the same event (ECB+-trained, the other two
    and the positions among its inputs)."""
    same_m, sim_m, event_m, _ = _model()
    inputs = [*x, *context]
    same = same_m(inputs)
    similarity = min(1.0, max(0.0, sim_m(inputs) / 5.0))
    return same, similarity, event_m([*inputs, same, similarity, *position])


def same_claim(x: Sequence[float], context: Sequence[float]) -> float:
    """The same-claim probability alone (see :func:`judge`)."""
    return _model()[0]([*x, *context])


def floors() -> Verdict:
    """The calibrated floors (see :class:`Verdict`)."""
    return _model()[3]
