"""Related reports: which articles of the corpus report the same story as one article.

Related reports are ranked by the term cosine, then re-ranked by how alike each candidate is to the
target's closest reports, entities included (:data:`NEAR_ENTITY_SHARE`). With 2,000 Reuters
distractors, entities in the first score cost ECB+ top-1 reports (another event of the same kind names
the same country or agency), while in the re-ranking they keep the other event's reports below the
same event's; only in a small corpus, where rarity cannot be measured, do they count in the first score
(:data:`index.related.similarity.RANK_ENTITY_SHARE`).

The store-free :func:`rank` takes the features mapping directly (for tests and tools); :func:`related`
reads it from a :class:`~index.store.core.Store`, or, above :data:`MODEL_LIMIT` articles, asks the
index (one weighted query of the article's key terms). The article vectors and their similarity are
:mod:`index.related.similarity`'s.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from index.related.similarity import (
    SAME_STORY,
    Model,
    Vec,
    build_model,
    candidates,
    corpus_model,
    date_factor,
    df_cap,
    dots,
    mix,
    valid_features,
    weighted_keys,
)
from index.related.stored import MappedModel, stored_model

if TYPE_CHECKING:
    from index.store.core import Store

__all__ = [
    "MODEL_LIMIT",
    "NEAR_ENTITY_SHARE",
    "NEIGHBOURS",
    "NEIGHBOUR_SHARE",
    "Related",
    "RelatedError",
    "rank",
    "related",
]

NEAR_ENTITY_SHARE = 0.35
"""Share of entities when a candidate is measured against the target's closest reports."""
NEIGHBOURS = 3
"""How many of the target's closest reports stand in for its story when re-ranking."""
NEIGHBOUR_SHARE = 0.4
"""Weight of the similarity to those closest reports in the final score."""
_CANDIDATES = 300
"""Most candidates scored on every key for a full ranking (``limit=None``) ..."""
_CANDIDATES_PER_RESULT = 10
"""... and per result asked for otherwise (at least 100): the best report by the full cosine is
among the best few by the heaviest keys, and each candidate costs a full dot product."""
_QUERY_KEYS = 40
"""Candidates are gathered by the target's most heavily weighted keys only (most of any cosine), then
scored on every key: a whole long report as a query would walk ten times more postings."""


class RelatedError(LookupError):
    """The article asked about is not in the index (or was indexed without features)."""


@dataclass(frozen=True, slots=True)
class Related:
    """Another article ranked by how much it reports the same story.

    Attributes:
        id: Article id.
        title: Headline.
        source: Outlet, when known.
        date: Publication date (ISO when parsed), when known.
        score: Similarity in [0, 1].
        same_story: True when ``score`` reaches :data:`SAME_STORY` (same story, not merely related).
    """

    id: str
    title: str
    source: str | None
    date: str | None
    score: float
    same_story: bool


def _rank_in(
    model: Model, vec: Vec, day: int | None, skip: int, limit: int | None
) -> list[Related]:
    cap = df_cap(len(model.ids))
    share = model.rank_share
    own_ents = bool(vec[1])
    post = model.post_docs
    weights = weighted_keys(vec, share)
    keys = heapq.nlargest(
        _QUERY_KEYS,
        (k for k in weights if k in post and len(post[k]) <= cap),
        key=weights.__getitem__,
    )
    acc = candidates(model, weights, skip, keys, cap)
    if not acc:
        acc = candidates(model, weights, skip, weights, len(model.ids) + 1)
    many = _CANDIDATES
    if limit is not None:
        many = min(many, max(100, limit * _CANDIDATES_PER_RESULT))
    best = (
        heapq.nlargest(many, acc.items(), key=lambda kv: kv[1]) if len(acc) > many else acc.items()
    )
    scored: list[tuple[float, int]] = []
    for d, _ in best:
        other = model.vecs[d]
        t, e = dots(vec, other)
        s = mix(t, e, own_ents and bool(other[1]), share) * date_factor(day, model.days[d])
        if s > 0:
            scored.append((min(1.0, s), d))
    scored.sort(key=lambda sd: (-sd[0], model.ids[sd[1]]))
    scored = _expand(model, scored)
    if limit is not None:
        scored = scored[:limit]
    out: list[Related] = []
    for s, d in scored:
        title, source, date = model.meta[d]
        out.append(Related(model.ids[d], title, source, date, round(s, 4), s >= SAME_STORY))
    return out


def _expand(model: Model, scored: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """Blend each candidate's similarity to the target with its similarity to the target's closest reports.

    Reports of one event resemble each other more than any of them resembles a report of a similar
    event (the same kind of crash, another year): measuring a candidate against the target's nearest
    neighbours too, not the target alone, moves the other event's reports down.
    """
    if NEIGHBOUR_SHARE <= 0 or len(scored) < 2:
        return scored
    top = scored[0][0]
    hood = [(s, d) for s, d in scored[:NEIGHBOURS] if s >= top * 0.5]
    total_w = sum(s for s, _ in hood)
    in_hood = {d: s for s, d in hood}
    merged: Vec = ({}, {})
    for s, d in hood:
        for into, part in zip(merged, model.vecs[d]):
            for k, w in part.items():
                into[k] = into.get(k, 0.0) + s * w
    hood_ents = bool(merged[1])
    out: list[tuple[float, int]] = []
    for s, d in scored:
        own = in_hood.get(d, 0.0)
        rest = total_w - own
        if rest > 0:
            # The candidate's own share of the merged vector is taken out (each part has norm 1).
            vd = model.vecs[d]
            t, e = dots(merged, vd)
            has = bool(vd[1])
            t = max(0.0, t - (own if vd[0] else 0.0)) / rest
            e = max(0.0, e - (own if has else 0.0)) / rest
            near = mix(t, e, has and hood_ents, NEAR_ENTITY_SHARE)
        else:
            near = s
        out.append(((1.0 - NEIGHBOUR_SHARE) * s + NEIGHBOUR_SHARE * near, d))
    out.sort(key=lambda sd: (-sd[0], model.ids[sd[1]]))
    return out


def rank(
    target: str | Mapping[str, Any], all_features: Mapping[str, Any], limit: int | None = 10
) -> list[Related]:
    """Rank articles of a corpus by how much they report the same story as ``target``.

    Args:
        target: An article id in ``all_features``, or features of an article (from
            :func:`index.analysis.features.features`); an id is left out of its own ranking.
        all_features: Features of every article by id (``Store.features()``); entries that are not
            features (``None``) are ignored.
        limit: Most results to return (``None``: every article sharing anything with the target).

    Raises:
        RelatedError: ``target`` is an id without features.
    """
    model = corpus_model(all_features)
    if isinstance(target, str):
        n = model.pos.get(target)
        if n is None:
            raise RelatedError(
                f"article {target!r} is not in the index; update the index and retry"
            )
        return _rank_in(model, model.vecs[n], model.days[n], n, limit)
    if not valid_features(target):
        raise RelatedError("these features are not newsdesk article features")
    # Outside features are weighed with the corpus's rarities, as if the article were one more report.
    rebuilt = build_model({**all_features, "\0target": target})
    n = rebuilt.pos["\0target"]
    return _rank_in(model, rebuilt.vecs[n], rebuilt.days[n], -1, limit)


def related(store: Store, article_id: str, limit: int = 10) -> list[Related]:
    """Other articles of the store ranked by how much they report the same story as ``article_id``.

    Args:
        store: An indexed store.
        article_id: The article to find related reports for.
        limit: Most results to return.

    Raises:
        RelatedError: the article is not in the index.
    """
    if store.doc_count() > MODEL_LIMIT:
        return _related_by_index(store, article_id, limit)
    # The model is kept beside the index: built once per index generation, then mapped by each
    # call (Reuters, 19,043 stories: 8-12 s a call before).
    model = stored_model(store)
    n = model.pos.get(article_id)
    if n is None:
        raise RelatedError(
            f"article {article_id!r} is not in the index; update the index and retry"
        )
    try:
        return _rank_in(model, model.vecs[n], model.days[n], n, limit)
    except (IndexError, KeyError, ValueError):
        if not isinstance(model, MappedModel):
            raise
    # A model file whole in size but damaged inside (a number out of range): built again.
    model = stored_model(store, discard=True)
    return _rank_in(model, model.vecs[n], model.days[n], n, limit)


MODEL_LIMIT = 20_000
"""Above this many articles, related reports come from the index instead of the in-memory model: the
model holds every article's weighted vector (about 30 KB an article), too much memory at 100,000."""


def _related_by_index(store: Store, article_id: str, limit: int) -> list[Related]:
    """Related reports from the index: the article's key terms as one weighted query (large corpora).

    Scores are divided by the article's own score for that query, so they read as a similarity in
    [0, 1]; ``same_story`` is left to the model, so it is never claimed on this path.
    """
    from index.search import top_documents
    from index.store.whoosh_public import Or, Term

    found = store.article_with_entities(article_id)
    if found is None:
        raise RelatedError(
            f"article {article_id!r} is not in the index; update the index and retry"
        )
    article, _ = found
    with store.searcher() as s:
        terms = s.key_terms_from_text("body", article.text, numterms=30)
        if not terms:
            return []
        query = Or([Term("body", word, boost=weight) for word, weight in terms])
        ranked = top_documents(s, query, limit + 1)
        rows = []
        for score, docnum in ranked:
            fields = s.stored_fields(docnum)
            rows.append((fields["id"], float(score), fields["meta"]))
    own = next((score for i, score, _ in rows if i == article_id), None)
    scale = own or max((score for _, score, _ in rows), default=1.0) or 1.0
    return [
        Related(i, str(meta[0] or i), meta[1], meta[2], round(min(1.0, score / scale), 4), False)
        for i, score, meta in rows
        if i != article_id
    ][:limit]
