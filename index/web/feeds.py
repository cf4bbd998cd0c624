"""Feeds: the subscription list, OPML import, and fetching new items into Markdown files.

The list lives in one JSON file (``feeds.json``) beside the fetched articles: each feed's URL, title,
folder, HTTP validators (ETag, Last-Modified) and the GUIDs and URLs of the items already saved.
``fetch_feeds`` fetches every feed a few at a time; each new item becomes a Markdown file in the feed's
own folder (the linked page is fetched and extracted when the feed carries only a summary). An item is
saved once: its GUID or URL is recorded, and the folder's own front matter is checked too, so a lost
list never duplicates. A feed that fails changes nothing already saved.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.dates import normalise_date
from index.web.archive import now_iso, render_markdown, save_markdown, saved_keys, slug
from index.web.extract import Page, PageError, decode_html, extract_page
from index.web.http import Fetcher, FetchError, check_url

FEEDS_FILE = "feeds.json"
_ISO_DAY = re.compile(r"\d{4}(?:-\d{2}){0,2}")
MAX_ITEMS = 200
"""Items read from one feed per run (a feed of thousands is an archive dump, not news)."""
WORKERS = 4
FULL_TEXT_WORDS = 80
"""An item's own text shorter than this is taken for a teaser: its linked page is fetched, and the
longer of the two kept (feed summaries run one to three sentences)."""
_WORDS = re.compile(r"\w+")
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")
_FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


class FeedError(Exception):
    """A feed list or OPML file that cannot be used; the message says why."""


@contextmanager
def file_lock(path: Path, wait: float, busy: str) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (``flock``; nothing where the OS has none).

    Raises:
        FeedError: ``busy``, when another process holds it for longer than ``wait`` seconds.
    """
    try:
        import fcntl
    except ImportError:  # Windows: one process at a time is then the user's business
        yield
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        give_up = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= give_up:
                    raise FeedError(busy) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@dataclass
class Feed:
    """One subscription and what newsdesk remembers of it."""

    url: str
    title: str | None = None
    folder: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)
    added: str | None = None
    last_fetch: str | None = None


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


class FeedList:
    """The subscription list in ``folder/feeds.json``; every change is written at once, atomically."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FEEDS_FILE
        self._lock = threading.Lock()
        self._lock_path = self.folder / ".feeds.lock"

    def _locked(self) -> Any:
        """This process's threads and other processes, one at a time on the list file."""
        return file_lock(self._lock_path, 30.0, f"the feed list {self.path} stayed locked for 30 s")

    def load(self) -> list[Feed]:
        """The feeds, in the order they were added.

        Raises:
            FeedError: the file exists but is not a feed list.
        """
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError) as exc:
            raise FeedError(f"cannot read the feed list {self.path}: {exc}") from None
        items = raw.get("feeds") if isinstance(raw, dict) else None
        if not isinstance(items, list):
            raise FeedError(f"{self.path} is not a newsdesk feed list")
        known = set(Feed.__dataclass_fields__)
        return [
            Feed(**{k: v for k, v in item.items() if k in known})
            for item in items
            if isinstance(item, dict) and isinstance(item.get("url"), str)
        ]

    def _write(self, feeds: list[Feed]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{FEEDS_FILE}.{os.getpid()}.{threading.get_ident()}.tmp")
        data = {"version": 1, "feeds": [f.__dict__ for f in feeds]}
        tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)

    def add(self, urls: Iterable[str]) -> tuple[list[str], list[str], list[tuple[str, str]]]:
        """Subscribe to feeds.

        Returns:
            The URLs added, those already listed, and (URL, reason) for those refused.
        """
        added: list[str] = []
        present: list[str] = []
        refused: list[tuple[str, str]] = []
        with self._lock, self._locked():
            feeds = self.load()
            have = {f.url for f in feeds}
            for raw in urls:
                try:
                    url = check_url(raw)
                except FetchError as exc:
                    refused.append((raw, str(exc)))
                    continue
                if url in have:
                    present.append(url)
                    continue
                feeds.append(Feed(url=url, added=now_iso()))
                have.add(url)
                added.append(url)
            if added:
                self._write(feeds)
        return added, present, refused

    def remove(self, url: str) -> Feed | None:
        """Unsubscribe; the feed's saved articles stay where they are. Returns the feed removed."""
        with self._lock, self._locked():
            feeds = self.load()
            keep = [f for f in feeds if f.url != url.strip()]
            if len(keep) == len(feeds):
                return None
            self._write(keep)
            return next(f for f in feeds if f.url == url.strip())

    def update(self, feed: Feed) -> None:
        """Store one feed's state, keeping every other feed as the file has it now."""
        with self._lock, self._locked():
            feeds = self.load()
            for n, f in enumerate(feeds):
                if f.url == feed.url:
                    feeds[n] = feed
                    self._write(feeds)
                    return
            # Removed while it was being fetched: stays removed.


def read_opml(data: bytes) -> list[tuple[str, str | None]]:
    """The feeds of an OPML subscription list: (``xmlUrl``, title), in document order, nested
    outlines included.

    Raises:
        FeedError: not XML, or not OPML.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FeedError(f"not an OPML file (XML error: {exc})") from None
    if root.tag.lower() != "opml":
        raise FeedError(f"not an OPML file (its root element is <{root.tag}>)")
    out: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in seen:
            seen.add(url)
            out.append((url, outline.get("title") or outline.get("text")))
    return out


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
            pool.submit(_fetch_one, feed, feed_list, root, fetcher, cancelled): feed for feed in feeds
        }
        for done, future in enumerate(as_completed(futures), 1):
            feed = futures[future]
            try:
                reports[feed.url] = future.result()
            except Exception as exc:  # noqa: BLE001 (a bug in one feed's handling must not lose the others)
                reports[feed.url] = FeedReport(feed.url, "failed", feed.title,
                                               reason=f"{type(exc).__name__}: {exc}")
            if progress:
                progress(done, len(feeds), feed.url)
    return [reports[f.url] for f in feeds]


def _fetch_one(
    feed: Feed, feed_list: FeedList, root: Path, fetcher: Fetcher, cancelled: Callable[[], bool] | None
) -> FeedReport:
    import feedparser

    try:
        answer = fetcher.get(feed.url, feed.etag, feed.last_modified, accept=_FEED_ACCEPT)
    except FetchError as exc:
        return FeedReport(feed.url, "failed", feed.title, reason=str(exc))
    feed.last_fetch = now_iso()
    if answer.not_modified:
        feed_list.update(feed)
        return FeedReport(feed.url, "unchanged", feed.title)
    # A stream, never the bytes themselves: given bytes, feedparser may take them for a file name.
    parsed: Any = feedparser.parse(
        io.BytesIO(answer.body),
        response_headers={"content-type": answer.headers.get("content-type", ""),
                          "content-location": answer.url},
    )
    if not parsed.get("version") and not parsed.entries:
        what = "an HTML page" if answer.content_type in ("text/html", "application/xhtml+xml") else (
            f"content type {answer.content_type or 'not given'}")
        return FeedReport(feed.url, "failed", feed.title, reason=f"not an RSS or Atom feed ({what})")
    title = " ".join(str(parsed.feed.get("title") or "").split())[:200] or None
    feed.title = feed.title or title
    if not feed.folder:
        digest = hashlib.sha1(feed.url.encode()).hexdigest()[:6]
        feed.folder = f"{slug(title or _host(feed.url), 40)}-{digest}"
    folder = root / "feeds" / feed.folder
    seen = set(feed.seen) | saved_keys(folder)
    new: list[str] = []
    errors: list[tuple[str, str]] = []
    for entry in parsed.entries[:MAX_ITEMS]:
        if cancelled and cancelled():
            errors.append((feed.url, "cancelled"))
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
        except (FetchError, PageError, OSError) as exc:
            errors.append((link or guid or "an item", str(exc)))
            continue
        seen |= keys
        feed.seen.extend(sorted(keys))
        new.append(str(path))
    if not errors:
        # Validators only once every item is saved: a 304 next time must not hide an item that failed.
        feed.etag, feed.last_modified = answer.etag, answer.last_modified
    feed_list.update(feed)
    status = "new" if new else "failed" if errors else "unchanged"
    reason = f"{len(errors)} item{'s' if len(errors) != 1 else ''} not saved" if errors else None
    return FeedReport(feed.url, status, feed.title, tuple(new), reason, tuple(errors))


def _save_entry(entry: Any, link: str | None, guid: str | None, feed: Feed, folder: Path,
                fetcher: Fetcher) -> Path:
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
        page, url, title=title, date=date, author=_str(entry.get("author")),
        source=feed.title or page.site, guid=guid,
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
