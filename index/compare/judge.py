"""The sentence-pair judgement: do two sentences make the same claim, or speak of the same event?

Learned, not hand-tuned: :func:`index.compare.pair_features.features` computes a short vector of cheap lexical measures for a
pair of prepared sentences, and two logistic regressions trained on human-labelled news data
(``scripts/train_judge.py``; coefficients in ``index/data/judge_model.json``) turn it into
probabilities:

* ``same`` -- the same claim in other words (trained on MSRP paraphrase labels and STS news pairs
  scored 3.5 or more);
* ``event`` -- the same event or facet, with other detail (trained on ECB+ cross-document sentence
  pairs; the ``same`` probability is one of its inputs).

The sentences are prepared once (:mod:`index.compare.preparation`) and the inputs computed by
:mod:`index.compare.pair_features`; here are the models and their calibrated floors.

Measured (``scripts/train_judge.py`` prints them): see README "How the comparison decides".
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from index.compare.pair_features import EVENT_INPUTS, FEATURES

__all__ = [
    "MODEL_FILE",
    "Verdict",
    "floors",
    "judge",
    "same_claim",
]


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


_FOLDED: dict[int, tuple[_Linear, tuple[float, ...], float]] = {}


def _folded(m: _Linear) -> tuple[tuple[float, ...], float]:
    """The standardisation folded into the weights: ``z = b' + sum(w' * x)``, one multiply a term.

    Kept by the model's ``id`` with the model itself: a model loaded after another was dropped
    (an evaluation swapping model files) may get the dropped one's ``id``."""
    found = _FOLDED.get(id(m))
    if found is None or found[0] is not m:
        weights = tuple(c / s for c, s in zip(m.coef, m.scale, strict=True))
        bias = m.intercept - sum(w * mu for w, mu in zip(weights, m.mean, strict=True))
        found = _FOLDED[id(m)] = (m, weights, bias)
    return found[1], found[2]


@dataclass(frozen=True, slots=True)
class Verdict:
    """Floors read from the model file, calibrated on ECB+ report pairs and MSRP/STS.

    A pair is aligned (``related``: the same event or facet) when its same-event probability reaches
    ``event`` and its graded similarity ``similarity``; the best partner of a sentence is kept from
    there, further partners (up to four) only from ``extra_event`` and only where one sentence of the
    pair is central to the other report (:func:`index.compare.matching.select`). It is ``shared`` (the same
    claim) when the same-claim probability reaches ``shared_same`` or the graded similarity
    ``shared_similarity``. Whatever the models say, a pair whose two sentences' content (weighed by
    the two reports' own idf) has a cosine under ``cosine`` is never aligned: one word in passing
    ("shooting", "announcement") is no counterpart (on the ECB+ report pairs the 25 shown pairs
    under 0.05 were all of that kind, none gold; the same-event model, trained where nearly every
    sentence tells the one event, rated them 0.65-0.9).
    """

    event: float
    similarity: float
    extra_event: float
    shared_same: float
    shared_similarity: float
    cosine: float = 0.0


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
            floors.get("cosine", 0.0),
        ),
    )


def judge(
    x: Sequence[float], context: Sequence[float], position: Sequence[float] = (0.0,) * 5
) -> tuple[float, float, float]:
    """The three judgements of a pair from :func:`features` ``x``, :func:`context_features` and
    :func:`position_features`: probability of the same claim (MSRP-trained), graded similarity in
    [0, 1] (STS-trained, 0-5 scaled), and probability of the same event (ECB+-trained, the other two
    and the positions among its inputs)."""
    return _scorer()(x, context, position)


_Scorer = Callable[[Sequence[float], Sequence[float], Sequence[float]], tuple[float, float, float]]
_SCORER: list[object] = [None, None]  # the models it was made from, the scorer


def _scorer() -> _Scorer:
    """:func:`judge`'s three models folded into one function (it runs for every candidate pair:
    the weights read once, the event model's inputs picked in one C call), remade when the model
    file changes (``_model.cache_clear()``)."""
    models = _model()
    if _SCORER[0] is not models:
        _SCORER[:] = [models, _make_scorer(models)]
    return _SCORER[1]  # type: ignore[return-value]


def _make_scorer(models: tuple[_Linear, _Linear, _Linear, Verdict]) -> _Scorer:
    same_m, sim_m, event_m, _ = models
    w_same, b_same = _folded(same_m)
    w_sim, b_sim = _folded(sim_m)
    w_event, b_event = _folded(event_m)
    pick: Callable[[list[float]], Sequence[float]] | None = None
    columns = event_m.columns
    if columns and len(columns) == 1:
        only = columns[0]

        def pick_one(v: list[float]) -> Sequence[float]:
            return (v[only],)

        pick = pick_one
    elif columns:
        pick = operator.itemgetter(*columns)  # a tuple of those inputs, in one C call
    mul, exp = operator.mul, math.exp

    def score(
        x: Sequence[float], context: Sequence[float], position: Sequence[float]
    ) -> tuple[float, float, float]:
        inputs = [*x, *context]
        z = b_same + sum(map(mul, inputs, w_same))
        same = 1.0 / (1.0 + exp(-(30.0 if z > 30.0 else -30.0 if z < -30.0 else z)))
        similarity = (b_sim + sum(map(mul, inputs, w_sim))) / 5.0
        similarity = 0.0 if similarity < 0.0 else 1.0 if similarity > 1.0 else similarity
        full = [*inputs, same, similarity, *position]
        chosen = pick(full) if pick is not None else full
        if len(chosen) != len(w_event):
            raise ValueError(f"the model reads {len(w_event)} inputs, got {len(chosen)}")
        z = b_event + sum(map(mul, chosen, w_event))
        event = 1.0 / (1.0 + exp(-(30.0 if z > 30.0 else -30.0 if z < -30.0 else z)))
        return same, similarity, event

    return score


def same_claim(x: Sequence[float], context: Sequence[float]) -> float:
    """The same-claim probability alone (see :func:`judge`)."""
    return _model()[0]([*x, *context])


def floors() -> Verdict:
    """The calibrated floors (see :class:`Verdict`)."""
    return _model()[3]
