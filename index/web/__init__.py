"""Articles from the web: saved pages, single URLs and RSS/Atom feeds.

``extract`` reads a page's article (trafilatura); ``http`` fetches with limits (httpx); ``archive``
saves articles as Markdown files with front matter; ``feeds`` keeps the feed list and fetches it.
"""

from index.web.extract import (
    HTML_SUFFIXES,
    Page,
    PageError,
    decode_html,
    extract_page,
    html_article,
)

__all__ = ["HTML_SUFFIXES", "Page", "PageError", "decode_html", "extract_page", "html_article"]
