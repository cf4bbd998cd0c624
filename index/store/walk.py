"""A stat-only walk of the corpus, for the question "has anything changed since the last run?".

``index.ingest.files.scan`` makes a ``Path`` per file and imports the readers of every format
(markdown, YAML, HTML: ~0.2 s); at 10,000 files it took 0.6-0.7 s, most of a command-line search.
This walk finds the same files and the same skipped paths with plain strings and ``os.walk``, and
imports nothing but the standard library and `forking` (0.02-0.05 s at 10,000 files). It only decides whether a run can be skipped: when it
sees any difference from the manifest, the run uses ``scan`` itself.

The rules are ``scan``'s, copied (``ARTICLE_SUFFIXES``, hidden names, "save complete page" folders,
symlinked folders read once, names that are not UTF-8); tests/engine/test_walk.py checks that both
give the same answer on trees built to differ.
"""

from __future__ import annotations

import errno
import marshal
import operator
import os
from collections.abc import Iterable

from index.store.forking import exit_code, forked, read_answer

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl", ".html", ".htm"})
"""As ``index.ingest.files.ARTICLE_SUFFIXES`` (a test keeps the two equal)."""
_LOWER_SUFFIXES = tuple(sorted(ARTICLE_SUFFIXES))  # for one ``str.endswith`` a name

Found = dict[str, tuple[int, int, str]]
"""Article files by path: (size, mtime_ns, the corpus root it was found under)."""
Folders = dict[str, list[tuple[str, tuple[int, int, str]]]]
"""The files of ``Found`` by folder: folder -> [(name, (size, mtime_ns, root)), ...]."""


def walk(
    roots: Iterable[str], folders: Folders | None = None, paths: bool = True, halves: bool = False
) -> tuple[Found, list[list[str]]]:
    """The article files under ``roots`` and the skipped paths with reasons, as ``scan`` finds them.

    Args:
        roots: Corpus folders or files, as given (``scan`` resolves them the same way).
        folders: Filled, when given, with the files found in each folder walked (not those given
            as roots): what ``database.walk_digests`` groups, gathered as the walk goes (grouping
            10,000 paths afterwards took ~4 ms).
        paths: False (with ``folders`` and one root): the files of the folders walked are only
            gathered in ``folders``, not by path (no file can be met twice under one root; making
            100,000 paths was a tenth of the walk, and a check that finds nothing changed needs
            none of them).
        halves: With ``paths`` False: walk a folder root in two processes (``walk_halves``).

    Returns:
        The files (path -> size, mtime and root), and ``[[path, reason], ...]`` in ``scan``'s order.
    """
    found: Found = {}
    skipped: list[list[str]] = []
    roots = list(roots)
    by_path = paths or folders is None or len(roots) != 1
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
            if halves and not by_path and folders is not None:
                half = walk_halves(root, folders)
                if half is not None:
                    skipped.extend(half)
                    continue
            _walk(root, found if by_path else None, skipped, folders)
        else:
            skipped.append([_printable(p), "no such file or folder"])
    return found, skipped


def _walk(
    root: str, found: Found | None, skipped: list[list[str]], folders: Folders | None
) -> None:
    """``os.walk(root, followlinks=True)`` as ``scan`` prunes it, in one pass over each folder's
    entries (sorted by name), each file's ``stat`` taken by ``fstatat`` beside the open folder.

    At 100,000 files the walk was 0.8 s of CPU where listing and ``stat`` alone cost 0.45 s: a
    second pass to split folders from files, a list of names for every folder, a path string
    made for every entry and a ``stat`` by whole path (the kernel resolving every folder of it
    again) made the rest.
    """
    _visit(root, root, found, skipped, folders, set(), recurse=True)


def _visit(
    top: str,
    root: str,
    found: Found | None,
    skipped: list[list[str]],
    folders: Folders | None,
    seen: set[tuple[int, int]],
    recurse: bool,
) -> list[str]:
    """Walk the folder ``top`` (and, with ``recurse``, its sub-folders); returns the paths of
    the sub-folders it leaves to walk (none with ``recurse``)."""
    sep = os.sep
    try:
        fd = os.open(top, _DIR_FLAGS)
    except OSError as err:
        skipped.append([_printable(str(err.filename)), f"cannot list folder: {err.strerror}"])
        return []
    try:
        try:
            st = os.fstat(fd)
            with os.scandir(fd) as it:
                entries = sorted(it, key=_entry_name)
        except OSError as err:
            skipped.append([_printable(top), f"cannot list folder: {err.strerror}"])
            return []
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return []  # a symlink loop or a second link to a folder already read
        seen.add(key)
        dirs = _files_here(top, entries, root, found, skipped, folders, sep)
    finally:
        os.close(fd)
    if not dirs:
        return []
    # The folder's file names, for "save complete page" folders (few folders have any).
    names = [e.name for e in entries if e.name not in dirs] if _any_assets(dirs) else []
    folder = top[:-1] if top.endswith(sep) else top
    subs = [f"{folder}{sep}{name}" for name in dirs if not _page_assets(name, names)]
    if not recurse:
        return subs
    for sub in subs:
        _visit(sub, root, found, skipped, folders, seen, recurse=True)
    return []


def walk_halves(root: str, folders: Folders) -> list[list[str]] | None:
    """``walk([root], folders, paths=False)`` of one folder, its sub-folders shared between this
    process and a forked one (every other one each), so that the ``stat`` calls of a big corpus
    run on two cores (Linux; the caller makes sure no other thread runs).

    Returns:
        The skipped paths, ``folders`` filled as the one walk fills them; ``None`` (``folders``
        untouched) when the two halves cannot stand for one walk: fewer than two sub-folders, a
        folder reached from both (a link across them: which one is its path depends on the one
        walk's order), or a fork or child that failed. The caller then walks in one process.
    """
    skipped: list[list[str]] = []
    here: Folders = {}
    seen: set[tuple[int, int]] = set()
    subs = _visit(root, root, None, skipped, here, seen, recurse=False)
    if len(subs) < 2 or not seen:
        return None
    start = frozenset(seen)
    try:
        pid, read = forked(lambda: marshal.dumps(_halve(subs[1::2], root, set(start)), 2))
    except OSError:
        return None
    mine = _halve(subs[0::2], root, set(start))
    data = read_answer(read)
    if exit_code(pid) != 0 or not data:
        return None
    try:
        theirs = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    met_a = set().union(*(set(map(tuple, part[2])) for part in mine)) - start
    met_b = set().union(*(set(map(tuple, part[2])) for part in theirs)) - start
    if met_a & met_b:
        return None
    for i in range(len(subs)):
        part_folders, part_skipped, _ = (mine if i % 2 == 0 else theirs)[i // 2]
        here.update(part_folders)
        skipped.extend(part_skipped)
    folders.update(here)
    return skipped


def _halve(
    subs: list[str], root: str, seen: set[tuple[int, int]]
) -> list[tuple[Folders, list[list[str]], list[tuple[int, int]]]]:
    """Each of ``subs`` walked in turn (sharing ``seen``): its folders, its skipped paths and the
    folders it met (as ``(device, inode)``)."""
    parts = []
    for sub in subs:
        before = set(seen)
        part_folders: Folders = {}
        part_skipped: list[list[str]] = []
        _visit(sub, root, None, part_skipped, part_folders, seen, recurse=True)
        parts.append((part_folders, part_skipped, sorted(seen - before)))
    return parts


def _files_here(
    top: str,
    entries: list[os.DirEntry[str]],
    root: str,
    found: Found | None,
    skipped: list[list[str]],
    folders: Folders | None,
    sep: str,
) -> list[str]:
    """Add the article files among a folder's ``entries`` (by name, from ``os.scandir`` of the
    open folder); returns the names of its sub-folders to walk."""
    # Each path is ``os.path.join(top, name)``: its folder, as ``path.rpartition(os.sep)[0]``.
    folder = top[:-1] if top.endswith(sep) else top
    prefix = f"{folder}{sep}"
    plain = prefix.isascii()
    suffixes = _LOWER_SUFFIXES
    dirs: list[str] = []
    here: list[tuple[str, tuple[int, int, str]]] = []
    for entry in entries:
        name = entry.name
        if name[0] == ".":
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            dirs.append(name)
            continue
        # The common case inline (an article file with a plain name, its suffix in lower case):
        # 10,000 calls of ``_add`` were a third of the walk's CPU, and cutting the suffix out to
        # compare it a fifth. Any other name goes to ``_add``.
        if name.endswith(suffixes) and plain and name.isascii():
            try:
                st = entry.stat()
            except OSError:
                pass  # ``_add`` tells why
            else:
                if found is None:
                    here.append((name, (st.st_size, st.st_mtime_ns, root)))
                    continue
                path = prefix + name
                if path not in found:
                    value = found[path] = (st.st_size, st.st_mtime_ns, root)
                    here.append((name, value))
                continue
        path = prefix + name
        into: Found = {} if found is None else found
        count = len(into)
        _add(path, root, into, skipped, explicit=False, entry=entry)
        if len(into) > count:
            here.append((name, into[path]))
    if here and folders is not None:
        folders[folder] = here
    return dirs


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


_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
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


def _any_assets(folders: list[str]) -> bool:
    return any(name.endswith("_files") for name in folders)


def _page_assets(folder: str, siblings: list[str]) -> bool:
    """As ``index.web.extract.page_assets`` (``Page_files`` beside ``Page.html``)."""
    if not folder.endswith("_files"):
        return False
    page = folder[: -len("_files")]
    return bool(page) and (f"{page}.html" in siblings or f"{page}.htm" in siblings)
