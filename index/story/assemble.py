"""Claims put together: the story map from the linked sentence pairs and the disagreements found.

:func:`index.story.story_map` aligns the reports and links sentences; :func:`assemble` clusters the
links into claims (:mod:`index.story.claims`), says which report disagrees with which claim, ranks
the claims by support and adds the figures over time (:mod:`index.story.facts`) and the sources
(:mod:`index.story.cited`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from index.models import Article, Entity, Sentence
from index.story import claims as clustering
from index.story.cited import source_map
from index.story.engine import conflicts, sources
from index.story.facts import date_key, timeline
from index.story.labels import named
from index.story.models import DISAGREES, STATES, Claim, Report, Statement, StoryMap
from index.story.pairs import Prepped

Node = tuple[int, int]


def assemble(
    arts: Sequence[Article],
    reports: tuple[Report, ...],
    sents: Sequence[Sequence[Sentence]],
    prep: Sequence[Prepped],
    ents: Sequence[Sequence[Entity]],
    edges: dict[tuple[Node, Node], float],
    findings: Sequence[tuple[int, int, conflicts.Finding]],
    compared: set[tuple[int, int]],
) -> StoryMap:
    """The story map from the linked sentence pairs (``edges``) and the disagreements found
    (``findings``): claims clustered and ranked by support, each report's stance on each claim,
    the figures over time and the sources cited.

    Args:
        arts: The reports' articles, in publication order.
        reports: Their :class:`Report` records, in the same order.
        sents: Each report's sentences.
        prep: Each report's prepared sentences (:func:`index.story.pairs.prepped`).
        ents: Each report's entities, linked across the story.
        edges: Linked pairs of (report, sentence) nodes and their weights.
        findings: (report x, report y, finding) of the disagreement finder.
        compared: The pairs of reports aligned.
    """
    nodes = [
        (r, i) for r, p in enumerate(prep) for i in range(len(p.sentences)) if i not in p.boiler
    ]

    pairs_known = compared | {(y, x) for x, y in compared}

    def known(r: int, s: int) -> bool:
        return (r, s) in pairs_known

    # A disputed pair ("undergoing training" / "engaging in combat") is not one claim stated
    # twice: it does not join claims (a sentence it links may state another claim of the first
    # report: "Over 10,000 DPRK soldiers have been sent ..., where they have begun engaging in
    # combat" tells "sent 10,000 soldiers" as well); the dispute is set against a claim below.
    disputed = {(min(a, b), max(a, b)) for x, y, f in findings for a, b in [((x, f.i), (y, f.j))]}
    stated = {k: v for k, v in edges.items() if k not in disputed}
    groups = clustering.cluster(nodes, stated, known)
    more = clustering.extras(groups, stated, known)
    members = [sorted(set(g) | set(more.get(k, ()))) for k, g in enumerate(groups)]
    leads = [clustering.central(g, edges) for g in groups]
    # Disagreements: who contradicts which group, and with what.
    home = {n: k for k, g in enumerate(members) for n in g}
    reach = {k: len({r for r, _ in g}) for k, g in enumerate(members)}
    against: dict[int, dict[int, tuple[Node, str]]] = defaultdict(dict)
    for x, y, f in findings:
        gx, gy = home.get((x, f.i)), home.get((y, f.j))
        detail = named(f.detail, reports[x].label, reports[y].label)
        if gx is not None and gx == gy:
            # Both sides in one claim: the side at odds with the claim's wording disagrees.
            lead = leads[gx][0]
            who, node = (x, (x, f.i)) if y == lead else (y, (y, f.j))
            against[gx].setdefault(who, (node, detail))
            continue
        # Otherwise the report whose side fewer reports state disagrees with the other side's
        # claim; on a tie the later report disagrees with the earlier one's. Shown once.
        wx = reach[gx] if gx is not None else 0
        wy = reach[gy] if gy is not None else 0
        earlier = (date_key(reports[x].date), x) <= (date_key(reports[y].date), y)
        # (a report that states a claim itself does not dispute it: set against the other side)
        if gx is not None and any(r == y for r, _ in members[gx]):
            wx = -1
        if gy is not None and any(r == x for r, _ in members[gy]):
            wy = -1
        if gx is not None and wx >= 0 and (wx > wy or (wx == wy and earlier)):
            against[gx].setdefault(y, ((y, f.j), detail))
        elif gy is not None and wy >= 0:
            against[gy].setdefault(x, ((x, f.i), detail))
    built: list[tuple[tuple[float, ...], int, Claim]] = []
    n_reports = len(reports)
    for k, g in enumerate(members):
        by_report: dict[int, list[Node]] = defaultdict(list)
        for n in g:
            by_report[n[0]].append(n)
        statements = []
        for r in range(n_reports):
            mine = by_report.get(r)
            if r in against[k] and r != leads[k][0]:
                (rr, i), detail = against[k][r]
                s = sents[rr][i]
                spans = tuple((sents[r][n[1]].start, sents[r][n[1]].end) for n in mine or [])
                statements.append(
                    Statement(
                        r, DISAGREES, s.start, s.end, s.text, detail, spans or ((s.start, s.end),)
                    )
                )
            elif mine:
                first = sents[r][mine[0][1]]
                spans = tuple((sents[r][n[1]].start, sents[r][n[1]].end) for n in mine)
                statements.append(
                    Statement(r, STATES, first.start, first.end, first.text, None, spans)
                )
        support = sum(1 for s in statements if s.stance == STATES)
        if support == 0:
            continue
        lr, li = leads[k]
        claim = Claim(
            sents[lr][li].text,
            lr,
            support,
            tuple(statements),
            tuple(r for r in range(n_reports) if all(s.report != r for s in statements)),
        )
        disagree = len(statements) - support
        position = min(i for _, i in g)
        built.append(((-support, -disagree, position, lr), k, claim))
    built.sort(key=lambda b: b[0])
    order = {k: n for n, (_, k, _) in enumerate(built)}
    claims = [c for _, _, c in built]
    claims_of: dict[Node, list[int]] = defaultdict(list)
    for k, g in enumerate(members):
        if k in order:
            for n in g:
                claims_of[n].append(order[k])
    claim_of = {n: min(cs) for n, cs in claims_of.items()}
    found = [sources(a.text, e, s) for a, e, s in zip(arts, ents, sents, strict=True)]
    cited = source_map(found, sents, claims_of, ents)
    by_claim: dict[int, set[int]] = defaultdict(set)
    for number, src in enumerate(cited):
        for c in src.claims:
            by_claim[c].add(number)
    claims = [
        Claim(c.text, c.report, c.support, c.statements, c.silent, tuple(sorted(by_claim[k])))
        for k, c in enumerate(claims)
    ]
    unique = tuple(
        tuple(
            k
            for k, c in enumerate(claims)
            if c.support == 1 and c.report == r and len(c.statements) == 1
        )
        for r in range(n_reports)
    )
    return StoryMap(
        reports,
        tuple(a.text for a in arts),
        tuple(claims),
        tuple(timeline(reports, sents, claim_of)),
        tuple(cited),
        unique,
    )
