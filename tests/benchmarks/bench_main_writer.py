"""The main process's writer with Whoosh's posting pool against the term-grouped pool (issue 14).

    python tests/benchmarks/bench_main_writer.py                   # 500 articles, 3 rounds
    python tests/benchmarks/bench_main_writer.py --n 5000 --rounds 1 --updates 10

The main process's writer adds the articles of small runs (under ``PARALLEL_MIN_ARTICLES``), of the
one-process fallback, and merges small segments at a commit. Here each build is made in one process
(the workers turned off), once with Whoosh's ``PostingPool`` and once with the term pool
(``index.store.core.MAIN_TERM_POOL_MIN`` set to 0), in turn; then ``--updates`` one-file updates
(a changed sentence in one article, then ``newsdesk index``'s run) whose commits merge the small
segments they leave, in the same mode. Prints CPU seconds of this process (``time.process_time``,
minimum over the rounds) and whether the two modes' segment files have the same bytes (file names
hold random segment ids: compared by content, sorted; when they differ, as spilled runs make them,
the postings are compared). Figures, never asserted; CPU swings with the machine's load
(callgrind for small differences).
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))


def segment_digest(index_dir: Path) -> list[str]:
    """Sorted digests of the index's segment files (postings, terms, columns; not the TOC)."""
    out = []
    for path in index_dir.iterdir():
        if path.suffix in {".trm", ".pst", ".fln", ".vps", ".col", ".dcs", ".tiz", ".stf"}:
            out.append(path.suffix + " " + hashlib.sha1(path.read_bytes()).hexdigest()[:12])
    return sorted(out)


def postings(index_dir: Path) -> dict[tuple[str, bytes], list[tuple[int, float, bytes]]]:
    """Every term's postings (document, weight, value) of the index's one segment."""
    from whoosh import index as windex

    out = {}
    with windex.open_dir(str(index_dir)).reader() as reader:
        for field, text in reader.all_terms():
            matcher = reader.postings(field, text)
            found = []
            while matcher.is_active():
                found.append((matcher.id(), matcher.weight(), matcher.value()))
                matcher.next()
            out[(field, text)] = found
    return out


def one_build(
    corpus: Path,
    work: Path,
    term_pool: bool,
    updates: int,
    compare: dict[bool, Any] | None = None,
) -> tuple[float, float, list[str]]:
    """CPU seconds of a one-process build and of ``updates`` one-file updates, and the digests;
    the build's postings put in ``compare`` when given."""
    import index.store.core as core
    import index.store.writers as writers

    writers.PARALLEL_MIN_ARTICLES = 10**9  # every article through the main process's writer
    core.MAIN_TERM_POOL_MIN = 0 if term_pool else 10**9
    index_dir = work / f"ix-{int(term_pool)}"
    shutil.rmtree(index_dir, ignore_errors=True)
    files = sorted(corpus.rglob("*.txt"))
    originals = {p: p.read_bytes() for p in files[:updates]}
    try:
        store = core.open_store([corpus], index_dir)
        store.build_related = False
        t = time.process_time()
        store.update()
        build = time.process_time() - t
        digest = segment_digest(index_dir)
        if compare is not None:
            compare[term_pool] = postings(index_dir)
        t = time.process_time()
        for k, path in enumerate(originals):
            path.write_bytes(originals[path] + f"\nA sentence added in round {k}.\n".encode())
            core.open_store([corpus], index_dir).update()
        upd = (time.process_time() - t) / max(1, updates)
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
    return build, upd, digest


def main() -> None:
    """Print the figures."""
    import run

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--updates", type=int, default=10)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsdesk-main-writer-"))
    try:
        corpus = work / "corpus"
        run.write_txt_corpus(corpus, args.n)
        best: dict[bool, list[float]] = {False: [1e9, 1e9], True: [1e9, 1e9]}
        digests: dict[bool, list[str]] = {}
        compare: dict[bool, Any] = {}
        for r in range(args.rounds):
            for term_pool in (False, True):
                keep = compare if r == args.rounds - 1 else None
                build, upd, digest = one_build(corpus, work, term_pool, args.updates, keep)
                best[term_pool] = [min(best[term_pool][0], build), min(best[term_pool][1], upd)]
                digests[term_pool] = digest
        for term_pool, name in ((False, "Whoosh's pool"), (True, "term pool")):
            build, upd = best[term_pool]
            print(
                f"{args.n} generated articles, {name}: build {build:.2f} s CPU "
                f"({build * 1000 / args.n:.2f} ms an article), one-file update {upd * 1000:.0f} ms CPU "
                f"(mean of {args.updates}); min of {args.rounds}"
            )
        same = digests[False] == digests[True]
        # Past the pool's memory both pools spill runs, whose bytes differ (whoosh_pool's docstring):
        # then the postings are compared.
        content = "the same postings" if compare[False] == compare[True] else "DIFFERENT postings"
        print(
            f"segment files of the two builds: {'the same bytes' if same else 'other bytes'}, {content}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
