"""The subscription list (``feeds.json``), its lock, and OPML import.

The list lives in one JSON file beside the fetched articles: each feed's URL, title, folder, HTTP
validators (ETag, Last-Modified) and the GUIDs and URLs of the items already saved. Every change is a
read-modify-write under a file lock, so a ``feeds add`` during a ``fetch`` is kept.
"""

from __future__ import annotations

import json
import os
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from index.web.archive import now_iso
from index.web.http import FetchError, check_url

FEEDS_FILE = "feeds.json"


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
    last_status: str | None = None
    """``new``, ``unchanged`` or ``failed``: what the last fetch did."""
    last_error: str | None = None


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
