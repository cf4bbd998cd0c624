"""The library: the user's own corpus, a list of folders (or article files) kept in the config folder.

``newsdesk library add|remove|list`` edits it; ``newsdesk`` and every command given no PATH read it.
The bundled sample articles stand in only while the library is empty, and the user is told so.
The file is ``library.json`` beside ``settings.json`` (``NEWSDESK_CONFIG_DIR`` moves both).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.paths import PathError, check_paths, seeds_dir
from tui.settings import config_dir

FILENAME = "library.json"
EMPTY_NOTE = (
    "the library is empty: showing the bundled sample articles "
    "(add your own with `newsdesk library add PATH`)"
)
EMPTY_STATUS = "sample articles: your library is empty"
"""The status line's words for the seeds standing in for an empty library."""


class LibraryError(PathError):
    """The library file cannot be read or written; the message says what to do."""


def library_file() -> Path:
    """Where the library's list is kept."""
    return config_dir() / FILENAME


def load() -> list[str]:
    """The library's folders, as absolute paths, in the order they were added.

    A missing file is an empty library.

    Raises:
        LibraryError: the file exists but is not a library (it is never overwritten then).
    """
    path = library_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        raise LibraryError(f"cannot read the library list {path}: {exc}") from None
    folders = data.get("folders") if isinstance(data, dict) else None
    if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
        raise LibraryError(f"{path} is not a newsdesk library list; fix or delete it")
    return list(dict.fromkeys(folders))


def save(folders: Sequence[str]) -> None:
    """Write the library's list atomically.

    Raises:
        LibraryError: the config folder cannot be written.
    """
    path = library_file()
    tmp = path.with_name(f"{FILENAME}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps({"folders": list(folders)}, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LibraryError(f"cannot write the library list {path}: {exc.strerror or exc}") from None


def absolute(path: str) -> str:
    """A PATH as the library keeps it: absolute, links resolved (it need not exist)."""
    return str(Path(path).expanduser().resolve())


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def holder(path: str) -> str | None:
    """The library folder that holds ``path`` (a file or folder), if any.

    Raises:
        LibraryError: the library list cannot be read.
    """
    resolved = absolute(path)
    return next((f for f in load() if _inside(resolved, f)), None)


@dataclass(frozen=True)
class Change:
    """What ``add`` or ``remove`` did, to be told to the user."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    already: tuple[tuple[str, str], ...] = ()
    """(path, the library folder that already holds it)."""
    unknown: tuple[str, ...] = ()
    """Paths asked to be removed that the library does not hold."""


def add(paths: Sequence[str]) -> Change:
    """Add PATHs (checked first: a missing or unreadable one is refused and nothing is saved).

    A PATH inside a library folder is already there; a folder holding library folders replaces them.

    Raises:
        PathError: a PATH is missing or unreadable.
        LibraryError: the list cannot be read or written.
    """
    check_paths(paths)
    folders = load()
    added: list[str] = []
    removed: list[str] = []
    already: list[tuple[str, str]] = []
    for raw in paths:
        path = absolute(raw)
        holder = next((f for f in folders if _inside(path, f)), None)
        if holder is not None:
            already.append((path, holder))
            continue
        inner = [f for f in folders if _inside(f, path)]
        folders = [f for f in folders if f not in inner]
        removed.extend(inner)
        folders.append(path)
        added.append(path)
    if added:
        save(folders)
    return Change(added=tuple(added), removed=tuple(removed), already=tuple(already))


def remove(paths: Sequence[str]) -> Change:
    """Forget PATHs (as typed or as kept; a folder that no longer exists can be forgotten too).

    Raises:
        LibraryError: the list cannot be read or written.
    """
    folders = load()
    removed: list[str] = []
    unknown: list[str] = []
    for raw in paths:
        path = raw if raw in folders else absolute(raw)
        if path in folders:
            folders.remove(path)
            removed.append(path)
        else:
            unknown.append(raw)
    if removed:
        save(folders)
    return Change(removed=tuple(removed), unknown=tuple(unknown))


def problem(folder: str) -> str | None:
    """Why a library folder cannot be read now (``None`` when it can)."""
    try:
        check_paths([folder])
    except PathError as exc:
        return str(exc)
    return None


@dataclass(frozen=True)
class Corpus:
    """The corpus a command runs on, and what the user should be told about it.

    Attributes:
        paths: The roots to index (every library folder, readable or not: the index is one per
            set of roots, so a folder that is away for a while does not make another index).
        notes: One line each: the seeds standing in for an empty library, a library folder that
            cannot be read.
        from_library: The corpus is the library (or the seeds standing in for it).
        seeds: The bundled sample articles are shown because the library is empty.
    """

    paths: list[str]
    notes: list[str]
    from_library: bool
    seeds: bool = False


def corpus_label(found: Corpus) -> str:
    """Which corpus the app is on, for its status line: the sample articles, the library, or the
    folders and files typed on the command line (their names)."""
    if found.seeds:
        return EMPTY_STATUS
    if found.from_library:
        n = len(found.paths)
        return f"your library ({n} folder{'s' if n != 1 else ''})"
    names = [Path(p).name or str(p) for p in found.paths]
    shown = ", ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
    return f"on {shown}"


def corpus(paths: Sequence[str]) -> Corpus:
    """The corpus for PATHs typed on the command line; the library when none were given.

    Raises:
        PathError: a typed PATH is missing or unreadable, or no library folder can be read.
        LibraryError: the library list cannot be read.
    """
    if paths:
        check_paths(paths)
        return Corpus(list(paths), [], False)
    folders = load()
    if not folders:
        return Corpus([str(seeds_dir())], [EMPTY_NOTE], True, seeds=True)
    notes = []
    for folder in folders:
        why = problem(folder)
        if why:
            notes.append(
                f"library folder left out: {why} (`newsdesk library remove {folder}` forgets it)"
            )
    if len(notes) == len(folders):
        raise PathError("no folder of the library can be read:\n  " + "\n  ".join(notes))
    return Corpus(list(folders), notes, True)


def skipped_count(paths: Sequence[str]) -> str:
    """How much an index run skipped, from the skipped paths: "2 files skipped", "70,000 lines of
    .jsonl files skipped", "1 file and 3 .jsonl lines skipped" (a broken line is no file)."""
    lines = sum(1 for p in paths if _is_jsonl_line(p))
    files = len(paths) - lines
    parts = []
    if files:
        parts.append(f"{files:,} file{'s' if files != 1 else ''}")
    if lines:
        parts.append(f"{lines:,} .jsonl line{'s' if lines != 1 else ''}")
    return " and ".join(parts) + " skipped"


def _is_jsonl_line(path: str) -> bool:
    head, sep, tail = path.rpartition(":")
    return bool(sep) and tail.isdigit() and head.lower().endswith(".jsonl")
