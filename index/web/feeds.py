"""Feeds: fetching every subscription a few at a time and saving new items as Markdown files.

``fetch_feeds`` fetches every feed of the list (``index.web.feedlist``) a few at a time; each new item
becomes a Markdown file in the feed's own folder (the linked page is fetched and extracted when the
feed carries only a summary or a teaser). An item is saved once: its GUID or URL is recorded in the
list, and the folder's own front matter is checked too, so a lost list never duplicates. A feed that
fails changes nothing already saved.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from index.analysis.dates import normalise_date
from index.ingest.html import Page, PageError, extract_page
from index.web.archive import now_iso, saved_keys, slug
from index.web.feedlist import Feed, FeedError, FeedList, file_lock
from index.web.http import Fetcher, FetchError
from index.web.pages import fetch_page, page_document, save_page

MAX_ITEMS = 200
"""Items read from one feed per run (a feed of thousands is an archive dump, not news)."""
WORKERS = 4
MAX_SEEN = 5000
"""GUIDs and URLs remembered per feed (the newest); older saved items are still known from the
front matter of the files in the feed's folder."""
FULL_TEXT_WORDS = 80
"""An item's own text shorter than this is taken for a teaser: its linked page is fetched, and the
longer of the two kept (feed summaries run one to three sentences)."""
_WORDS = re.compile(r"\w+")
_FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)

__all__ = ["FeedError", "FeedList", "FeedReport", "fetch_feeds"]


@dataclass(frozen=True)
class FeedReport:
    """What one feed's fetch did: ``status`` is ``new``, ``unchanged`` or ``failed``."""

    url: str
    status: str
    title: str | None = None
    new: tuple[str, ...] = ()
    """Paths of the files saved."""
    reason: str | None = None
    item_errors: tuple[tuple[str, str], ...] = ()
    """(item URL or id, reason) for items that could not be saved; they are tried again next run."""


ProgressFn = Callable[[int, int, str], None]


def fetch_feeds(
    feed_list: FeedList,
    root: Path,
    fetcher: Fetcher,
    workers: int = WORKERS,
    progress: ProgressFn | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[FeedReport]:
    """Fetch every feed of the list, a few at once, and save new items under ``root``.

    Args:
        feed_list: the subscriptions.
        root: the fetched-articles folder; each feed gets a folder in ``root/feeds``.
        fetcher: the HTTP client.
        workers: feeds fetched at once.
        progress: called with (feeds done, feeds in all, URL) as each feed finishes.
        cancelled: checked between feeds and items; a cancelled run saves what it has.

    Returns:
        One report per feed, in the list's order.

    Raises:
        FeedError: another process is fetching (two runs would save the same new items twice), or
            the feed list cannot be read.
    """
    busy = "another newsdesk fetch is running; try again when it has finished"
    with file_lock(feed_list.folder / ".fetch.lock", 0.0, busy):
        return _fetch_all(feed_list, root, fetcher, workers, progress, cancelled)


def _fetch_all(
    feed_list: FeedList,
    root: Path,
    fetcher: Fetcher,
    workers: int,
    progress: ProgressFn | None,
    cancelled: Callable[[], bool] | None,
) -> list[FeedReport]:
    feeds = feed_list.load()
    reports: dict[str, FeedReport] = {}
    if progress:
        progress(0, len(feeds), "")
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {
            pool.submit(_fetch_one, feed, feed_list, root, fetcher, cancelled): feed
            for feed in feeds
        }
        for done, future in enumerate(as_completed(futures), 1):
            feed = futures[future]
            try:
                reports[feed.url] = future.result()
            except Exception as exc:
                reports[feed.url] = FeedReport(
                    feed.url, "failed", feed.title, reason=f"{type(exc).__name__}: {exc}"
                )
            if progress:
                progress(done, len(feeds), feed.url)
    return [reports[f.url] for f in feeds]


def _fetch_one(
    feed: Feed,
    feed_list: FeedList,
    root: Path,
    fetcher: Fetcher,
    cancelled: Callable[[], bool] | None,
) -> FeedReport:
    if cancelled and cancelled():  # a run being stopped (the app quitting) starts no more requests
        return FeedReport(feed.url, "failed", feed.title, reason="cancelled")
    report = _fetch_items(feed, feed_list, root, fetcher, cancelled)
    feed.last_fetch = now_iso()
    feed.last_status, feed.last_error = report.status, report.reason
    feed_list.update(feed)
    return report


def _fetch_items(
    feed: Feed,
    feed_list: FeedList,
    root: Path,
    fetcher: Fetcher,
    cancelled: Callable[[], bool] | None,
) -> FeedReport:
    import feedparser

    try:
        answer = fetcher.get(feed.url, feed.etag, feed.last_modified, accept=_FEED_ACCEPT)
    except FetchError as exc:
        return FeedReport(feed.url, "failed", feed.title, reason=str(exc))
    if answer.not_modified:
        return FeedReport(feed.url, "unchanged", feed.title)
    # A stream, never the bytes themselves: given bytes, feedparser may take them for a file name.
    parsed: Any = feedparser.parse(
        io.BytesIO(answer.body),
        response_headers={
            "content-type": answer.headers.get("content-type", ""),
            "content-location": answer.url,
        },
    )
    if not parsed.get("version") and not parsed.entries:
        what = (
            "an HTML page"
            if answer.content_type in ("text/html", "application/xhtml+xml")
            else (f"content type {answer.content_type or 'not given'}")
        )
        return FeedReport(
            feed.url, "failed", feed.title, reason=f"not an RSS or Atom feed ({what})"
        )
    title = " ".join(str(parsed.feed.get("title") or "").split())[:200] or None
    feed.title = feed.title or title
    if not feed.folder:
        digest = hashlib.sha1(feed.url.encode()).hexdigest()[:6]
        feed.folder = f"{slug(title or _host(feed.url), 40)}-{digest}"
    folder = root / "feeds" / feed.folder
    seen = set(feed.seen) | saved_keys(folder)
    new: list[str] = []
    errors: list[tuple[str, str]] = []
    retry = False
    for entry in parsed.entries[:MAX_ITEMS]:
        if cancelled and cancelled():
            errors.append((feed.url, "cancelled"))
            retry = True
            break
        link = _str(entry.get("link"))
        guid = _str(entry.get("id")) or link
        keys = {k for k in (guid, link) if k}
        if not keys:
            errors.append((_str(entry.get("title")) or "an item", "no id and no link"))
            continue
        if keys & seen:
            continue
        try:
            path = _save_entry(entry, link, guid, feed, folder, fetcher)
        except (
            PageError
        ) as exc:  # the item itself lacks an article: retried only if the feed changes
            errors.append((link or guid or "an item", str(exc)))
            continue
        except (FetchError, OSError) as exc:
            errors.append((link or guid or "an item", str(exc)))
            retry = True
            continue
        seen |= keys
        feed.seen.extend(sorted(keys))
        new.append(str(path))
    feed.seen = feed.seen[-MAX_SEEN:]
    if not retry:
        # Kept only when no item failed for a passing reason: a 304 next time must not hide it.
        feed.etag, feed.last_modified = answer.etag, answer.last_modified
    status = "new" if new else "failed" if errors else "unchanged"
    reason = f"{len(errors)} item{'s' if len(errors) != 1 else ''} not saved" if errors else None
    return FeedReport(feed.url, status, feed.title, tuple(new), reason, tuple(errors))


def _save_entry(
    entry: Any, link: str | None, guid: str | None, feed: Feed, folder: Path, fetcher: Fetcher
) -> Path:
    in_feed = _feed_text(entry, link)
    url = link or guid or ""
    if in_feed is not None and (not link or len(_WORDS.findall(in_feed.text)) >= FULL_TEXT_WORDS):
        page = in_feed
    elif not link:
        raise PageError("the item has only a summary and no link to its page")
    else:
        try:
            page, _final = fetch_page(fetcher, link)
        except (FetchError, PageError):
            if in_feed is None:
                raise
            page = in_feed  # the page failed: the feed's own (short) text is the article
        if in_feed is not None and len(in_feed.text) > len(page.text):
            page = in_feed
    title = _str(entry.get("title")) or page.title
    date = normalise_date(_str(entry.get("published")) or _str(entry.get("updated"))) or page.date
    document = page_document(
        page,
        url,
        title=title,
        date=date,
        author=_str(entry.get("author")),
        source=feed.title or page.site,
        guid=guid,
    )
    return save_page(folder, document, title, date)


def _feed_text(entry: Any, link: str | None) -> Page | None:
    """The item's own full text (``content:encoded``, Atom ``content``), if it holds an article."""
    contents = [c.get("value", "") for c in entry.get("content", []) if isinstance(c, dict)]
    body = max(contents, key=len, default="")
    if not body:
        return None
    try:
        return extract_page(f"<html><body><article>{body}</article></body></html>", url=link)
    except PageError:
        return None  # a summary, not the article


def _str(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())[:2000]
    return text or None


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or "feed"
