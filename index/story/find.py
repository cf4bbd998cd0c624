"""Which reports make up the story of one article, in an indexed corpus."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.store.core import Store

MAX_REPORTS = 20
"""Most reports of a found story put side by side (its most central ones)."""
GROUPING_MAX = 5_000
"""Most articles of a corpus grouped into stories to find one article's story; above it the
article's related reports judged the same story are its story. The grouping is made whole each
time (:func:`index.related.stories`, on the model mapped from its file beside the index). CPU of
one grouping in a new process, Reuters stories (2026-11-29, at 2de7ee7): 1,000 0.46 s, 5,000 2.55 s,
10,000 5.8-5.9 s, all 19,043 13.9 s (peak 153 MB); 10,000 generated articles 11.0-11.5 s. Its
related reports took about a second (not re-measured). (Earlier: 0.55 / 2.9 / 8.2 / ~23 s, when ``newsdesk story
FILE#ID`` on all of Reuters waited 45 s under load to say "no other report"; the limit was 20,000.)"""


SMALL_GROUP = 5
"""A story group of fewer distinct reports than this is topped up with the article's related
reports (:data:`NEAR_SHARE`). The grouping keeps two groups apart when their reports are alike
only on average, and a few reports of one event beside a group that mixes it with its sibling
event stay a group of their own: the Qeshm earthquake's ECB+ report ``20_9ecbplus`` was grouped
with one other report of the eleven, its related reports ranking nine of the others first."""
NEAR_SHARE = 0.7
"""... those of them whose score reaches this share of the best one's (and :data:`NEAR_FLOOR`):
reports of one story score alike, the next story's lower."""
NEAR_FLOOR = 0.15
"""... and never below this score. Measured (each ECB+ and WikiNews article's story against the
gold stories, at most 20 reports; precision / recall of the other reports): ECB+ 0.803 / 0.888 ->
0.804 / 0.890, WikiNews 1.000 / 0.640 -> 1.000 / 0.647. Replayed on the groups and related
reports of one corpus of both and 2,000 Reuters stories: ECB+ 0.776 / 0.907 -> 0.777 / 0.911,
WikiNews 0.979 / 0.689 -> 0.979 / 0.690. A report alone keeps its related reports judged the same
story only: at the share, there WikiNews took 25 wrong reports for 30 right ones."""


def story_of(store: Store, article_id: str, limit: int = MAX_REPORTS) -> list[str]:
    """The article's story: the article first, then the other reports of its story group
    (:func:`index.related.stories`, in a corpus of :data:`GROUPING_MAX` articles or fewer), most
    central first; when the grouping left it alone (or was not made), with copies of itself only
    (:mod:`index.story.copies`), or in a group of fewer than :data:`SMALL_GROUP` reports, then
    its related reports judged the same story (:data:`index.related.SAME_STORY`) or scored near
    its nearest report's (:data:`NEAR_SHARE`, :data:`NEAR_FLOOR`).

    Args:
        store: An indexed store.
        article_id: The article.
        limit: Most reports returned (the article included).

    Returns:
        Article ids; just ``[article_id]`` when no other report of its story is found.
    """
    from index.related import SAME_STORY, related, stories

    members: list[str] = []
    grouped = store.doc_count() <= GROUPING_MAX
    if grouped:
        members = next(
            (list(s.article_ids) for s in stories(store) if article_id in s.article_ids), []
        )
    if len(_distinct(store, members)) < SMALL_GROUP:
        # Alone, grouped only with copies of itself (two copies are each other's nearest report),
        # or in a small group the grouping kept apart from its story: its related reports close
        # to its nearest one, copies included (the story names them as copies).
        # (Alone, or where no grouping was made, its related reports judged the same story only:
        # a WikiNews report alone took another story's reports at the share, and the share was
        # measured on grouped corpora.)
        near = related(store, article_id, limit=limit)
        top = max((r.score for r in near), default=0.0)
        small = grouped and len(_distinct(store, members)) >= 2
        floor = max(NEAR_FLOOR, NEAR_SHARE * top) if small else SAME_STORY
        known = set(members)
        members = (members or [article_id]) + [
            r.id for r in near if (r.same_story or r.score >= floor) and r.id not in known
        ]
    others = [m for m in members if m != article_id]
    return [article_id, *others[: max(0, limit - 1)]]


def _distinct(store: Store, ids: list[str]) -> list[str]:
    """The ids that are no copy of an earlier one (the first of each text)."""
    from index.story.copies import copies_of

    if len(ids) > 3:
        return ids  # a group of four or more is not two copies
    arts = [store.article(i) for i in ids]
    texts = [a.text if a is not None else "" for a in arts]
    return [i for i, first in zip(ids, copies_of(texts), strict=True) if first is None]
