"""One web page fetched and saved: its article as a Markdown file with front matter."""

from __future__ import annotations

import re
from pathlib import Path

from index.ingest.html import Page, decode_html, extract_page
from index.web.archive import now_iso, render_markdown, save_markdown, slug
from index.web.http import Fetcher, FetchError

_ISO_DAY = re.compile(r"\d{4}(?:-\d{2}){0,2}")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")


def fetch_page(fetcher: Fetcher, url: str) -> tuple[Page, str]:
    """Fetch a web page and extract its article. Returns the page and the final URL.

    Raises:
        FetchError: the fetch failed, or the answer is not an HTML page.
        PageError: the page holds no article.
    """
    answer = fetcher.get(url, accept="text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
    if answer.content_type not in _HTML_TYPES:
        raise FetchError(f"not an HTML page (content type {answer.content_type})")
    html, _notes = decode_html(answer.body, answer.charset)
    return extract_page(html, url=answer.url), answer.url


def page_document(
    page: Page,
    url: str,
    title: str | None = None,
    date: str | None = None,
    author: str | None = None,
    source: str | None = None,
    guid: str | None = None,
) -> str:
    """The Markdown file for a fetched article (the given values win over the page's own)."""
    meta = {
        "title": title or page.title,
        "date": date or page.date,
        "source": source or page.site,
        "author": author or page.author,
        "url": url,
        "fetched": now_iso(),
        "guid": guid if guid and guid != url else None,
    }
    return render_markdown(meta, page.text, page.blocks)


def save_page(folder: Path, document: str, title: str | None, date: str | None) -> Path:
    """Save a fetched article's document as ``DATE-title-slug.md`` in ``folder``.

    Only an ISO date names the file (a date kept as written, such as ``../../x``, never does: the
    name must not leave the folder); otherwise today's.
    """
    day = date if date and _ISO_DAY.fullmatch(date) else now_iso()[:10]
    return save_markdown(folder, f"{day}-{slug(title or 'article')}", document)
