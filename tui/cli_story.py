"""``newsdesk story``: every report of a story at once, claim by claim."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.cli_args import MIN_WIDTH, story_count, width

STORY_COMMANDS = ("story",)
EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the ``story`` subcommand parser."""
    p = sub.add_parser(
        "story",
        prog="newsdesk story",
        help="every report of a story at once: claims, disagreements, figures over time, sources",
        description="One article: its story is found among the articles beside it (--corpus) and "
        "shown whole. Several articles (files, folders, file.jsonl#ID): that set.",
    )
    p.add_argument(
        "articles", nargs="+", metavar="PATH", help="article files, folders or file.jsonl#ID"
    )
    p.add_argument(
        "--corpus",
        action="append",
        metavar="PATH",
        help="where to look for the story of one article (default: its folder, or its .jsonl file)",
    )
    p.add_argument(
        "--limit",
        type=story_count,
        default=20,
        help="most reports of a found story, 2 or more (default 20)",
    )
    report_options(p)
    common(p)


def report_options(p: argparse.ArgumentParser) -> None:
    """How a report is printed (``story`` and ``compare``): --format, its --json short form, --width."""
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    p.add_argument(
        "--json",
        action="store_const",
        dest="format",
        const="json",
        help="the same as --format json",
    )
    p.add_argument(
        "--width",
        type=width,
        default=0,
        help=f"text width, {MIN_WIDTH} or more (default: the terminal's)",
    )


def _fail(message: str, status: int = EXIT_USAGE) -> int:
    from tui.engine import neutralise

    print(f"newsdesk story: {neutralise(message)}", file=sys.stderr)
    return status


def _found_story(args: argparse.Namespace) -> tuple[list[Any], list[Any]] | str:
    """The reports of the story of one article, with their entities, or why there are none."""
    from tui.cli_compare import _article_ids, _store_for
    from tui.engine import story_of
    from tui.paths import file_problem, split_ref

    ref = args.articles[0]
    path, local = split_ref(ref)
    problem = file_problem(path)
    if problem:
        return f"{ref}: {problem}"
    if local is None:
        from tui.cli_compare import ArgumentError, _refuse_jsonl_of_many

        try:
            # Before any index is opened: a 1,000-line .jsonl was indexed whole (10 s) to say so.
            _refuse_jsonl_of_many(ref, path)
        except ArgumentError as exc:
            return str(exc)
    if args.corpus:
        from tui.cli_library import corpus_paths

        corpus = corpus_paths(args.corpus)  # a missing --corpus PATH is named (PathError)
    elif path.suffix.lower() == ".jsonl":
        corpus = [str(path.resolve())]
    else:
        corpus = [str(path.resolve().parent)]
    store = _store_for(args, corpus)
    ids = _article_ids(store, path, local)
    if len(ids) != 1:
        return (
            f"{ref} holds {len(ids):,} articles: name one as {ref}#ID"
            if ids
            else _not_found(store, ref, path, local, corpus)
        )
    target = ids[0]
    chosen = story_of(store, target, args.limit)
    if len(chosen) < 2:
        return f"no other report of the story of {ref} in {', '.join(corpus)}"
    arts, ents = [], []
    for aid in chosen:
        found = store.article_with_entities(aid)
        if found is not None:
            arts.append(found[0])
            ents.append(found[1])
    return arts, ents


def _not_found(store: Any, ref: str, path: Path, local: str | None, corpus: list[str]) -> str:
    """Why the article ``ref`` is not in the index of ``corpus``, in words a user can act on.

    Every case was "is not an indexed article of the corpus": an empty file (skipped), an id the
    file does not hold, and an article outside a ``--corpus`` that does not hold it.
    """
    resolved = str(path.resolve())
    for skipped in store.skipped():
        if skipped.path == resolved:  # a skipped line of a .jsonl names no id: not told here
            return f"{ref}: skipped: {skipped.reason}"
    inside = any(
        resolved == str(Path(root)) or Path(resolved).is_relative_to(root) for root in store.roots
    )
    if not inside:
        return (
            f"{ref} is not in the corpus ({', '.join(corpus)}): "
            "give a --corpus that holds it, its file or its folder"
        )
    if local is not None and store.ids_for_path(path):
        return f"{ref}: no article with id {local!r} in {path.name}"
    return f"{ref} is not an indexed article of the corpus ({', '.join(corpus)})"


def _given(args: argparse.Namespace) -> tuple[list[Any], list[Any]] | str:
    """The articles named on the command line (a folder: every article in it)."""
    from index.models import Article
    from tui.cli_compare import ArgumentError, load_article, say_if_long
    from tui.engine import analyse, read_paths

    arts: list[Any] = []
    for ref in args.articles:
        if Path(ref).is_dir():
            found = [a for a in read_paths([ref]) if isinstance(a, Article)]
            if not found:  # it said "a story needs at least two different reports"
                return f"{ref}: a folder with no article in it"
            arts += found
            continue
        try:
            arts.append(load_article(ref))
        except ArgumentError as exc:
            return str(exc)
    say_if_long("story", arts, "reading its claims")
    return arts, [analyse(a) for a in arts]


def cmd_story(args: argparse.Namespace) -> int:
    """``newsdesk story PATH...``: the claims every report of a story makes, disagreements,
    figures over time and sources."""
    from tui.engine import StoryError, story_map, story_to_json, story_to_markdown, story_to_text

    single = len(args.articles) == 1 and not Path(args.articles[0]).is_dir()
    got = _found_story(args) if single else _given(args)
    if isinstance(got, str):
        return _fail(got, EXIT_ERROR if got.startswith("no other report") else EXIT_USAGE)
    arts, ents = got
    try:
        result = story_map(arts, ents)
    except StoryError as exc:
        return _fail(str(exc))
    if args.format == "json":
        print(json.dumps(story_to_json(result), ensure_ascii=False))
    elif args.format == "markdown":
        print(story_to_markdown(result), end="")
    else:
        width = args.width or shutil.get_terminal_size((120, 40)).columns
        print(story_to_text(result, max(MIN_WIDTH, width)), end="")
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"story": cmd_story}
