"""Benchmark of the per-article analysis: recognizer and related-report features, ms an article.

Run: ``python tests/benchmarks/bench_entities.py [--articles N] [--rounds R] [--tree PATH]``.
Texts: the seed articles plus, when ``../shared/data/reuters21578.jsonl`` exists next to the
repository, the first N Reuters stories; and N/4 generated ~500-word articles (``corpus_gen``).
Times are CPU seconds of this process (``time.process_time``), the minimum of R rounds: on a shared
machine that is steadier than wall time. ``--tree`` runs another checkout's ``index`` package (a
``git archive`` of an older commit, say) under the same conditions, for a before/after comparison.
Prints figures only: never a pass/fail threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def reuters(n: int) -> list[tuple[str, str]]:
    """(title, text) of the seeds and the first ``n`` Reuters stories (none without the data)."""
    out = [("", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    path = ROOT.parent / "shared" / "data" / "reuters21578.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                doc = json.loads(line)
                out.append((doc.get("title") or "", doc["text"]))
                if len(out) >= n:
                    break
    return out


def synthetic(n: int) -> list[tuple[str, str]]:
    """(title, text) of ``n`` generated ~500-word articles."""
    sys.path.insert(0, str(HERE))
    import corpus_gen

    return [(d["title"], d["text"]) for d in corpus_gen.generate(n, seed=0, words=500)]


def best_ms(fn: Callable[[], object], n: int, rounds: int) -> float:
    """Minimum over ``rounds`` of the CPU milliseconds ``fn`` takes, divided by ``n``."""
    best = float("inf")
    for _ in range(rounds):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best * 1000 / max(1, n)


def measure(
    arts: list[Any], rec: Any, analyse_body: Callable[[str], Any], features: Any, rounds: int
) -> str:
    """Recognizer, body tokens and features of ``arts``: CPU ms an article."""
    chars = sum(len(a.text) for a in arts) / max(1, len(arts))
    ents = [rec.extract(a.text) for a in arts]
    body = [analyse_body(a.text)[0] for a in arts]
    n = len(arts)
    rec_ms = best_ms(lambda: [rec.extract(a.text) for a in arts], n, rounds)
    body_ms = best_ms(lambda: [analyse_body(a.text) for a in arts], n, rounds)
    feat_ms = best_ms(lambda: [features(a, e, s) for a, e, s in zip(arts, ents, body)], n, rounds)
    return (
        f"{n} articles, {chars:,.0f} characters each; CPU ms an article (min of {rounds}): "
        f"recognizer {rec_ms:.3f}, body tokens {body_ms:.3f}, features {feat_ms:.3f}; "
        f"{sum(map(len, ents)) / n:.1f} mentions an article"
    )


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tree", type=Path, default=ROOT, help="source tree holding index/")
    args = parser.parse_args()
    sys.path.insert(0, str(args.tree))

    from index.analysis.recognizer import RuleRecognizer

    try:
        from index.analysis.tokens import analyse_body
    except ImportError:  # a tree from before index.analysis.tokens
        from index.store.core import analyse_body  # type: ignore[attr-defined,no-redef]
    from index.analysis.features import features
    from index.ingest.formats import text_article

    t0 = time.perf_counter()
    rec = RuleRecognizer()
    rec.extract("Warm-up: the gazetteer loads on first use in the U.S.")
    print(f"tree: {args.tree}; gazetteer load {time.perf_counter() - t0:.2f} s (once per process)")

    arts: list[Any] = []
    for name, docs in (
        ("Reuters", reuters(args.articles)),
        ("synthetic ~500 words", synthetic(max(50, args.articles // 4))),
    ):
        arts = [
            text_article(text, str(i), str(i), title=title or None)
            for i, (title, text) in enumerate(docs)
        ]
        print(f"{name}: {measure(arts, rec, analyse_body, features, args.rounds)}")

    tracemalloc.start()
    for a in arts[:200]:
        rec.extract(a.text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak extra memory while extracting (tracemalloc, 200 texts): {peak / 1e6:.1f} MB")
    import resource

    print(f"process max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
