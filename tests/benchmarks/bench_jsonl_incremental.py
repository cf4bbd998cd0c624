"""Benchmark of incremental indexing of a large ``.jsonl``: one appended, changed, removed line.

Run: ``python tests/benchmarks/bench_jsonl_incremental.py [JSONL]`` (default
``../shared/data/reuters21578.jsonl`` next to the repository; without it, 3,000 synthetic lines).
It copies the file and one ``.txt`` seed into a temporary folder, builds the index with
``newsdesk index`` (a subprocess, as a user runs it), then times one changed ``.txt``, one appended
line, one changed line and one removed line. Prints figures only: never a pass/fail threshold.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578.jsonl"


def _index(corpus: Path, index_dir: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds of one ``newsdesk index`` run, and its summary line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "index",
            str(corpus),
            "--index-dir",
            str(index_dir),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout.splitlines()[0]


def _touch(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("jsonl", nargs="?", default=str(REUTERS))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nd-bench-") as tmp:
        corpus, index_dir = Path(tmp) / "corpus", Path(tmp) / "index"
        corpus.mkdir()
        feed = corpus / "feed.jsonl"
        if Path(args.jsonl).exists():
            shutil.copyfile(args.jsonl, feed)
        else:
            rows = [
                {
                    "id": f"s{n}",
                    "title": f"Story {n}",
                    "text": f"Cocoa output rose {n} tonnes "
                    f"in Ghana, traders said. Prices fell {n % 7} pct.",
                }
                for n in range(3000)
            ]
            feed.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
        seed = next(iter(sorted((ROOT / "seeds").glob("*.txt"))))
        txt = corpus / seed.name
        shutil.copyfile(seed, txt)
        lines = feed.read_text("utf-8").splitlines(keepends=True)
        print(f"{feed.name}: {len(lines):,} lines, {feed.stat().st_size / 1e6:.1f} MB")

        def step(name: str) -> None:
            wall, cpu, summary = _index(corpus, index_dir)
            print(f"{name:<28} {wall:7.2f} s wall {cpu:7.2f} s CPU   {summary}")

        step("full build")
        step("nothing changed")
        txt.write_text(txt.read_text("utf-8") + "\nOne more paragraph.\n", "utf-8")
        _touch(txt)
        step("one .txt changed")
        new = {
            "id": "bench-appended",
            "title": "Appended",
            "text": "Cocoa talks resumed in London.",
        }
        lines.append(json.dumps(new) + "\n")
        feed.write_text("".join(lines), "utf-8")
        _touch(feed)
        step("one line appended")
        middle = len(lines) // 2
        obj = json.loads(lines[middle])
        obj["text"] = "Edited. " + str(obj.get("text", ""))
        lines[middle] = json.dumps(obj) + "\n"
        feed.write_text("".join(lines), "utf-8")
        _touch(feed)
        step("one line changed")
        del lines[middle // 2]
        feed.write_text("".join(lines), "utf-8")
        _touch(feed)
        step("one line removed")
        database = index_dir / "newsdesk.sqlite"  # the manifest, one row per file (and per line)
        print(f"database: {database.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
