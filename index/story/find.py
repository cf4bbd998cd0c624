"""Which reports make up the story of one article, in an indexed corpus."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from index.store.core import Store

MAX_REPORTS = 20
"""Most reports of a found story put side by side (its most central ones)."""


def story_of(store: Store, article_id: str, limit: int = MAX_REPORTS) -> list[str]:
    """The article's story: the article first, then the other reports of its story group
    (:func:`index.related.stories`), most central first; when the grouping left it alone, its
    related reports judged the same story (:data:`index.related.SAME_STORY`).

    Args:
        store: An indexed store.
        article_id: The article.
        limit: Most reports returned (the article included).

    Returns:
        Article ids; just ``[article_id]`` when no other report of its story is found.
    """
    from index.related import SAME_STORY, related, stories

    members: list[str] = []
    if store.doc_count() <= 20_000:  # the grouping holds every article's vector: not above
        members = next(
            (list(s.article_ids) for s in stories(store) if article_id in s.article_ids), []
        )
    if len(members) < 2:
        members = [article_id] + [
            r.id
            for r in related(store, article_id, limit=limit)
            if r.same_story or r.score >= SAME_STORY
        ]
    others = [m for m in members if m != article_id]
    return [article_id, *others[: max(0, limit - 1)]]
