"""Finding article files and reading their bytes: nothing here writes to the user's files.

:func:`scan` finds the candidate files under folders (hidden names skipped, symlinked folders followed
once, a browser's "save complete page" folders left out) without reading them; :func:`read_bytes`
reads one within its size limit (:func:`size_limit`). A file that cannot be found or read becomes a
``Skipped`` or a :class:`ReadError` with a reason a user can act on.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from index.ingest.html import page_assets
from index.models import Skipped

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_FILE_BYTES",
    "MAX_JSONL_BYTES",
    "ReadError",
    "SourceFile",
    "printable_path",
    "read_bytes",
    "scan",
    "size_limit",
    "special_kind",
]

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".jsonl", ".html", ".htm"})
MAX_FILE_BYTES = 20 * 1024 * 1024
"""Files above this size are skipped: a news article is kilobytes; 20 MB is a dump, not an article."""
MAX_JSONL_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A candidate article file found by a scan."""

    path: str
    root: str
    size: int
    mtime_ns: int

    @property
    def rel(self) -> str:
        """Path relative to its corpus root, with forward slashes."""
        return _relative(self.path, self.root)


@functools.lru_cache(maxsize=256)
def _relative(path: str, root: str) -> str:
    # Asked once a line of a .jsonl file (its articles' ids): 0.1 s for 10,000 lines uncached.
    return Path(os.path.relpath(path, root)).as_posix()


class ReadError(Exception):
    """A file could not be read as an article; the message says why."""


def unreadable(path: str, exc: OSError) -> str:
    """Why a file found in a folder cannot be read: a symbolic link to nothing says so (its own name
    exists; "No such file or directory" read as if the walk had lost it)."""
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return (
            f"broken link (it points to {printable_path(os.readlink(path))}, which does not exist)"
        )
    return f"cannot read file: {exc.strerror or exc}"


def scan(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[SourceFile], list[Skipped]]:
    """Find article files under ``paths`` (recursively), without reading their contents.

    Hidden files and folders are ignored. Symlinked folders are followed once (loops are detected).

    Returns:
        The article files found, sorted by path, and the paths that could not be scanned or are not of
        an article type, with reasons.
    """
    found: dict[str, SourceFile] = {}
    skipped: list[Skipped] = []
    for raw in paths:
        p = Path(raw).expanduser()
        try:
            root = p.resolve()
        except (OSError, RuntimeError) as exc:
            skipped.append(Skipped(printable_path(p), f"cannot resolve path: {exc}"))
            continue
        if root.is_file():
            _add_file(root, root.parent, found, skipped, explicit=True)
        elif root.is_dir():
            _walk(root, found, skipped)
        elif root.exists():  # /dev/null, a named pipe: it was "no such file or folder"
            kind = special_kind(root.stat().st_mode)
            skipped.append(Skipped(printable_path(p), f"not a file or folder ({kind})"))
        else:
            skipped.append(Skipped(printable_path(p), "no such file or folder"))
    return sorted(found.values(), key=lambda f: f.path), skipped


def _walk(root: Path, found: dict[str, SourceFile], skipped: list[Skipped]) -> None:
    seen_dirs: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        skipped.append(
            Skipped(printable_path(str(err.filename)), f"cannot list folder: {err.strerror}")
        )

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            # A symlink loop or a second link to a folder already read.
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        # A browser's "save complete page" folder (Page_files/ beside Page.html) holds its scripts,
        # images and ad frames, not articles.
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and not page_assets(d, filenames)
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            _add_file(Path(dirpath) / name, root, found, skipped, explicit=False)


def printable_path(path: str | os.PathLike[str]) -> str:
    """A path as valid Unicode: bytes that are not UTF-8 in a file name are shown as ``\\xNN``."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")


def _add_file(
    path: Path, root: Path, found: dict[str, SourceFile], skipped: list[Skipped], explicit: bool
) -> None:
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        if explicit or not path.name.startswith("."):
            kind = path.suffix or "no extension"
            skipped.append(
                Skipped(printable_path(path), f"not an article file type ({printable_path(kind)})")
            )
        return
    shown = printable_path(path)
    if shown != str(path):
        # Ids and stored fields are UTF-8; a name with undecodable bytes cannot be one.
        skipped.append(
            Skipped(shown, "file or folder name is not valid UTF-8 (rename it to read it)")
        )
        return
    try:
        st = path.stat()
    except OSError as exc:
        skipped.append(Skipped(shown, unreadable(str(path), exc)))
        return
    key = str(path)
    if key not in found:
        found[key] = SourceFile(key, str(root), st.st_size, st.st_mtime_ns)


def read_bytes(path: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a file's bytes, refusing files above ``limit``.

    Raises:
        ReadError: unreadable, too large, or not a regular file.
    """
    try:
        # Opened without waiting: a named pipe with an article's name waited for a writer for
        # ever, and so did the whole index run; it is refused as what it is.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                if stat.S_ISDIR(st.st_mode):
                    raise ReadError("is a folder")
                raise ReadError(f"not a regular file ({special_kind(st.st_mode)})")
            if st.st_size > limit:
                raise ReadError(
                    f"too large ({st.st_size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)"
                )
            return fh.read(limit + 1)
    except ReadError:
        raise
    except IsADirectoryError:
        raise ReadError("is a folder") from None
    except PermissionError:
        raise ReadError("permission denied") from None
    except FileNotFoundError:
        raise ReadError("file disappeared while reading") from None
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}") from None


def special_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, in a user's words."""
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def size_limit(path: str) -> int:
    """The largest file size read for this kind of article file."""
    return MAX_JSONL_BYTES if Path(path).suffix.lower() == ".jsonl" else MAX_FILE_BYTES
