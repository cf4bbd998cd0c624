"""The index store: the only part of the engine that writes the Whoosh index.

``core`` (the Whoosh schema and codecs, the index folder's lifecycle, searchers, the update),
``writers`` (analysis and writing, in worker processes for large batches), ``tables`` (the side
tables: catalogue, features, manifest).

The public names are loaded on first use: importing ``index.store.tables`` (the app lists the
catalogue from it before Whoosh is imported) must not import ``core``, and two threads importing
the two at once must not wait on each other (an eager import here deadlocked the app's first two
workers; tests/engine/test_hygiene.py checks it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.store.core import IndexBusy, Store, StoreError, open_store

__all__ = ["IndexBusy", "Store", "StoreError", "open_store"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from index.store import core

        return getattr(core, name)
    raise AttributeError(f"module 'index.store' has no attribute {name!r}")
