"""Story grouping's batch similarities (index.related.group_pairs) give what the pairwise functions
of index.related.similarity give, on a model built in memory and on one mapped from its file."""

from __future__ import annotations

import heapq
import random
from pathlib import Path
from typing import Any

import pytest

from index.related.group_pairs import PairCache
from index.related.similarity import (
    GROUP_ENTITY_SHARE,
    Model,
    build_model,
    candidates,
    similarity,
    weighted_keys,
)
from index.related.stored import load_model, save_model

LABELS = ["PERSON", "ORG", "PLACE", "DATE", "YEAR"]


def _features(n: int = 80, seed: int = 3) -> dict[str, Any]:
    rng = random.Random(seed)
    words = [f"w{k}" for k in range(150)]
    names = [f"{LABELS[k % len(LABELS)]}|name {k}" for k in range(40)]
    feats: dict[str, Any] = {}
    for i in range(n):
        # A few topics of shared words, so that articles have close neighbours.
        topic = rng.randrange(8)
        pool = words[topic * 15 : topic * 15 + 30] + rng.sample(words, 20)
        terms = {w: rng.randint(1, 4) for w in rng.sample(pool, 25)}
        ents = {k: rng.randint(1, 3) for k in rng.sample(names[topic * 4 : topic * 4 + 10], 4)}
        if i % 9 == 0:
            ents = {}  # some articles without entities: measured by their terms alone
        feats[f"a{i:03d}"] = {
            "terms": [[w, c] for w, c in terms.items()],
            "ents": [[k, c] for k, c in ents.items()],
            "day": 738000 + rng.randrange(90) if i % 4 else None,
        }
    return feats


def _models(tmp_path: Path) -> list[Model]:
    built = build_model(_features())
    path = tmp_path / "model.bin"
    save_model(path, built, "t")
    mapped = load_model(path, "t")
    assert mapped is not None
    return [built, mapped]


def _reference_neighbours(model: Model, n: int, cap: int) -> list[tuple[float, int]]:
    # The pairwise way (index.related.grouping before group_pairs).
    weights = weighted_keys(model.vecs[n], GROUP_ENTITY_SHARE)
    keys = [
        k for k in sorted(weights, key=weights.__getitem__, reverse=True) if k in model.post_docs
    ]
    acc = candidates(model, weights, n, keys[:12], cap)
    best = heapq.nlargest(10, acc.items(), key=lambda x: x[1])
    return sorted(((similarity(model, n, d), d) for d, _ in best), reverse=True)


@pytest.mark.parametrize("kind", [0, 1], ids=["built", "mapped"])
def test_rows_are_the_pairwise_similarities(tmp_path: Path, kind: int) -> None:
    model = _models(tmp_path)[kind]
    sims = PairCache(model)
    size = len(model.ids)
    for n in range(size):
        others = [d for d in range(size) if d != n]
        got = sims.row(n, others)
        assert got == pytest.approx([similarity(model, n, d) for d in others], abs=1e-12)


@pytest.mark.parametrize("kind", [0, 1], ids=["built", "mapped"])
def test_neighbours_are_found_as_the_pairwise_way(tmp_path: Path, kind: int) -> None:
    model = _models(tmp_path)[kind]
    sims = PairCache(model)
    for cap in (3, 64):
        for n in range(len(model.ids)):
            got = sims.neighbours(n, cap)
            want = _reference_neighbours(model, n, cap)
            assert [d for _, d in got] == [d for _, d in want]
            assert [s for s, _ in got] == pytest.approx([s for s, _ in want], abs=1e-12)


def test_mean_of_pairs(tmp_path: Path) -> None:
    model = _models(tmp_path)[1]
    sims = PairCache(model)
    pairs = [(x, y) for x in (0, 5, 9) for y in (1, 2, 30, 41)] + [(3, 4)]
    want = sum(similarity(model, x, y) for x, y in pairs) / len(pairs)
    assert sims.mean(pairs) == pytest.approx(want, abs=1e-12)
