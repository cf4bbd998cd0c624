"""Train the sentence-pair judgement (``index/judge.py``) on human-labelled news data and print how well
it does; writes ``index/data/judge_model.json``.

Data (not in the repository; see ``../shared/data/README.md``): MSRP train (paraphrase labels),
STS news 2012-2014 (0-5 similarity scores), ECB+ topics 1-20 sentence pairs (same-event labels).

* ``same``: logistic regression on MSRP labels plus STS pairs (score >= 3.5 positive, <= 2 negative).
  Printed: MSRP 10-fold cross-validated accuracy and F1; STS Pearson of the probability, against a
  TF-IDF cosine of stemmed content words on the same pairs (idf over that dataset's sentences).
* ``event``: logistic regression on ECB+ same-event labels, its inputs the features plus ``same``.
  Printed: ROC AUC cross-validated by topic (no topic in both training and test folds), against
  TF-IDF cosine.

Run (one command, from the repository root, with the training extra installed):
``pip install -e '.[train]' && python scripts/train_judge.py [--data ../shared/data]``
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import sys
from collections import Counter
from typing import Any

import numpy as np
from scipy.stats import pearsonr
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.judge import CONTEXT_FEATURES, FEATURES, context_features, features, local_idf, prepare  # noqa: E402

OUT = ROOT / "index" / "data" / "judge_model.json"
C = 1.0
FLOORS = {
    "event": 0.7,
    "similarity": 0.25,
    "extra_event": 0.9,
    "shared_same": 0.5,
    "shared_similarity": 0.5,
}


def _rows(path: pathlib.Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _matrix(pairs: list[tuple[str, str]]) -> np.ndarray:
    """Features and context features; the context of an isolated pair is its whole dataset."""
    prepared = [(prepare(a), prepare(b)) for a, b in pairs]
    idf, story = local_idf([s for p in prepared for s in p])
    return np.array([features(a, b) + context_features(a, b, idf, story) for a, b in prepared])


def _context(rows: list[dict[str, object]], data: pathlib.Path) -> np.ndarray:
    """Context features of ECB+ pairs, from the two reports' sentences (one a line)."""
    docs = {
        str(r["id"]): [prepare(s) for s in str(r["text"]).split("\n") if s.strip()]
        for r in _rows(data / "ecbplus_topics01-20.jsonl")
    }
    cache: dict[tuple[str, str], tuple[dict[str, float], frozenset[str]]] = {}
    out = []
    for r in rows:
        key = (str(r["doc_a"]), str(r["doc_b"]))
        if key not in cache:
            cache[key] = local_idf(docs[key[0]] + docs[key[1]])
        idf, story = cache[key]
        out.append(context_features(prepare(str(r["sent_a"])), prepare(str(r["sent_b"])), idf, story))
    return np.array(out)


def _tfidf_cosine(pairs: list[tuple[str, str]]) -> np.ndarray:
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


def _fit(x: np.ndarray, y: np.ndarray, ridge: bool = False) -> tuple[Any, np.ndarray, np.ndarray]:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = Ridge(alpha=1.0) if ridge else LogisticRegression(C=C, max_iter=3000)
    return model.fit((x - mean) / scale, y), mean, scale


def _linear(fit: tuple[Any, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    model, mean, scale = fit
    return np.asarray(model.predict((x - mean) / scale))


def _predict(fit: tuple[Any, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    model, mean, scale = fit
    return model.predict_proba((x - mean) / scale)[:, 1]


def _export(fit: tuple[Any, np.ndarray, np.ndarray]) -> dict[str, object]:
    model, mean, scale = fit
    coef, intercept = np.ravel(model.coef_), np.ravel([model.intercept_])[0]
    return {
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in coef],
        "intercept": round(float(intercept), 6),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--no-write", action="store_true", help="print figures, keep the model file")
    args = parser.parse_args()
    msrp = _rows(args.data / "msrp_train.jsonl")
    sts = _rows(args.data / "sts_news_train.jsonl")
    ecb = _rows(args.data / "ecbplus_sentpairs_topics01-20.jsonl")

    # --- same claim (MSRP) and graded similarity (STS) ----------------------------------------
    mp = [(str(r["s1"]), str(r["s2"])) for r in msrp]
    my = np.array([int(r["label"]) for r in msrp])  # type: ignore[call-overload]
    mx = _matrix(mp)
    sp = [(str(r["s1"]), str(r["s2"])) for r in sts]
    sy = np.array([float(r["score"]) for r in sts])  # type: ignore[arg-type]
    sx = _matrix(sp)
    acc, f1s = [], []
    for train, test in StratifiedKFold(n_splits=10, shuffle=True, random_state=0).split(mx, my):
        p = _predict(_fit(mx[train], my[train]), mx[test])
        acc.append(accuracy_score(my[test], p >= 0.5))
        f1s.append(f1_score(my[test], p >= 0.5))
    base = _tfidf_cosine(mp)
    best = max((accuracy_score(my, base >= t), t) for t in np.linspace(0.05, 0.95, 91))
    print(f"MSRP 10-fold accuracy {np.mean(acc):.3f} (F1 {np.mean(f1s):.3f}); "
          f"TF-IDF cosine at its best threshold {best[0]:.3f}; always 'paraphrase' {my.mean():.3f}")
    sts_pred = np.zeros(len(sy))
    for train, test in KFold(n_splits=10, shuffle=True, random_state=0).split(sx):
        sts_pred[test] = _linear(_fit(sx[train], sy[train], ridge=True), sx[test])
    print(f"STS news Pearson, 10-fold: judgement {pearsonr(sts_pred, sy)[0]:.3f}; "
          f"TF-IDF cosine {pearsonr(_tfidf_cosine(sp), sy)[0]:.3f}")
    for genre in sorted({str(r["genre"]) for r in sts}):
        idx = np.array([str(r["genre"]) == genre for r in sts])
        print(f"  {genre:<10} {pearsonr(sts_pred[idx], sy[idx])[0]:.3f} vs "
              f"{pearsonr(_tfidf_cosine([p for p, k in zip(sp, idx) if k]), sy[idx])[0]:.3f}")
    same_fit = _fit(mx, my)
    sim_fit = _fit(sx, sy, ridge=True)

    # --- same event -------------------------------------------------------------------------
    ep = [(str(r["sent_a"]), str(r["sent_b"])) for r in ecb]
    ey = np.array([int(r["label"]) for r in ecb])  # type: ignore[call-overload]
    ex = np.array([features(prepare(a), prepare(b)) for a, b in ep])
    ex = np.hstack([ex, _context(ecb, args.data)])
    sim = np.clip(_linear(sim_fit, ex) / 5.0, 0.0, 1.0)
    ex = np.hstack([ex, _predict(same_fit, ex)[:, None], sim[:, None]])
    groups = np.array([int(r["topic"]) for r in ecb])  # type: ignore[call-overload]
    pred = np.zeros(len(ey))
    for train, test in GroupKFold(n_splits=5).split(ex, ey, groups):
        pred[test] = _predict(_fit(ex[train], ey[train]), ex[test])
    print(f"ECB+ same-event ROC AUC by topic folds: judgement {roc_auc_score(ey, pred):.3f}; "
          f"same-claim probability alone {roc_auc_score(ey, ex[:, -2]):.3f}; "
          f"similarity alone {roc_auc_score(ey, ex[:, -1]):.3f}; "
          f"local cosine alone {roc_auc_score(ey, ex[:, len(FEATURES)]):.3f}; "
          f"TF-IDF cosine {roc_auc_score(ey, _tfidf_cosine(ep)):.3f}")
    event_fit = _fit(ex, ey)
    if args.no_write:
        return
    model = {
        "features": list(FEATURES),
        "context_features": list(CONTEXT_FEATURES),
        "same": _export(same_fit),
        "similarity": _export(sim_fit),
        "event": _export(event_fit),
        # Calibrated with tests/benchmarks/eval_pairs.py on the ECB+ report pairs (judged precision
        # >= 0.9) and MSRP's 0.5; see README "How the comparison decides".
        "floors": FLOORS,
        "trained_on": "same: MSRP train (4,076 pairs); similarity: STS news 2012-2014 (2,550); "
        "event: ECB+ topics 1-20 sentence pairs (5,058)",
    }
    OUT.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
