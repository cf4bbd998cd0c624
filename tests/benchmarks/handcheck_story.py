"""The story view's claims on WikiNews, against pairs of sentences labelled by hand.

Run: ``python tests/benchmarks/handcheck_story.py [--data ../shared/data] [--stories M002,M008]
[--unlabelled]``; prints figures, asserts nothing.

Every pair of sentences of two reports that :func:`index.story.story_map` puts in one claim is looked
up in ``story_handcheck.tsv`` (beside this script): the two articles' ids, each sentence's start
offset in its article's text, the label (1: the two sentences make the same claim or state the same
fact, even in other words; 0: they do not: only the same story, topic or setting) and a note in our
own words. No article text is stored. Precision is the share of labelled pairs labelled 1, for
each story, the first five stories (the rules were tuned on them), the last five (held out) and
all ten;
``--unlabelled`` prints the pairs not yet labelled, with their sentences, to be read and added.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections import defaultdict
from itertools import combinations

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from index.models import Article
from index.story import story_map

LABELS = pathlib.Path(__file__).with_name("story_handcheck.tsv")

Key = tuple[str, int, str, int]

TUNED = "stories 1-5 (rules tuned on them)"
HELD_OUT = "stories 6-10 (held out)"
"""The ten stories sorted by id: the rules for same claims (``index/story/sameclaim.py``) were
chosen reading the first five only; the last five measure them."""


def load_labels() -> dict[Key, tuple[int, str]]:
    """``{(a_id, a_start, b_id, b_start): (label, note)}``, both orders."""
    out: dict[Key, tuple[int, str]] = {}
    if not LABELS.is_file():
        return out
    for line in LABELS.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, sa, b, sb, label, note = (line.split("\t") + [""])[:6]
        out[(a, int(sa), b, int(sb))] = (int(label), note)
        out[(b, int(sb), a, int(sa))] = (int(label), note)
    return out


def claim_pairs(rows: list[dict]) -> tuple[list[tuple[Key, str, str]], int]:
    """The pairs of sentences of two reports put in one claim, with both sentences' text, and the
    number of claims made by two reports or more."""
    arts = [
        Article(
            r["id"], r["id"], r.get("title") or r["id"], r["text"], r.get("source"), r.get("date")
        )
        for r in rows
    ]
    m = story_map(arts)
    by_id = {r["id"]: r for r in rows}
    mine = [by_id[r.id] for r in m.reports]  # the story lists its reports by date
    out: list[tuple[Key, str, str]] = []
    multi = 0
    for c in m.claims:
        spots = sorted(
            {(st.report, a, b) for st in c.statements if st.stance == "states" for a, b in st.spans}
        )
        if len({r for r, _, _ in spots}) >= 2:
            multi += 1
        for (ra, a0, a1), (rb, b0, b1) in combinations(spots, 2):
            if ra != rb:
                out.append(
                    (
                        (mine[ra]["id"], a0, mine[rb]["id"], b0),
                        mine[ra]["text"][a0:a1],
                        mine[rb]["text"][b0:b1],
                    )
                )
    return out, multi


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=pathlib.Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--stories", default="", help="comma-separated story ids (default: all)")
    parser.add_argument("--unlabelled", action="store_true", help="print pairs not yet labelled")
    parser.add_argument("--wrong", action="store_true", help="print pairs labelled 0")
    args = parser.parse_args()
    path = args.data / "wikinews_multiling2011.jsonl"
    if not path.is_file():
        print(f"no data at {args.data}: nothing to measure")
        return
    by_story: dict[str, list[dict]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        by_story[r["story"]].append(r)
    wanted = [s for s in args.stories.split(",") if s] or sorted(by_story)
    labels = load_labels()
    halves: dict[str, list[int]] = {TUNED: [0, 0, 0], HELD_OUT: [0, 0, 0]}
    all_right = all_judged = all_pairs = 0
    for story in wanted:
        pairs, multi = claim_pairs(by_story[story])
        right = judged = 0
        for key, ta, tb in pairs:
            got = labels.get(key)
            if got is None:
                if args.unlabelled:
                    print(f"{key[0]}\t{key[1]}\t{key[2]}\t{key[3]}\t?\t")
                    print(f"#   A: {ta[:220]}\n#   B: {tb[:220]}")
                continue
            judged += 1
            right += got[0]
            if args.wrong and not got[0]:
                print(f"  wrong: {got[1]}\n#   A: {ta[:200]}\n#   B: {tb[:200]}")
        print(
            f"{story}: {multi} claims in 2+ reports, {len(pairs)} claim pairs, labelled {judged}, "
            f"same claim {right} = {right / max(1, judged):.2f}"
        )
        all_right += right
        all_judged += judged
        all_pairs += len(pairs)
        half = halves[TUNED if story in sorted(by_story)[:5] else HELD_OUT]
        half[0] += right
        half[1] += judged
        half[2] += len(pairs)
    for name, (right, judged, n) in halves.items():
        if n:
            print(
                f"{name}: {n} claim pairs, labelled {judged}, same claim {right} = "
                f"{right / max(1, judged):.3f}"
            )
    print(
        f"all: {all_pairs} claim pairs, labelled {all_judged}, same claim {all_right} = "
        f"{all_right / max(1, all_judged):.3f}"
    )


if __name__ == "__main__":
    main()
