"""Index folders written before the database (``index.store.database``): read once, then removed.

Up to the commit that brought the database, the folder held ``manifest.json`` (every file's size,
mtime, hash, ids, skipped lines and line keys, plus the run's skipped list), ``skipped.json``, and the
side tables as pickles (``catalogue``, ``names``, ``features``, each with a ``.delta.pickle`` of
recent changes). The Whoosh segments are the same, so such a folder is migrated, not rebuilt.

The pickles are read with an unpickler that refuses every class and function: the tables are plain
dicts, lists, tuples, strings and numbers, which need none, so nothing in them can run code. A table
that needs more (or is damaged) is rebuilt from the stored articles instead.
"""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
SKIPPED = "skipped.json"
TABLES = ("catalogue", "names", "features")


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refused: {module}.{name}")


def _load(path: Path) -> Any:
    try:
        return _PlainUnpickler(io.BytesIO(path.read_bytes())).load()
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, IndexError):
        return None


def present(d: Path) -> bool:
    """Whether ``d`` holds any file of the old layout."""
    return any(p.exists() for p in _files(d))


def read_manifest(d: Path) -> tuple[dict[str, dict[str, Any]], list[list[str]]] | None:
    """The old manifest's files and skipped list, or ``None`` when missing or unreadable."""
    try:
        data = json.loads((d / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
        return None
    files: dict[str, dict[str, Any]] = {}
    for path, entry in data["files"].items():
        if not (isinstance(path, str) and isinstance(entry, dict)):
            return None
        if not isinstance(entry.get("size"), int) or not isinstance(entry.get("mtime_ns"), int):
            return None
        clean = {
            "size": entry["size"],
            "mtime_ns": entry["mtime_ns"],
            "sha1": entry.get("sha1") if isinstance(entry.get("sha1"), str) else None,
            "ids": [i for i in entry.get("ids", []) if isinstance(i, str)],
            "skipped": _pairs(entry.get("skipped")),
        }
        if isinstance(entry.get("lines"), dict):
            clean["lines"] = entry["lines"]
        files[path] = clean
    return files, _pairs(data.get("skipped"))


def read_tables(d: Path) -> dict[str, dict[str, Any]] | None:
    """The three old side tables with their deltas applied, or ``None`` if any is unusable."""
    from index.store.tables import fullest

    tables: dict[str, dict[str, Any]] = {}
    for name in TABLES:
        table = _load(d / f"{name}.pickle")
        if not isinstance(table, dict):
            return None
        delta = _load(d / f"{name}.delta.pickle")
        if isinstance(delta, dict):
            for key in delta.get("del", ()):
                table.pop(key, None)
            for key, value in dict(delta.get("set", {})).items():
                if name != "names" or fullest(table.get(key), value, key):
                    table[key] = value
        tables[name] = table
    return tables


def remove(d: Path) -> None:
    """Delete the old layout's files (once the database holds what they said)."""
    for path in _files(d):
        path.unlink(missing_ok=True)


def _files(d: Path) -> list[Path]:
    names = [MANIFEST, SKIPPED]
    for table in TABLES:
        names += [f"{table}.pickle", f"{table}.delta.pickle"]
    return [d / n for n in names]


def _pairs(rows: Any) -> list[list[str]]:
    if not isinstance(rows, list):
        return []
    return [
        [r[0], r[1]]
        for r in rows
        if isinstance(r, list) and len(r) == 2 and all(isinstance(x, str) for x in r)
    ]
