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

Run (one command, from the repository root, with the training extra installed):
``pip install -e '.[train]' && python scripts/train_judge.py [--data ../shared/data]``
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
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

from index.compare.pair_features import (
    CONTEXT_FEATURES,
    EVENT_INPUTS,
    FEATURES,
    POSITION_FEATURES,
    centrality,
    context_features,
    features,
    local_idf,
    position_features,
    weigh,
)
from index.compare.preparation import prepare

OUT = ROOT / "index" / "data" / "judge_model.json"
C = 1.0
# Floors tried for a further partner (beyond a sentence's best). Further partners are kept only where
# one sentence of the pair is central to the other report (index.compare.matching._CENTRAL): two long
# reports of one story otherwise link their sentences many times over, which ECB+'s short reports of
# one event do not show.
EXTRAS = tuple(float(v) for v in os.environ.get("EXTRAS", "0.3,0.4,0.5,0.6,0.7,0.8,0.9").split(","))
# The same-event model reads the two reports' own overlap, positions, each sentence's centrality
# towards the other report and the plain cosine. Measured on the ECB+ report pairs, each topic judged
# by a model trained without it: every lexical feature, recall 0.43 at judged precision 0.90; the
# reports' overlap, positions and the other two judgements, 0.50 at 0.906; these, 0.54 at 0.912.
# Adding shared names and coverage found more (0.58 at 0.911) but linked topical sentences that
# merely name the same countries: on the seed pair 6 of the 8 pairs a reader rejects, against 3.
EVENT_COLUMNS = (
    "local_cosine",
    "local_cover_short",
    "story_share",
    "cosine",
    *POSITION_FEATURES,
)
if os.environ.get("EVENT_COLUMNS"):  # experiments: which inputs the same-event model reads
    EVENT_COLUMNS = tuple(os.environ["EVENT_COLUMNS"].split(","))
# The targets on the ECB+ report pairs (issue 10): at least half of the gold counterpart pairs found,
# at least 90% of the judged pairs right. Held-out topics vary (one half of ours judged 0.87 where
# the other judged 0.99), so the floors are those that keep the widest margin over BOTH targets
# (the larger of the two smallest margins), not the most recall at a precision just over its floor.
RECALL_TARGET = 0.5
PRECISION_TARGET = 0.9
FLOORS = {
    "event": 0.6,
    "similarity": 0.15,
    "extra_event": 0.8,
    "shared_same": 0.5,
    # STS 3.25 of 5, a little above "roughly equivalent, some information differs": below it a pair
    # is at most related (0.5 let a shared airport name make "reported missing" the same claim as
    # "survivors unlikely"; with the word vectors among the inputs, 0.6 made "rumored to send 10,000
    # troops" the same claim as "concern over North Korea's involvement in the war", graded 0.61).
    "shared_similarity": 0.65,
    # Local cosine (idf of the two reports) under which no pair is aligned, whatever the models say:
    # the 25 shown ECB+ pairs under 0.05 shared one word in passing and none was gold. Calibrated
    # from COSINES.
    "cosine": 0.05,
}
# Cosine floors tried. Why calibrated: the pairs shown between 0.05 and 0.06 (the ECB+ report
# pairs, each topic held out: 9) are a band under the others' precision: 1 gold, 2 wrong (both in
# the weaker half), and of the 6 unjudged most a reader rejects ("Iran is on seismic fault lines"
# for a quake felt in Oman; "the third time's the charm" / "hosting the Oscars for the second time").
COSINES = (0.05, 0.06, 0.07, 0.08)


def _rows(path: pathlib.Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _matrix(pairs: list[tuple[str, str]]) -> np.ndarray:
    """Features and context features; the context of an isolated pair is its whole dataset."""
    prepared = [(prepare(a), prepare(b)) for a, b in pairs]
    idf, story = local_idf([s for p in prepared for s in p])
    return np.array([features(a, b) + context_features(a, b, idf, story) for a, b in prepared])


def _context(rows: list[dict[str, object]], data: pathlib.Path) -> tuple[np.ndarray, np.ndarray]:
    """Context features of ECB+ pairs, from the two reports' sentences (one a line), and each
    sentence's centrality towards the other report, as :func:`index.compare.matching.match` computes them."""
    from index.compare.boilerplate import is_boilerplate

    texts = {
        str(r["id"]): [s for s in str(r["text"]).split("\n") if s.strip()]
        for r in _rows(data / "ecbplus_topics01-20.jsonl")
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
    if x.shape[1] == len(EVENT_INPUTS):  # the same-event model: only its own inputs
        x = x[:, [EVENT_INPUTS.index(n) for n in EVENT_COLUMNS]]
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = Ridge(alpha=1.0) if ridge else LogisticRegression(C=C, max_iter=3000)
    return model.fit((x - mean) / scale, y), mean, scale


def _linear(fit: tuple[Any, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    model, mean, scale = fit
    return np.asarray(model.predict((x - mean) / scale))


def _predict(fit: tuple[Any, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    model, mean, scale = fit
    if x.shape[1] == len(EVENT_INPUTS):
        x = x[:, [EVENT_INPUTS.index(n) for n in EVENT_COLUMNS]]
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


def _model_json(same: Any, sim: Any, event: Any, floors: dict[str, float]) -> dict[str, object]:
    return {
        "features": list(FEATURES),
        "context_features": list(CONTEXT_FEATURES),
        "position_features": list(POSITION_FEATURES),
        "same": _export(same),
        "similarity": _export(sim),
        "event": {**_export(event), "inputs": list(EVENT_COLUMNS)},
        "floors": floors,
    }


def _calibrate(
    ex: np.ndarray,
    ey: np.ndarray,
    groups: np.ndarray,
    same_fit: Any,
    sim_fit: Any,
    data: pathlib.Path,
) -> dict[str, float]:
    """Floors for the event judgement, set on the ECB+ report pairs by leaving one topic out.

    For each topic that has report pairs, the event model is trained on the sentence pairs of the
    other topics and judges that topic's report pairs as ``newsdesk compare`` would (entities,
    sentences, candidates); then the floors whose recall and judged precision over all of them
    stand furthest above :data:`RECALL_TARGET` and :data:`PRECISION_TARGET` (the smaller of the two
    margins, the larger the better) are kept. Prints both halves of the topics too, so a
    floor that only one half supports shows.
    """
    import tempfile

    from index.analysis.entities import extract
    from index.analysis.sentences import split_sentences
    from index.compare import judge, matching, words

    folder = data / "ecbplus_docpairs_topics01-20"
    pairs = []
    for d in sorted(folder.iterdir()):
        gold = json.loads((d / "gold.json").read_text("utf-8"))
        pairs.append((d, gold))
    collected = []  # (topic, judged, loose pairs, centrality, line maps, positives, annotated)
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "model.json"
        for topic in sorted({int(g["topic"]) for _, g in pairs}):
            fit = _fit(ex[groups != topic], ey[groups != topic])
            path.write_text(json.dumps(_model_json(same_fit, sim_fit, fit, FLOORS)), "utf-8")
            judge.MODEL_FILE = str(path)
            judge._model.cache_clear()
            for d, g in pairs:
                if int(g["topic"]) != topic:
                    continue
                ta, tb = (d / "a.txt").read_text("utf-8"), (d / "b.txt").read_text("utf-8")
                sa, sb = split_sentences(ta), split_sentences(tb)
                caps = (
                    {w for w, c in words.tokens(ta) if c},
                    {w for w, c in words.tokens(tb) if c},
                )
                m = matching.match(sa, sb, extract(ta), extract(tb), words.proper_map(*caps))
                lines_a = [_lines(g["sentences_a"], s.start, s.end) for s in sa]
                lines_b = [_lines(g["sentences_b"], s.start, s.end) for s in sb]
                positives = {(p["a"]["i"], p["b"]["i"]) for p in g["positives"]}
                annotated = (set(g["annotated_a"]), set(g["annotated_b"]))
                heads = (matching.headline(sa, m.boiler_a), matching.headline(sb, m.boiler_b))
                central = matching.reach(sa, sb, m.central_a, m.central_b, heads)
                collected.append(
                    (topic, m.judged, m.loose, central, lines_a, lines_b, positives, annotated)
                )
    judge.MODEL_FILE = None
    judge._model.cache_clear()

    def score(verdict: Any, topics: set[int] | None = None) -> tuple[float, float]:
        found = total = right = judged_n = 0
        for topic, judged, loose, central, la, lb, positives, (aa, ab) in collected:
            if topics and topic not in topics:
                continue
            chosen = matching.select(judged, verdict, loose=loose, central=central)
            got = {(x, y) for (i, j) in chosen for x in la[i] for y in lb[j]}
            found += len(got & positives)
            total += len(positives)
            right += sum(1 for p in got if p in positives)
            judged_n += sum(1 for p in got if p in positives or (p[0] in aa and p[1] in ab))
        return found / max(1, total), right / max(1, judged_n)

    best: tuple[float, float, dict[str, float]] | None = None
    best_key = (0.0, 0.0)
    # The graded-similarity floor starts at 0.15 (0.75 on STS's 0-5 scale, under "not equivalent
    # but on the same topic"): a pair the similarity model places below that is never shown,
    # whatever its same-event probability (lower floors link most sentences of two long reports of
    # one story: 64 pairs on the seed pair at 0.05 against 57 at 0.15, for 0.03 more ECB+ recall).
    for e in (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        for s in (0.15, 0.2, 0.25, 0.3):
            for x, c in itertools.product(EXTRAS, COSINES):
                if x < e:
                    continue
                f = dict(FLOORS, event=e, similarity=s, extra_event=x, cosine=c)
                verdict = judge.Verdict(e, s, x, f["shared_same"], f["shared_similarity"], c)
                r, p = score(verdict)
                margin = min(r - RECALL_TARGET, p - PRECISION_TARGET)
                if margin > 0 and (best is None or (margin, r) > best_key):
                    best, best_key = (r, p, f), (margin, r)
    if best is None:
        print("calibration: no floor reaches the precision; keeping the defaults")
        return FLOORS
    r, p, f = best
    verdict = judge.Verdict(
        f["event"],
        f["similarity"],
        f["extra_event"],
        f["shared_same"],
        f["shared_similarity"],
        f["cosine"],
    )
    topics = sorted({t for t, *_ in collected})
    half = set(topics[::2])
    r1, p1 = score(verdict, half)
    r2, p2 = score(verdict, set(topics) - half)
    print(
        f"ECB+ report pairs, each topic judged by a model trained without it: floors "
        f"event {f['event']}, similarity {f['similarity']}, extra {f['extra_event']}, "
        f"cosine {f['cosine']}: recall "
        f"{r:.3f}, judged precision {p:.3f} (topics {sorted(half)}: {r1:.3f} / {p1:.3f}; "
        f"others: {r2:.3f} / {p2:.3f})"
    )
    return f


def _lines(sentences: list[dict[str, Any]], start: int, end: int) -> list[int]:
    """The gold lines a sentence of ours covers."""
    return [s["i"] for s in sentences if s["start"] < end and start < s["end"]]


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
    print(
        f"MSRP 10-fold accuracy {np.mean(acc):.3f} (F1 {np.mean(f1s):.3f}); "
        f"TF-IDF cosine at its best threshold {best[0]:.3f}; always 'paraphrase' {my.mean():.3f}"
    )
    sts_pred = np.zeros(len(sy))
    for train, test in KFold(n_splits=10, shuffle=True, random_state=0).split(sx):
        sts_pred[test] = _linear(_fit(sx[train], sy[train], ridge=True), sx[test])
    print(
        f"STS news Pearson, 10-fold: judgement {pearsonr(sts_pred, sy)[0]:.3f}; "
        f"TF-IDF cosine {pearsonr(_tfidf_cosine(sp), sy)[0]:.3f}"
    )
    for genre in sorted({str(r["genre"]) for r in sts}):
        idx = np.array([str(r["genre"]) == genre for r in sts])
        print(
            f"  {genre:<10} {pearsonr(sts_pred[idx], sy[idx])[0]:.3f} vs "
            f"{pearsonr(_tfidf_cosine([p for p, k in zip(sp, idx) if k]), sy[idx])[0]:.3f}"
        )
    same_fit = _fit(mx, my)
    sim_fit = _fit(sx, sy, ridge=True)

    # --- same event -------------------------------------------------------------------------
    ep = [(str(r["sent_a"]), str(r["sent_b"])) for r in ecb]
    ey = np.array([int(r["label"]) for r in ecb])  # type: ignore[call-overload]
    ex = np.array([features(prepare(a), prepare(b)) for a, b in ep])
    context, central = _context(ecb, args.data)
    ex = np.hstack([ex, context])
    sim = np.clip(_linear(sim_fit, ex) / 5.0, 0.0, 1.0)
    pos = np.array(
        [
            position_features(int(r["i_a"]), int(r["i_b"]), ca, cb)  # type: ignore[call-overload]
            for r, (ca, cb) in zip(ecb, central, strict=True)
        ]
    )
    ex = np.hstack([ex, _predict(same_fit, ex)[:, None], sim[:, None], pos])
    groups = np.array([int(r["topic"]) for r in ecb])  # type: ignore[call-overload]
    held = np.isin(groups, args.exclude_topics)
    if held.any():
        print(
            f"event model trained without topics {sorted(set(args.exclude_topics))} "
            f"({held.sum()} pairs left out)"
        )
    pred = np.zeros(len(ey))
    for train, test in GroupKFold(n_splits=5).split(ex, ey, groups):
        pred[test] = _predict(_fit(ex[train], ey[train]), ex[test])
    print(
        f"ECB+ same-event ROC AUC by topic folds: judgement {roc_auc_score(ey, pred):.3f}; "
        f"same-claim probability alone {roc_auc_score(ey, ex[:, -5]):.3f}; "
        f"similarity alone {roc_auc_score(ey, ex[:, -4]):.3f}; "
        f"local cosine alone {roc_auc_score(ey, ex[:, len(FEATURES)]):.3f}; "
        f"TF-IDF cosine {roc_auc_score(ey, _tfidf_cosine(ep)):.3f}"
    )
    event_fit = _fit(ex[~held], ey[~held])
    floors = dict(FLOORS)
    if not held.any():
        floors.update(_calibrate(ex, ey, groups, same_fit, sim_fit, args.data))
    if args.no_write:
        return
    model = {
        "features": list(FEATURES),
        "context_features": list(CONTEXT_FEATURES),
        "position_features": list(POSITION_FEATURES),
        "same": _export(same_fit),
        "similarity": _export(sim_fit),
        "event": {**_export(event_fit), "inputs": list(EVENT_COLUMNS)},
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
