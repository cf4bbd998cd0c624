"""Data and inputs of the judgement's training (``scripts/train_judge.py``): the labelled rows,
each pair's features and context features (ECB+ pairs from their two reports), and the TF-IDF
cosine every figure is set against."""

from __future__ import annotations

import json
import math
import pathlib
import sys
from collections import Counter

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.compare.pair_features import (
    centrality,
    context_features,
    features,
    local_idf,
    weigh,
)
from index.compare.preparation import prepare

__all__ = ["ecb_context", "pair_matrix", "read_rows", "tfidf_cosine"]


def read_rows(path: pathlib.Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def pair_matrix(pairs: list[tuple[str, str]]) -> np.ndarray:
    """Features and context features; the context of an isolated pair is its whole dataset."""
    prepared = [(prepare(a), prepare(b)) for a, b in pairs]
    idf, story = local_idf([s for p in prepared for s in p])
    return np.array([features(a, b) + context_features(a, b, idf, story) for a, b in prepared])


def ecb_context(rows: list[dict[str, object]], data: pathlib.Path) -> tuple[np.ndarray, np.ndarray]:
    """Context features of ECB+ pairs, from the two reports' sentences (one a line), and each
    sentence's centrality towards the other report, as :func:`index.compare.matching.match` computes them."""
    from index.compare.boilerplate import is_boilerplate

    texts = {
        str(r["id"]): [s for s in str(r["text"]).split("\n") if s.strip()]
        for r in read_rows(data / "ecbplus_topics01-20.jsonl")
    }
    docs = {k: [prepare(s) for s in v] for k, v in texts.items()}
    cache: dict[tuple[str, str], tuple[dict[str, float], frozenset[str], list[float], list[float]]]
    cache = {}
    out, central, misplaced = [], [], 0
    for r in rows:
        key = (str(r["doc_a"]), str(r["doc_b"]))
        if key not in cache:
            pa, pb = docs[key[0]], docs[key[1]]
            idf, story = local_idf(pa + pb)
            wa = [weigh(p, idf) for p in pa]
            wb = [weigh(p, idf) for p in pb]
            keep_a = [w for w, t, p in zip(wa, texts[key[0]], pa) if not is_boilerplate(t, p)]
            keep_b = [w for w, t, p in zip(wb, texts[key[1]], pb) if not is_boilerplate(t, p)]
            cache[key] = (idf, story, centrality(wa, keep_b), centrality(wb, keep_a))
        idf, story, ca, cb = cache[key]
        i, j = int(r["i_a"]), int(r["i_b"])  # type: ignore[call-overload]
        if texts[key[0]][i].strip() != str(r["sent_a"]).strip():
            misplaced += 1
        out.append(
            context_features(prepare(str(r["sent_a"])), prepare(str(r["sent_b"])), idf, story)
        )
        central.append((ca[i], cb[j]))
    if misplaced:
        print(f"warning: {misplaced} ECB+ pairs whose index does not name their sentence")
    return np.array(out), np.array(central)


def tfidf_cosine(pairs: list[tuple[str, str]]) -> np.ndarray:
    prepared = [(prepare(a), prepare(b)) for a, b in pairs]
    df: Counter[str] = Counter()
    for pa, pb in prepared:
        df.update(pa.weights)
        df.update(pb.weights)
    n = 2 * len(pairs)
    out = []
    for pa, pb in prepared:
        va = {t: math.log(n / df[t]) for t in pa.weights}
        vb = {t: math.log(n / df[t]) for t in pb.weights}
        dot = sum(va[t] * vb[t] for t in va.keys() & vb.keys())
        na = math.sqrt(sum(v * v for v in va.values())) or 1.0
        nb = math.sqrt(sum(v * v for v in vb.values())) or 1.0
        out.append(dot / (na * nb))
    return np.array(out)
