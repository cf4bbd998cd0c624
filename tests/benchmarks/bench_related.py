"""Time related reports and story grouping on a synthetic corpus (default 10,000 articles).

Run: ``python tests/benchmarks/bench_related.py [--n 10000] [--seed 0] [--index]``

By default the features are computed directly (``index.analysis.features.features`` on each generated article,
with entities from ``index.analysis.entities``), which skips the slow Whoosh build; ``--index`` builds a real
store in a temporary folder instead and times the model kept beside the index (built and written, then
mapped as a new process maps it), ``related(store, ...)`` on the mapped model and ``stories(store)``.
It prints: feature time (and ``features()`` alone, an article), vector build (first call), related median/p95 over 300 articles, stories
time, and how well the groups match the generator's stories (B-cubed P/R/F1, top-1 same story).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_gen import generate, write_corpus

from index.analysis.features import features
from index.models import Article
from index.related import group, rank, related, stories


def _features_direct(n: int, seed: int) -> tuple[dict[str, Any], dict[str, str]]:
    from index.analysis import analyse
    from index.analysis.tokens import analyse_body

    feats: dict[str, Any] = {}
    gold: dict[str, str] = {}
    own = 0.0
    for doc in generate(n, seed=seed):
        art = Article(
            id=doc["id"],
            path="",
            title=doc["title"],
            text=doc["text"],
            source=doc["source"],
            date=doc["date"],
        )
        entities = analyse(art)
        stems, _ = analyse_body(art.text)
        t0 = time.perf_counter()
        # As the indexer calls it: entities and body stems are computed once for the index too.
        feats[doc["id"]] = features(art, entities, stems)
        own += time.perf_counter() - t0
        gold[doc["id"]] = doc["story"]
    print(f"features alone: {own / max(1, len(feats)) * 1000:.2f} ms an article")
    return feats, gold


def _bcubed(groups: list[Any], gold: dict[str, str]) -> tuple[float, float, float]:
    pred = {a: k for k, g in enumerate(groups) for a in g.article_ids}
    by_pred: dict[int, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for a, c in pred.items():
        by_pred.setdefault(c, set()).add(a)
    for a, s in gold.items():
        by_gold.setdefault(s, set()).add(a)
    p = sum(len(by_pred[pred[a]] & by_gold[gold[a]]) / len(by_pred[pred[a]]) for a in gold) / len(
        gold
    )
    r = sum(len(by_pred[pred[a]] & by_gold[gold[a]]) / len(by_gold[gold[a]]) for a in gold) / len(
        gold
    )
    return p, r, 2 * p * r / (p + r)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--index", action="store_true", help="build a real Whoosh store (slow)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    store = None
    tmp = tempfile.TemporaryDirectory(prefix="newsdesk-bench-")
    if args.index:
        from index.store.core import Store

        path = write_corpus(Path(tmp.name) / "corpus" / "synthetic.jsonl", args.n, args.seed)
        store = Store([path.parent], index_dir=Path(tmp.name) / "ix")
        store.update()
        feats = store.features()
        gold = {a.id: a.story or "" for a in store.catalogue()}
        print(f"indexed {len(feats)} articles in {time.perf_counter() - t0:.1f} s")
    else:
        feats, gold = _features_direct(args.n, args.seed)
        print(f"features of {len(feats)} articles in {time.perf_counter() - t0:.1f} s")
    ids = sorted(feats)
    t0 = time.perf_counter()
    rank(ids[0], feats)
    print(f"first related call (builds the vectors): {(time.perf_counter() - t0) * 1000:.0f} ms")
    if store is not None:
        # The model kept beside the index (index/related/stored.py): built and written once, then
        # mapped by each new process; the calls timed below rank from the mapped model.
        from index.related import stored as model_file

        model_file.clear_loaded()
        (store.index_dir / model_file.MODEL_FILE).unlink(missing_ok=True)
        t0 = time.perf_counter()
        model_file.stored_model(store)
        built = time.perf_counter() - t0
        model_file.clear_loaded()
        t0 = time.perf_counter()
        model_file.stored_model(store)
        mapped = time.perf_counter() - t0
        size = (store.index_dir / model_file.MODEL_FILE).stat().st_size
        print(
            f"stored model: built and written {built:.2f} s ({size / 1e6:.1f} MB), "
            f"mapped by a new process {mapped * 1000:.0f} ms"
        )
    times: list[float] = []
    top1 = 0
    sample = ids[:: max(1, len(ids) // 300)]
    for aid in sample:
        t0 = time.perf_counter()
        top = related(store, aid) if store else rank(aid, feats)
        times.append((time.perf_counter() - t0) * 1000)
        top1 += bool(top) and gold[top[0].id] == gold[aid]
    times.sort()
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(
        f"related: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms over {len(times)}; "
        f"top-1 same story {top1}/{len(sample)} (singletons included: they have none)"
    )
    t0 = time.perf_counter()
    groups = stories(store) if store else group(feats)
    took = time.perf_counter() - t0
    b = _bcubed(groups, gold)
    sizes = sorted((len(g.article_ids) for g in groups), reverse=True)
    print(
        f"stories: {took:.2f} s, {len(groups)} groups (true {len(set(gold.values()))}), "
        f"largest {sizes[:5]}; B-cubed P/R/F1 {b[0]:.3f}/{b[1]:.3f}/{b[2]:.3f}"
    )
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
