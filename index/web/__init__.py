"""Articles from the web: saved pages, single URLs and RSS/Atom feeds.

``http`` fetches with limits (httpx); ``archive`` writes articles as Markdown files with front
matter; ``pages`` fetches and saves one URL; ``feedlist`` keeps the subscriptions (and reads OPML);
``feeds`` fetches them. A page's article is read by ``index.ingest.html`` (trafilatura): a saved page
is one more file format, so ingest owns it and the web reads it from there (web depends on ingest,
never the reverse).

The names below load their module on first use: a scan must not pay for the HTTP and feed modules
(about 50 ms of imports) it never uses.
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
    where = _WHERE[name]
    module = "index.ingest.html" if where == "extract" else f"index.web.{where}"
    return getattr(importlib.import_module(module), name)
