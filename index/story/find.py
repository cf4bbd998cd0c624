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
time (:func:`index.related.stories`): of the Reuters stories' features, 1,000 took 0.55 s of CPU,
5,000 2.9 s, 10,000 8.2 s, and all 19,043 about 23 s, so that ``newsdesk story FILE#ID`` (and the
app's story of an article) waited 45 s under load on the Reuters file to say "no other report";
its related reports take about a second. It was 20,000 (the grouping holds every vector)."""


def story_of(store: Store, article_id: str, limit: int = MAX_REPORTS) -> list[str]:
    """The article's story: the article first, then the other reports of its story group
    (:func:`index.related.stories`, in a corpus of :data:`GROUPING_MAX` articles or fewer), most
    central first; when the grouping left it alone (or was not made), or
    with copies of itself only (:mod:`index.story.copies`), its related reports judged the same
    story (:data:`index.related.SAME_STORY`).

    Args:
        store: An indexed store.
        article_id: The article.
        limit: Most reports returned (the article included).

    Returns:
        Article ids; just ``[article_id]`` when no other report of its story is found.
    """
    from index.related import SAME_STORY, related, stories

    members: list[str] = []
    if store.doc_count() <= GROUPING_MAX:
        members = next(
            (list(s.article_ids) for s in stories(store) if article_id in s.article_ids), []
        )
    if len(_distinct(store, members)) < 2:
        # Alone, or grouped only with copies of itself (two copies are each other's nearest
        # report): its related reports, copies included (the story names them as copies).
        members = [article_id] + [
            r.id
            for r in related(store, article_id, limit=limit)
            if r.same_story or r.score >= SAME_STORY
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
