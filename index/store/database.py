"""The index folder's database (the standard library's SQLite): manifest, skipped list, side tables.

One file, ``newsdesk.sqlite``, beside the Whoosh segments, read without importing Whoosh:

- ``files``: the manifest, one row per corpus file (size, mtime, content hash, the ids read from it,
  what was skipped in it, and for a ``.jsonl`` file a key per indexed line, ``index.ingest.jsonl``);
- ``skipped``: every file or line the last run skipped, with the reason (the app lists them at start);
- ``catalogue``: article id -> path, title, source, date, story (what the library lists);
- ``names``: ``LABEL|canonical`` entity key -> the fullest surface form seen (sidebar labels);
- ``features``: article id -> related-report features (``index.analysis.features``), as JSON;
- ``words``: every unstemmed word of the titles and bodies indexed, once a corpus (the spelling list
  that "did you mean" and fuzzy words read; see ``put_words``);
- ``meta``: the database format, the Whoosh generation the rows describe, and each folder's
  digest of the manifest's sizes and mtimes (``walk_digests``: an unchanged corpus is recognised,
  and a run finds what changed, without reading every file's row).

A run changes only the rows of the files it read (the hand-made pickle and JSON stores it replaces
rewrote a 19 MB manifest and delta files whole). Nothing here is a pickle: a damaged or foreign row
is an error to recover from, never code to run.

The rollback journal (not WAL): reading never creates a file, so a search on an unchanged corpus
leaves the index folder exactly as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import marshal
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from index.store import fastjson

DB_NAME = "newsdesk.sqlite"
FORMAT = 2
"""Bump on any change to the tables below; an older database is then rebuilt from the index."""
BUSY_TIMEOUT = 10.0
"""Seconds a reader waits while another process commits (a commit takes milliseconds)."""

_TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    """CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, sha1 TEXT,
    count INTEGER NOT NULL, ids TEXT NOT NULL, skipped TEXT NOT NULL, lines TEXT
) WITHOUT ROWID""",
    "CREATE TABLE IF NOT EXISTS skipped (n INTEGER PRIMARY KEY, path TEXT NOT NULL, reason TEXT NOT NULL)",
    """CREATE TABLE IF NOT EXISTS catalogue (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT NOT NULL, source TEXT, date TEXT, story TEXT
) WITHOUT ROWID""",
    "CREATE TABLE IF NOT EXISTS names (key TEXT PRIMARY KEY, text TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS features (id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY) WITHOUT ROWID",
    # The few files with something skipped, found without reading every manifest row (every run
    # and every check reads them: ~15 ms at 100,000 files by a scan).
    "CREATE INDEX IF NOT EXISTS files_skipped ON files (path) WHERE skipped != '[]'",
)
_TABLE_NAMES = ("meta", "files", "skipped", "catalogue", "names", "features", "words")

Entry = dict[str, Any]
"""A manifest row as the store uses it: ``size``, ``mtime_ns``, ``sha1``, ``ids``, ``skipped``
(``[[path, reason], ...]``) and, for a ``.jsonl`` file, ``lines`` (line key -> id)."""


WALK_DIGEST = "walk_digest"
"""The ``meta`` key of the digests of the walk the manifest records (``walk_digests``), as JSON
``{"generation": ..., "folders": {folder: digest}}``; deleted by every other change to the manifest."""

Digests = dict[str, str]
"""Each folder's digest of a walk (``walk_digests``)."""


def walk_digests(found: dict[str, tuple[int, int, str]]) -> Digests:
    """Each folder's digest of a corpus walk (``index.store.walk``: path -> size, mtime, root):
    the names, sizes, mtimes and roots of the article files directly in it.

    After a run the manifest holds exactly the walk's files with the walk's sizes and mtimes, so a
    later walk with the same digests finds nothing changed (~9 ms at 10,000 files where reading and
    comparing every manifest row took ~20 ms), and a run reads the manifest rows of the folders
    whose digest differs, not of every file (``Run``).
    """
    by_folder: dict[str, list[tuple[str, tuple[int, int, str]]]] = {}
    sep = os.sep
    for path, st in found.items():
        folder, _, name = path.rpartition(sep)
        files = by_folder.get(folder)
        if files is None:
            files = by_folder[folder] = []
        files.append((name, st))
    return folder_digests(by_folder)


def folder_digests(folders: dict[str, list[tuple[str, tuple[int, int, str]]]]) -> Digests:
    """``walk_digests`` of a walk's files grouped by folder (``index.store.walk.walk``'s
    ``folders``): folder -> [(name, (size, mtime, root)), ...]."""
    sha1, dumps = hashlib.sha1, marshal.dumps
    # marshal version 2: later versions write an object met twice by reference, and only objects
    # also held elsewhere, so the same walk could give other bytes.
    return {folder: sha1(dumps(sorted(files), 2)).hexdigest() for folder, files in folders.items()}


def recorded_digests(con: sqlite3.Connection, generation: int | str) -> Digests | None:
    """The digests of the walk the manifest records, if they were written at the Whoosh
    ``generation`` (one written before another process's commit no longer counts)."""
    text = meta(con, WALK_DIGEST)
    try:
        data = json.loads(text) if text else None
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("generation") != str(generation):
        return None
    folders = data.get("folders")
    return folders if isinstance(folders, dict) else None


def put_digests(con: sqlite3.Connection, digests: Digests, generation: int | str) -> None:
    """Record the digests of the walk the manifest now holds, at the Whoosh ``generation``."""
    value = {"generation": str(generation), "folders": digests}
    set_meta(con, WALK_DIGEST, json.dumps(value, ensure_ascii=False, separators=(",", ":")))


class DatabaseError(Exception):
    """The database is missing, damaged or of another format (the store rebuilds it)."""


def db_path(index_dir: Path) -> Path:
    """The database file of an index folder."""
    return index_dir / DB_NAME


def stamp(index_dir: Path) -> tuple[int, int, int] | None:
    """What changes when the database changes (every commit rewrites the file), for caches."""
    try:
        st = db_path(index_dir).stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


@contextlib.contextmanager
def reading(index_dir: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection (never creates the file), closed on leaving.

    Raises:
        DatabaseError: no database, a damaged one, or one of another format.
    """
    path = db_path(index_dir)
    if not path.is_file():
        raise DatabaseError("no database")
    try:
        # (a relative --index-dir has no file URI: resolved first)
        uri = path.resolve().as_uri()
        con = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.Error as exc:
        raise DatabaseError(str(exc)) from exc
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if row is None or row[0] != str(FORMAT):
            raise DatabaseError(f"database format {row[0] if row else None}, now {FORMAT}")
        yield con
    except sqlite3.Error as exc:
        raise DatabaseError(str(exc)) from exc
    finally:
        con.close()


@contextlib.contextmanager
def writing(index_dir: Path) -> Iterator[sqlite3.Connection]:
    """A connection whose changes are committed together on leaving (rolled back on an error).

    Only the holder of the Whoosh write lock writes, so writers never wait on each other; readers
    in other processes wait at most ``BUSY_TIMEOUT`` for the commit.

    Raises:
        sqlite3.Error: the database cannot be written (a full disk, a damaged file).
    """
    with _committed(_begin(db_path(index_dir))) as con:
        for statement in _TABLES:  # no-ops once made
            con.execute(statement)
        set_meta(con, "format", str(FORMAT))
        yield con


@contextlib.contextmanager
def rebuilding(index_dir: Path) -> Iterator[sqlite3.Connection | None]:
    """A write transaction on an emptied database, or ``None`` when a sound one is already there.

    Two processes opening a new or damaged index both come here: the second waits for the first's
    transaction, then finds its database sound and leaves it (deleting the file under the other's
    open connection made that one's commit fail).
    """
    path = db_path(index_dir)
    try:
        con = _begin(path)
    except sqlite3.DatabaseError:  # not a database at all: only then is the file replaced
        remove(index_dir)
        con = _begin(path)
    with _committed(con):
        try:
            sound = meta(con, "format") == str(FORMAT) and meta(con, "generation") is not None
        except sqlite3.Error:
            sound = False
        if sound:
            con.execute("ROLLBACK")
            yield None
            return
        for table in _TABLE_NAMES:
            con.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _TABLES:
            con.execute(statement)
        set_meta(con, "format", str(FORMAT))
        yield con


@contextlib.contextmanager
def _committed(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``con``'s open transaction committed when the block ends (unless it was rolled back inside:
    a cancelled run, a sound database left as it is), rolled back on any error; closed either way."""
    try:
        yield con
        if con.in_transaction:
            con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()


def _begin(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("BEGIN IMMEDIATE")
    except BaseException:
        con.close()
        raise
    return con


def remove(index_dir: Path) -> None:
    """Delete the database and its journal (a damaged one, or one of another format)."""
    for name in (DB_NAME, DB_NAME + "-journal"):
        (index_dir / name).unlink(missing_ok=True)


# -- reading ------------------------------------------------------------------------------------


def meta(con: sqlite3.Connection, key: str) -> str | None:
    """One ``meta`` value."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def file_stats(con: sqlite3.Connection) -> dict[str, tuple[int, int, int]]:
    """Every manifest file's (size, mtime_ns, number of articles), by path: all a quiet run reads."""
    rows = con.execute("SELECT path, size, mtime_ns, count FROM files")
    return {path: (size, mtime, count) for path, size, mtime, count in rows}


def file_article_count(con: sqlite3.Connection) -> int:
    """The number of articles of every manifest file."""
    return int(con.execute("SELECT coalesce(sum(count), 0) FROM files").fetchone()[0])


def folder_stats(
    con: sqlite3.Connection, folders: Iterable[str]
) -> dict[str, tuple[int, int, int]]:
    """``file_stats`` of the manifest files in ``folders`` and their sub-folders only (each a
    range of the manifest's path key: paths that start with ``folder/``)."""
    sep = os.sep
    # Every path that starts with "folder/" sorts after it and before "folder" + the character
    # after the separator ("/" + 1 is "0").
    after = chr(ord(sep) + 1)
    out: dict[str, tuple[int, int, int]] = {}
    for folder in sorted(folders):
        rows = con.execute(
            "SELECT path, size, mtime_ns, count FROM files WHERE path > ? AND path < ?",
            (folder + sep, folder + after),
        )
        out.update((path, (size, mtime, count)) for path, size, mtime, count in rows)
    return out


def file_skipped(con: sqlite3.Connection) -> dict[str, list[list[str]]]:
    """What was skipped inside each file that had something skipped, by path."""
    rows = con.execute("SELECT path, skipped FROM files WHERE skipped != '[]'")
    return {path: _json_list(text) for path, text in rows}


def entries(con: sqlite3.Connection, paths: Iterable[str]) -> dict[str, Entry]:
    """Whole manifest rows of ``paths`` (those the manifest has)."""
    out: dict[str, Entry] = {}
    for path in paths:
        row = con.execute(
            "SELECT size, mtime_ns, sha1, ids, skipped, lines FROM files WHERE path = ?", (path,)
        ).fetchone()
        if row is None:
            continue
        size, mtime, sha1, ids, skipped, lines = row
        entry: Entry = {
            "size": size,
            "mtime_ns": mtime,
            "sha1": sha1,
            "ids": _json_list(ids),
            "skipped": _json_list(skipped),
        }
        if lines is not None:
            entry["lines"] = json.loads(lines)
        out[path] = entry
    return out


def skipped(con: sqlite3.Connection) -> list[list[str]]:
    """The last run's skipped list, ``[[path, reason], ...]`` in the order it was reported."""
    return [[p, r] for p, r in con.execute("SELECT path, reason FROM skipped ORDER BY n")]


def catalogue(con: sqlite3.Connection) -> dict[str, tuple[Any, ...]]:
    """Article id -> (path, title, source, date, story)."""
    rows = con.execute("SELECT id, path, title, source, date, story FROM catalogue")
    return {r[0]: tuple(r[1:]) for r in rows}


def names(con: sqlite3.Connection) -> dict[str, str]:
    """Entity key -> its fullest surface form."""
    return dict(con.execute("SELECT key, text FROM names"))


def features(con: sqlite3.Connection) -> dict[str, Any]:
    """Article id -> related-report features.

    The rows are fetched first and decoded after: decoding while the query ran kept its read lock
    for seconds (10,000 articles of up to 300 stems), and an index run that finished meanwhile
    waited that long to commit (the related-report build in the background reads them).
    """
    loads = fastjson.loads
    rows = con.execute("SELECT id, data FROM features").fetchall()
    return {i: loads(data) for i, data in rows}


def words(con: sqlite3.Connection) -> list[str]:
    """The corpus's spelling words, sorted."""
    return [w for (w,) in con.execute("SELECT word FROM words ORDER BY word")]


def _json_list(text: str | None) -> list[Any]:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return value if isinstance(value, list) else []


# -- writing (inside ``writing``) ---------------------------------------------------------------


def set_meta(con: sqlite3.Connection, key: str, value: str) -> None:
    """Set one ``meta`` value."""
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def put_files(con: sqlite3.Connection, rows: dict[str, Entry], gone: Iterable[str]) -> None:
    """Replace the manifest rows of ``rows``' paths and delete those of ``gone`` (and the walk
    digest, which no longer describes them: ``Run.save`` writes the new one)."""
    con.execute("DELETE FROM meta WHERE key = ?", (WALK_DIGEST,))
    con.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in gone))
    dumps = json.dumps
    con.executemany(
        "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                path,
                e["size"],
                e["mtime_ns"],
                e.get("sha1"),
                len(e.get("ids", ())),
                dumps(e.get("ids", []), ensure_ascii=False),
                dumps(e.get("skipped", []), ensure_ascii=False),
                dumps(e["lines"], ensure_ascii=False) if "lines" in e else None,
            )
            for path, e in rows.items()
        ),
    )


def put_skipped(con: sqlite3.Connection, listed: list[list[str]]) -> None:
    """Replace the skipped list (only when it changed: it is usually short and the same)."""
    if skipped(con) == listed:
        return
    con.execute("DELETE FROM skipped")
    con.executemany(
        "INSERT INTO skipped VALUES (?, ?, ?)", ((n, p, r) for n, (p, r) in enumerate(listed))
    )


def put_articles(
    con: sqlite3.Connection,
    catalogue_rows: dict[str, tuple[Any, ...]],
    feature_rows: dict[str, Any],
    gone: Iterable[str],
) -> None:
    """Replace the catalogue and features rows of new and changed articles; delete ``gone`` ones."""
    dropped = [(i,) for i in gone]
    con.executemany("DELETE FROM catalogue WHERE id = ?", dropped)
    con.executemany("DELETE FROM features WHERE id = ?", dropped)
    con.executemany(
        "INSERT OR REPLACE INTO catalogue VALUES (?, ?, ?, ?, ?, ?)",
        ((i, *row) for i, row in catalogue_rows.items()),
    )
    con.executemany(
        "INSERT OR REPLACE INTO features VALUES (?, ?)",
        ((i, encode_features(f)) for i, f in feature_rows.items()),
    )


def encode_features(feats: Any) -> str:
    """An article's related-report features as the ``features`` table holds them: compact JSON
    text (orjson, :mod:`index.store.fastjson`; rows written by ``json`` before read the same)."""
    return fastjson.dumps(feats).decode("utf-8")


def put_names(con: sqlite3.Connection, found: dict[str, str]) -> None:
    """Keep, for each entity key, the fullest surface form of the stored one and ``found``'s."""
    old: dict[str, str] = {}
    keys = list(found)
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ",".join("?" * len(chunk))
        old.update(con.execute(f"SELECT key, text FROM names WHERE key IN ({marks})", chunk))
    con.executemany(
        "INSERT OR REPLACE INTO names VALUES (?, ?)",
        (
            (key, text)
            for key, text in found.items()
            if key not in old or fullest(old[key], text, key)
        ),
    )


def put_words(con: sqlite3.Connection, found: Iterable[str]) -> None:
    """Add spelling words (unstemmed title and body words) not yet listed.

    Whoosh kept them as a ``spelling=True`` field's terms in every segment: a third of each
    segment's terms, written again by each worker and at each merge (~85 us a term in Whoosh's
    codec). Words are never removed when their articles go, as they were not from a segment: a
    word no article holds any more is at worst a candidate that the suggestion's own check (does it
    find more?) or the fuzzy word's (is its stem indexed?) turns away.
    """
    con.executemany("INSERT OR IGNORE INTO words VALUES (?)", ((w,) for w in found))


def fullest(old: str | None, new: str, key: str = "") -> bool:
    """Whether ``new`` is a better surface form to show for the entity ``key`` than ``old``.

    A name: the fuller form (longer, capitalised), never one in capitals when the corpus also
    writes it in mixed case ("the Gulf", not "THE GULF"). A date or a quantity (``DATE|``,
    ``QUANTITY|`` keys): the plainest form, since its key is its value ("two", not "more than two";
    "March 31", not "Tuesday, March 31").
    """
    if old is None:
        return True
    # The text itself breaks ties, so the choice does not depend on the order articles come in
    # (parallel index runs finish them in any order).
    if key.startswith(("DATE|", "QUANTITY|")):
        return (new.isupper(), len(new), new) < (old.isupper(), len(old), old)
    return (not new.isupper(), len(new), new[:1].isupper(), new) > (
        not old.isupper(),
        len(old),
        old[:1].isupper(),
        old,
    )


def replace_tables(
    con: sqlite3.Connection,
    catalogue_rows: dict[str, tuple[Any, ...]],
    feature_rows: dict[str, Any],
    name_rows: dict[str, str],
    word_rows: Iterable[str] = (),
) -> None:
    """Replace the side tables whole (rebuilt from the stored articles)."""
    for table in ("catalogue", "features", "names", "words"):
        con.execute(f"DELETE FROM {table}")
    put_articles(con, catalogue_rows, feature_rows, ())
    put_names(con, name_rows)
    put_words(con, word_rows)


def file_size(index_dir: Path) -> int:
    """The database's size in bytes (0 when missing), for benchmarks."""
    try:
        return os.path.getsize(db_path(index_dir))
    except OSError:
        return 0
