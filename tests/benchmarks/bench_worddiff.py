"""Word-level differences: what ``index.compare.worddiff.differences`` costs per comparison.

Prints figures, asserts nothing; CPU time of this process, so that other work on a shared machine
counts less. Two cases on the seed pair: the pairs ``compare`` aligns (the first call per sentence
pays its tokenisation, as in the app), and the worst case of every sentence of A against every
sentence of B (unrelated sentences differ in nearly every word).

    .venv/bin/python tests/benchmarks/bench_worddiff.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from index.analysis.sentences import split_sentences
from index.compare.worddiff import _prepare, differences
from index.models import Article


def _ms(pairs: list[tuple[object, object]], cold: bool) -> float:
    runs = []
    for _ in range(7):
        if cold:
            _prepare.cache_clear()
        t0 = time.process_time()
        for a, b in pairs:
            differences(a, b)  # type: ignore[arg-type]
        runs.append((time.process_time() - t0) * 1000)
    return statistics.median(runs)


def main() -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))[:2]
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    sa, sb = split_sentences(texts[0]), split_sentences(texts[1])
    from index.compare import compare

    c = compare(*(Article(p.name, str(p), p.name, t) for p, t in zip(seeds, texts, strict=True)))
    aligned = [(p.a, p.b) for p in c.pairs]
    every = [(x, y) for x in sa for y in sb]
    for name, pairs in (("aligned pairs", aligned), ("every sentence pair", every)):
        cold, warm = _ms(pairs, True), _ms(pairs, False)
        print(
            f"{name:20} {len(pairs):4} pairs: {cold:6.2f} ms cold, {warm:6.2f} ms warm "
            f"({1000 * warm / max(1, len(pairs)):.1f} us a pair)"
        )


if __name__ == "__main__":
    main()
