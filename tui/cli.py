"""The command line: ``newsdesk [PATHS]`` opens the app; subcommands script every engine feature."""

from __future__ import annotations

import argparse
import difflib
import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from tui import cli_indexes, cli_library, cli_story, cli_web, library
from tui.cli_args import count as _count
from tui.paths import PathError

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
    *cli_indexes.INDEXES_COMMANDS,
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


class _Version(argparse.Action):
    """``--version``: the version looked up only when asked for (``importlib.metadata`` and the
    scan of the installed distributions cost every command ~40 ms of CPU)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        help = "show program's version number and exit"  # argparse's own words
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        sys.stdout.write(f"newsdesk {_version()}\n")
        parser.exit()


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
        usage="newsdesk [--compare A B] [--index-dir DIR] [PATH ...]\n"
        "       newsdesk COMMAND [options]",
        description="A keyboard-driven reader that compares several reports of the same story.\n"
        "Run without a command to open the app on PATHs (files or folders of articles; your library\n"
        "when no PATH is given, see `newsdesk library`), with its index in --index-dir DIR if given.\n"
        "--compare A B opens it straight into the comparison of two articles (files or\n"
        "file.jsonl#ID); q then leads on to the library.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="commands: " + ", ".join(COMMANDS) + "  (newsdesk COMMAND --help for details)",
    )
    parser.add_argument("--version", action=_Version)
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
    p.add_argument(
        "paths", nargs="*", default=[], metavar="PATH", help="corpus (default: the library)"
    )
    p.add_argument("--limit", type=_count, default=10, help="maximum hits to print (default 10)")
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
    p.add_argument("--limit", type=_count, default=30, help="entities listed by --top (default 30)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)

    p = sub.add_parser(
        "compare",
        prog="newsdesk compare",
        help="compare two reports: shared, unique and disputed claims",
    )
    p.add_argument("a", metavar="A", help="first article (file, or file.jsonl#id)")
    p.add_argument("b", metavar="B", help="second article")
    cli_story.report_options(p)

    p = sub.add_parser(
        "related", prog="newsdesk related", help="reports that cover the same story as an article"
    )
    p.add_argument("path", metavar="PATH", help="the article (file, or file.jsonl#id)")
    p.add_argument(
        "paths", nargs="*", metavar="PATHS", help="corpus (default: the article's folder)"
    )
    p.add_argument(
        "--limit", type=_count, default=10, help="most related reports to print (default 10)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)

    p = sub.add_parser("stories", prog="newsdesk stories", help="group the corpus into stories")
    p.add_argument("paths", nargs="*", metavar="PATH", help="corpus (default: the library)")
    p.add_argument("--json", action="store_true", help="print JSON")
    _common(p)
    cli_web.add_parsers(sub, _common)
    cli_library.add_parser(sub)
    cli_story.add_parser(sub, _common)
    cli_indexes.add_parser(sub)
    for command in sub.choices.values():
        command.add_argument("--version", action=_Version)
    parser.commands = sub.choices  # type: ignore[attr-defined]
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Open the newsdesk reader on PATHs (default: your library, see `newsdesk library`).",
        epilog="commands: " + ", ".join(COMMANDS) + "  (newsdesk COMMAND --help for details)",
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument("paths", nargs="*", metavar="PATH")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("A", "B"),
        help="open straight into the comparison of two articles (files or file.jsonl#ID)",
    )
    _common(parser)
    return parser


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


def _run_app(argv: Sequence[str]) -> int:
    args = parse_args(_app_parser(), argv)
    # Every startup error of `newsdesk --compare A B [PATHS]` names it, as each command's do.
    prog = "newsdesk --compare" if args.compare else "newsdesk"
    missing = [p for p in args.paths if not Path(p).expanduser().exists()]
    if missing:
        what = "command or file" if argv and missing[0] == argv[0] else "file or folder"
        # A mistyped command ("serch") listed every command; the nearest one is named first.
        near = difflib.get_close_matches(missing[0], COMMANDS, n=1) if what[0] == "c" else []
        known = f"did you mean {near[0]}?" if near else f"commands: {', '.join(COMMANDS)}"
        print(f"{prog}: no such {what}: {missing[0]} ({known})", file=sys.stderr)
        return EXIT_USAGE
    try:
        found = library.corpus(args.paths)
    except PathError as exc:
        print(f"{prog}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    pair = None
    if args.compare:
        from tui.cli_compare import ArgumentError, load_article

        try:
            pair = (load_article(args.compare[0]), load_article(args.compare[1]))
        except ArgumentError as exc:
            # Alone: the library's "showing the bundled sample articles" came first, of an app
            # that never opens.
            print(f"{prog}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    for note in found.notes:
        print(f"newsdesk: {note}", file=sys.stderr)
    from tui.app import NewsdeskApp

    app = NewsdeskApp(
        found.paths,
        index_dir=args.index_dir,
        compare=pair,
        corpus_notes=() if found.seeds else found.notes,
        samples=found.seeds,
        corpus_label=library.corpus_label(found),
        in_library=found.from_library or found.seeds,
    )
    app.run()
    return int(app.return_code or 0)


def _dashed_query(argv: Sequence[str]) -> str | None:
    """The word of ``newsdesk search`` before any ``--`` that starts with one '-' (search has
    no short option but -h): a query such as ``-oil`` or ``-5``, else ``None``."""
    if argv[0] != "search":
        return None
    after_option = False  # a value of --limit, --sort or --index-dir ("--limit -3": refused so)
    for word in argv[1:]:
        if word == "--":
            return None
        if after_option:
            after_option = False
        elif word in ("--limit", "--sort", "--index-dir"):
            after_option = True
        elif len(word) > 1 and word[0] == "-" and word[1] != "-" and word != "-h":
            return word
    return None


HANDLER_MODULES = {
    "index": "tui.cli_search",
    "search": "tui.cli_search",
    "entities": "tui.cli_entities",
    "compare": "tui.cli_compare",
    "related": "tui.cli_compare",
    "stories": "tui.cli_compare",
    **dict.fromkeys(cli_web.WEB_COMMANDS, "tui.cli_web"),
    **dict.fromkeys(cli_story.STORY_COMMANDS, "tui.cli_story"),
    **dict.fromkeys(cli_indexes.INDEXES_COMMANDS, "tui.cli_indexes"),
}
"""The module whose ``HANDLERS`` runs each command (``library`` aside): only that one is imported."""


def handler(command: str) -> Callable[[argparse.Namespace], int]:
    """The function that runs ``command``."""
    from importlib import import_module

    if command == "library":
        return cli_library.cmd_library
    handlers: dict[str, Callable[[argparse.Namespace], int]]
    handlers = import_module(HANDLER_MODULES[command]).HANDLERS
    return handlers[command]


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
    dashed = _dashed_query(argv)
    if dashed:
        # argparse said only "unrecognized arguments: -oil" of a query written as the README's
        # "-word" (NOT word).
        print(
            f"newsdesk search: '{dashed}' reads as an option; a query that starts with '-' goes "
            f"after --: newsdesk search -- {dashed} [PATH ...] (or: NOT {dashed[1:]})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    # Intermixed parsing lets options come before or after positional paths.
    commands: dict[str, argparse.ArgumentParser] = build_parser().commands  # type: ignore[attr-defined]
    args = parse_args(commands[argv[0]], argv[1:])
    args.command = argv[0]
    from tui.engine import StoreError  # not index.store.core: no Whoosh import for this

    try:
        return handler(args.command)(args)
    except PathError as exc:
        print(f"newsdesk {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StoreError as exc:
        print(f"newsdesk {args.command}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error for the user.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        # Ctrl-C left "^C" after the progress bar and nothing else: the line ended, and said.
        print(f"\nnewsdesk {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        print(f"newsdesk {args.command}: {type(exc).__name__}: {exc}", file=sys.stderr)
        print(
            f"newsdesk {args.command}: if the index is damaged, delete its folder "
            "(see --index-dir) and re-run",
            file=sys.stderr,
        )
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
