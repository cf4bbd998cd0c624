"""Sentences of every report clustered into claims, with an average-link guard.

A node is one sentence of one report; an edge, a pair the alignment kept. Edges are taken strongest
first and join two groups only when every pair between them from two compared reports is aligned
(:data:`LINK`, complete link): a chain of pairwise look-alikes (A's sentence like B's, B's like
C's, C's like D's about something else) cannot grow one claim over the whole story. Pairs of one
report, or of two reports not compared (large stories compare each report with its nearest ones),
are unknown and neither help nor hurt. Afterwards a sentence aligned with most of another claim's
sentences joins that claim too: a long news sentence often makes two claims.

Measured on ECB+ (36 events, ``tests/benchmarks/eval_story.py``): with a share of 0.5 (average
link) 0.77 of the claim pairs the gold judges were same-event pairs, 0.87 at 1.0; see README.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping

Node = tuple[int, int]
"""(report, sentence)"""

LINK = 1.0
"""Share of the pairs between two groups (from compared reports) that must be aligned to merge."""
EXTRA_SHARE = 0.6
"""Share of a claim's sentences (in other reports) a sentence must be aligned with to join it as
well, and at least :data:`EXTRA_LEAST` of them."""
EXTRA_LEAST = 2
MAX_PER_REPORT = 2
"""Most sentences of one report in a claim (a report states a claim once or twice)."""


def cluster(
    nodes: Iterable[Node],
    edges: Mapping[tuple[Node, Node], float],
    compared: Callable[[int, int], bool] = lambda x, y: x != y,
) -> list[list[Node]]:
    """Group ``nodes`` by ``edges`` (``(x, y) -> strength``, ``x < y``), average link.

    ``compared(r, s)`` says whether reports ``r`` and ``s`` were aligned (their pairs count).

    Returns:
        Groups of nodes (every node in exactly one), each sorted.
    """
    parent: dict[Node, Node] = {n: n for n in nodes}
    members: dict[Node, list[Node]] = {n: [n] for n in parent}

    def find(x: Node) -> Node:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def linked(xs: list[Node], ys: list[Node]) -> float:
        total = hit = 0
        for x in xs:
            for y in ys:
                if not compared(x[0], y[0]):
                    continue
                total += 1
                if (min(x, y), max(x, y)) in edges:
                    hit += 1
                elif LINK >= 1.0:
                    return 0.0  # complete link: one missing pair decides
        return hit / total if total else 0.0

    for (x, y), _ in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        rx, ry = find(x), find(y)
        if rx == ry:
            continue
        per: dict[int, int] = defaultdict(int)
        for n in (*members[rx], *members[ry]):
            per[n[0]] += 1
        if max(per.values()) > MAX_PER_REPORT:
            continue
        if linked(members[rx], members[ry]) < LINK:
            continue
        if len(members[rx]) < len(members[ry]):
            rx, ry = ry, rx
        parent[ry] = rx
        members[rx].extend(members.pop(ry))
    return [sorted(g) for g in members.values()]


def extras(
    groups: list[list[Node]],
    edges: Mapping[tuple[Node, Node], float],
    compared: Callable[[int, int], bool] = lambda x, y: x != y,
) -> dict[int, list[Node]]:
    """Sentences that make another group's claim as well: ``{group index: [node]}``."""
    near: dict[Node, set[Node]] = defaultdict(set)
    for x, y in edges:
        near[x].add(y)
        near[y].add(x)
    home = {n: g for g, members in enumerate(groups) for n in members}
    out: dict[int, list[Node]] = defaultdict(list)
    for n, partners in near.items():
        seen: set[int] = set()
        for p in partners:
            g = home[p]
            if g == home[n] or g in seen:
                continue
            seen.add(g)
            others = [m for m in groups[g] if compared(m[0], n[0])]
            hit = sum(1 for m in others if m in partners)
            if hit >= EXTRA_LEAST and hit >= EXTRA_SHARE * len(others):
                out[g].append(n)
    return out


def central(members: list[Node], edges: Mapping[tuple[Node, Node], float]) -> Node:
    """The member most strongly aligned with the others (the first on a tie)."""
    score = dict.fromkeys(members, 0.0)
    for x in members:
        for y in members:
            if x < y:
                w = edges.get((x, y), 0.0)
                score[x] += w
                score[y] += w
    return max(members, key=lambda n: (score[n], -n[0], -n[1]))
