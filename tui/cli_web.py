"""Command-line commands for the web: ``add URL``, ``feeds ...`` and ``fetch``.

Fetched articles are Markdown files under the fetched-articles folder (``articles`` in the user data
folder, or ``$NEWSDESK_DATA_DIR``): ``pages/`` for single URLs, ``feeds/<feed>/`` one folder per feed.
That folder is indexed after each command that saves something.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

WEB_COMMANDS = ("add", "feeds", "fetch")
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
DATA_ENV = "NEWSDESK_DATA_DIR"


def data_dir() -> Path:
    """The user data folder (``~/.local/share/newsdesk`` on Linux), or ``$NEWSDESK_DATA_DIR``."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("newsdesk"))


def fetched_dir() -> Path:
    """Where fetched articles are saved: ``pages/`` for single URLs, ``feeds/<feed>/`` per feed."""
    return data_dir() / "articles"


def _safe(text: str) -> str:
    from tui.engine import neutralise

    return neutralise(text)


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``add``, ``feeds`` and ``fetch`` subcommand parsers."""
    p = sub.add_parser("add", prog="newsdesk add", help="fetch a web page and save its article")
    p.add_argument("url", metavar="URL", help="the page (http or https)")
    p.add_argument(
        "--into",
        metavar="FOLDER",
        help="save it in FOLDER (default: pages/ in the fetched-articles folder)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--timeout",
        type=float,
        default=15.0,
        metavar="S",
        help="seconds to connect or between two reads (default 15)",
    )
    common(p)

    p = sub.add_parser(
        "feeds",
        prog="newsdesk feeds",
        usage="newsdesk feeds [--json] {add URL... | import FILE.opml | list | remove URL}",
        help="the feeds newsdesk fetches: add, import (OPML), list, remove",
    )
    p.add_argument("action", choices=("add", "import", "list", "remove"))
    p.add_argument("values", nargs="*", metavar="URL|FILE")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser(
        "fetch", prog="newsdesk fetch", help="fetch every feed and save new articles"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--workers", type=int, default=4, help="feeds fetched at once (default 4)")
    p.add_argument(
        "--timeout",
        type=float,
        default=15.0,
        metavar="S",
        help="seconds to connect or between two reads (default 15)",
    )
    common(p)


def _index(folder: Path, index_dir: str | None, register: bool, command: str) -> int:
    """Index what was saved in ``folder``: with the whole library when the library holds it (so that
    ``newsdesk search WORD`` finds it at once), else the folder alone.

    Args:
        folder: where the articles were saved.
        index_dir: ``--index-dir``.
        register: add ``folder`` (the fetched-articles folder) to the library first.
        command: the command running (``add``, ``fetch``), which names what it tells.

    Returns:
        How many articles were added or updated.
    """
    from tui.engine import IndexBusy, Store

    store = Store(corpus_holding(folder, register, command), index_dir)
    try:
        report = store.update(timeout=120.0)
    except IndexBusy as exc:
        print(f"newsdesk {command}: {exc}", file=sys.stderr)
        return 0
    return int(report.added + report.updated)


def corpus_holding(folder: Path, register: bool, command: str = "") -> list[str]:
    """The library's folders when the library holds ``folder`` (added to it first when ``register``),
    else ``folder`` alone. Problems with the library are told on stderr, never fatal."""
    try:
        from tui import library
    except ImportError:  # a tree without the library (issue 11)
        return [str(folder)]
    from tui.paths import PathError

    try:
        if register:
            for path in library.add([str(folder)]).added:
                print(f"(added {path} to the library)", file=sys.stderr)
        folders = library.load()
    except (library.LibraryError, PathError) as exc:
        print(f"newsdesk{' ' + command if command else ''}: {exc}", file=sys.stderr)
        return [str(folder)]
    target = library.absolute(str(folder))
    if any(target == f or target.startswith(f.rstrip(os.sep) + os.sep) for f in folders):
        return folders
    return [str(folder)]


def cmd_add(args: argparse.Namespace) -> int:
    """``newsdesk add URL``: fetch a page, save its article as Markdown, index it."""
    from tui.engine import (
        Fetcher,
        FetchError,
        PageError,
        fetch_page,
        page_document,
        save_page,
        saved_keys,
    )

    root = Path(args.into).expanduser() if args.into else fetched_dir()
    folder = root if args.into else root / "pages"
    url = args.url.strip()
    if not url:
        print("newsdesk add: an empty URL: give the web address of an article", file=sys.stderr)
        return EXIT_USAGE
    if url in saved_keys(folder):
        return _already(args, url, folder)
    try:
        with Fetcher(timeout=args.timeout) as fetcher:
            page, final = fetch_page(fetcher, url)
    except (FetchError, PageError) as exc:
        print(f"newsdesk add: {_safe(url)}: {_safe(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    if final != url and final in saved_keys(folder):
        return _already(args, final, folder)
    path = save_page(folder, page_document(page, final), page.title, page.date)
    indexed = _index(root, args.index_dir, register=not args.into, command="add")
    if args.json:
        print(
            json.dumps(
                {
                    "path": str(path),
                    "url": final,
                    "title": page.title,
                    "date": page.date,
                    "source": page.site,
                    "author": page.author,
                    "indexed": indexed,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"saved {_safe(page.title or final)}")
        print(f"  {_safe(str(path))}")
    return EXIT_OK


def _already(args: argparse.Namespace, url: str, folder: Path) -> int:
    if args.json:
        print(json.dumps({"path": None, "url": url, "already_saved": True, "folder": str(folder)}))
    else:
        print(f"already saved: {_safe(url)} (in {_safe(str(folder))})")
    return EXIT_OK


def cmd_feeds(args: argparse.Namespace) -> int:
    """``newsdesk feeds add|import|list|remove``."""
    from tui.engine import FeedError, FeedList, read_opml

    feeds = FeedList(data_dir())
    values = list(args.values)
    try:
        if args.action == "list":
            return _list_feeds(feeds, args.json)
        if args.action == "remove":
            if len(values) != 1:
                print("newsdesk feeds remove: give one feed URL", file=sys.stderr)
                return EXIT_USAGE
            gone = feeds.remove(values[0])
            if gone is None:
                print(
                    f"newsdesk feeds remove: not a feed in the list: {_safe(values[0])}",
                    file=sys.stderr,
                )
                return EXIT_USAGE
            where = (
                f" (its articles stay in {fetched_dir() / 'feeds' / gone.folder})"
                if gone.folder
                else ""
            )
            print(f"removed {_safe(gone.url)}{_safe(where)}")
            return EXIT_OK
        if args.action == "import":
            if len(values) != 1:
                print("newsdesk feeds import: give one OPML file", file=sys.stderr)
                return EXIT_USAGE
            from tui.paths import not_a_file

            odd = not_a_file(Path(values[0]).expanduser())  # a named pipe: read for ever
            if odd:
                print(f"newsdesk feeds import: {_safe(values[0])}: {odd}", file=sys.stderr)
                return EXIT_USAGE
            try:
                data = Path(values[0]).expanduser().read_bytes()
            except OSError as exc:
                print(
                    f"newsdesk feeds import: cannot read {_safe(values[0])}: {exc.strerror or exc}",
                    file=sys.stderr,
                )
                return EXIT_USAGE
            try:
                values = [url for url, _title in read_opml(data)]
            except FeedError as exc:
                # named as every other error of the command ('newsdesk feeds: not an OPML file')
                print(
                    f"newsdesk feeds import: {_safe(values[0])}: {_safe(str(exc))}",
                    file=sys.stderr,
                )
                return EXIT_ERROR
            if not values:
                print(
                    f"newsdesk feeds import: no feeds in {_safe(args.values[0])}", file=sys.stderr
                )
                return EXIT_ERROR
        elif not values:
            print("newsdesk feeds add: give one or more feed URLs", file=sys.stderr)
            return EXIT_USAGE
        added, present, refused = feeds.add(values)
    except FeedError as exc:
        print(f"newsdesk feeds {args.action}: {_safe(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        print(
            json.dumps(
                {
                    "added": added,
                    "already": present,
                    "refused": [{"url": u, "reason": r} for u, r in refused],
                },
                ensure_ascii=False,
            )
        )
    else:
        for url in added:
            print(f"added {_safe(url)}")
        for url in present:
            print(f"already listed {_safe(url)}")
        for url, reason in refused:
            # as 'newsdesk add' refuses a URL ('refused URL: ...' named no command)
            print(f"newsdesk feeds {args.action}: {_safe(url)}: {_safe(reason)}", file=sys.stderr)
    return EXIT_USAGE if refused and not added and not present else EXIT_OK


def _list_feeds(feeds: Any, as_json: bool) -> int:
    rows = []
    for f in feeds.load():
        folder = fetched_dir() / "feeds" / f.folder if f.folder else None
        saved = len(list(folder.glob("*.md"))) if folder and folder.is_dir() else 0
        rows.append(
            {
                "url": f.url,
                "title": f.title,
                "folder": str(folder) if folder else None,
                "articles": saved,
                "last_fetch": f.last_fetch,
                "last_status": f.last_status,
                "last_error": f.last_error,
            }
        )
    if as_json:
        print(json.dumps(rows, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("no feeds (add one with: newsdesk feeds add URL)")
    for r in rows:
        title = f"  {r['title']}" if r["title"] else ""
        error = f"  (last fetch failed: {r['last_error']})" if r["last_status"] == "failed" else ""
        print(f"{r['articles']:>5}  {_safe(r['url'])}{_safe(title)}{_safe(error)}")
    return EXIT_OK


def cmd_fetch(args: argparse.Namespace) -> int:
    """``newsdesk fetch``: fetch every feed, save new items, index them, report per feed."""
    from tui.cli_search import _progress_printer
    from tui.engine import FeedError, FeedList, Fetcher, fetch_feeds

    feeds = FeedList(data_dir())
    root = fetched_dir()
    progress = _progress_printer(sys.stderr.isatty() and not args.quiet)
    try:
        with Fetcher(timeout=args.timeout) as fetcher:
            reports = fetch_feeds(feeds, root, fetcher, workers=args.workers, progress=progress)
    except FeedError as exc:
        print(f"newsdesk fetch: {_safe(str(exc))}", file=sys.stderr)
        return EXIT_ERROR
    total = sum(len(r.new) for r in reports)
    indexed = _index(root, args.index_dir, register=True, command="fetch") if total else 0
    failed = [r for r in reports if r.status == "failed"]
    if args.json:
        print(
            json.dumps(
                {
                    "folder": str(root),
                    "new": total,
                    "indexed": indexed,
                    "feeds": [
                        {
                            "url": r.url,
                            "title": r.title,
                            "status": r.status,
                            "new": list(r.new),
                            "reason": r.reason,
                            "item_errors": [{"url": u, "reason": why} for u, why in r.item_errors],
                        }
                        for r in reports
                    ],
                },
                ensure_ascii=False,
            )
        )
    else:
        if not reports:
            print("no feeds (add one with: newsdesk feeds add URL)")
        for r in reports:
            label = f"{len(r.new)} new" if r.status == "new" else r.status
            why = f": {r.reason}" if r.reason else ""
            print(f"{label:<10} {_safe(r.url)}{_safe(why)}")
            for u, reason in r.item_errors:
                print(f"             {_safe(u)}: {_safe(reason)}")
        print(f"{total} new article{'s' if total != 1 else ''} in {_safe(str(root))}")
    return EXIT_ERROR if failed else EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "add": cmd_add,
    "feeds": cmd_feeds,
    "fetch": cmd_fetch,
}
