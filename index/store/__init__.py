"""The index store: the only part of the engine that writes the Whoosh index.

``core`` (the ``Store``: opening, searchers, reading, the update), ``schema`` (the Whoosh schema,
analyzers and the stored article), ``writers`` (analysis and writing, in worker processes for large
batches), ``update`` (one run's bookkeeping), ``database`` (manifest, skipped list and side tables
in SQLite), ``tables`` (reading them, and the unchanged-corpus check, without Whoosh), ``walk`` (the
stat-only corpus walk), ``folder`` (the index folder's lifecycle), ``recover`` (a lost database,
files gone), ``legacy`` (folders from before the database), ``whoosh_compat`` (every private Whoosh
use, for one pinned release), ``errors``.

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
