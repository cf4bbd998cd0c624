"""Story grouping: the corpus grouped into stories of reports that tell the same story.

Two articles whose similarity reaches :data:`index.related.similarity.SAME_STORY` are taken to report the same story; below it
they are only related. :func:`stories` joins same-story pairs into stories with an average-link guard,
so a chain of pairwise look-alikes cannot grow into one giant story, a closest-reports guard, so
two sibling events (alike on average, each report closest to its own event's) stay two stories, and
a time guard (:mod:`index.related.group_time`): two groups whose reports' days are months apart,
and that do not name each other's years, are two events, and a subject guard
(:mod:`index.related.group_subject`): reports filed on one headline template about different
companies (earnings tables, dividends) are as many stories.

Story grouping weighs terms and entities alike (:data:`index.related.similarity.GROUP_ENTITY_SHARE`).
The store-free :func:`group` takes the features mapping directly (for tests and tools); :func:`stories`
reads it from a :class:`~index.store.core.Store`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from index.related.group_pairs import PairCache
from index.related.group_subject import Subjects, differ, features_subjects
from index.related.group_time import ReportTime, apart, features_times
from index.related.similarity import SAME_STORY, Model, corpus_model

if TYPE_CHECKING:
    from index.store.core import Store

__all__ = [
    "COHESION_SHARE",
    "GROUP_AVERAGE",
    "LINK_FLOOR",
    "MUTUAL_NEIGHBOURS",
    "NEIGHBOUR_SHARE",
    "Story",
    "group",
    "group_model",
    "stories",
]

GROUP_AVERAGE = 0.06
"""Two groups merge only when their articles are at least this similar on average (against chaining)."""
COHESION_SHARE = 0.5
"""... and when that average is at least this share of the mean similarity within each group (0.6 with
48 key terms; whole-body vectors are less alike within a developing story: WikiNews B-cubed recall
0.58 at 0.6, 0.69 at 0.5, precision 1.0 both)."""
NEIGHBOUR_SHARE = 0.3
"""... and when at least this share of one group's closest-report places (each report's
:data:`MUTUAL_NEIGHBOURS`, or as many as the other group has reports) go to the other group's reports.
Two sibling events (two title fights of one boxer, two navy actions against pirates: ECB+) are alike
on average, and one strong pair links them, but each report's closest are its own event's; a
developing story's parts look across (WikiNews unchanged from 0 to 0.4). B-cubed F at 0 / 0.2 / 0.3
/ 0.4: ECB+ among 2,000 Reuters stories 0.880 / 0.909 / 0.934 / 0.914 (recall 0.927 / 0.923 / 0.929
/ 0.880), 10,000 generated articles 0.822 / 0.832 / 0.850 / 0.865 (recall 0.915-0.914)."""
LINK_FLOOR = 0.08
"""Mutual nearest reports are linked from this similarity on, and only when their words alone are as
alike (term cosine times the date factor: a related report's first score). The grouping similarity
gives entities half its weight, and a report that names few (a country, a dividend's record date)
made one key in common a link: two dividend notices naming one date joined, while ``newsdesk
related`` ranked them far apart (Reuters lines 1501-3000: of 71 such pairs whose related top 10
lacked each other, 65 were not among each other's five closest by words). Not the rest: #1906 and
#2972 there are alike in words too (0.179, #2972 4th of #1906's closest); related drops #2972 to
28th when it weighs each candidate against #1906's three closest (economic outlooks). Reports in groups there whose related top 10 held none of their story: 110 of 1,086 -> 93
of 1,068; B-cubed 10,000 generated 0.929/0.991 -> 0.969/0.991, WikiNews and ECB+ (with 2,000
Reuters) unchanged: none of their same-story links is below the floor by words."""
MUTUAL_NEIGHBOURS = 5
_MAX_PAIRS = 400


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles reporting the same story (a single article is a story of one report).

    Attributes:
        id: Stable id: the smallest article id of the group.
        title: Headline of the most central report.
        article_ids: Members, most central first.
    """

    id: str
    title: str
    article_ids: tuple[str, ...]


def group(all_features: Mapping[str, Any]) -> list[Story]:
    """Group a corpus into stories (store-free variant of :func:`stories`): :func:`group_model` of
    the corpus model built from ``all_features``."""
    model = corpus_model(all_features)
    return group_model(
        model,
        features_times(model.ids, all_features, model.days),
        features_subjects(model, all_features),
    )


def group_model(
    model: Model, times: Sequence[ReportTime] | None = None, subjects: Subjects | None = None
) -> list[Story]:
    """Group the articles of a corpus model into stories.

    Two reports are linked when their similarity reaches :data:`SAME_STORY`, or when each is among the
    other's :data:`MUTUAL_NEIGHBOURS` closest reports with a similarity, and a similarity of their
    words alone, of at least :data:`LINK_FLOOR` (a developing story's reports resemble each other
    less than two reports of one event, but still more than anything else). Links are taken strongest first; two groups merge only when their reports
    are similar on average (:data:`GROUP_AVERAGE`, and :data:`COHESION_SHARE` of how alike each group's
    own reports are), so one loose link cannot chain two stories together, and only when one group's
    reports count the other's among their closest (:data:`NEIGHBOUR_SHARE`), so that two sibling
    events stay apart, and only when they are not apart in time
    (:func:`index.related.group_time.apart`) nor about different subjects
    (:func:`index.related.group_subject.differ`).

    Args:
        model: The corpus model (built, or mapped from its file beside the index).
        times: Each report's time, by its number in the model; ``None``: no time guard.
        subjects: Each report's headline and names (:mod:`index.related.group_subject`);
            ``None``: no subject guard.

    Returns:
        Every story, singletons included, largest first, then most recent first.
    """
    size = len(model.ids)
    # Story keys are rare: a narrow cap keeps candidate generation near-linear in the corpus size.
    cap = max(64, size // 100)
    sims = PairCache(model, (LINK_FLOOR, SAME_STORY))
    near = [sims.neighbours(n, cap) for n in range(size)]
    close = [{d for _, d in hood[:MUTUAL_NEIGHBOURS]} for hood in near]
    edges: dict[tuple[int, int], float] = {}
    for n, hood in enumerate(near):
        for s, d in hood:
            if s >= SAME_STORY or (
                s >= LINK_FLOOR
                and d in close[n]
                and n in close[d]
                and sims.terms[(min(n, d), max(n, d))] >= LINK_FLOOR
            ):
                edges[(min(n, d), max(n, d))] = s
    parent = list(range(size))
    members: dict[int, list[int]] = {n: [n] for n in range(size)}
    cohesion: dict[int, float] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), _ in sorted(edges.items(), key=lambda e: (-e[1], e[0])):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        link = _average_link(sims, members[ra], members[rb])
        inner = [cohesion[r] for r in (ra, rb) if r in cohesion]
        if link < GROUP_AVERAGE or (inner and link < COHESION_SHARE * min(inner)):
            continue
        if not _looks_across(close, members[ra], members[rb]):
            continue
        if times is not None and apart(times, members[ra], members[rb]):
            continue
        if subjects is not None and differ(subjects, members[ra], members[rb]):
            continue
        na, nb = len(members[ra]), len(members[rb])
        # Mean similarity of the merged group, from the two groups' own means and the cross mean.
        pairs_a, pairs_b = na * (na - 1) / 2, nb * (nb - 1) / 2
        merged = (
            cohesion.get(ra, 0.0) * pairs_a + cohesion.get(rb, 0.0) * pairs_b + link * na * nb
        ) / (pairs_a + pairs_b + na * nb)
        if na < nb:
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
        cohesion.pop(rb, None)
        cohesion[ra] = merged
    out: list[tuple[tuple[int, int], Story]] = []
    for g in members.values():
        central = _central(model, g, edges)
        # Rounded: reports as central as each other (copies of one wire story) are ordered by id,
        # not by the last bits of how their similarities were summed.
        ordered = sorted(g, key=lambda m: (-round(central[m], 9), model.ids[m]))
        latest = max((model.days[m] or 0) for m in g)
        story = Story(
            min(model.ids[m] for m in g),
            model.meta[ordered[0]][0],
            tuple(model.ids[m] for m in ordered),
        )
        out.append(((-len(g), -latest), story))
    out.sort(key=lambda x: (x[0], x[1].id))
    return [s for _, s in out]


def _looks_across(close: list[set[int]], a: list[int], b: list[int]) -> bool:
    """Whether one group's reports count enough of the other's among their closest reports."""
    for x, y in ((a, b), (b, a)):
        inside = set(y)
        places = len(x) * min(MUTUAL_NEIGHBOURS, len(y))
        if sum(len(close[m] & inside) for m in x) >= NEIGHBOUR_SHARE * places:
            return True
    return False


def _average_link(sims: PairCache, a: list[int], b: list[int]) -> float:
    pairs = [(x, y) for x in a for y in b]
    if len(pairs) > _MAX_PAIRS:
        # Large groups: an evenly spread sample of pairs estimates the average well enough.
        step = len(pairs) / _MAX_PAIRS
        pairs = [pairs[int(i * step)] for i in range(_MAX_PAIRS)]
    return sims.mean(pairs)


def _central(
    model: Model, g: list[int], edges: Mapping[tuple[int, int], float]
) -> dict[int, float]:
    if len(g) == 1:
        return {g[0]: 0.0}
    total = {m: 0.0 for m in g}
    for m in g:
        for o in g:
            if o > m:
                s = edges.get((m, o))
                if s is None:
                    continue
                total[m] += s
                total[o] += s
    return total


def stories(store: Store) -> list[Story]:
    """Group every article of the store into stories, largest first, then most recent first.

    The corpus model is the one related reports use, mapped from its file beside the index
    (``index.related.stored``; built and written there first when the index changed since). Built
    here from every article's features instead, 10,000 articles took 780 MB (the features alone
    560 MB, kept by the store) where the mapped file is ~50 MB.

    Args:
        store: An indexed store.
    """
    from index.related.group_subject import store_subjects
    from index.related.group_time import store_times
    from index.related.stored import stored_model

    model = stored_model(store)
    return group_model(
        model, store_times(store, model.ids, model.days), store_subjects(store, model)
    )
