"""A worker's Whoosh part alone: Whoosh's posting pool against the term-grouped pool (issue 14).

    python tests/benchmarks/bench_postings.py             # 3,000 generated articles, 2 rounds
    python tests/benchmarks/bench_postings.py --n 5000 --rounds 3 --limitmb 128

Analyses ``--n`` generated articles once (entities, stems, features: not timed), then adds them to a
new segment and finishes it as an indexing worker does (``index.store.writers.add_fields``,
``whoosh_writing.finish_worker_segment``), once through Whoosh's ``PostingPool`` and once through
``index.store.whoosh_pool.TermPool``, in turn; prints the CPU milliseconds an article of adding and
of the finish (minimum over the rounds), and the runs each pool spilled. Figures, never asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))


def analysed(n: int, work: Path) -> list[dict[str, Any]]:
    """Fields of ``n`` generated articles, as the workers make them."""
    import run

    from index.ingest.files import SourceFile
    from index.ingest.formats import read_file
    from index.store.writers import analysed_fields

    corpus = work / "corpus"
    run.write_txt_corpus(corpus, n)
    out = []
    for path in sorted(corpus.rglob("*.txt")):
        st = path.stat()
        for article in read_file(SourceFile(str(path), str(corpus), st.st_size, st.st_mtime_ns))[0]:
            out.append(analysed_fields(article, 1.0))
    return out


def one_segment(
    fields: list[dict[str, Any]], work: Path, term_pool: bool, limitmb: int
) -> tuple[float, float, int]:
    """CPU ms an article of adding and of finishing one segment, and the runs spilled."""
    from whoosh import index as windex
    from whoosh.writing import SegmentWriter

    from index.store.schema import make_schema
    from index.store.whoosh_compat import patch_lengths
    from index.store.whoosh_writing import finish_worker_segment, use_term_pool
    from index.store.writers import add_fields

    ix_dir = work / ("term" if term_pool else "whoosh")
    shutil.rmtree(ix_dir, ignore_errors=True)
    ix_dir.mkdir()
    windex.create_in(str(ix_dir), make_schema())
    patch_lengths()
    writer = SegmentWriter(windex.open_dir(str(ix_dir)), _lk=False, limitmb=limitmb, compound=False)
    if term_pool:
        use_term_pool(writer, limitmb)
    spelled: set[str] = set()
    t0 = time.process_time()
    for f in fields:
        add_fields(writer, dict(f), spelled, update=False)
    t1 = time.process_time()
    runs = len(writer.pool.runs)
    finish_worker_segment(writer)
    t2 = time.process_time()
    n = len(fields)
    return (t1 - t0) * 1000 / n, (t2 - t1) * 1000 / n, runs


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--limitmb", type=int, default=128, help="the pool's memory (the workers': 128)"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsdesk-postings-"))
    try:
        fields = analysed(args.n, work)
        best: dict[bool, list[float]] = {}
        runs: dict[bool, int] = {}
        for _ in range(args.rounds):
            for term_pool in (False, True):
                add, finish, runs[term_pool] = one_segment(fields, work, term_pool, args.limitmb)
                old = best.get(term_pool, [float("inf"), float("inf")])
                best[term_pool] = [min(old[0], add), min(old[1], finish)]
        print(
            f"{args.n:,} generated articles, {os.cpu_count()} cores, load average "
            f"{os.getloadavg()[0]:.1f}; CPU ms an article, minimum of {args.rounds}"
        )
        for term_pool, label in ((False, "Whoosh's PostingPool"), (True, "TermPool")):
            add, finish = best[term_pool]
            print(
                f"  {label:<22} add {add:6.2f}  finish {finish:6.2f}  together {add + finish:6.2f}  runs {runs[term_pool]}"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
