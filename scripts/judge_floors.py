"""The comparison's floors (``scripts/train_judge.py``): calibrated on the ECB+ report pairs, each
topic judged by a model trained without it, for the widest margin over the recall and judged
precision targets."""

from __future__ import annotations

import itertools
import json
import os
import pathlib
import sys
from typing import Any

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from judge_models import fit_model, model_json

__all__ = ["COSINES", "EXTRAS", "FLOORS", "PRECISION_TARGET", "RECALL_TARGET", "calibrate"]

# Floors tried for a further partner (beyond a sentence's best). Further partners are kept only where
# one sentence of the pair is central to the other report (index.compare.matching._CENTRAL): two long
# reports of one story otherwise link their sentences many times over, which ECB+'s short reports of
# one event do not show.
EXTRAS = tuple(float(v) for v in os.environ.get("EXTRAS", "0.3,0.4,0.5,0.6,0.7,0.8,0.9").split(","))
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


def calibrate(
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
            fit = fit_model(ex[groups != topic], ey[groups != topic])
            path.write_text(json.dumps(model_json(same_fit, sim_fit, fit, FLOORS)), "utf-8")
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
