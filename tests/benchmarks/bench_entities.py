"""Benchmark of the entity recognizer: characters per second and peak memory.

Run: ``python tests/benchmarks/bench_entities.py [--articles N]``. Uses the seed articles plus, when
``../shared/data/reuters21578.jsonl`` exists next to the repository, the first N Reuters articles;
without it, the seeds repeated. Prints figures only: never a pass/fail threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from index.analysis.entities import RuleRecognizer


def corpus(n: int) -> tuple[str, list[str]]:
    """Texts to run on, and a description of where they came from."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    reuters = ROOT.parent / "shared" / "data" / "reuters21578.jsonl"
    if reuters.exists():
        texts: list[str] = []
        with reuters.open(encoding="utf-8") as fh:
            for line in fh:
                texts.append(json.loads(line)["text"])
                if len(texts) >= n:
                    break
        return f"seeds + {len(texts)} Reuters articles", seeds + texts
    return "seeds repeated (no ../shared/data)", seeds * max(1, n // 10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    where, texts = corpus(args.articles)
    chars = sum(len(t) for t in texts)

    t0 = time.perf_counter()
    rec = RuleRecognizer()
    rec.extract("Warm-up: the gazetteer loads on first use in the U.S.")
    load = time.perf_counter() - t0

    t0 = time.perf_counter()
    mentions = sum(len(rec.extract(t)) for t in texts)
    elapsed = time.perf_counter() - t0

    tracemalloc.start()
    for t in texts[:200]:
        rec.extract(t)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    print(f"corpus:           {where}: {len(texts)} texts, {chars:,} characters")
    print(f"gazetteer load:   {load:.2f} s (once per process)")
    print(
        f"extraction:       {elapsed:.2f} s, {chars / elapsed:,.0f} characters/s, "
        f"{mentions:,} mentions"
    )
    print(f"peak extra memory while extracting (tracemalloc, 200 texts): {peak / 1e6:.1f} MB")
    try:
        import resource

        print(
            f"process max RSS:  {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )
    except ImportError:
        pass


if __name__ == "__main__":
    main()
