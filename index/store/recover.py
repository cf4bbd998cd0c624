"""Recovery: the index's database made anew, and articles of files gone from the corpus dropped.

The database (``index.store.database``) is made anew when it is missing, damaged or of another
format, or when the folder has the layout from before it (``index.store.legacy``: migrated, nothing
read again). Without a manifest every file is read again at the next run, and that run, like one
after a run killed between the Whoosh commit and the database's, drops the articles of files no
longer in the corpus.
"""

from __future__ import annotations

import contextlib
import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from index.store import database, legacy
from index.store.errors import StoreError
from index.store.schema import article_words, decode_blob
from index.store.tables import TABLE_NAMES, fullest
from index.store.whoosh_compat import index_files

if TYPE_CHECKING:
    from index.store.update import Run


class Store(Protocol):
    """What recovery needs of ``index.store.core.Store`` (named here, not imported: no cycle)."""

    index_dir: Path
    ix: Any

    def searcher(self) -> AbstractContextManager[Any]: ...


REBUILT = "rebuilt"
"""The generation recorded when the database was rebuilt without a manifest: the next run then
looks for articles of files no longer in the corpus (see ``drop_orphans``)."""


def open_database(store: Store) -> None:
    """Check the database; make it anew when missing, damaged, or of the old layout.

    A read-write connection, so that a transaction left by a killed run is rolled back now.
    """
    path = database.db_path(store.index_dir)
    if path.is_file():
        try:
            with contextlib.closing(sqlite3.connect(path, timeout=database.BUSY_TIMEOUT)) as con:
                found = database.meta(con, "format")
            if found == str(database.FORMAT):
                return
        except sqlite3.Error:
            pass
    rebuild_database(store)


def rebuild_database(store: Store) -> None:
    """Make the database from an old-layout folder's files, else from the stored articles.

    An old folder's manifest is kept, so nothing is read again; without one every file is read
    again at the next run (as after a lost manifest), and articles of files gone meanwhile are
    dropped then.
    """
    d = store.index_dir
    manifest = legacy.read_manifest(d)
    tables = legacy.read_tables(d) if manifest is not None else None
    if tables is None:
        tables = tables_from_index(store)
    files, skipped = manifest if manifest is not None else ({}, [])
    generation = str(store.ix.latest_generation()) if manifest is not None else REBUILT
    try:
        with database.rebuilding(d) as con:
            if con is None:
                return  # another process has just made it
            database.put_files(con, files, ())
            database.put_skipped(con, skipped)
            database.replace_tables(
                con,
                tables["catalogue"],
                tables["features"],
                tables["names"],
                tables["words"] if "words" in tables else words_from_index(store),
            )
            database.set_meta(con, "generation", generation)
            database.set_meta(con, "index_files", index_files(d))
        legacy.remove(d)
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(
            f"cannot write the index: {getattr(exc, 'strerror', None) or exc!s}"
        ) from exc


def tables_from_index(store: Store) -> dict[str, dict[str, Any]]:
    """The side tables rebuilt from the stored articles (a lost or damaged database)."""
    from index.analysis.features import features

    tables: dict[str, dict[str, Any]] = {name: {} for name in TABLE_NAMES}
    tables["words"] = {}
    with store.searcher() as s:
        for fields in s.all_stored_fields():
            article, entities = decode_blob(fields["blob"])
            tables["words"].update(dict.fromkeys(article_words(article)))
            tables["catalogue"][article.id] = (
                article.path,
                article.title,
                article.source,
                article.date,
                article.story,
            )
            tables["features"][article.id] = features(article, entities)
            for e in entities:
                key, text = f"{e.label}|{e.canonical}", " ".join(e.text.split())
                if fullest(tables["names"].get(key), text, key):
                    tables["names"][key] = text
    return tables


def words_from_index(store: Store) -> list[str]:
    """The spelling words of the stored articles (``database.put_words``)."""
    found: set[str] = set()
    with store.searcher() as s:
        for fields in s.all_stored_fields():
            found.update(article_words(decode_blob(fields["blob"])[0]))
    return sorted(found)


def drop_orphans(store: Store, run: Run) -> int:
    """Delete the articles of files that are no longer in the corpus but still in the index (a
    run killed between its two commits, or a database rebuilt without its manifest)."""
    current = {f.path for f in run.files}
    dropped = 0
    with store.searcher() as s:
        for term in list(s.reader().lexicon("file")):
            path = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            if path in current:
                continue
            ids = [s.stored_fields(n)["id"] for n in s.document_numbers(file=path)]
            if ids:
                run.orphan_paths.add(path)
                run.writer.delete_by_term("file", path)
                run.forget(ids)
                run.counts["removed"] += len(ids)
                dropped += len(ids)
    return dropped
