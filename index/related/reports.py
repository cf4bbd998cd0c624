"""Related reports and story grouping: which articles report the same story as this one.

Every article carries compact features computed at index time (:mod:`index.related.features`): the counts of
its body's stems and its entity keys. Here they become one sparse vector per article in two unit-length
parts: the terms (sublinear tf x idf, as plain TF-IDF cosine does) and the entities (people and
organisations weigh most). Two articles' similarity is a weighted sum of the two cosines, in [0, 1],
and a publication-date gap lowers it a little. Rarity is measured on the whole corpus when the vectors
are built, and the vectors are cached per index generation.

Related reports are ranked by the term cosine, then re-ranked by how alike each candidate is to the
target's closest reports, entities included (:data:`NEAR_ENTITY_SHARE`). With 2,000 Reuters
distractors, entities in the first score cost ECB+ top-1 reports (another event of the same kind names
the same country or agency), while in the re-ranking they keep the other event's reports below the
same event's; only in a small corpus, where rarity cannot be measured, do they count in the first score
(:data:`RANK_ENTITY_SHARE`). Story grouping weighs terms and entities alike (:data:`GROUP_ENTITY_SHARE`).

Two articles whose similarity reaches :data:`SAME_STORY` are taken to report the same story; below it
they are only related. :func:`stories` joins same-story pairs into stories with an average-link guard,
so a chain of pairwise look-alikes cannot grow into one giant story.

The store-free functions :func:`rank` and :func:`group` take the features mapping directly (for tests
and tools); :func:`related` and :func:`stories` read it from a :class:`~index.store.core.Store`.
"""

from __future__ import annotations

import heapq
import math
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from index.related.features import generic_stems, tf_weight

if TYPE_CHECKING:
    from index.store.core import Store

__all__ = ["SAME_STORY", "Related", "RelatedError", "Story", "group", "rank", "related", "stories"]

SAME_STORY = 0.30
"""Similarity from which two articles are taken to report the same story (tuned on WikiNews and ECB+)."""
GROUP_AVERAGE = 0.06
"""Two groups merge only when their articles are at least this similar on average (against chaining)."""
COHESION_SHARE = 0.5
"""... and when that average is at least this share of the mean similarity within each group (0.6 with
48 key terms; whole-body vectors are less alike within a developing story: WikiNews B-cubed recall
0.58 at 0.6, 0.69 at 0.5, precision 1.0 both)."""
LINK_FLOOR = 0.08
"""Mutual nearest reports are linked from this similarity on (see :func:`group`)."""
MUTUAL_NEIGHBOURS = 5
RANK_ENTITY_SHARE = 0.2
"""Share of entities in a related report's first score in the smallest corpus, shrinking to none at
:data:`IDF_FLOOR_DOCS` articles. In ten articles "earthquake" looks as rare as "Chile", and only the
entity keys tell the Chile reports from the Haiti ones; with 2,000 Reuters distractors, 0.1-0.35 lost
2-5 ECB+ top-1 reports to the sibling event (0.981 -> 0.969-0.976; plain TF-IDF 0.976) but won 50 of
304 on the synthetic benchmark, whose names are drawn from short lists of first and last names."""
NEAR_ENTITY_SHARE = 0.35
"""Share of entities when a candidate is measured against the target's closest reports."""
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
hold the generic news words (:func:`index.related.features.generic_stems`) and nothing else."""
DATE_FLOOR = 0.8
DATE_SCALE_DAYS = 30.0
"""A date gap lowers the similarity towards ``DATE_FLOOR`` (far apart) with this time scale: stories
develop over weeks, so the gap is a hint, not a rule."""
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
_SIGNATURE = 12
_GROUP_NEIGHBOURS = 10
_MAX_PAIRS = 400


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


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles reporting the same story (a single article is a story of one report).

    Attributes:
        id: Stable id: the smallest article id of the group.
        title: Headline of the most central report.
        article_ids: Members, most central first.
    """

    id: str
    title: str
    article_ids: tuple[str, ...]


_Vec = tuple[dict[str, float], dict[str, float]]
"""An article's unit-length term part (stem -> weight) and entity part (``LABEL|name`` -> weight).
Stems never hold ``|``, so one postings table serves both parts."""


@dataclass(slots=True)
class _Model:
    ids: list[str]
    pos: dict[str, int]
    vecs: list[_Vec]
    days: list[int | None]
    meta: list[tuple[str, str | None, str | None]]
    post_docs: dict[str, array[int]]
    post_weights: dict[str, array[float]]
    rank_share: float


def _valid(feats: Any) -> bool:
    return isinstance(feats, Mapping) and "terms" in feats and "ents" in feats


def _label(key: str) -> str:
    return key.partition("|")[0]


_TF_CACHED = 64
_TF_WEIGHTS = [tf_weight(n) for n in range(_TF_CACHED)]


def _unit(part: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in part.values()))
    if norm <= 0:
        return {}
    scale = 1.0 / norm
    return {k: w * scale for k, w in part.items()}


def _vector(
    feats: Mapping[str, Any],
    idf_term: Mapping[str, float],
    idf_ent: Mapping[str, float],
    floor: float,
) -> _Vec:
    # Each part is normalised on its own, so that its dot product with another article's is a cosine.
    tfw = _TF_WEIGHTS
    terms = {
        w: (tfw[n] if n < _TF_CACHED else tf_weight(n)) * idf_term.get(w, floor)
        for w, n in feats["terms"]
        if n > 0
    }
    ents = {
        k: LABEL_WEIGHTS.get(_label(k), 0.8) * tf_weight(n) * idf_ent.get(k, floor)
        for k, n in feats["ents"]
        if n > 0
    }
    return _unit(terms), _unit(ents)


def _build(all_features: Mapping[str, Any]) -> _Model:
    ids = sorted(i for i, f in all_features.items() if _valid(f))
    n_docs = len(ids)
    df_term: Counter[str] = Counter()
    df_ent: Counter[str] = Counter()
    for i in ids:
        f = all_features[i]
        df_term.update([w for w, _ in f["terms"]])
        df_ent.update([k for k, _ in f["ents"]])
    # Keys in one article only can never be shared, and keys in more than the cap are never used to
    # find candidates (see _df_cap): both are kept in the norms, not in the postings.
    cap = _df_cap(n_docs)
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
    vecs: list[_Vec] = []
    days: list[int | None] = []
    meta: list[tuple[str, str | None, str | None]] = []
    post_docs: dict[str, array[int]] = {}
    post_weights: dict[str, array[float]] = {}
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
    return _Model(
        ids,
        {i: n for n, i in enumerate(ids)},
        vecs,
        days,
        meta,
        post_docs,
        post_weights,
        rank_share,
    )


_CACHE: list[tuple[Mapping[str, Any], _Model]] = []


def _model(all_features: Mapping[str, Any]) -> _Model:
    # Keyed by identity: the store hands out the same dict until the index changes. The cache holds a
    # reference to the mapping, so its id cannot be reused while cached.
    for feats, model in _CACHE:
        if feats is all_features:
            return model
    model = _build(all_features)
    _CACHE.insert(0, (all_features, model))
    del _CACHE[3:]
    return model


def _date_factor(a: int | None, b: int | None) -> float:
    if a is None or b is None:
        return 1.0
    return DATE_FLOOR + (1.0 - DATE_FLOOR) * math.exp(-abs(a - b) / DATE_SCALE_DAYS)


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    # The shared keys are few (tens of a report's hundreds): intersect first, in C.
    return sum([a[k] * b[k] for k in a.keys() & b.keys()])


def _dots(a: _Vec, b: _Vec) -> tuple[float, float]:
    """The term cosine and the entity cosine of two articles."""
    return _dot(a[0], b[0]), _dot(a[1], b[1])


def _mix(t: float, e: float, both_ents: bool, share: float) -> float:
    # An article without entities is measured by its terms alone, not marked down for the lack.
    return (1.0 - share) * t + share * e if both_ents else t


def _similarity(model: _Model, a: int, b: int) -> float:
    va, vb = model.vecs[a], model.vecs[b]
    t, e = _dots(va, vb)
    both = bool(va[1]) and bool(vb[1])
    score = _mix(t, e, both, GROUP_ENTITY_SHARE) * _date_factor(model.days[a], model.days[b])
    return min(1.0, max(0.0, score))


def _weighted_keys(vec: _Vec, share: float) -> dict[str, float]:
    """Every key of an article with its weight in a similarity that gives entities ``share``."""
    out = {k: w * (1.0 - share) for k, w in vec[0].items()} if share < 1 else {}
    if share > 0:
        out.update((k, w * share) for k, w in vec[1].items())
    return out


def _df_cap(n_docs: int) -> int:
    # Keys found in more articles than this are too common to pick candidates by (they add little to
    # any score); the candidates are then scored on every key.
    return max(64, n_docs // 20)


def _candidates(
    model: _Model, weights: Mapping[str, float], skip: int, keys: Iterable[str], cap: int
) -> dict[int, float]:
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


def _rank_in(
    model: _Model, vec: _Vec, day: int | None, skip: int, limit: int | None
) -> list[Related]:
    cap = _df_cap(len(model.ids))
    share = model.rank_share
    own_ents = bool(vec[1])
    post = model.post_docs
    weights = _weighted_keys(vec, share)
    keys = heapq.nlargest(
        _QUERY_KEYS,
        (k for k in weights if k in post and len(post[k]) <= cap),
        key=weights.__getitem__,
    )
    acc = _candidates(model, weights, skip, keys, cap)
    if not acc:
        acc = _candidates(model, weights, skip, weights, len(model.ids) + 1)
    many = _CANDIDATES
    if limit is not None:
        many = min(many, max(100, limit * _CANDIDATES_PER_RESULT))
    best = (
        heapq.nlargest(many, acc.items(), key=lambda kv: kv[1]) if len(acc) > many else acc.items()
    )
    scored: list[tuple[float, int]] = []
    for d, _ in best:
        other = model.vecs[d]
        t, e = _dots(vec, other)
        s = _mix(t, e, own_ents and bool(other[1]), share) * _date_factor(day, model.days[d])
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


def _expand(model: _Model, scored: list[tuple[float, int]]) -> list[tuple[float, int]]:
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
    merged: _Vec = ({}, {})
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
            t, e = _dots(merged, vd)
            has = bool(vd[1])
            t = max(0.0, t - (own if vd[0] else 0.0)) / rest
            e = max(0.0, e - (own if has else 0.0)) / rest
            near = _mix(t, e, has and hood_ents, NEAR_ENTITY_SHARE)
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
            :func:`index.related.features.features`); an id is left out of its own ranking.
        all_features: Features of every article by id (``Store.features()``); entries that are not
            features (``None``) are ignored.
        limit: Most results to return (``None``: every article sharing anything with the target).

    Raises:
        RelatedError: ``target`` is an id without features.
    """
    model = _model(all_features)
    if isinstance(target, str):
        n = model.pos.get(target)
        if n is None:
            raise RelatedError(
                f"article {target!r} is not in the index; update the index and retry"
            )
        return _rank_in(model, model.vecs[n], model.days[n], n, limit)
    if not _valid(target):
        raise RelatedError("these features are not newsdesk article features")
    # Outside features are weighed with the corpus's rarities, as if the article were one more report.
    rebuilt = _build({**all_features, "\0target": target})
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
    return rank(article_id, store.features(), limit)


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


class _PairCache(dict[tuple[int, int], float]):
    """Similarities already computed during one grouping (each pair is met from both ends, and again
    when groups merge)."""

    def __init__(self, model: _Model) -> None:
        super().__init__()
        self.model = model

    def __missing__(self, pair: tuple[int, int]) -> float:
        value = self[pair] = _similarity(self.model, pair[0], pair[1])
        return value

    def get_pair(self, a: int, b: int) -> float:
        return self[(a, b) if a < b else (b, a)]


def _neighbours(model: _Model, n: int, cap: int, sims: _PairCache) -> list[tuple[float, int]]:
    weights = _weighted_keys(model.vecs[n], GROUP_ENTITY_SHARE)
    # Candidates by the article's most telling keys only: cheap, and a same-story report shares them.
    keys = heapq.nlargest(
        _SIGNATURE, (k for k in weights if k in model.post_docs), key=weights.__getitem__
    )
    acc = _candidates(model, weights, n, keys, cap)
    best = heapq.nlargest(_GROUP_NEIGHBOURS, acc.items(), key=lambda kv: kv[1])
    out = [(sims.get_pair(n, d), d) for d, _ in best]
    out.sort(reverse=True)
    return out


def group(all_features: Mapping[str, Any]) -> list[Story]:
    """Group a corpus into stories (store-free variant of :func:`stories`).

    Two reports are linked when their similarity reaches :data:`SAME_STORY`, or when each is among the
    other's :data:`MUTUAL_NEIGHBOURS` closest reports with a similarity of at least :data:`LINK_FLOOR`
    (a developing story's reports resemble each other less than two reports of one event, but still
    more than anything else). Links are taken strongest first; two groups merge only when their reports
    are similar on average (:data:`GROUP_AVERAGE`, and :data:`COHESION_SHARE` of how alike each group's
    own reports are), so one loose link cannot chain two stories together.

    Args:
        all_features: Features of every article by id.

    Returns:
        Every story, singletons included, largest first, then most recent first.
    """
    model = _model(all_features)
    size = len(model.ids)
    # Story keys are rare: a narrow cap keeps candidate generation near-linear in the corpus size.
    cap = max(64, size // 100)
    sims = _PairCache(model)
    near = [_neighbours(model, n, cap, sims) for n in range(size)]
    close = [{d for _, d in hood[:MUTUAL_NEIGHBOURS]} for hood in near]
    edges: dict[tuple[int, int], float] = {}
    for n, hood in enumerate(near):
        for s, d in hood:
            if s >= SAME_STORY or (s >= LINK_FLOOR and d in close[n] and n in close[d]):
                edges[(min(n, d), max(n, d))] = s
    parent = list(range(size))
    members: dict[int, list[int]] = {n: [n] for n in range(size)}
    cohesion: dict[int, float] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), _ in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        link = _average_link(sims, members[ra], members[rb])
        inner = [cohesion[r] for r in (ra, rb) if r in cohesion]
        if link < GROUP_AVERAGE or (inner and link < COHESION_SHARE * min(inner)):
            continue
        na, nb = len(members[ra]), len(members[rb])
        # Mean similarity of the merged group, from the two groups' own means and the cross mean.
        pairs_a, pairs_b = na * (na - 1) / 2, nb * (nb - 1) / 2
        merged = (
            cohesion.get(ra, 0.0) * pairs_a + cohesion.get(rb, 0.0) * pairs_b + link * na * nb
        ) / (pairs_a + pairs_b + na * nb)
        if na < nb:
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
        cohesion.pop(rb, None)
        cohesion[ra] = merged
    out: list[tuple[tuple[int, int], Story]] = []
    for g in members.values():
        central = _central(model, g, edges)
        ordered = sorted(g, key=lambda m: (-central[m], model.ids[m]))
        latest = max((model.days[m] or 0) for m in g)
        story = Story(
            min(model.ids[m] for m in g),
            model.meta[ordered[0]][0],
            tuple(model.ids[m] for m in ordered),
        )
        out.append(((-len(g), -latest), story))
    out.sort(key=lambda x: (x[0], x[1].id))
    return [s for _, s in out]


def _average_link(sims: _PairCache, a: list[int], b: list[int]) -> float:
    pairs = [(x, y) for x in a for y in b]
    if len(pairs) > _MAX_PAIRS:
        # Large groups: an evenly spread sample of pairs estimates the average well enough.
        step = len(pairs) / _MAX_PAIRS
        pairs = [pairs[int(i * step)] for i in range(_MAX_PAIRS)]
    return sum(sims.get_pair(x, y) for x, y in pairs) / len(pairs)


def _central(
    model: _Model, g: list[int], edges: Mapping[tuple[int, int], float]
) -> dict[int, float]:
    if len(g) == 1:
        return {g[0]: 0.0}
    total = {m: 0.0 for m in g}
    for m in g:
        for o in g:
            if o > m:
                s = edges.get((m, o))
                if s is None:
                    continue
                total[m] += s
                total[o] += s
    return total


def stories(store: Store) -> list[Story]:
    """Group every article of the store into stories, largest first, then most recent first.

    Args:
        store: An indexed store.
    """
    return group(store.features())
