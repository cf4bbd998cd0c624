"""Where bundled data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path


def seeds_dir() -> Path:
    """The bundled sample corpus: ``tui/_seeds`` in a wheel, ``seeds/`` in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_seeds"
    if packaged.is_dir():
        return packaged
    return here.parent / "seeds"


class PathError(Exception):
    """A PATH given on the command line that does not exist or cannot be read; the message names it."""


def split_ref(ref: str) -> tuple[Path, str | None]:
    """``file.jsonl#id`` -> (file, id); a plain path (even one whose name holds ``#``) -> (path, None).

    An id may hold ``#`` (``ids.jsonl#a#b``: the article ``a#b``) and so may a folder's name
    (``x#y/ids.jsonl#a``): the file is the path up to the first ``#`` that follows an existing
    file's name. When no such file exists, the path up to the last ``.jsonl#`` (else the last
    ``#``), so that the message names the missing file.
    """
    path = Path(ref).expanduser()
    if path.exists() or "#" not in ref:
        return path, None
    cut = ref.find("#")
    while cut != -1:
        if cut and Path(ref[:cut]).expanduser().is_file():
            return Path(ref[:cut]).expanduser(), ref[cut + 1 :]
        cut = ref.find("#", cut + 1)
    jsonl = ref.lower().rfind(".jsonl#")
    cut = jsonl + len(".jsonl") if jsonl != -1 else ref.rfind("#")
    if cut > 0:
        return Path(ref[:cut]).expanduser(), ref[cut + 1 :]
    return path, None


def local_id(article_id: str, path: Path) -> str:
    """The id within its file of an article of ``path``: its id after the file's own path
    (``news/ids.jsonl#a#b`` -> ``a#b``; a folder named ``x#y`` before it is no part of the id)."""
    name = path.name + "#"
    at = article_id.find(name)
    while at != -1:
        if at == 0 or article_id[at - 1] == "/":
            return article_id[at + len(name) :]
        at = article_id.find(name, at + 1)
    return article_id.rpartition("#")[2]


_KINDS = (
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)


def not_a_file(path: Path) -> str | None:
    """Why ``path`` is neither a regular file nor a folder, or ``None`` when it is one (or is
    missing: the caller says so). ``/dev/null`` and a named pipe exist: they were called "no such
    file", and reading a pipe waited for a writer for ever."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return f"not a file or folder ({kind})"


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as one article file, or ``None`` when it is a regular file:
    "a folder; ...", "not a file or folder (a device)", "no such file"."""
    if path.is_file():
        return None
    if path.is_dir():
        return "a folder; name one article file"
    return not_a_file(path) or "no such file"


def check_paths(paths: Sequence[str], refs: bool = False) -> None:
    """Refuse a PATH that is missing or unreadable before anything is indexed or created.

    Args:
        paths: what the user typed.
        refs: accept ``file.jsonl#id`` (commands that take single articles).

    Raises:
        PathError: the first bad PATH, named, with why.
    """
    for raw in paths:
        path, local = split_ref(raw) if refs else (Path(raw).expanduser(), None)
        shown = raw if local is None else str(path)
        if not raw.strip():
            raise PathError("an empty PATH was given")
        odd = not_a_file(path)
        if odd:
            raise PathError(f"{shown}: {odd}")
        try:
            if path.is_dir():
                with os.scandir(path) as entries:
                    next(entries, None)
            elif path.exists():
                if local is not None and not path.is_file():
                    raise PathError(f"{shown}: not a file")
                with open(path, "rb") as fh:
                    fh.read(1)
            else:
                raise PathError(f"no such file or folder: {shown}")
        except PermissionError:
            raise PathError(f"cannot read {shown}: permission denied") from None
        except OSError as exc:
            raise PathError(f"cannot read {shown}: {exc.strerror or exc}") from None
