"""The index folder's lifecycle: refuse a foreign folder, create a new index whole, open or rebuild.

The folder (private, 0700: Whoosh pickles stored fields) holds the Whoosh segments, a marker file
saying newsdesk made it and with which schema, and the database of ``index.store.database``.
"""

from __future__ import annotations

# ruff: noqa: E402 (Whoosh is imported after load_whoosh)
import contextlib
import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

from index.store.whoosh_compat import load_whoosh

load_whoosh()  # first: Whoosh without the modules it imports but never calls here (~80 ms)

from whoosh import index as windex

from index.store.errors import StoreError
from index.store.schema import SCHEMA_VERSION, make_schema
from index.store.tables import MARKER


def atomic_write_json(path: Path, data: object) -> None:
    """Replace ``path`` with ``data`` as JSON, never leaving a half-written file."""
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def prepare(d: Path, allow_foreign: bool) -> None:
    """Check that ``d`` can hold an index (missing, empty, or made by newsdesk).

    Raises:
        StoreError: a file, a foreign folder (unless ``allow_foreign``), or no access.
    """
    try:
        if d.exists():
            if not d.is_dir():
                raise StoreError(f"index location {d} is a file, not a folder")
            if not (d / MARKER).exists() and any(d.iterdir()) and not allow_foreign:
                raise StoreError(
                    f"{d} is not empty and was not made by newsdesk; refusing to open it "
                    "(choose an empty folder with --index-dir)"
                )
            with contextlib.suppress(OSError):
                os.chmod(d, 0o700)
        else:
            # The index itself is made whole elsewhere and moved in (see ``create_fresh``).
            d.parent.mkdir(parents=True, exist_ok=True)
    except PermissionError as exc:
        raise StoreError(f"cannot use index folder {d}: permission denied") from exc
    except OSError as exc:
        if isinstance(exc, StoreError):
            raise
        raise StoreError(f"cannot use index folder {d}: {exc.strerror or exc}") from exc


def read_marker(d: Path) -> dict[str, Any] | None:
    """The marker's contents, or ``None`` when missing or unreadable."""
    try:
        data = json.loads((d / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def open_or_create(d: Path, roots: list[str], messages: list[str], seed: bool = False) -> Any:
    """The Whoosh index in ``d``: opened when sound, else made anew (saying why in ``messages``).

    With ``seed``, a new index starts as a copy of the index beside it that shares the most roots
    (``index.store.seeding``), so that the first run reads only the files of the other roots.
    """
    if not d.exists() or (d.is_dir() and not any(d.iterdir())):
        return create_fresh(d, roots, seed)
    marker = read_marker(d)
    reason: str | None = None
    if marker is None:
        reason = "new index" if not (d / MARKER).exists() else "unreadable marker"
    elif marker.get("schema") != SCHEMA_VERSION:
        reason = (
            f"it was made by another version of newsdesk (schema {marker.get('schema')}, "
            f"now {SCHEMA_VERSION})"
        )
    else:
        # Another newsdesk process committing to this index replaces its table of contents and
        # deletes merged segments: a reader opened at that moment finds a file gone. Read again
        # before calling the index damaged, or this process would empty the folder under the
        # other's feet (test_two_index_processes_at_once: SQLite "disk I/O error" there, at load
        # 22).
        for attempt in range(_OPEN_ATTEMPTS):
            try:
                return _open_checked(d)
            except Exception as exc:
                reason = f"index files unreadable ({type(exc).__name__})"
                if attempt + 1 < _OPEN_ATTEMPTS:
                    time.sleep(_OPEN_PAUSE)
    if reason != "new index":
        messages.append(f"Rebuilding the index: {reason}.")
    return create(d, roots)


_OPEN_ATTEMPTS = 4
_OPEN_PAUSE = 0.25  # seconds between attempts: a commit's table of contents is written in less


def _open_checked(d: Path) -> Any:
    """The index in ``d``, opened and its files touched: damage shows now, not mid-search."""
    ix = windex.open_dir(str(d))
    # A reader, not a searcher: whoosh.searching (~30 ms to import) is not needed by an
    # index run, and the reader opens the same segment files.
    with ix.reader() as reader:
        if reader.doc_count():
            first = next(iter(reader.lexicon("id")), None)
            if first is not None:
                list(reader.postings("id", first).all_ids())
            reader.stored_fields(0)
    return ix


def create_fresh(d: Path, roots: list[str], seed: bool = False) -> Any:
    """Create a new index in a private temporary folder and move it into place in one rename.

    Two processes creating the same index at once each build their own; the first rename wins
    and the other opens the winner's. Nobody ever sees a half-made index without its marker.
    With ``seed``, the new index is a copy of the best donor's (``index.store.seeding``) when
    there is one and it can be copied, else empty.
    """
    import secrets  # 45 ms to import: only when creating

    tmp = d.parent / f".{d.name}.new-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        tmp.mkdir(mode=0o700)
        _fill(tmp, d, roots, seed)
        atomic_write_json(tmp / MARKER, _marker(roots))
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise StoreError(f"cannot create the index in {d}: {exc.strerror or exc}") from exc
    try:
        os.rename(tmp, d)  # replaces a missing or empty folder, fails on a non-empty one
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not (d / MARKER).exists():
            raise StoreError(f"cannot create the index in {d}: the folder is in use") from None
        # Another process made it first: use theirs.
    try:
        return windex.open_dir(str(d))
    except Exception as exc:
        raise StoreError(f"cannot open the new index in {d}: {exc}") from exc


def _fill(tmp: Path, d: Path, roots: list[str], seed: bool) -> None:
    """An empty index in ``tmp``, or a copy of a donor's for ``d`` (see ``create_fresh``)."""
    if seed:
        from index.store import seeding

        source = seeding.donor(d, roots)
        if source is not None and seeding.copy_index(source, tmp):
            return
        for child in tmp.iterdir():  # a partial copy
            child.unlink()
    windex.create_in(str(tmp), make_schema())


def create(d: Path, roots: list[str]) -> Any:
    """Empty ``d`` (segments, marker, database) and create a new index in it."""
    try:
        for child in d.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        ix = windex.create_in(str(d), make_schema())
        atomic_write_json(d / MARKER, _marker(roots))
    except OSError as exc:
        raise StoreError(f"cannot create the index in {d}: {exc.strerror or exc}") from exc
    return ix


def _marker(roots: list[str]) -> dict[str, Any]:
    return {"app": "newsdesk", "schema": SCHEMA_VERSION, "roots": roots}
