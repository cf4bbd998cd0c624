"""Where bundled data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

import os
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
    """``file.jsonl#id`` -> (file, id); a plain path (even one whose name holds ``#``) -> (path, None)."""
    path = Path(ref).expanduser()
    if not path.exists() and "#" in ref:
        file, _, local = ref.rpartition("#")
        if file:
            return Path(file).expanduser(), local
    return path, None


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
