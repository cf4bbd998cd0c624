"""``newsdesk library add|remove|list``: the folders that make the user's default corpus."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from tui import library

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
USAGE = (
    "newsdesk library add PATH [PATH ...]\n"
    "       newsdesk library remove PATH [PATH ...]\n"
    "       newsdesk library list [--json]"
)


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register ``library`` on the command line's subparsers."""
    p: argparse.ArgumentParser = sub.add_parser(
        "library",
        prog="newsdesk library",
        usage=USAGE,
        help="the folders newsdesk uses when no PATH is given",
        description="Your library: the folders (or article files) that newsdesk and every command "
        "use when no PATH is given. While it is empty, the bundled sample articles are used.",
    )
    p.add_argument("action", choices=("add", "remove", "list"), help="what to do")
    p.add_argument("paths", nargs="*", metavar="PATH", help="folders or article files")
    p.add_argument("--json", action="store_true", help="list as JSON")
    return p


def corpus_paths(paths: Sequence[str]) -> list[str]:
    """The corpus of a command: PATHs as typed, else the library (or the seeds while it is empty),
    with a line on stderr for each thing the user should know about it.

    Raises:
        PathError: a PATH is missing or unreadable, or no library folder can be read.
    """
    found = library.corpus(paths)
    for note in found.notes:
        print(f"newsdesk: {note}", file=sys.stderr)
    return found.paths


def _safe(text: str) -> str:
    from tui.engine import neutralise

    return neutralise(text)


def cmd_library(args: argparse.Namespace) -> int:
    """``newsdesk library``: add, remove or list the library's folders."""
    from tui.paths import PathError

    if args.action == "list":
        if args.paths:
            print("newsdesk library list: takes no PATH", file=sys.stderr)
            return EXIT_USAGE
        return _list(args.json)
    if not args.paths:
        print(f"newsdesk library {args.action}: give at least one PATH", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.action == "add":
            change = library.add(args.paths)
        else:
            change = library.remove(args.paths)
    except PathError as exc:
        print(f"newsdesk library add: {exc} (nothing was added)", file=sys.stderr)
        return EXIT_USAGE
    except library.LibraryError as exc:
        print(f"newsdesk library {args.action}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for path in change.added:
        print(f"added {_safe(path)}")
    for path in change.removed:
        verb = "replaced" if args.action == "add" else "removed"
        print(
            f"{verb} {_safe(path)}"
            + (" (inside a folder just added)" if verb == "replaced" else "")
        )
    for path, holder in change.already:
        where = "" if path == holder else f" (inside {_safe(holder)})"
        print(f"already in the library: {_safe(path)}{where}")
    for raw in change.unknown:
        print(f"newsdesk library remove: not in the library: {_safe(raw)}", file=sys.stderr)
    return EXIT_USAGE if change.unknown else EXIT_OK


def _list(as_json: bool) -> int:
    try:
        folders = library.load()
    except library.LibraryError as exc:
        print(f"newsdesk library list: {exc}", file=sys.stderr)
        return EXIT_ERROR
    rows = [(f, library.problem(f)) for f in folders]
    if as_json:
        print(
            json.dumps(
                {
                    "file": str(library.library_file()),
                    "folders": [
                        {"path": f, "readable": why is None, "problem": why} for f, why in rows
                    ],
                },
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    if not rows:
        print(library.EMPTY_NOTE)
        return EXIT_OK
    for folder, why in rows:
        print(_safe(folder) + (f"  ({_safe(why)})" if why else ""))
    return EXIT_OK
