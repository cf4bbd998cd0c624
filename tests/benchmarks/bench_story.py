"""Benchmark: the story view of ten and of twenty ~1,000-word reports, in process. Prints figures,
asserts nothing.

Run: ``python tests/benchmarks/bench_story.py [--repeat N]``. The reports are built from the two
seed articles (sentences shuffled, 15% of words swapped, until ~1,000 words each; as
``bench_compare.py`` builds its articles), so nothing outside the repository is needed. Entities
are extracted before the clock starts (the index has them for stored articles); the figure is
:func:`index.story.story_map` alone: every pair aligned and checked for disagreements, claims,
figures and sources.
"""

from __future__ import annotations

import argparse
import pathlib
import random
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))

from bench_compare import build

from index.analysis.entities import extract
from index.models import Article
from index.story import story_map


def reports(n: int, rng: random.Random) -> list[Article]:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    a, b = seeds[0].read_text("utf-8"), seeds[1].read_text("utf-8")
    out = []
    for k in range(n):
        text = build(a if k % 2 else b, b if k % 2 else a, 1000, rng)
        out.append(
            Article(f"r{k}", f"r{k}", f"report {k}", text, f"outlet {k}", f"2024-10-{k + 1:02d}")
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(15)
    for n in (10, 20):
        arts = reports(n, rng)
        ents = [list(extract(a.text)) for a in arts]
        words = sum(len(a.text.split()) for a in arts) / n
        story_map(arts[:2], ents[:2])  # warm the caches (word table, models)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            m = story_map(arts, ents)
            times.append(time.perf_counter() - t0)
        t0 = time.process_time()
        story_map(arts, ents)
        cpu = time.process_time() - t0
        print(
            f"{n} reports of ~{words:.0f} words: median {statistics.median(times):.2f} s, "
            f"min {min(times):.2f} s (CPU {cpu:.2f} s); {len(m.claims)} claims, "
            f"{sum(1 for c in m.claims if c.support >= 2)} in two reports or more"
        )


if __name__ == "__main__":
    main()
