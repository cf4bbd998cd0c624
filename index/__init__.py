"""newsdesk's engine: ingest, analysis, the Whoosh store, search, compare and related reports.

Plain Python returning plain data with character offsets; it never imports the UI. The public API is
re-exported lazily here so ``import index`` stays cheap (Whoosh is imported only when a store is used).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from index.models import (
    ENTITY_LABELS,
    Article,
    Block,
    Entity,
    Facet,
    Hit,
    IndexReport,
    SearchResult,
    Sentence,
    Skipped,
    Snippet,
    Span,
)

if TYPE_CHECKING:
    from index.compare import Comparison, compare, compare_texts
    from index.search import SORTS, QueryError, facets, search, snippets_for
    from index.store.core import IndexBusy, Store, StoreError
    from index.store.tables import ArticleInfo
    from index.story import StoryMap, story_map

_LAZY = {
    "compare": "index.compare",
    "compare_texts": "index.compare",
    "Comparison": "index.compare",
    "Store": "index.store.core",
    "StoreError": "index.store.core",
    "IndexBusy": "index.store.core",
    "ArticleInfo": "index.store.tables",
    "search": "index.search",
    "snippets_for": "index.search",
    "SORTS": "index.search",
    "facets": "index.search",
    "QueryError": "index.search",
    "story_map": "index.story",
    "StoryMap": "index.story",
}

__all__ = [
    "ENTITY_LABELS",
    "SORTS",
    "Article",
    "ArticleInfo",
    "Block",
    "Comparison",
    "Entity",
    "Facet",
    "Hit",
    "IndexBusy",
    "IndexReport",
    "QueryError",
    "SearchResult",
    "Sentence",
    "Skipped",
    "Snippet",
    "Span",
    "Store",
    "StoreError",
    "StoryMap",
    "compare",
    "compare_texts",
    "facets",
    "search",
    "snippets_for",
    "story_map",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'index' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
