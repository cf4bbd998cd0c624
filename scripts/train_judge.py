"""Train the sentence-pair judgement (``index/compare/judge.py``) on human-labelled news data and print how well
it does; writes ``index/data/judge_model.json``.

Data (not in the repository; see ``../shared/data/README.md``): MSRP train (paraphrase labels),
STS news 2012-2014 (0-5 similarity scores), ECB+ topics 1-20 sentence pairs (same-event labels).

* ``same``: logistic regression on MSRP labels plus STS pairs (score >= 3.5 positive, <= 2 negative).
  Printed: MSRP 10-fold cross-validated accuracy and F1; STS Pearson of the probability, against a
  TF-IDF cosine of stemmed content words on the same pairs (idf over that dataset's sentences).
* ``event``: logistic regression on ECB+ same-event labels, its inputs the features plus ``same``.
  Printed: ROC AUC cross-validated by topic (no topic in both training and test folds), against
  TF-IDF cosine.

Parts: ``judge_data`` (the labelled rows and each pair's inputs), ``judge_models`` (fitting and
the model file's form), ``judge_floors`` (the floors, calibrated on the ECB+ report pairs).

Run (one command, from the repository root, with the training extra installed):
``pip install -e '.[train]' && python scripts/train_judge.py [--data ../shared/data]``
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

import numpy as np
from scipy.stats import pearsonr
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))  # its parts, however it is started

from judge_data import ecb_context, pair_matrix, read_rows, tfidf_cosine
from judge_floors import FLOORS, calibrate
from judge_models import EVENT_COLUMNS, export, fit_model, linear, predict

from index.compare.pair_features import (
    CONTEXT_FEATURES,
    FEATURES,
    POSITION_FEATURES,
    features,
    position_features,
)
from index.compare.preparation import prepare

OUT = ROOT / "index" / "data" / "judge_model.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument(
        "--no-write", action="store_true", help="print figures, keep the model file"
    )
    parser.add_argument("--out", type=pathlib.Path, default=OUT, help="where to write the model")
    parser.add_argument(
        "--exclude-topics",
        type=lambda v: [int(t) for t in v.split(",") if t],
        default=[],
        help="ECB+ topics left out of the event model (to measure on them: eval_pairs.py --model)",
    )
    args = parser.parse_args()
    msrp = read_rows(args.data / "msrp_train.jsonl")
    sts = read_rows(args.data / "sts_news_train.jsonl")
    ecb = read_rows(args.data / "ecbplus_sentpairs_topics01-20.jsonl")

    # --- same claim (MSRP) and graded similarity (STS) ----------------------------------------
    mp = [(str(r["s1"]), str(r["s2"])) for r in msrp]
    my = np.array([int(r["label"]) for r in msrp])  # type: ignore[call-overload]
    mx = pair_matrix(mp)
    sp = [(str(r["s1"]), str(r["s2"])) for r in sts]
    sy = np.array([float(r["score"]) for r in sts])  # type: ignore[arg-type]
    sx = pair_matrix(sp)
    acc, f1s = [], []
    for train, test in StratifiedKFold(n_splits=10, shuffle=True, random_state=0).split(mx, my):
        p = predict(fit_model(mx[train], my[train]), mx[test])
        acc.append(accuracy_score(my[test], p >= 0.5))
        f1s.append(f1_score(my[test], p >= 0.5))
    base = tfidf_cosine(mp)
    best = max((accuracy_score(my, base >= t), t) for t in np.linspace(0.05, 0.95, 91))
    print(
        f"MSRP 10-fold accuracy {np.mean(acc):.3f} (F1 {np.mean(f1s):.3f}); "
        f"TF-IDF cosine at its best threshold {best[0]:.3f}; always 'paraphrase' {my.mean():.3f}"
    )
    sts_pred = np.zeros(len(sy))
    for train, test in KFold(n_splits=10, shuffle=True, random_state=0).split(sx):
        sts_pred[test] = linear(fit_model(sx[train], sy[train], ridge=True), sx[test])
    print(
        f"STS news Pearson, 10-fold: judgement {pearsonr(sts_pred, sy)[0]:.3f}; "
        f"TF-IDF cosine {pearsonr(tfidf_cosine(sp), sy)[0]:.3f}"
    )
    for genre in sorted({str(r["genre"]) for r in sts}):
        idx = np.array([str(r["genre"]) == genre for r in sts])
        print(
            f"  {genre:<10} {pearsonr(sts_pred[idx], sy[idx])[0]:.3f} vs "
            f"{pearsonr(tfidf_cosine([p for p, k in zip(sp, idx) if k]), sy[idx])[0]:.3f}"
        )
    same_fit = fit_model(mx, my)
    sim_fit = fit_model(sx, sy, ridge=True)

    # --- same event -------------------------------------------------------------------------
    ep = [(str(r["sent_a"]), str(r["sent_b"])) for r in ecb]
    ey = np.array([int(r["label"]) for r in ecb])  # type: ignore[call-overload]
    ex = np.array([features(prepare(a), prepare(b)) for a, b in ep])
    context, central = ecb_context(ecb, args.data)
    ex = np.hstack([ex, context])
    sim = np.clip(linear(sim_fit, ex) / 5.0, 0.0, 1.0)
    pos = np.array(
        [
            position_features(int(r["i_a"]), int(r["i_b"]), ca, cb)  # type: ignore[call-overload]
            for r, (ca, cb) in zip(ecb, central, strict=True)
        ]
    )
    ex = np.hstack([ex, predict(same_fit, ex)[:, None], sim[:, None], pos])
    groups = np.array([int(r["topic"]) for r in ecb])  # type: ignore[call-overload]
    held = np.isin(groups, args.exclude_topics)
    if held.any():
        print(
            f"event model trained without topics {sorted(set(args.exclude_topics))} "
            f"({held.sum()} pairs left out)"
        )
    pred = np.zeros(len(ey))
    for train, test in GroupKFold(n_splits=5).split(ex, ey, groups):
        pred[test] = predict(fit_model(ex[train], ey[train]), ex[test])
    print(
        f"ECB+ same-event ROC AUC by topic folds: judgement {roc_auc_score(ey, pred):.3f}; "
        f"same-claim probability alone {roc_auc_score(ey, ex[:, -5]):.3f}; "
        f"similarity alone {roc_auc_score(ey, ex[:, -4]):.3f}; "
        f"local cosine alone {roc_auc_score(ey, ex[:, len(FEATURES)]):.3f}; "
        f"TF-IDF cosine {roc_auc_score(ey, tfidf_cosine(ep)):.3f}"
    )
    event_fit = fit_model(ex[~held], ey[~held])
    floors = dict(FLOORS)
    if not held.any():
        floors.update(calibrate(ex, ey, groups, same_fit, sim_fit, args.data))
    if args.no_write:
        return
    model = {
        "features": list(FEATURES),
        "context_features": list(CONTEXT_FEATURES),
        "position_features": list(POSITION_FEATURES),
        "same": export(same_fit),
        "similarity": export(sim_fit),
        "event": {**export(event_fit), "inputs": list(EVENT_COLUMNS)},
        # Calibrated with tests/benchmarks/eval_pairs.py on the ECB+ report pairs (judged precision
        # >= 0.9) and MSRP's 0.5; see README "How the comparison decides".
        "floors": floors,
        "trained_on": "same: MSRP train (4,076 pairs); similarity: STS news 2012-2014 (2,550); "
        "event: ECB+ topics 1-20 sentence pairs (5,058)",
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
