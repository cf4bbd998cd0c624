"""The command line: ``newsdesk [PATHS]`` opens the app; subcommands script every engine feature."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tui import cli_library, cli_story, cli_web, library
from tui.paths import PathError, check_paths, split_ref

COMMANDS = (
    "index",
    "search",
    "entities",
    "compare",
    "related",
    "stories",
    "library",
    *cli_web.WEB_COMMANDS,
    *cli_story.STORY_COMMANDS,
)
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


@functools.lru_cache(maxsize=1)
def _version() -> str:
    # Cached: every subcommand's parser shows it, and each lookup scans the installed
    # distributions (12 lookups were ~0.1 s of every command's start).
    try:
        from importlib.metadata import version

        return version("newsdesk")
    except Exception:
        return "0.1.0"


def _safe(text: str) -> str:
    from tui.engine import neutralise

    return neutralise(text)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--index-dir",
        metavar="DIR",
        help="where the index lives (default: the user cache folder, one index per corpus)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command (subcommand parsers in ``parser.commands``)."""
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        usage="newsdesk [--index-dir DIR] [PATH ...]\n       newsdesk COMMAND [options]",
        description="A keyboard-driven reader that compares several reports of the same story.\n"
        "Run without a command to open the app on PATHs (files or folders of articles; your library\n"
        "when no PATH is given, see `newsdesk library`), with its index in --index-dir DIR if given.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="commands: " + ", ".join(COMMANDS) + "  (newsdesk COMMAND --help for details)",
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "index", prog="newsdesk index", help="index articles and report what changed"
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: the library)"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    _common(p)

    p = sub.add_parser("search", prog="newsdesk search", help="search the index")
    p.add_argument("query", help='query, e.g. kursk, "north korean soldiers", person:zelensky')
    p.add_argument("paths", nargs="*", metavar="PATH", help="corpus (default: the library)")
    p.add_argument("--limit", type=int, default=10, help="maximum hits to print (default 10)")
    p.add_argument(
        "--sort",
        choices=("relevance", "newest", "oldest"),
        default="relevance",
        help="order of the hits: relevance (default), newest or oldest first (undated last)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)

    p = sub.add_parser(
        "entities",
        prog="newsdesk entities",
        help="named entities of articles, or the corpus's top entities",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    p.add_argument("--top", action="store_true", help="the corpus's most-named entities")
    p.add_argument("--limit", type=int, default=30, help="entities listed by --top (default 30)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)

    p = sub.add_parser(
        "compare",
        prog="newsdesk compare",
        help="compare two reports: shared, unique and disputed claims",
    )
    p.add_argument("a", metavar="A", help="first article (file, or file.jsonl#id)")
    p.add_argument("b", metavar="B", help="second article")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument("--width", type=int, default=0, help="text width (default: the terminal's)")

    p = sub.add_parser(
        "related", prog="newsdesk related", help="reports that cover the same story as an article"
    )
    p.add_argument("path", metavar="PATH", help="the article (file, or file.jsonl#id)")
    p.add_argument(
        "paths", nargs="*", metavar="PATHS", help="corpus (default: the article's folder)"
    )
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)

    p = sub.add_parser("stories", prog="newsdesk stories", help="group the corpus into stories")
    p.add_argument("paths", nargs="*", metavar="PATH", help="corpus (default: the library)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)
    cli_web.add_parsers(sub, _common)
    cli_library.add_parser(sub)
    cli_story.add_parser(sub, _common)
    for command in sub.choices.values():
        command.add_argument("--version", action="version", version=f"newsdesk {_version()}")
    parser.commands = sub.choices  # type: ignore[attr-defined]
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Open the newsdesk reader on PATHs (default: your library, see `newsdesk library`).",
        epilog="commands: " + ", ".join(COMMANDS) + "  (newsdesk COMMAND --help for details)",
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {_version()}")
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("A", "B"),
        help="open straight into the comparison of two articles (files or file.jsonl#ID)",
    )
    _common(parser)
    return parser


def _corpus(paths: Sequence[str]) -> list[str]:
    return cli_library.corpus_paths(paths)


def parse_args(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """Parse with options before or after positionals, and ``--`` ending the options.

    ``parse_intermixed_args`` refuses ``--`` followed by a word that looks like an option
    (``newsdesk search -- -tsunami wiki``), so the words after ``--`` stand in as placeholders that
    cannot look like options, and are put back after parsing.
    """
    argv = list(argv)
    if "--" not in argv:
        return parser.parse_intermixed_args(argv)
    cut = argv.index("--")
    after = {f"\x00{n}": word for n, word in enumerate(argv[cut + 1 :])}
    args = parser.parse_intermixed_args(argv[:cut] + list(after))
    for name, value in vars(args).items():
        if isinstance(value, str) and value in after:
            setattr(args, name, after[value])
        elif isinstance(value, list):
            setattr(args, name, [after.get(v, v) if isinstance(v, str) else v for v in value])
    return args


def _open_store(
    paths: Sequence[str], index_dir: str | None, corpus: list[str] | None = None
) -> Any:
    """The store of ``paths`` (``corpus``: the corpus they name, when already found: finding it
    again would print the library's notes twice)."""
    from tui.engine import Store

    store = Store(corpus if corpus is not None else _corpus(paths), index_dir)
    for message in store.messages:
        print(message, file=sys.stderr)
    return store


def _progress_printer(enabled: bool) -> Callable[[int, int, str], None] | None:
    if not enabled:
        return None

    def show(done: int, total: int, path: str) -> None:
        if total <= 0:
            return
        width = 30
        filled = int(width * done / total)
        name = Path(path).name[:40] if path else ""
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name:<40}")
        if done >= total:
            sys.stderr.write("\r" + " " * (width + 60) + "\r")
        sys.stderr.flush()

    return show


def cmd_index(args: argparse.Namespace) -> int:
    """``newsdesk index``: update the index and report counts and skipped files."""
    from tui.engine import check_unchanged, default_index_dir

    corpus = _corpus(args.paths)
    # Nothing changed (a stat-only walk and the index's database say so): answer without opening
    # the index, so Whoosh is not even imported.
    report, walked = check_unchanged(corpus, args.index_dir)
    if report is not None:
        index_dir = Path(args.index_dir).expanduser() if args.index_dir else None
        index_dir = index_dir or default_index_dir(corpus)
    else:
        store = _open_store(args.paths, args.index_dir, corpus)
        index_dir = store.index_dir
        # The user asked for this run: wait for another process's write rather than give up at once.
        report = store.update(
            progress=_progress_printer(sys.stderr.isatty() and not args.quiet),
            timeout=120.0,
            walked=walked,
        )
    if args.json:
        print(
            json.dumps(
                {
                    "index_dir": str(index_dir),
                    "added": report.added,
                    "updated": report.updated,
                    "removed": report.removed,
                    "unchanged": report.unchanged,
                    "reread": report.reread,
                    "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
                    "notes": list(report.notes),
                },
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    print(
        f"added {report.added}, updated {report.updated}, removed {report.removed}, "
        f"unchanged {report.unchanged}, skipped {len(report.skipped)} "
        f"({report.reread} file{'s' if report.reread != 1 else ''} read)"
    )
    for s in report.skipped:
        print(f"  skipped {_safe(s.path)}: {_safe(s.reason)}")
    for note in report.notes:
        print(f"  note: {_safe(note)}")
    print(f"index: {index_dir}")
    return EXIT_OK


def _quiet_check(corpus: list[str], index_dir: str | None) -> Callable[[], Any]:
    """Start finding out, in a thread, whether the corpus is unchanged since the last run; returns
    the function that waits for the answer (an ``IndexReport``, or ``None`` when a run is needed).

    The stat-only walk waits on the file system while this thread imports Whoosh and the search
    modules on the CPU. Everything the thread imports is imported here first (two threads
    importing one module can wait on each other).
    """
    import threading

    from tui.engine import load_quiet_check, quick_unchanged

    load_quiet_check()  # (see above)

    answer: list[Any] = []

    def check() -> None:
        try:
            answer.append(quick_unchanged(corpus, index_dir))
        except Exception:  # the store's own run then finds out, and reports it
            answer.append(None)

    thread = threading.Thread(target=check, daemon=True, name="newsdesk-quiet-check")
    thread.start()

    def wait() -> Any:
        thread.join()
        return answer[0] if answer else None

    return wait


def _ensure_indexed(store: Any, unchanged: Any = None) -> None:
    from tui.engine import IndexBusy

    if unchanged is not None and not store.messages:
        return  # nothing changed since the last run (and the store was not rebuilt on opening)
    try:
        report = store.update()
    except IndexBusy as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return
    if report.added or report.updated:
        print(f"(indexed {report.added + report.updated} articles)", file=sys.stderr)


def cmd_search(args: argparse.Namespace) -> int:
    """``newsdesk search``: ranked hits with snippets."""
    corpus = _corpus(args.paths)
    unchanged = _quiet_check(corpus, args.index_dir)
    from tui.engine import QueryError, parse, search

    store = _open_store(args.paths, args.index_dir, corpus)
    try:
        parse(store, args.query)
    except QueryError as exc:
        print(f"newsdesk: bad query: {exc}", file=sys.stderr)
        return EXIT_USAGE
    _ensure_indexed(store, unchanged())
    result = search(store, args.query, limit=max(0, args.limit), sort=args.sort)
    if args.json:
        out = {
            "query": result.query,
            "total": result.total,
            "sort": result.sort,
            "suggestion": result.suggestion,
            "hits": [
                {
                    "id": h.id,
                    "path": h.path,
                    "title": h.title,
                    "source": h.source,
                    "date": h.date,
                    "score": h.score,
                    "snippets": [
                        {"text": s.text, "highlights": [list(r) for r in s.highlights]}
                        for s in h.snippets
                    ],
                }
                for h in result.hits
            ],
        }
        print(json.dumps(out, ensure_ascii=False))
        return EXIT_OK
    print(f"{result.total} result{'s' if result.total != 1 else ''} for {_safe(args.query)}")
    if result.suggestion:
        print(f"did you mean: {_safe(result.suggestion)}")
    for n, h in enumerate(result.hits, 1):
        meta = " · ".join(x for x in (h.source, _shown_date(h.date)) if x)
        print(f"\n{n}. {_safe(h.title)}  [{h.score:.2f}]")
        print(f"   {_safe(h.id)}{'  ' + _safe(meta) if meta else ''}")
        for s in h.snippets:
            print(f"   … {_emphasise(s.text, s.highlights)} …")
    return EXIT_OK


def _shown_date(date: str | None) -> str | None:
    """A date as stored; one that could not be read is marked (it is kept as written)."""
    from tui.engine import is_parsed

    return f"{date} (date unread)" if date and not is_parsed(date) else date


def _emphasise(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """Mark matched ranges with «…» in plain-text output (neutralised first, same length)."""
    out, pos = [], 0
    for a, b in ranges:
        out.append(_safe(" ".join(text[pos:a].split("\n"))))
        out.append("«" + _safe(text[a:b]) + "»")
        pos = b
    out.append(_safe(" ".join(text[pos:].split("\n"))))
    return "".join(out)


def _read_articles(paths: Sequence[str]) -> tuple[list[Any], list[Any]]:
    from index.models import Article
    from tui.cli_compare import ArgumentError, load_article
    from tui.engine import read_paths

    articles: list[Any] = []
    skipped: list[Any] = []
    for raw in paths:
        if split_ref(raw)[1] is not None:  # file.jsonl#id: that one article
            try:
                articles.append(load_article(raw))
            except ArgumentError as exc:
                raise PathError(str(exc)) from None
            continue
        for item in read_paths([raw]):
            (articles if isinstance(item, Article) else skipped).append(item)
    return articles, skipped


def cmd_entities(args: argparse.Namespace) -> int:
    """``newsdesk entities``: the entities of articles, or ``--top`` for the corpus."""
    if args.top:
        from tui.engine import facets

        store = _open_store(args.paths, args.index_dir)
        _ensure_indexed(store)
        top = facets(store, None, limit=args.limit)
        if args.json:
            print(
                json.dumps(
                    [
                        {
                            "canonical": f.canonical,
                            "label": f.label,
                            "name": f.name,
                            "articles": f.count,
                        }
                        for f in top
                    ],
                    ensure_ascii=False,
                )
            )
        else:
            for f in top:
                print(f"{f.count:>5}  {f.label:<9} {_safe(f.name)}")
        return EXIT_OK
    if not args.paths:
        print("newsdesk entities: give article files or folders (or --top)", file=sys.stderr)
        return EXIT_USAGE
    from tui.engine import analyse

    check_paths(args.paths, refs=True)
    articles, skipped = _read_articles(args.paths)
    for s in skipped:
        print(f"skipped {_safe(s.path)}: {_safe(s.reason)}", file=sys.stderr)
    rows = [(a, analyse(a)) for a in articles]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": a.id,
                        "path": a.path,
                        "title": a.title,
                        "entities": [
                            {
                                "start": e.start,
                                "end": e.end,
                                "label": e.label,
                                "text": e.text,
                                "canonical": e.canonical,
                            }
                            for e in ents
                        ],
                    }
                    for a, ents in rows
                ],
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    for a, ents in rows:
        print(f"{_safe(a.title)}  ({_safe(a.id)})")
        for e in ents:
            print(
                f"  {e.start:>6}-{e.end:<6} {e.label:<9} {_safe(e.text):<40} {_safe(e.canonical)}"
            )
        print()
    return EXIT_OK


def _run_app(argv: Sequence[str]) -> int:
    args = parse_args(_app_parser(), argv)
    missing = [p for p in args.paths if not Path(p).expanduser().exists()]
    if missing:
        what = "command or file" if argv and missing[0] == argv[0] else "file or folder"
        print(
            f"newsdesk: no such {what}: {missing[0]} (commands: {', '.join(COMMANDS)})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        found = library.corpus(args.paths)
    except PathError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for note in found.notes:
        print(f"newsdesk: {note}", file=sys.stderr)
    pair = None
    if args.compare:
        from tui.cli_compare import ArgumentError, load_article

        try:
            pair = (load_article(args.compare[0]), load_article(args.compare[1]))
        except ArgumentError as exc:
            print(f"newsdesk --compare: {exc}", file=sys.stderr)
            return EXIT_USAGE
    from tui.app import NewsdeskApp

    app = NewsdeskApp(
        found.paths,
        index_dir=args.index_dir,
        compare=pair,
        corpus_notes=() if found.seeds else found.notes,
        samples=found.seeds,
        corpus_label=library.corpus_label(found),
    )
    app.run()
    return int(app.return_code or 0)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsdesk`` console script."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] not in COMMANDS:
        if argv and argv[0] in ("-h", "--help"):
            build_parser().print_help()
            return EXIT_OK
        try:
            return _run_app(argv)
        except KeyboardInterrupt:
            return 130
    # Intermixed parsing lets options come before or after positional paths.
    commands: dict[str, argparse.ArgumentParser] = build_parser().commands  # type: ignore[attr-defined]
    args = parse_args(commands[argv[0]], argv[1:])
    args.command = argv[0]
    from tui.engine import StoreError  # not index.store.core: no Whoosh import for this

    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "index": cmd_index,
        "search": cmd_search,
        "entities": cmd_entities,
        "library": cli_library.cmd_library,
    }
    from tui import cli_compare

    handlers.update(cli_compare.HANDLERS)
    handlers.update(cli_web.HANDLERS)
    handlers.update(cli_story.HANDLERS)
    try:
        return handlers[args.command](args)
    except PathError as exc:
        print(f"newsdesk {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error for the user.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        print(f"newsdesk: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(
            "newsdesk: if the index is damaged, delete its folder (see --index-dir) and re-run",
            file=sys.stderr,
        )
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
