"""The index store: the only part of the engine that writes the Whoosh index.

``core`` (the Whoosh schema and codecs, the index folder's lifecycle, searchers, the update),
``writers`` (analysis and writing, in worker processes for large batches), ``tables`` (the side
tables: catalogue, features, manifest).
"""

from __future__ import annotations

from index.store.core import IndexBusy, Store, StoreError, open_store

__all__ = ["IndexBusy", "Store", "StoreError", "open_store"]
