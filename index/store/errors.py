"""The store's exceptions (importable without Whoosh)."""

from __future__ import annotations


class StoreError(Exception):
    """The index cannot be used as asked; the message says what to do."""


class IndexBusy(StoreError):
    """Another process is writing the index."""
