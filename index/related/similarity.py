"""The related-report model: one vector per article and the similarity of two articles.

Every article carries compact features computed at index time (:mod:`index.analysis.features`): the counts of
its body's stems and its entity keys. Here they become one sparse vector per article in two unit-length
parts: the terms (sublinear tf x idf, as plain TF-IDF cosine does) and the entities (people and
organisations weigh most). Two articles' similarity is a weighted sum of the two cosines, in [0, 1],
and a publication-date gap lowers it a little. Rarity is measured on the whole corpus when the vectors
are built, and the vectors are cached per index generation.

:data:`SAME_STORY` is the similarity from which two articles are taken to report the same story.
Related reports are ranked in :mod:`index.related.reports`, stories grouped in
:mod:`index.related.grouping`.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from index.analysis.features import generic_stems, tf_weight

__all__ = [
    "DATE_FLOOR",
    "DATE_SCALE_DAYS",
    "GROUP_ENTITY_SHARE",
    "IDF_FLOOR_DOCS",
    "LABEL_WEIGHTS",
    "RANK_ENTITY_SHARE",
    "SAME_STORY",
    "CorpusModel",
    "Key",
    "Model",
    "PostingTable",
    "Vec",
    "build_model",
    "candidates",
    "corpus_model",
    "date_factor",
    "df_cap",
    "dots",
    "mix",
    "similarity",
    "valid_features",
    "weighted_keys",
]

SAME_STORY = 0.30
"""Similarity from which two articles are taken to report the same story (tuned on WikiNews and ECB+)."""
RANK_ENTITY_SHARE = 0.2
"""Share of entities in a related report's first score in the smallest corpus, shrinking to none at
:data:`IDF_FLOOR_DOCS` articles. In ten articles "earthquake" looks as rare as "Chile", and only the
entity keys tell the Chile reports from the Haiti ones; with 2,000 Reuters distractors, 0.1-0.35 lost
2-5 ECB+ top-1 reports to the sibling event (0.981 -> 0.969-0.976; plain TF-IDF 0.976) but won 50 of
304 on the synthetic benchmark, whose names are drawn from short lists of first and last names."""
GROUP_ENTITY_SHARE = 0.5
"""Share of entities in the similarity that story grouping links and merges by."""
# People and organisations say most about which story it is; the spread is kept modest because the
# recognizer sometimes mislabels ("Geological Survey" as a person).
LABEL_WEIGHTS: dict[str, float] = {
    "PERSON": 1.3,
    "ORG": 1.15,
    "PLACE": 1.0,
    "GROUP": 0.8,
    "QUANTITY": 0.9,
    "DATE": 0.5,
    "YEAR": 0.8,
}
IDF_FLOOR_DOCS = 200
"""Rarity is computed as if the corpus had at least this many articles: in a corpus of two reports of
one story every shared word would otherwise look common and count for nothing. The padding articles
hold the generic news words (:func:`index.analysis.features.generic_stems`) and nothing else."""
DATE_FLOOR = 0.8
DATE_SCALE_DAYS = 30.0
"""A date gap lowers the similarity towards ``DATE_FLOOR`` (far apart) with this time scale: stories
develop over weeks, so the gap is a hint, not a rule."""


Key = str | int
"""A term (stem) or entity key (``LABEL|name``) as text, or as its number in a model stored beside the
index (:mod:`index.related.stored`): a model's keys are all of one kind."""
Vec = tuple[dict[Key, float], dict[Key, float]]
"""An article's unit-length term part (stem -> weight) and entity part (``LABEL|name`` -> weight).
Stems never hold ``|``, so one postings table serves both parts."""


class VecTable(Protocol):
    """Every article's vector by its number in the model."""

    def __getitem__(self, n: int, /) -> Vec: ...

    def __len__(self) -> int: ...


_Row = TypeVar("_Row", covariant=True)


class PostingTable(Protocol[_Row]):
    """A key's postings (the articles holding it, or their weights for it), found by key."""

    def get(self, key: Key, /) -> _Row | None: ...

    def __getitem__(self, key: Key, /) -> _Row: ...

    def __contains__(self, key: object, /) -> bool: ...


class Model(Protocol):
    """What ranking and grouping read of a corpus model: :class:`CorpusModel` built in memory, or
    one mapped from its file beside the index (:class:`index.related.stored.MappedModel`)."""

    @property
    def ids(self) -> Sequence[str]: ...
    @property
    def pos(self) -> Mapping[str, int]: ...
    @property
    def vecs(self) -> VecTable: ...
    @property
    def days(self) -> Sequence[int | None]: ...
    @property
    def meta(self) -> Sequence[tuple[str, str | None, str | None]]: ...
    @property
    def post_docs(self) -> PostingTable[Sequence[int]]: ...
    @property
    def post_weights(self) -> PostingTable[Sequence[float]]: ...
    @property
    def rank_share(self) -> float: ...


@dataclass(slots=True)
class CorpusModel:
    """Every article of a corpus as a vector, with the postings that find candidates by key."""

    ids: list[str]
    pos: dict[str, int]
    vecs: list[Vec]
    days: list[int | None]
    meta: list[tuple[str, str | None, str | None]]
    post_docs: dict[Key, array[int]]
    post_weights: dict[Key, array[float]]
    rank_share: float


def valid_features(feats: Any) -> bool:
    """True when ``feats`` are newsdesk article features (terms and entities)."""
    return isinstance(feats, Mapping) and "terms" in feats and "ents" in feats


def _label(key: str) -> str:
    return key.partition("|")[0]


_TF_CACHED = 64
_TF_WEIGHTS = [tf_weight(n) for n in range(_TF_CACHED)]


def _unit(part: dict[Key, float]) -> dict[Key, float]:
    norm = math.sqrt(sum(w * w for w in part.values()))
    if norm <= 0:
        return {}
    scale = 1.0 / norm
    return {k: w * scale for k, w in part.items()}


def _vector(
    feats: Mapping[str, Any],
    idf_term: Mapping[Key, float],
    idf_ent: Mapping[Key, float],
    floor: float,
) -> Vec:
    # Each part is normalised on its own, so that its dot product with another article's is a cosine.
    tfw = _TF_WEIGHTS
    terms: dict[Key, float] = {
        w: (tfw[n] if n < _TF_CACHED else tf_weight(n)) * idf_term.get(w, floor)
        for w, n in feats["terms"]
        if n > 0
    }
    ents: dict[Key, float] = {
        k: LABEL_WEIGHTS.get(_label(k), 0.8) * tf_weight(n) * idf_ent.get(k, floor)
        for k, n in feats["ents"]
        if n > 0
    }
    return _unit(terms), _unit(ents)


def build_model(all_features: Mapping[str, Any]) -> CorpusModel:
    """The corpus model of every article with valid features: rarities, vectors, postings."""
    ids = sorted(i for i, f in all_features.items() if valid_features(f))
    n_docs = len(ids)
    df_term: Counter[Key] = Counter()
    df_ent: Counter[Key] = Counter()
    for i in ids:
        f = all_features[i]
        df_term.update([w for w, _ in f["terms"]])
        df_ent.update([k for k, _ in f["ents"]])
    # Keys in one article only can never be shared, and keys in more than the cap are never used to
    # find candidates (see df_cap): both are kept in the norms, not in the postings.
    cap = df_cap(n_docs)
    big = max(n_docs, IDF_FLOOR_DOCS) + 1
    # The articles that pad a small corpus up to IDF_FLOOR_DOCS are generic news: they hold the words
    # every report uses ("was", "said", "she") and nothing story-specific. In a large corpus (no
    # padding) those words weigh what their real frequency says: on ECB+ they told reports apart.
    pad = big - 1 - n_docs
    if pad > 0:
        for w in generic_stems():
            if w in df_term:
                df_term[w] += pad
    idf_term = {w: math.log(big / (d + 1)) for w, d in df_term.items()}
    idf_ent = {k: math.log(big / (d + 1)) for k, d in df_ent.items()}
    floor = math.log(big)
    vecs: list[Vec] = []
    days: list[int | None] = []
    meta: list[tuple[str, str | None, str | None]] = []
    post_docs: dict[Key, array[int]] = {}
    post_weights: dict[Key, array[float]] = {}
    for n, i in enumerate(ids):
        f = all_features[i]
        vec = _vector(f, idf_term, idf_ent, floor)
        vecs.append(vec)
        day = f.get("day")
        days.append(day if isinstance(day, int) else None)
        meta.append((str(f.get("title") or i), f.get("source"), f.get("date")))
        for part, df in ((vec[0], df_term), (vec[1], df_ent)):
            for k, weight in part.items():
                if not 2 <= df[k] <= cap:
                    continue
                docs = post_docs.get(k)
                if docs is None:
                    docs = post_docs[k] = array("i")
                    post_weights[k] = array("d")
                docs.append(n)
                post_weights[k].append(weight)
    rank_share = RANK_ENTITY_SHARE * max(0, pad) / (big - 1)
    return CorpusModel(
        ids,
        {i: n for n, i in enumerate(ids)},
        vecs,
        days,
        meta,
        post_docs,
        post_weights,
        rank_share,
    )


_CACHE: list[tuple[Mapping[str, Any], CorpusModel]] = []


def corpus_model(all_features: Mapping[str, Any]) -> CorpusModel:
    """:func:`build_model` of ``all_features``, cached for the last three mappings."""
    # Keyed by identity: the store hands out the same dict until the index changes. The cache holds a
    # reference to the mapping, so its id cannot be reused while cached.
    for feats, model in _CACHE:
        if feats is all_features:
            return model
    model = build_model(all_features)
    _CACHE.insert(0, (all_features, model))
    del _CACHE[3:]
    return model


def date_factor(a: int | None, b: int | None) -> float:
    """How much a gap between two publication days lowers a similarity (1.0 when either is unknown)."""
    if a is None or b is None:
        return 1.0
    return DATE_FLOOR + (1.0 - DATE_FLOOR) * math.exp(-abs(a - b) / DATE_SCALE_DAYS)


def _dot(a: Mapping[Key, float], b: Mapping[Key, float]) -> float:
    # The shared keys are few (tens of a report's hundreds): intersect first, in C.
    return sum([a[k] * b[k] for k in a.keys() & b.keys()])


def dots(a: Vec, b: Vec) -> tuple[float, float]:
    """The term cosine and the entity cosine of two articles."""
    return _dot(a[0], b[0]), _dot(a[1], b[1])


def mix(t: float, e: float, both_ents: bool, share: float) -> float:
    """A term cosine and an entity cosine blended, entities weighing ``share``."""
    # An article without entities is measured by its terms alone, not marked down for the lack.
    return (1.0 - share) * t + share * e if both_ents else t


def similarity(model: Model, a: int, b: int) -> float:
    """The grouping similarity of articles ``a`` and ``b`` of the model, in [0, 1]."""
    va, vb = model.vecs[a], model.vecs[b]
    t, e = dots(va, vb)
    both = bool(va[1]) and bool(vb[1])
    score = mix(t, e, both, GROUP_ENTITY_SHARE) * date_factor(model.days[a], model.days[b])
    return min(1.0, max(0.0, score))


def weighted_keys(vec: Vec, share: float) -> dict[Key, float]:
    """Every key of an article with its weight in a similarity that gives entities ``share``."""
    out = {k: w * (1.0 - share) for k, w in vec[0].items()} if share < 1 else {}
    if share > 0:
        out.update((k, w * share) for k, w in vec[1].items())
    return out


def df_cap(n_docs: int) -> int:
    """The most articles a key may occur in to pick candidates by."""
    # Keys found in more articles than this are too common to pick candidates by (they add little to
    # any score); the candidates are then scored on every key.
    return max(64, n_docs // 20)


def candidates(
    model: Model, weights: Mapping[Key, float], skip: int, keys: Iterable[Key], cap: int
) -> dict[int, float]:
    """Articles sharing any of ``keys`` (within ``cap``) with their partial dot product, but ``skip``."""
    acc: dict[int, float] = {}
    get = acc.get
    for k in keys:
        docs = model.post_docs.get(k)
        if docs is None or len(docs) > cap:
            continue
        w = weights[k]
        for d, wd in zip(docs, model.post_weights[k]):
            acc[d] = get(d, 0.0) + w * wd
    acc.pop(skip, None)
    return acc
