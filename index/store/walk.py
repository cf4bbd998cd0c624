"""A stat-only walk of the corpus, for the question "has anything changed since the last run?".

``index.ingest.files.scan`` makes a ``Path`` per file and imports the readers of every format
(markdown, YAML, HTML: ~0.2 s); at 10,000 files it took 0.6-0.7 s, most of a command-line search.
This walk finds the same files and the same skipped paths with plain strings and ``os.walk``, and
imports nothing but the standard library (0.02-0.05 s at 10,000 files). It only decides whether a run can be skipped: when it
sees any difference from the manifest, the run uses ``scan`` itself.

The rules are ``scan``'s, copied (``ARTICLE_SUFFIXES``, hidden names, "save complete page" folders,
symlinked folders read once, names that are not UTF-8); tests/engine/test_walk.py checks that both
give the same answer on trees built to differ.
"""

from __future__ import annotations

import errno
import operator
import os
from collections.abc import Iterable

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl", ".html", ".htm"})
"""As ``index.ingest.files.ARTICLE_SUFFIXES`` (a test keeps the two equal)."""

Found = dict[str, tuple[int, int, str]]
"""Article files by path: (size, mtime_ns, the corpus root it was found under)."""
Folders = dict[str, list[tuple[str, tuple[int, int, str]]]]
"""The files of ``Found`` by folder: folder -> [(name, (size, mtime_ns, root)), ...]."""


def walk(roots: Iterable[str], folders: Folders | None = None) -> tuple[Found, list[list[str]]]:
    """The article files under ``roots`` and the skipped paths with reasons, as ``scan`` finds them.

    Args:
        roots: Corpus folders or files, as given (``scan`` resolves them the same way).
        folders: Filled, when given, with the files found in each folder walked (not those given
            as roots): what ``database.walk_digests`` groups, gathered as the walk goes (grouping
            10,000 paths afterwards took ~4 ms).

    Returns:
        The files (path -> size, mtime and root), and ``[[path, reason], ...]`` in ``scan``'s order.
    """
    found: Found = {}
    skipped: list[list[str]] = []
    for raw in roots:
        p = os.path.expanduser(os.fspath(raw))
        try:
            root = os.path.realpath(p)
        except (OSError, ValueError) as exc:
            # scan's message differs in places: a difference only sends the run to scan.
            skipped.append([_printable(p), f"cannot resolve path: {exc}"])
            continue
        if os.path.isfile(root):
            _add(root, os.path.dirname(root), found, skipped, explicit=True)
        elif os.path.isdir(root):
            _walk(root, found, skipped, folders)
        else:
            skipped.append([_printable(p), "no such file or folder"])
    return found, skipped


def _walk(root: str, found: Found, skipped: list[list[str]], folders: Folders | None) -> None:
    """``os.walk(root, followlinks=True)`` as ``scan`` prunes it, with each file's ``stat`` taken
    from its directory entry (``fstatat`` beside an open folder: 10,000 files in ~0.02 s where a
    ``stat`` by whole path took 0.09-0.17 s)."""
    seen_dirs: set[tuple[int, int]] = set()

    def visit(top: str) -> None:
        try:
            with os.scandir(top) as it:
                entries = list(it)
        except OSError as err:
            skipped.append([_printable(str(err.filename)), f"cannot list folder: {err.strerror}"])
            return
        dirs: list[os.DirEntry[str]] = []
        files: list[os.DirEntry[str]] = []
        for entry in entries:
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            (dirs if is_dir else files).append(entry)
        try:
            st = os.stat(top)
        except OSError:
            return
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            return  # a symlink loop or a second link to a folder already read
        seen_dirs.add(key)
        names = [e.name for e in files]
        files.sort(key=_entry_name)
        here: list[tuple[str, tuple[int, int, str]]] = []
        # Each path is ``os.path.join(top, name)``: its folder, as ``path.rpartition(os.sep)[0]``.
        folder = top[:-1] if top.endswith(os.sep) else top
        for entry in files:
            name = entry.name
            if name.startswith("."):
                continue
            path = entry.path
            dot = name.rfind(".")
            # The common case inline (an article file with a plain name): 10,000 calls of ``_add``
            # were a third of the walk's CPU.
            if (
                0 < dot < len(name) - 1
                and name[dot:].lower() in ARTICLE_SUFFIXES
                and path.isascii()
            ):
                try:
                    st = entry.stat()
                except OSError:
                    pass
                else:
                    if path not in found:
                        value = found[path] = (st.st_size, st.st_mtime_ns, root)
                        here.append((name, value))
                    continue
            count = len(found)
            _add(path, root, found, skipped, explicit=False, entry=entry)
            if len(found) > count:
                here.append((name, found[path]))
        if here and folders is not None:
            folders[folder] = here
        for name in sorted(
            e.name for e in dirs if not e.name.startswith(".") and not _page_assets(e.name, names)
        ):
            visit(os.path.join(top, name))

    visit(root)


def _add(
    path: str,
    root: str,
    found: Found,
    skipped: list[list[str]],
    explicit: bool,
    entry: os.DirEntry[str] | None = None,
) -> None:
    name = os.path.basename(path)
    suffix = _suffix(name)
    if suffix.lower() not in ARTICLE_SUFFIXES:
        if explicit or not name.startswith("."):
            kind = suffix or "no extension"
            skipped.append([_printable(path), f"not an article file type ({_printable(kind)})"])
        return
    shown = path if path.isascii() else _printable(path)
    if shown != path:
        skipped.append([shown, "file or folder name is not valid UTF-8 (rename it to read it)"])
        return
    try:
        st = entry.stat() if entry is not None else os.stat(path)
    except OSError as exc:
        skipped.append([shown, unreadable(path, exc)])
        return
    if path not in found:
        found[path] = (st.st_size, st.st_mtime_ns, root)


_entry_name = operator.attrgetter("name")  # the sort key of a folder's entries (in C)


def _suffix(name: str) -> str:
    """``PurePath(name).suffix``: the last dotted part, not for a name that starts or ends with it."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def _printable(path: str) -> str:
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def unreadable(path: str, exc: OSError) -> str:
    """As ``index.ingest.files.unreadable`` (a symbolic link to nothing is named as such)."""
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"broken link (it points to {_printable(os.readlink(path))}, which does not exist)"
    return f"cannot read file: {exc.strerror or exc}"


def _page_assets(folder: str, siblings: list[str]) -> bool:
    """As ``index.web.extract.page_assets`` (``Page_files`` beside ``Page.html``)."""
    if not folder.endswith("_files"):
        return False
    page = folder[: -len("_files")]
    return bool(page) and (f"{page}.html" in siblings or f"{page}.htm" in siblings)
