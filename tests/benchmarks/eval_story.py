"""The story view's claims on real stories: ECB+ sentence gold, and WikiNews story statistics.

Run: ``python tests/benchmarks/eval_story.py [--data ../shared/data] [--stories N]``; prints
figures, asserts nothing.

ECB+ (``ecbplus_topics01-20.jsonl``, one sentence a line; gold in
``ecbplus_sentpairs_topics01-20.jsonl``: pairs of lines of two reports of one event, ``label`` 1
when both mention one event, 0 when both are annotated and share none). Each gold event's reports
go through :func:`index.story.story_map` together; each of our sentences is mapped to the line it
stands on. Precision: of the line pairs put in one claim (the two in different reports) that the
gold judges, the share labelled 1. Recall: of the label-1 pairs, the share put in one claim. The
gold holds at most two positives per report pair, so recall is of those. Note: the same-event
judgement was trained on ECB+ sentence pairs of these topics, so the figures are optimistic.

WikiNews (``wikinews_multiling2011.jsonl``, 10 developing stories of 10 reports): no sentence gold;
claims per story, how many reports the claims hold, disagreements, measures and sources, and
``--show N`` prints the N best-supported claims of each story for checking by hand.
"""

from __future__ import annotations

import argparse
import bisect
import json
import pathlib
import sys
import time
from collections import defaultdict
from itertools import combinations

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from index.analysis.sentences import split_sentences
from index.models import Article
from index.story import story_map


def _articles(rows: list[dict]) -> list:
    return [
        Article(
            r["id"], r["id"], r.get("title") or r["id"], r["text"], r.get("source"), r.get("date")
        )
        for r in rows
    ]


def ecb(data: pathlib.Path, limit: int | None) -> None:
    rows = [json.loads(line) for line in (data / "ecbplus_topics01-20.jsonl").open()]
    gold: dict[tuple[str, int, str, int], int] = {}
    for line in (data / "ecbplus_sentpairs_topics01-20.jsonl").open():
        g = json.loads(line)
        key = (g["doc_a"], g["i_a"], g["doc_b"], g["i_b"])
        gold[key] = g["label"]
        gold[(g["doc_b"], g["i_b"], g["doc_a"], g["i_a"])] = g["label"]
    by_story: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_story[r["story"]].append(r)
    wanted = sorted({r["story"] for r in rows})
    right = judged = found = positives = 0
    claims_n = sizes = 0
    times = []
    for story in wanted[: limit or None]:
        group = by_story[story]
        docs = {r["id"] for r in group}
        pos = {
            k for k, v in gold.items() if v == 1 and k[0] in docs and k[2] in docs and k[0] < k[2]
        }
        if len(group) < 2:
            continue
        arts = _articles(group)
        t0 = time.perf_counter()
        m = story_map(arts)
        times.append((time.perf_counter() - t0, len(arts)))
        place = {r["id"]: n for n, r in enumerate(group)}
        mine = [place[r.id] for r in m.reports]  # the story lists its reports by date
        starts = []
        for r in group:
            s, at = [], 0
            for line in r["text"].split("\n"):
                s.append(at)
                at += len(line) + 1
            starts.append(s)
        together: set[tuple[str, int, str, int]] = set()
        for c in m.claims:
            spots = set()
            for st in c.statements:
                if st.stance != "states":
                    continue
                for a, _ in st.spans:
                    n = mine[st.report]
                    line = bisect.bisect_right(starts[n], a) - 1
                    spots.add((group[n]["id"], line))
            for x, y in combinations(sorted(spots), 2):
                if x[0] != y[0]:
                    together.add((*x, *y) if x < y else (*y, *x))
            claims_n += 1
            sizes += c.support
        for k in together:
            label = gold.get(k)
            if label is not None:
                judged += 1
                right += label
        found += len(pos & together)
        positives += len(pos)
    print(
        f"ECB+ {len(times)} events: claim pairs judged by the gold {judged}, same event "
        f"{right} = {right / max(1, judged):.3f}; gold pairs in one claim {found}/{positives} = "
        f"{found / max(1, positives):.3f}; {claims_n} claims, mean support {sizes / max(1, claims_n):.2f}"
    )
    worst = max(times)
    print(
        f"  time per story: total {sum(t for t, _ in times):.1f} s, slowest {worst[0]:.2f} s "
        f"({worst[1]} reports)"
    )


def wikinews(data: pathlib.Path, show: int) -> None:
    rows = [json.loads(line) for line in (data / "wikinews_multiling2011.jsonl").open()]
    by_story: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_story[r["story"]].append(r)
    for story, group in sorted(by_story.items()):
        arts = _articles(group)
        t0 = time.perf_counter()
        m = story_map(arts)
        dt = time.perf_counter() - t0
        multi = [c for c in m.claims if c.support >= 2]
        dis = sum(1 for c in m.claims for s in c.statements if s.stance == "disagrees")
        sents = sum(len(split_sentences(a.text)) for a in arts)
        print(
            f"WikiNews {story}: {len(arts)} reports, {sents} sentences, {len(multi)} claims in 2+ "
            f"reports (largest {max((c.support for c in multi), default=0)}), {dis} disagreements, "
            f"{len(m.figures)} measures, {len(m.sources)} sources, {dt:.2f} s"
        )
        for c in multi[:show]:
            print(f"   [{c.support}] {c.text[:150]!r}")
            for s in c.statements:
                if s.report != c.report:
                    print(
                        f"        {s.stance[:4]} r{s.report}: {s.text[:130]!r}"
                        + (f"  ({s.detail})" if s.detail else "")
                    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--stories", type=int, default=0, help="only the first N ECB+ events")
    parser.add_argument("--show", type=int, default=0, help="claims printed per WikiNews story")
    parser.add_argument("--only", choices=("ecb", "wikinews"), default=None)
    args = parser.parse_args()
    if not (args.data / "ecbplus_topics01-20.jsonl").is_file():
        print(f"no data at {args.data}: nothing to measure")
        return
    if args.only != "wikinews":
        ecb(args.data, args.stories)
    if args.only != "ecb":
        wikinews(args.data, args.show)


if __name__ == "__main__":
    main()
