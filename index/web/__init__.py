"""Articles from the web: saved pages, single URLs and RSS/Atom feeds.

``extract`` reads a page's article (trafilatura); ``http`` fetches with limits (httpx); ``archive``
writes articles as Markdown files with front matter; ``pages`` fetches and saves one URL;
``feedlist`` keeps the subscriptions (and reads OPML); ``feeds`` fetches them.

The names below load their module on first use: ingest reads ``index.web.extract`` for every scan,
and must not pay for the HTTP and feed modules (about 50 ms of imports) it never uses.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "HTML_SUFFIXES": "extract",
    "Page": "extract",
    "PageError": "extract",
    "decode_html": "extract",
    "extract_page": "extract",
    "html_article": "extract",
    "Feed": "feedlist",
    "FeedError": "feedlist",
    "FeedList": "feedlist",
    "read_opml": "feedlist",
    "FeedReport": "feeds",
    "fetch_feeds": "feeds",
    "FetchError": "http",
    "Fetcher": "http",
    "fetch_page": "pages",
    "page_document": "pages",
    "save_page": "pages",
}
__all__ = [
    "HTML_SUFFIXES",
    "Feed",
    "FeedError",
    "FeedList",
    "FeedReport",
    "FetchError",
    "Fetcher",
    "Page",
    "PageError",
    "decode_html",
    "extract_page",
    "fetch_feeds",
    "fetch_page",
    "html_article",
    "page_document",
    "read_opml",
    "save_page",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'index.web' has no attribute {name!r}")
    return getattr(importlib.import_module(f"index.web.{_WHERE[name]}"), name)
