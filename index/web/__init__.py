"""Articles from the web: saved pages, single URLs and RSS/Atom feeds.

``extract`` reads a page's article (trafilatura); ``http`` fetches with limits (httpx); ``archive``
writes articles as Markdown files with front matter; ``pages`` fetches and saves one URL;
``feedlist`` keeps the subscriptions (and reads OPML); ``feeds`` fetches them.
"""

from index.web.extract import (
    HTML_SUFFIXES,
    Page,
    PageError,
    decode_html,
    extract_page,
    html_article,
)
from index.web.feedlist import Feed, FeedError, FeedList, read_opml
from index.web.feeds import FeedReport, fetch_feeds
from index.web.http import Fetcher, FetchError
from index.web.pages import fetch_page, page_document, save_page

__all__ = [
    "HTML_SUFFIXES", "Feed", "FeedError", "FeedList", "FeedReport", "FetchError", "Fetcher", "Page",
    "PageError", "decode_html", "extract_page", "fetch_feeds", "fetch_page", "html_article",
    "page_document", "read_opml", "save_page",
]
