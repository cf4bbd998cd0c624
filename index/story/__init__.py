"""Every report of a story at once, claim by claim (``newsdesk story``, the story screen).

:func:`story_map` aligns every pair of reports with the comparison's learned judgement
(:mod:`index.story.pairs`), clusters the aligned sentences into claims with an average-link guard
(:mod:`index.story.claims`), finds the reports that disagree with a claim through
:func:`index.compare.conflicts.find` on every pair, and gathers the figures the reports give over time and
the sources they cite (:mod:`index.story.facts`), all put together in :mod:`index.story.assemble`.
Plain frozen data with character offsets (:mod:`index.story.models`); renderers in
:mod:`index.story.render`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence

from index.analysis.dates import is_parsed, normalise_date
from index.analysis.entity_keys import link_across
from index.analysis.sentences import split_sentences
from index.models import Article, Entity, Sentence
from index.story.assemble import assemble
from index.story.copies import copies_of
from index.story.disputes import WEEK
from index.story.disputes import kept as _kept
from index.story.engine import conflicts
from index.story.facts import date_key, measure_of
from index.story.labels import labels as label_reports
from index.story.models import (
    DISAGREES,
    STATES,
    CitedSource,
    Claim,
    FigureValue,
    Measure,
    Report,
    Statement,
    StoryMap,
)
from index.story.pairs import (
    Prepped,
    Vector,
    align,
    nearest,
    prepped,
    setting_cosine,
    setting_factor,
    setting_vectors,
    story_fold,
)
from index.story.sameclaim import Said, said, same_claim
from index.story.timing import anchored, named_days, numbered, other_things, same_time

__all__ = [
    "DISAGREES",
    "STATES",
    "CitedSource",
    "Claim",
    "FigureValue",
    "Measure",
    "Report",
    "Statement",
    "StoryError",
    "StoryMap",
    "measure_of",
    "story_map",
]

Node = tuple[int, int]
_CAPITALISED = re.compile(r"\b[^\W\d_a-z][^\W\d_]*(?:['’][^\W\d_]+)*")


NEAREST = 9
"""Each report is aligned with this many others, its nearest by content (all of them in a story
of ten reports or fewer): twenty reports make about 100 pairs instead of 190."""
EDGE_FLOOR = 0.8
"""Same-event probability from which an aligned pair links two sentences into one claim (the
comparison shows pairs from 0.5). Errors compound across a story: on ECB+ (36 events, LINK 1.0)
claims linked from 0.5 held 0.79 same-event pairs, from 0.7 0.83, from 0.8 0.86-0.87."""
FIGURE_FLOOR = 0.6
"""Same-event probability from which two sentences that give the same figure (not a year) link:
"North Korea has sent 10,000 soldiers to support Russian operations" / "Over 10,000 DPRK soldiers
have been sent to eastern Russia" (0.77)."""


def _one_figure(a: Said, b: Said) -> bool:
    return any(not (len(n) == 4 and n[:2] in ("19", "20")) for n in a.figures & b.figures)


SIMILARITY_FLOOR = 0.25
"""Graded similarity (0-1, STS / 5) a linked pair needs as well: the same-event judgement reads
where sentences stand and what the story is about, and links two leads that share only the story's
setting. On ECB+ it kept precision (0.872 at 0.25 and 0.3, against 0.862 without) for fewer gold
pairs found (0.444 at 0.25, 0.409 at 0.3, 0.498 without). Refusing pairs that share only the
story's common vocabulary as well gave 0.908 and 0.414 (at 0.2), but the seed pair's and WikiNews's
claims read no better, and held-out topics find fewer pairs: the margin is kept on what is found."""
SETTING_FLOOR = 0.1
"""Cosine beyond the story's setting (:func:`index.story.pairs.setting_vectors`) that a linked pair of
two reports published on different days needs as well.

A developing story (WikiNews: ten reports over weeks or months) repeats its setting in every report
("the 15 British sailors detained by Iran on March 23"), and the same-event judgement, trained on
reports of one event, links any two sentences that share it: the leads of six reports (the EU's
call, Britain's freeze, Iran's suspension...) made one claim. Between reports of different days a
link needs more than the setting, graded similarity :data:`APART_SIMILARITY` and same-claim
probability :data:`APART_SAME`. Checked by hand (``tests/benchmarks/handcheck_story.py``, all ten
WikiNews stories): 66 of 238 claim pairs the same claim before, 48 of 73 after. The floors were read
off three stories and checked on the seven others (0.14 -> 0.56 on three of them before the
similarity went from 0.4 to 0.45, which was chosen on all ten). ECB+ reports carry no date: its
figures are unchanged, and so is a story of undated articles."""
APART_SIMILARITY = 0.45
"""Graded similarity a linked pair of two reports published on different days needs (0.25 on one
day). All ten WikiNews stories: 0.4 kept 50 of 88 claim pairs right, 0.45 48 of 73, 0.5 41 of 60."""
APART_SAME = 0.05
"""Same-claim probability a linked pair of two reports published on different days needs (0.05
against none: 50 of 88 right against 51 of 107, at similarity 0.4)."""


class StoryError(ValueError):
    """A story cannot be built from what was given (the message says why)."""


def _capitalised(text: str) -> set[str]:
    return {w[:-2] if w.endswith(("'s", "’s")) else w for w in _CAPITALISED.findall(text)}


def _day(date: str | None) -> str | None:
    """A publication date's day (``YYYY-MM-DD``), when it names one."""
    day = normalise_date(date)
    return day if day and is_parsed(day) and len(day) == 10 else None


def story_map(
    articles: Sequence[Article],
    entities: Sequence[Sequence[Entity]] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> StoryMap:
    """Cluster the sentences of a story's reports into claims, with figures and sources.

    Args:
        articles: The reports (at least two; the same article twice counts once, and so does
            a copy of one under another id: the first given is kept, with the others' ids in
            its :attr:`Report.copies`). The story lists them in publication order (undated ones
            last, in the order given).
        entities: Each report's entities; extracted with :func:`index.analysis.entities.extract` when
            ``None``.
        cancelled: Called between report pairs; when it returns True the work stops with
            :class:`StoryError` (a screen closed while its worker ran).

    Raises:
        StoryError: fewer than two distinct reports (copies count once), or cancelled.
    """
    seen: set[str] = set()
    arts: list[Article] = []
    ents: list[Sequence[Entity]] = []
    for n, a in enumerate(articles):
        if a.id in seen:
            continue
        seen.add(a.id)
        arts.append(a)
        if entities is not None:
            ents.append(entities[n])
    # A copy of a report (the same text, or nearly, under another id or file) is one report: the
    # first given is kept and names the others, which would state each of its claims again.
    copy_of = copies_of([a.text for a in arts])
    copies: dict[str, list[str]] = defaultdict(list)
    for n, first in enumerate(copy_of):
        if first is not None:
            copies[arts[first].id].append(arts[n].id)
    kept = [n for n, first in enumerate(copy_of) if first is None]
    if len(arts) >= 2 and len(kept) < 2:
        raise StoryError("a story needs at least two different reports (these are copies of one)")
    arts = [arts[n] for n in kept]
    ents = [ents[n] for n in kept] if entities is not None else ents
    if len(arts) < 2:
        raise StoryError("a story needs at least two different reports")
    if entities is None:
        from index.analysis.entities import extract

        ents = [list(extract(a.text)) for a in arts]
    # A surname alone in one report is the full name another report gives ("Sarkozy", "Nicolas
    # Sarkozy"): one key across the story, for the judgement's shared names as for the reader.
    ents = list(link_across(ents))
    # Reports in publication order (undated last, in the order given): a reader follows a story
    # as it developed, and "report 1" is its first.
    order = sorted(range(len(arts)), key=lambda n: date_key(arts[n].date))
    arts, ents = [arts[n] for n in order], [ents[n] for n in order]
    labels = label_reports(arts)
    reports = tuple(
        Report(a.id, a.title, a.source, a.date, label, tuple(copies.get(a.id, ())))
        for a, label in zip(arts, labels)
    )
    sents = [split_sentences(a.text) for a in arts]
    fold = story_fold([_capitalised(a.text) for a in arts])
    prep = [prepped(s, e, fold) for s, e in zip(sents, ents, strict=True)]
    edges: dict[tuple[Node, Node], float] = {}
    findings: list[tuple[int, int, conflicts.Finding]] = []
    compared = nearest(prep, NEAREST)
    days = [_day(a.date) for a in arts]
    gaps = {
        (x, y): abs((dt.date.fromisoformat(dx) - dt.date.fromisoformat(dy)).days)
        for x, y in compared
        if (dx := days[x]) and (dy := days[y])
    }
    when = [
        [(named_days(s.text, dt.date.fromisoformat(d)), anchored(s.text)) for s in ss] if d else []
        for ss, d in zip(sents, days, strict=True)
    ]
    factor = setting_factor(prep)
    setting = setting_vectors(prep, fold, factor)
    things = [[numbered(s.text) for s in ss] for ss in sents]
    says = [[said(p, factor if gaps else None) for p in r.prepared] for r in prep]
    _pairs(
        sents,
        prep,
        setting,
        when,
        things,
        says,
        compared,
        gaps,
        edges,
        findings,
        cancelled,
    )
    return assemble(arts, reports, sents, prep, ents, edges, findings, compared)


def _pairs(
    sents: Sequence[Sequence[Sentence]],
    prep: Sequence[Prepped],
    setting: Sequence[Sequence[Vector]],
    when: Sequence[Sequence[tuple[frozenset[dt.date], bool]]],
    things: Sequence[Sequence[Mapping[str, frozenset[str]]]],
    says: Sequence[Sequence[Said]],
    compared: set[tuple[int, int]],
    gaps: Mapping[tuple[int, int], int],
    edges: dict[tuple[Node, Node], float],
    findings: list[tuple[int, int, conflicts.Finding]],
    cancelled: Callable[[], bool] | None,
) -> None:
    """Align the compared pairs of reports (``edges``) and find their disagreements
    (``findings``)."""
    # Each report's readings for the disagreement finder, made once (not once per other report:
    # ten reports, nine times less reading, half of a story's time).
    readings = {n: conflicts.read_all(sents[n]) for n in {r for pair in compared for r in pair}}
    for x, y in sorted(compared):
        if cancelled is not None and cancelled():
            raise StoryError("cancelled")
        m = align(prep[x], prep[y])
        gap = gaps.get((x, y))
        for i, j in m.pairs:
            v = m.judged[(i, j)]
            if (
                (
                    v.event >= EDGE_FLOOR
                    or (v.event >= FIGURE_FLOOR and _one_figure(says[x][i], says[y][j]))
                )
                and v.similarity >= SIMILARITY_FLOOR
                and not other_things(things[x][i], things[y][j])
                and same_claim(v, says[x][i], says[y][j], bool(gap))
                and (
                    not gap
                    or (
                        v.similarity >= APART_SIMILARITY
                        and v.same >= APART_SAME
                        and setting_cosine(setting[x][i], setting[y][j]) >= SETTING_FLOOR
                        and same_time(
                            gap,
                            WEEK,
                            (when[x][i][0], when[y][j][0]),
                            (when[x][i][1], when[y][j][1]),
                            bool(prep[x].prepared[i].numbers & prep[y].prepared[j].numbers),
                        )
                    )
                )
            ):
                edges[((x, i), (y, j))] = 0.5 * v.event + v.similarity
        if gap and gap > WEEK:
            continue  # nothing is set against anything more than a week apart (see _kept)
        sims = {k: v.event for k, v in m.judged.items()}
        aligned = {k: c for k, (_, c) in m.pairs.items()}
        for f in conflicts.find(sents[x], sents[y], sims, aligned, readings[x], readings[y]):
            # Only about what both tell: a pair the comparison aligns (across a developing story
            # two events' dates differ; on four WikiNews stories 107 disagreements -> 72).
            told = (when[x][f.i][0], when[y][f.j][0]) if gap else (frozenset(), frozenset())
            if (f.i, f.j) in m.pairs and _kept(f, gap, prep[x], prep[y], told):
                findings.append((x, y, f))
