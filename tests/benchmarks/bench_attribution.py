"""Benchmark of source attribution (``index.compare.attribution.sources``): milliseconds per article.

Run: ``python tests/benchmarks/bench_attribution.py [--words N]``. Joins WikiNews articles from
``../shared/data/wikinews_multiling2011.jsonl`` (next to the repository) until N words, else the
seed articles repeated, and prints the best CPU time of 50 runs next to ``split_sentences`` on the
same text (attribution splits sentences itself, so that part is a floor). Prints figures only:
never a pass/fail threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from index.analysis.entities import extract
from index.analysis.sentences import split_sentences
from index.compare.attribution import sources


def corpus(words: int) -> tuple[str, str]:
    """A text of about ``words`` words, and where it came from."""
    wiki = ROOT.parent / "shared" / "data" / "wikinews_multiling2011.jsonl"
    if wiki.exists():
        texts = [json.loads(line)["text"] for line in wiki.open(encoding="utf-8")]
        where = "WikiNews articles"
    else:
        texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
        where = "seed articles (no ../shared/data)"
    out: list[str] = []
    n = 0
    while n < words:
        for t in texts:
            out.append(t)
            n += len(t.split())
            if n >= words:
                break
    return "\n".join(out), where


def best_cpu_ms(f: Callable[[], object], runs: int = 50) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        f()
        best = min(best, time.process_time() - t0)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=2000)
    args = parser.parse_args()
    text, where = corpus(args.words)
    ents = extract(text)
    found = sources(text, ents)
    print(f"{len(text.split())} words from {where}; {len(found)} sources")
    print(f"split_sentences      {best_cpu_ms(lambda: split_sentences(text)):6.2f} ms")
    print(f"sources (no entities) {best_cpu_ms(lambda: sources(text)):6.2f} ms")
    print(f"sources (entities)    {best_cpu_ms(lambda: sources(text, ents)):6.2f} ms")


if __name__ == "__main__":
    main()
