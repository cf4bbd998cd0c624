"""``newsdesk indexes [list|prune]``: the indexes kept in the user's cache folder, and their cleanup.

One index is kept per set of folders newsdesk was run on; ``list`` shows each (folders, which are
gone, size, articles, last change) and ``prune`` removes those of no more use: every folder gone,
or with ``--older-than DAYS`` not changed for that long. The index of the library (or of the
bundled samples) is never pruned for its age. Only the cache's own indexes are touched (never an
``--index-dir`` folder, never an article file); an index that another newsdesk process is
updating is left alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
USAGE = (
    "newsdesk indexes [list] [--json]\n"
    "       newsdesk indexes prune [--older-than DAYS] [--dry-run] [--json]"
)
INDEXES_COMMANDS = ("indexes",)


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register ``indexes`` on the command line's subparsers."""
    p: argparse.ArgumentParser = sub.add_parser(
        "indexes",
        prog="newsdesk indexes",
        usage=USAGE,
        help="the indexes kept in your cache folder: list them, prune those of no more use",
        description="newsdesk keeps one index per set of folders it was run on, in your cache "
        "folder. list: each with its folders (marked when gone), size, articles and last change. "
        "prune: remove those whose folders are all gone, or with --older-than DAYS those no run "
        "changed for DAYS days (never your library's). Article files are never touched; the "
        "next run on those folders indexes them again.",
    )
    p.add_argument("action", nargs="?", default="list", choices=("list", "prune"))
    p.add_argument(
        "--older-than",
        type=_days,
        metavar="DAYS",
        help="prune: also remove indexes no run changed for DAYS days",
    )
    p.add_argument(
        "--dry-run", action="store_true", help="prune: say what would go, remove nothing"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    return p


def _days(text: str) -> float:
    try:
        days = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days") from None
    if not days >= 0 or days == float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of days, 0 or more")
    return days


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def _when(stamp: float) -> str:
    return dt.datetime.fromtimestamp(stamp).strftime("%Y-%m-%d %H:%M") if stamp else "never"


def _row(ix: Any, unused: str | None) -> dict[str, Any]:
    return {
        "path": str(ix.path),
        "roots": list(ix.roots),
        "missing": list(ix.missing),
        "bytes": ix.size,
        "articles": ix.articles,
        "changed": dt.datetime.fromtimestamp(ix.changed).astimezone().isoformat(timespec="seconds")
        if ix.changed
        else None,
        "unused": unused,
    }


def _kept() -> set[str]:
    """The index folders of the library's corpus (or the bundled samples'): never pruned by age."""
    from tui import library
    from tui.engine import default_index_dir

    try:
        found = library.corpus([])
    except Exception:  # an unreadable library: nothing to keep by it (nothing is pruned by it)
        return set()
    return {str(default_index_dir(found.paths))}


def cmd_indexes(args: argparse.Namespace) -> int:
    """``newsdesk indexes``: list the cached indexes, or prune those of no more use."""
    from tui.engine import cached_indexes, indexes_folder, neutralise, unused_reason

    if args.action == "list" and (args.older_than is not None or args.dry_run):
        print("newsdesk indexes list: --older-than and --dry-run go with prune", file=sys.stderr)
        return EXIT_USAGE
    folder = indexes_folder()
    found = cached_indexes(folder)
    kept = _kept()
    reasons = {}
    for ix in found:
        reason = unused_reason(ix, args.older_than)
        if reason is not None and str(ix.path) in kept and ix.roots and not ix.missing:
            reason = None  # the library's own index, whatever its age
        reasons[ix.path] = reason
    if args.action == "list":
        if args.json:
            rows = [_row(ix, reasons[ix.path]) for ix in found]
            total = sum(ix.size for ix in found)
            print(json.dumps({"folder": str(folder), "bytes": total, "indexes": rows}, indent=2))
            return EXIT_OK
        _print_list(folder, found, reasons, neutralise)
        return EXIT_OK
    return _prune(folder, [ix for ix in found if reasons[ix.path]], reasons, args, neutralise)


def _print_list(folder: Any, found: list[Any], reasons: dict[Any, str | None], safe: Any) -> None:
    total = sum(ix.size for ix in found)
    n = len(found)
    print(f"{n} index{'es' if n != 1 else ''} in {safe(str(folder))}, {_mb(total)}")
    for ix in found:
        articles = "?" if ix.articles is None else f"{ix.articles:,}"
        note = f"  (prune would remove it: {reasons[ix.path]})" if reasons[ix.path] else ""
        print(
            f"  {_mb(ix.size):>10}  {articles:>9} articles  changed {_when(ix.changed)}  "
            f"{safe(ix.path.name)}{note}"
        )
        for root in ix.roots:
            gone = "  (gone)" if root in ix.missing else ""
            print(f"{'':14}{safe(root)}{gone}")
    if any(reasons.values()):
        print("newsdesk indexes prune removes those marked (--dry-run to see it first)")


def _prune(
    folder: Any,
    chosen: list[Any],
    reasons: dict[Any, str | None],
    args: argparse.Namespace,
    safe: Any,
) -> int:
    from tui.engine import remove_index

    removed: list[tuple[Any, str | None]] = []
    left: list[tuple[Any, str | None]] = []
    for ix in chosen:
        why_not = None if args.dry_run else remove_index(ix, folder)
        (left if why_not else removed).append((ix, why_not))
    if args.json:
        out = {
            "dry_run": args.dry_run,
            "removed": [_row(ix, reasons[ix.path]) for ix, _ in removed],
            "left": [{**_row(ix, reasons[ix.path]), "why": why} for ix, why in left],
            "bytes_freed": 0 if args.dry_run else sum(ix.size for ix, _ in removed),
        }
        print(json.dumps(out, indent=2))
        return EXIT_ERROR if left else EXIT_OK
    verb = "would remove" if args.dry_run else "removed"
    for ix, _ in removed:
        print(f"{verb} {safe(ix.path.name)} ({_mb(ix.size)}; {reasons[ix.path]})")
    for ix, why in left:
        print(f"newsdesk indexes prune: left {safe(ix.path.name)}: {why}", file=sys.stderr)
    if not chosen:
        print(
            "nothing to prune: every index's folders are there"
            + (
                f" and each was changed within {args.older_than:g} days"
                if args.older_than is not None
                else ""
            )
        )
    else:
        total = sum(ix.size for ix, _ in removed)
        n = len(removed)
        rest = f", {len(left)} left" if left else ""
        print(f"{verb} {n} index{'es' if n != 1 else ''} ({_mb(total)}){rest}")
    return EXIT_ERROR if left else EXIT_OK


HANDLERS = {"indexes": cmd_indexes}
