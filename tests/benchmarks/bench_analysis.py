"""Analyse N articles as a worker does (entities, body tokens, features), to count its instructions.

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.%p \\
        python tests/benchmarks/bench_analysis.py 300
    (the same with 600; the difference of the two totals divided by 300 is the cost of a story,
    the process's start and the gazetteer's loading drop out)
    python tests/benchmarks/bench_analysis.py 2000 --entities-only --cpu

The articles: the first N Reuters-21578 stories when ``../shared/data`` exists, else N generated
ones (``corpus_gen``). ``--cpu`` prints the CPU time an article (minimum of three rounds).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpus_gen

from index.analysis.entities import extract
from index.analysis.features import features
from index.analysis.tokens import analyse_body
from index.ingest.formats import text_article
from index.models import Article


def articles(n: int) -> list[Article]:
    """The first ``n`` Reuters stories, or ``n`` generated articles without the data folder."""
    reuters = ROOT.parent / "shared" / "data" / "reuters21578.jsonl"
    out: list[Article] = []
    if reuters.exists():
        with reuters.open(encoding="utf-8") as fh:
            for line in fh:
                if len(out) >= n:
                    break
                d = json.loads(line)
                out.append(text_article(d["text"], f"r#{d['id']}", "r", title=d.get("title")))
        return out
    for d in corpus_gen.generate(n, seed=3, words=500):
        out.append(text_article(d["text"], d["id"], d["id"], title=d["title"]))
    return out


def main() -> None:
    """Run the analysis once (or three times with ``--cpu``)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("--entities-only", action="store_true", help="the recognizer alone")
    parser.add_argument("--cpu", action="store_true", help="print CPU ms an article")
    args = parser.parse_args()
    arts = articles(args.n)
    extract(arts[0].text)  # loads the gazetteer

    def run() -> None:
        for a in arts:
            ents = extract(a.text)
            if not args.entities_only:
                features(a, ents, analyse_body(a.text)[0])

    if not args.cpu:
        run()
        return
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        run()
        best = min(best, time.process_time() - t0)
    print(f"{1000 * best / len(arts):.3f} ms of CPU an article ({len(arts)} articles)")


if __name__ == "__main__":
    main()
