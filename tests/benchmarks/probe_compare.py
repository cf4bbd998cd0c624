"""The comparison on made-up pairs of reports (``tests/benchmarks/probe_pairs``): events that are in
none of the data it was built or checked on (a flood in Brazil, a shooting in Texas, a rate rise, a
quake in Japan, a ferry in Indonesia: ``expected.json``), each pair with what a careful reader finds
between them; and five more written later as a held-out check, never tuned to (a factory fire, a
mayoral count, a rail strike, a plane's return, a court ruling: ``expected_held.json``); and five
more written the same way by the next session before its fixes (a bridge collapse, a hostage release,
a product recall, a wildfire, a transfer fee: ``expected_held2.json``).

Run: ``python tests/benchmarks/probe_compare.py [--show]``. Scored as conflicts_dev is: a conflict
is found when some disagreement's A span overlaps its A snippet and its B span its B snippet; an
agreement is flagged when one overlaps both. Prints found and flagged counts for each file, and
with ``--show`` every item (else the misses and false flags); asserts nothing (a figure to watch, not a gate: the pairs are few and written by us).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from index import compare_texts


def _overlaps(start: int, end: int, rng: tuple[int, int]) -> bool:
    return start < rng[1] and rng[0] < end


def _score(root: Path, expected: dict[str, list[dict[str, str]]], show: bool) -> tuple[int, ...]:
    """(found, conflicts, flagged, agreements) over one file's pairs, printing the items."""
    found = conflicts = flagged = agreements = 0
    for name, items in expected.items():
        if name.startswith("_"):
            continue
        a = (root / name / "a.txt").read_text("utf-8")
        b = (root / name / "b.txt").read_text("utf-8")
        shown = compare_texts(a, b).conflicts
        for item in items:
            ra = (a.index(item["a"]), a.index(item["a"]) + len(item["a"]))
            rb = (b.index(item["b"]), b.index(item["b"]) + len(item["b"]))
            hit = any(
                _overlaps(c.a.start, c.a.end, ra) and _overlaps(c.b.start, c.b.end, rb)
                for c in shown
            )
            if item["kind"] == "conflict":
                conflicts += 1
                found += hit
                mark = "found " if hit else "missed"
            else:
                agreements += 1
                flagged += hit
                mark = "FLAGGED" if hit else "kept  "
            if show or (item["kind"] == "conflict") != hit:
                print(f"  {name:9} {mark} {item['note']}: {item['a']!r} / {item['b']!r}")
    return found, conflicts, flagged, agreements


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="every item, found or not")
    args = parser.parse_args()
    root = HERE / "probe_pairs"
    for file in ("expected.json", "expected_held.json", "expected_held2.json"):
        expected = json.loads((root / file).read_text("utf-8"))
        found, conflicts, flagged, agreements = _score(root, expected, args.show)
        print(
            f"{file}: found {found}/{conflicts} disagreements, "
            f"flagged {flagged}/{agreements} agreements"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
