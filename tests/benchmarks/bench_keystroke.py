"""What one keystroke in the library costs the engine: the first hits, every hit, the sidebar.

The library's search worker once called ``search`` (30 hits with snippets), ``search`` again (every
hit) and ``facets``: three parses and three matches of one query, and the suggestion worked out twice.
It now runs the query once (``index.search.run_query``) and reads all three from that execution.
This prints both, per query, the minimum CPU time (process_time) of several runs taken in turn (the
machine is shared: CPU time and minimums are the least noisy figures).

Usage: ``.venv/bin/python tests/benchmarks/bench_keystroke.py [N_ARTICLES]`` (default 2,000).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_gen import write_corpus

QUERIES = ["police", "said OR reported", '"prime minister"', "earthquake -election", "politcs"]
RUNS = 9


def three_calls(store: Any, query: str) -> int:
    from index.search import facets, search

    first = search(store, query, limit=30, snippets=2)
    every = search(store, query, limit=None, snippets=0) if first.total > 30 else first
    found = facets(store, query, limit=30) if every.total else []
    return len(every.hits) + len(found)


def one_execution(store: Any, query: str) -> int:
    from index.search import facets_of, run_query

    with run_query(store, query) as run:
        first = run.result(limit=30, snippets=2)
        every = run.result(limit=None, snippets=0) if first.total > 30 else first
        found = facets_of(run, 30) if every.total else []
    return len(every.hits) + len(found)


def best(store: Any, query: str) -> tuple[float, float]:
    """The minimum time of each way, in ms, the two run in turn (load changes hit both alike)."""
    times: dict[Any, list[float]] = {three_calls: [], one_execution: []}
    for _ in range(RUNS):
        for fn, spent in times.items():
            t = time.process_time()
            fn(store, query)
            spent.append(time.process_time() - t)
    return min(times[three_calls]) * 1000, min(times[one_execution]) * 1000


def main() -> None:
    from index.store import Store

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.jsonl", n)
        store = Store([str(corpus)], str(Path(tmp) / "ix"))
        store.update()
        for q in QUERIES:  # warm: postings, the facets' key map, the spelling words
            three_calls(store, q)
            assert three_calls(store, q) == one_execution(store, q)
        print(f"{n:,} articles; minimum CPU time of {RUNS} runs in turn, ms")
        print(f"{'query':28} {'3 calls':>9} {'1 execution':>12}")
        for q in QUERIES:
            old, new = best(store, q)
            print(f"{q:28} {old:9.1f} {new:12.1f}")


if __name__ == "__main__":
    main()
