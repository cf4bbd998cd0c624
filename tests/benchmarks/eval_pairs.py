"""The comparison's alignment on real same-event report pairs (ECB+), against a TF-IDF matcher.

Run: ``python tests/benchmarks/eval_pairs.py [--data ../shared/data]``; prints, asserts nothing.

For each of the 30 ECB+ report pairs in ``ecbplus_docpairs_topics01-20/`` (one sentence a line,
``gold.json`` listing the annotated sentences and the positive pairs: sentences sharing a
cross-document event chain), :func:`index.compare_texts` is run on the two files as read and each
aligned pair is mapped to the lines it covers. Recall: gold pairs aligned / gold pairs. Judged
precision: aligned pairs that are gold / aligned pairs whose two sentences are annotated (a pair
touching an unannotated sentence is unknown, as the data's README says). The baseline is a TF-IDF
best match in both directions (stemmed content words, idf over the pair's sentences, best partner
from cosine 0.1). Note: the event judgement was trained on ECB+ sentence pairs of the same topics,
so these figures are optimistic; ``scripts/train_judge.py`` prints the topic-held-out ones.
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import sys
import time
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from index import compare_texts
from index.compare.preparation import prepare


def _line_of(starts: list[int], offset: int) -> int:
    lo = 0
    for n, s in enumerate(starts):
        if s <= offset:
            lo = n
    return lo


def _tfidf(a: list[str], b: list[str]) -> set[tuple[int, int]]:
    pa, pb = [prepare(s).weights for s in a], [prepare(s).weights for s in b]
    df: Counter[str] = Counter()
    for w in pa + pb:
        df.update(w.keys())
    n = len(pa) + len(pb)

    def vec(w: dict[str, float]) -> dict[str, float]:
        v = {t: math.log(n / df[t]) for t in w}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    va, vb = [vec(dict(w)) for w in pa], [vec(dict(w)) for w in pb]
    sims = {
        (i, j): sum(x[t] * y[t] for t in x.keys() & y.keys())
        for i, x in enumerate(va)
        for j, y in enumerate(vb)
    }
    out = set()
    for i in range(len(va)):
        row = [(s, j) for (ii, j), s in sims.items() if ii == i]
        if row and max(row)[0] >= 0.1:
            out.add((i, max(row)[1]))
    for j in range(len(vb)):
        col = [(s, i) for (i, jj), s in sims.items() if jj == j]
        if col and max(col)[0] >= 0.1:
            out.add((max(col)[1], j))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--model", help="a judge_model.json to use instead of the shipped one")
    parser.add_argument(
        "--topics",
        type=lambda v: {int(t) for t in v.split(",") if t},
        help="only the report pairs of these ECB+ topics (e.g. to calibrate on some, test on others)",
    )
    args = parser.parse_args()
    if args.model:
        import index.compare.judge

        index.compare.judge.MODEL_FILE = args.model
        index.compare.judge._model.cache_clear()
    folder = args.data / "ecbplus_docpairs_topics01-20"
    if not folder.is_dir():
        print(f"no data at {folder}: nothing to measure")
        return
    totals = {"newsdesk": [0, 0, 0, 0], "tf-idf": [0, 0, 0, 0]}
    shown = {"newsdesk": 0, "tf-idf": 0}
    times = []
    for d in sorted(folder.iterdir()):
        gold = json.loads((d / "gold.json").read_text("utf-8"))
        if args.topics and int(gold["topic"]) not in args.topics:
            continue
        ta, tb = (d / "a.txt").read_text("utf-8"), (d / "b.txt").read_text("utf-8")
        positives = {(p["a"]["i"], p["b"]["i"]) for p in gold["positives"]}
        ann_a, ann_b = set(gold["annotated_a"]), set(gold["annotated_b"])
        starts_a = [s["start"] for s in gold["sentences_a"]]
        starts_b = [s["start"] for s in gold["sentences_b"]]
        t0 = time.perf_counter()
        c = compare_texts(ta, tb, title_a=" ", title_b=" ")
        times.append(time.perf_counter() - t0)
        ours = set()
        for p in c.pairs:
            for i in range(_line_of(starts_a, p.a.start), _line_of(starts_a, p.a.end - 1) + 1):
                for j in range(_line_of(starts_b, p.b.start), _line_of(starts_b, p.b.end - 1) + 1):
                    ours.add((i, j))
        base = _tfidf(
            [s["text"] for s in gold["sentences_a"]], [s["text"] for s in gold["sentences_b"]]
        )
        for name, got in (("newsdesk", ours), ("tf-idf", base)):
            t = totals[name]
            t[0] += len(got & positives)
            t[1] += len(positives)
            t[2] += sum(1 for p in got if p in positives)
            t[3] += sum(1 for p in got if p in positives or (p[0] in ann_a and p[1] in ann_b))
            shown[name] += len(got)
    for name, (found, gold_n, right, judged) in totals.items():
        print(
            f"{name:<9} recall {found}/{gold_n} = {found / gold_n:.3f}   "
            f"judged precision {right}/{judged} = {right / max(1, judged):.3f}   "
            f"pairs shown {shown[name]}"
        )
    times.sort()
    print(
        f"compare_texts per pair: median {1000 * times[len(times) // 2]:.0f} ms, "
        f"max {1000 * times[-1]:.0f} ms (entities included)"
    )


if __name__ == "__main__":
    main()
