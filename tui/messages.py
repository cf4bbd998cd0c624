"""App-wide messages posted by workers and screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class StoreOpened(Message):
    """The index is open; the library can list what it already holds."""

    store: Any


@dataclass
class StoreFailed(Message):
    """The index could not be opened or updated; ``message`` is for the user."""

    message: str
    fatal: bool = False


@dataclass
class IndexUpdated(Message):
    """An index run finished (``report`` is an ``IndexReport``)."""

    report: Any


@dataclass
class OpenArticle(Message):
    """Open an article in the reader, with the library query's terms to highlight."""

    article_id: str
    terms: tuple[str, ...] = ()
