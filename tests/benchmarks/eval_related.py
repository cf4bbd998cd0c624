"""Evaluate related reports and story grouping on the real data in ``../shared/data`` (when present).

Run: ``python tests/benchmarks/eval_related.py [--data DIR] [--reuters N]``

For each labelled dataset (WikiNews MultiLing 2011, ECB+ topics 1-20) it indexes the file into a temporary
folder and prints:

* top-1: share of articles whose best related report belongs to the same story (articles whose story has
  at least two reports);
* flags: precision and recall of ``same_story`` over the top 10;
* MAP and R-precision of same-story reports in the full ranking;
* ECB+ only: share of articles where every same-story report outranks every report of the sibling event
  (same topic, other event), and the mean precision of the ranking restricted to the topic;
* grouping: B-cubed and pairwise precision/recall/F1 of :func:`index.related.stories` against ``story``;
* timings: related median/p95 (warm), first call (builds the vectors), stories.

``--reuters N`` also indexes the first N Reuters-21578 articles (no story labels) for timings only.
Datasets that are absent are skipped with a note, so the script runs on a fresh clone.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from index.related import rank, related, stories
from index.store import Store

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
DATASETS = {
    "wikinews": "wikinews_multiling2011.jsonl",
    "ecbplus": "ecbplus_topics01-20.jsonl",
}


def _index(src: Path, work: Path, limit: int | None = None) -> tuple[Store, float]:
    corpus = work / "corpus"
    corpus.mkdir()
    target = corpus / src.name
    if limit is None:
        shutil.copy(src, target)
    else:
        with open(src, encoding="utf-8") as fin, open(target, "w", encoding="utf-8") as fout:
            for n, line in enumerate(fin):
                if n >= limit:
                    break
                fout.write(line)
    store = Store([corpus], index_dir=work / "ix")
    t0 = time.perf_counter()
    store.update()
    return store, time.perf_counter() - t0


def _average_precision(ranked: list[str], relevant: set[str]) -> float:
    hits = 0
    total = 0.0
    for n, rid in enumerate(ranked, 1):
        if rid in relevant:
            hits += 1
            total += hits / n
    return total / len(relevant) if relevant else 0.0


def _bcubed(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred: dict[int, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for a, c in pred.items():
        by_pred[c].add(a)
    for a, g in gold.items():
        by_gold[g].add(a)
    p = r = 0.0
    for a in gold:
        cluster = by_pred[pred[a]]
        story = by_gold[gold[a]]
        inter = len(cluster & story)
        p += inter / len(cluster)
        r += inter / len(story)
    p /= len(gold)
    r /= len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _pairwise(pred: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    def pairs(labels: dict[str, object]) -> set[tuple[str, str]]:
        groups: dict[object, list[str]] = defaultdict(list)
        for a, c in labels.items():
            groups[c].append(a)
        return {(x, y) for g in groups.values() for x in g for y in g if x < y}

    pp, gp = pairs(dict(pred)), pairs(dict(gold))
    tp = len(pp & gp)
    p = tp / len(pp) if pp else 1.0
    r = tp / len(gp) if gp else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def evaluate(name: str, path: Path) -> None:
    """Index one labelled dataset and print its figures."""
    with tempfile.TemporaryDirectory(prefix="newsdesk-eval-") as tmp:
        store, index_s = _index(path, Path(tmp))
        gold = {a.id: a.story for a in store.catalogue() if a.story}
        feats = store.features()
        sizes = Counter(gold.values())
        print(
            f"\n== {name}: {len(gold)} articles, {len(sizes)} stories (indexed in {index_s:.1f} s)"
        )
        t0 = time.perf_counter()
        related(store, next(iter(gold)), limit=10)
        first_ms = (time.perf_counter() - t0) * 1000
        times: list[float] = []
        top1 = total = 0
        flag_tp = flag_fp = flag_possible = 0
        aps: list[float] = []
        rprec: list[float] = []
        sibling_ok = sibling_n = 0
        sibling_ap: list[float] = []
        misses: list[str] = []
        for aid, story in sorted(gold.items()):
            if sizes[story] < 2:
                continue
            t0 = time.perf_counter()
            top = related(store, aid, limit=10)
            times.append((time.perf_counter() - t0) * 1000)
            full = [r.id for r in rank(aid, feats, limit=None)]
            relevant = {o for o, s in gold.items() if s == story and o != aid}
            total += 1
            if top and gold.get(top[0].id) == story:
                top1 += 1
            elif len(misses) < 5:
                misses.append(
                    f"{aid} -> {top[0].id if top else None} ({top[0].score if top else 0})"
                )
            for r in top:
                if r.same_story:
                    if gold.get(r.id) == story:
                        flag_tp += 1
                    else:
                        flag_fp += 1
            flag_possible += min(10, len(relevant))
            aps.append(_average_precision(full, relevant))
            rprec.append(len(set(full[: len(relevant)]) & relevant) / len(relevant))
            if name == "ecbplus":
                topic = story.split("_")[0]
                siblings = {o for o, s in gold.items() if s.split("_")[0] == topic and s != story}
                if siblings:
                    sibling_n += 1
                    position = {o: n for n, o in enumerate(full)}
                    worst_same = max(position.get(o, len(full)) for o in relevant)
                    best_sib = min(position.get(o, len(full) + 1) for o in siblings)
                    sibling_ok += worst_same < best_sib
                    in_topic = [o for o in full if o in relevant or o in siblings]
                    sibling_ap.append(_average_precision(in_topic, relevant))
        print(f"top-1 same story: {top1}/{total} = {top1 / total:.3f}")
        if misses:
            print("  misses:", "; ".join(misses))
        fp = flag_tp / (flag_tp + flag_fp) if flag_tp + flag_fp else 1.0
        print(
            f"same_story flag in top 10: precision {fp:.3f}, recall {flag_tp / flag_possible:.3f}"
        )
        print(f"MAP {statistics.mean(aps):.3f}, R-precision {statistics.mean(rprec):.3f}")
        if sibling_n:
            print(
                f"ECB+ sibling event: all same-story above all siblings {sibling_ok}/{sibling_n} = "
                f"{sibling_ok / sibling_n:.3f}; mean precision within topic {statistics.mean(sibling_ap):.3f}"
            )
        t0 = time.perf_counter()
        groups = stories(store)
        stories_s = time.perf_counter() - t0
        pred = {a: n for n, g in enumerate(groups) for a in g.article_ids}
        b = _bcubed(pred, gold)
        pw = _pairwise(pred, gold)
        multi = sum(1 for g in groups if len(g.article_ids) > 1)
        print(
            f"stories: {len(groups)} groups ({multi} with 2+ reports) for {len(sizes)} true; "
            f"B-cubed P/R/F1 {b[0]:.3f}/{b[1]:.3f}/{b[2]:.3f}; pairwise P/R/F1 {pw[0]:.3f}/{pw[1]:.3f}/{pw[2]:.3f}"
        )
        _timings(times, first_ms, stories_s)


def _timings(times: list[float], first_ms: float, stories_s: float) -> None:
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(
        f"timings: related median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms "
        f"(first call, building vectors: {first_ms:.0f} ms); stories {stories_s * 1000:.0f} ms"
    )


def timing_only(path: Path, limit: int) -> None:
    """Index the first ``limit`` articles of an unlabelled dataset and time related and stories."""
    with tempfile.TemporaryDirectory(prefix="newsdesk-eval-") as tmp:
        store, index_s = _index(path, Path(tmp), limit)
        ids = sorted(store.features())
        print(f"\n== {path.name}: {len(ids)} articles (indexed in {index_s:.1f} s), timings only")
        t0 = time.perf_counter()
        related(store, ids[0])
        first_ms = (time.perf_counter() - t0) * 1000
        times = []
        for aid in ids[:: max(1, len(ids) // 300)]:
            t0 = time.perf_counter()
            related(store, aid)
            times.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        groups = stories(store)
        stories_s = time.perf_counter() - t0
        multi = [g for g in groups if len(g.article_ids) > 1]
        print(
            f"stories: {len(groups)} groups, {len(multi)} with 2+ reports, largest {len(groups[0].article_ids)}"
        )
        _timings(times, first_ms, stories_s)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder with the jsonl files"
    )
    parser.add_argument("--reuters", type=int, default=0, help="also time N Reuters articles")
    parser.add_argument("--only", choices=sorted(DATASETS), help="evaluate one dataset")
    args = parser.parse_args(argv)
    found = False
    for name, filename in DATASETS.items():
        if args.only and name != args.only:
            continue
        path = args.data / filename
        if not path.exists():
            print(f"{name}: {path} not found, skipped")
            continue
        found = True
        evaluate(name, path)
    reuters = args.data / "reuters21578.jsonl"
    if args.reuters:
        if reuters.exists():
            found = True
            timing_only(reuters, args.reuters)
        else:
            print(f"reuters: {reuters} not found, skipped")
    if not found:
        print(
            "no evaluation data found (it lives outside the repository, in ../shared/data); nothing measured"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
