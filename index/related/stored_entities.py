"""Articles and their entities read back from an index, in the order reading their files gives.

``newsdesk entities PATH`` analysed every article again although the index was built with each one's
entities: 33 s on the 19,043 Reuters stories, most of it reading and parsing the file. Here they are read
back instead: the manifest (``index.store.database``) gives each file's articles in the order they were
read and what was skipped in it, and one searcher gives every stored article of the file.

This belongs with the store (a ``Store`` method): it lives here because ``index/store`` was another
helper's while it was written. The command line reaches it through ``tui.engine``.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from index.ingest.files import scan
from index.models import Article, Entity, Skipped
from index.store import database
from index.store.schema import decode_blob

if TYPE_CHECKING:
    from index.store.core import Store

__all__ = ["indexed_articles"]


def indexed_articles(
    store: Store, paths: Sequence[str]
) -> tuple[list[tuple[Article, list[Entity]]], list[Skipped]] | None:
    """The articles under ``paths`` with the entities the index holds, and what was skipped, in the
    order ``index.ingest.formats.read_paths`` gives them (paths as given, each one's files sorted,
    each file's articles as read, its skipped lines after them).

    The caller makes sure the index is current (``index.store.tables.quick_unchanged``): the
    entities are those of the rules the index was built with, as the app and the sidebar show them.

    Returns:
        ``None`` when the index does not hold every file found under ``paths`` (or its database
        cannot be read, or disagrees with the index): the files are then to be read instead.
    """
    scanned = [scan([raw]) for raw in paths]
    wanted = [source.path for files, _ in scanned for source in files]
    try:
        with database.reading(store.index_dir) as con:
            manifest = database.entries(con, wanted)
    except database.DatabaseError:
        return None
    if len(manifest) != len(set(wanted)):
        return None
    rows: list[tuple[Article, list[Entity]]] = []
    skipped: list[Skipped] = []
    with store.searcher() as s:
        blobs: dict[str, bytes] = {}
        if len(manifest) * _SCAN_RATIO > s.doc_count():
            # Many files (one article each, say): one pass over every stored article costs less
            # than a lookup a file (10,000 Reuters stories, one a file: 4.5 of 10.5 s profiled).
            paths_wanted = set(manifest)
            for fields in s.all_stored_fields():
                if fields["file"] in paths_wanted:
                    blobs[fields["id"]] = fields["blob"]
        else:
            for path in manifest:
                for docnum in s.document_numbers(file=path):
                    fields = s.stored_fields(docnum)
                    blobs[fields["id"]] = fields["blob"]
    for files, scan_skipped in scanned:
        skipped.extend(scan_skipped)
        for source in files:
            entry = manifest[source.path]
            ids = entry["ids"]
            if any(i not in blobs for i in ids):
                return None  # the manifest and the index disagree: read the files instead
            stored_rel = _stored_rel(store.roots, source.path, ids)
            if stored_rel is None:
                return None
            for i in ids:
                article, entities = decode_blob(blobs[i])
                if stored_rel != source.rel:
                    # An index of other roots (the library's) names the article from its own root:
                    # named here as reading it from the paths given names it.
                    article = dataclasses.replace(article, id=source.rel + i[len(stored_rel) :])
                rows.append((article, entities))
            skipped.extend(Skipped(str(p), str(r)) for p, r in entry["skipped"])
    return rows, skipped


def _stored_rel(roots: Sequence[str], path: str, ids: Sequence[str]) -> str | None:
    """The path of ``path`` from the index root its stored ids start with (``rel`` or ``rel#...``),
    or ``None`` when no root accounts for them all."""
    for root in roots:
        base = os.path.dirname(root) if os.path.isfile(root) else root
        try:
            rel = Path(os.path.relpath(path, base)).as_posix()
        except ValueError:  # another drive
            continue
        if rel.startswith("../"):
            continue
        if all(i == rel or i.startswith(rel + "#") for i in ids):
            return rel
    return None


_SCAN_RATIO = 4
"""Read every stored article in one pass when the files asked for, times this, outnumber the
index's articles (a lookup a file costs about four stored articles read in a pass)."""
