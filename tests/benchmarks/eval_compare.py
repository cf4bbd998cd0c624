"""Precision and recall of ``index.compare`` against the hand-labelled gold. Prints, asserts nothing.

Run: ``python tests/benchmarks/eval_compare.py [-v]``. Figures are given separately for the seed
pair, the three WikiNews tuning pairs and the held-out WikiNews pair (``tests/engine/compare_gold.py``).

Pairs: precision = shown pairs in ``shared | related`` / shown pairs outside ``maybe``; recall =
gold ``shared | related`` pairs shown / gold pairs. ``shared`` recall also counts how many gold
``shared`` pairs are shown *as* shared. Conflicts: recall = gold disagreements with at least one of
their acceptable sentence pairs flagged; precision = flagged conflicts inside a gold set / flagged
conflicts outside ``conflict_maybe``.
"""

from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "engine"))

from compare_gold import DATA, HELD_OUT, SEED, Gold

from index.analysis import analyse
from index.analysis.sentences import split_sentences
from index.compare import Comparison, compare
from index.models import Article


def articles(g: Gold) -> tuple[Article, Article]:
    if g.a:
        ta, tb = "\n".join(g.a), "\n".join(g.b)
    else:
        ta, tb = (
            next((ROOT / "seeds").glob(f"{p}_*.txt")).read_text("utf-8") for p in ("000", "004")
        )
    return Article("a", "a", ta.splitlines()[0], ta), Article("b", "b", tb.splitlines()[0], tb)


def run(g: Gold, entities: bool) -> tuple[Comparison, dict[str, tuple[int, int]]]:
    a, b = articles(g)
    c = compare(a, b, analyse(a), analyse(b)) if entities else compare(a, b, [], [])
    ia = {s.start: k for k, s in enumerate(split_sentences(a.text))}
    ib = {s.start: k for k, s in enumerate(split_sentences(b.text))}
    pairs = {(ia[p.a.start], ib[p.b.start]): p.kind for p in c.pairs}
    conf = {(ia[x.a.start], ib[x.b.start]) for x in c.conflicts}
    gold = g.shared | g.related
    shown = {p for p in pairs if p not in g.maybe}
    counts = {
        "pairs": (len(shown & gold), len(shown)),
        "recall": (len(gold & set(pairs)), len(gold)),
        "as shared": (sum(1 for p in g.shared if pairs.get(p) == "shared"), len(g.shared)),
        "shared ok": (
            sum(1 for p, k in pairs.items() if k == "shared" and p in gold | g.maybe),
            sum(1 for k in pairs.values() if k == "shared"),
        ),
        "conflicts": (
            sum(1 for x in conf if any(x in s for s in g.conflicts)),
            sum(1 for x in conf if x not in g.conflict_maybe or any(x in s for s in g.conflicts)),
        ),
        "c-recall": (sum(1 for s in g.conflicts if s & conf), len(g.conflicts)),
    }
    if VERBOSE:
        print(f"  [{g.name}, entities={entities}]")
        for p, k in sorted(pairs.items()):
            tag = "ok" if p in gold else "maybe" if p in g.maybe else "WRONG"
            print(f"    pair {p} {k:<7} {tag}")
        for p in sorted(gold - set(pairs)):
            print(f"    MISSED {p}")
        for x in c.conflicts:
            k = (ia[x.a.start], ib[x.b.start])
            tag = (
                "ok"
                if any(k in s for s in g.conflicts)
                else "maybe"
                if k in g.conflict_maybe
                else "WRONG"
            )
            print(f"    conflict {k} {x.kind} {tag}: {x.detail}")
    return c, counts


def show(label: str, golds: list[Gold]) -> None:
    for entities in (True, False):
        total: dict[str, list[int]] = {}
        for g in golds:
            _, counts = run(g, entities)
            for k, (n, d) in counts.items():
                t = total.setdefault(k, [0, 0])
                t[0] += n
                t[1] += d
        figures = "  ".join(f"{k} {n}/{d}" for k, (n, d) in total.items())
        print(f"{label:<22} {'entities' if entities else 'no entities':<11} {figures}")


VERBOSE = "-v" in sys.argv

if __name__ == "__main__":
    print("pair precision ('pairs'), pair recall, shared shown as shared, shown shared that are")
    print("right, conflict precision ('conflicts'), conflict recall ('c-recall')")
    show("seed pair", [SEED])
    show("wikinews (tuning)", DATA)
    show("wikinews (held out)", [HELD_OUT])
