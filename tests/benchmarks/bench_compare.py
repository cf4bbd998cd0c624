"""Benchmark: sentence splitting and comparing two ~2,000-word articles. Prints figures, asserts nothing.

Run: ``python tests/benchmarks/bench_compare.py``. The articles are built from the two seed articles
(shuffled sentences, some words swapped, until ~2,000 words each), so nothing outside the repository
is needed.
"""

from __future__ import annotations

import pathlib
import random
import statistics
import sys
import time
from collections.abc import Callable

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from index.analysis.sentences import split_sentences
from index.compare import Comparison, compare
from index.compare.report import comparison_to_json, comparison_to_markdown, comparison_to_text
from index.models import Article, Entity


def build(seed_text: str, other_text: str, words: int, rng: random.Random) -> str:
    pool = [s.text for s in split_sentences(seed_text)] + [
        s.text for s in split_sentences(other_text)
    ][::3]
    vocab = sorted({w for w in other_text.split() if w.isalpha()})
    out: list[str] = []
    n = 0
    while n < words:
        s = rng.choice(pool).split()
        for k in range(len(s)):
            if rng.random() < 0.15:
                s[k] = rng.choice(vocab)  # paraphrase noise so no two runs repeat exactly
        out.append(" ".join(s))
        n += len(s)
        if rng.random() < 0.2:
            out.append("\n")
    return " ".join(out).replace(" \n ", "\n")


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """CPU milliseconds of each call (process time: a busy machine slows the wall clock more)."""
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append((time.process_time() - t0) * 1000)
    return times


def every_diff(c: Comparison) -> Comparison:
    """``c`` with the word differences of every pair worked out, as the text, Markdown and JSON
    outputs need them (a pair works its own out when first read)."""
    for p in c.pairs:
        p.diffs  # noqa: B018 (read for its effect)
    return c


def report(label: str, times: list[float]) -> None:
    print(
        f"{label:<46} median {statistics.median(times):7.1f} ms   "
        f"min {min(times):7.1f} ms   max {max(times):7.1f} ms"
    )


def main() -> None:
    rng = random.Random(7)
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    ta, tb = (p.read_text(encoding="utf-8") for p in seeds[:2])
    text_a, text_b = build(ta, tb, 2000, rng), build(tb, ta, 2000, rng)
    a = Article("a", "a", "A", text_a)
    b = Article("b", "b", "B", text_b)
    print(
        f"articles: {len(text_a.split())} and {len(text_b.split())} words, "
        f"{len(split_sentences(text_a))} and {len(split_sentences(text_b))} sentences"
    )

    big = "\n".join([ta, tb] * 200)
    t = timed(lambda: split_sentences(big), 5)
    words = len(big.split())
    print(f"split_sentences: {words} words, {words / (statistics.median(t) / 1000):,.0f} words/s")

    compare(a, b, [], [])  # warm the stem cache as a long-running app would
    report("compare, entities given (empty)", timed(lambda: compare(a, b, [], []), 20))
    report(
        "  ... and every pair's word diffs",
        timed(lambda: every_diff(compare(a, b, [], [])), 20),
    )
    # New texts each time: nothing of either report met before (per-sentence caches cold).
    fresh = [
        (
            Article("a", "a", "A", build(ta, tb, 2000, r)),
            Article("b", "b", "B", build(tb, ta, 2000, r)),
        )
        for r in (random.Random(100 + k) for k in range(12))
    ]
    cold = iter(fresh[:6])
    report("compare, new reports each time", timed(lambda: compare(*next(cold), [], []), 6))
    cold = iter(fresh[6:])
    report(
        "  ... and every pair's word diffs",
        timed(lambda: every_diff(compare(*next(cold), [], [])), 6),
    )
    try:
        from index.analysis.entities import extract
    except ImportError:
        print("index.analysis.entities not available: skipping the entity figures")
        return
    ea: list[Entity] = list(extract(text_a))
    eb: list[Entity] = list(extract(text_b))
    report(
        f"compare, entities given ({len(ea)}+{len(eb)})", timed(lambda: compare(a, b, ea, eb), 20)
    )
    report("compare, entities extracted (None)", timed(lambda: compare(a, b), 5))
    c = compare(a, b, ea, eb)
    report("comparison_to_json", timed(lambda: comparison_to_json(c), 20))
    report("comparison_to_markdown", timed(lambda: comparison_to_markdown(c), 20))
    report("comparison_to_text(width=120)", timed(lambda: comparison_to_text(c, 120), 20))
    print(
        f"result: {len(c.pairs)} pairs, {len(c.only_a)} only A, {len(c.only_b)} only B, "
        f"{len(c.conflicts)} conflicts"
    )


if __name__ == "__main__":
    main()
