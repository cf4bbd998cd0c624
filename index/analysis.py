"""Per-article analysis done once at index time (entities), kept apart so worker processes can run it."""

from __future__ import annotations

from index.models import Article, Entity


def analyse(article: Article) -> list[Entity]:
    """Recognise the entities of an article (computed once per article version, at index time)."""
    from index.entities import extract

    return list(extract(article.text))
