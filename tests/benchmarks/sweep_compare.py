"""Every disagreement and source the comparison shows over same-story report pairs, as JSON lines.
Prints, asserts nothing: the output is for reading by hand and for diffing two versions.

Run: ``python tests/benchmarks/sweep_compare.py DATA.jsonl [DATA.jsonl ...] [--limit N] [--jobs J]
> out.jsonl``. Each article file is read as ``newsdesk compare`` reads ``file.jsonl#id``; every
unordered pair of articles with the same non-null ``story`` is compared (in file order, A the
earlier line), up to ``--limit`` pairs a story. Each output line: ``{"a", "b", "conflicts":
[{"kind", "detail", "a", "b"}], "sources": {"a": [...], "b": [...]}}``. Two outputs are diffed with
``--diff OLD NEW`` (the findings and sources each pair gained or lost).
"""

from __future__ import annotations

import argparse
import itertools
import json
import pathlib
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from index.analysis import analyse
from index.compare import compare
from index.compare.report import comparison_to_json
from index.ingest.files import scan
from index.ingest.formats import read_file
from index.models import Article

_ARTICLES: dict[str, Article] = {}


def _load(paths: list[str]) -> list[tuple[str, list[str]]]:
    """(story, ids) of every story with two reports or more, over ``paths``."""
    stories: dict[str, list[str]] = defaultdict(list)
    for p in paths:
        story = {}
        for line in pathlib.Path(p).read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                story[str(row["id"])] = row.get("story")
        files, _ = scan([pathlib.Path(p)])
        articles, _ = read_file(files[0])
        for art in articles:
            local = art.id.rsplit("#", 1)[-1]
            _ARTICLES[art.id] = art
            if story.get(local):
                stories[f"{pathlib.Path(p).stem}:{story[local]}"].append(art.id)
    return [(s, ids) for s, ids in stories.items() if len(ids) > 1]


def _one(pair: tuple[str, str]) -> dict[str, Any]:
    a, b = _ARTICLES[pair[0]], _ARTICLES[pair[1]]
    out = comparison_to_json(compare(a, b, analyse(a), analyse(b)))
    return {
        "a": a.id.rsplit("#", 1)[-1],
        "b": b.id.rsplit("#", 1)[-1],
        "conflicts": [
            {"kind": c["kind"], "detail": c["detail"], "a": c["a"]["text"], "b": c["b"]["text"]}
            for c in out["conflicts"]
        ],
        "sources": out["sources"],
    }


def _keys(row: dict[str, Any]) -> set[str]:
    found = {f"{c['kind']}|{c['detail']}|{c['a'][:60]}|{c['b'][:60]}" for c in row["conflicts"]}
    return found | {f"source {side}|{s}" for side in "ab" for s in row["sources"][side]}


def diff(old: str, new: str) -> None:
    """Print the findings and sources each pair gained (+) or lost (-) between two outputs."""
    rows = [
        {(r["a"], r["b"]): r for r in map(json.loads, pathlib.Path(f).read_text().splitlines())}
        for f in (old, new)
    ]
    gained = lost = 0
    for key in sorted(rows[0].keys() & rows[1].keys()):
        before, after = _keys(rows[0][key]), _keys(rows[1][key])
        for k in sorted(before - after):
            lost += 1
            print(f"- {key[0]} / {key[1]}: {k}")
        for k in sorted(after - before):
            gained += 1
            print(f"+ {key[0]} / {key[1]}: {k}")
    print(f"{lost} lost, {gained} gained, over {len(rows[0].keys() & rows[1].keys())} pairs")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("data", nargs="*")
    p.add_argument("--limit", type=int, default=0, help="at most N pairs a story (0: all)")
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--diff", nargs=2, metavar=("OLD", "NEW"))
    args = p.parse_args()
    if args.diff:
        diff(*args.diff)
        return
    pairs: list[tuple[str, str]] = []
    for _, ids in _load(args.data):
        combos = list(itertools.combinations(ids, 2))
        pairs += combos[: args.limit] if args.limit else combos
    with ProcessPoolExecutor(args.jobs) as pool:  # (forked: the articles are inherited)
        for row in pool.map(_one, pairs, chunksize=4):
            print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
