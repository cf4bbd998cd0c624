"""``newsdesk entities``: the entities of articles, or the corpus's most frequent ones."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tui.cli_compare import say_if_long
from tui.cli_search import ensure_indexed, open_store
from tui.paths import PathError, check_paths, split_ref

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


@functools.cache
def _neutralise() -> Callable[[str], str]:
    from tui.engine import neutralise

    return neutralise


def _safe(text: str) -> str:
    # The engine's function looked up once: a lookup a call (each an import through the engine's
    # facade) was half of listing the 660,000 entities of the Reuters stories (12 of 25 s profiled).
    # Printable text holds nothing neutralise changes (every character it replaces or removes is
    # a control, format or C1 character, none printable: tests/cli/test_cli_entities_indexed.py).
    return text if text.isprintable() else _neutralise()(text)


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


def _current_index(
    paths: Sequence[str], index_dir: str | None
) -> tuple[list[str], str | None] | None:
    """The corpus and index folder of an up-to-date index holding ``paths``: theirs (the one
    ``newsdesk index PATHS`` keeps, or ``--index-dir``), else the library's when it holds them."""
    from tui.engine import quick_unchanged
    from tui.library import holder, load

    try:
        roots = [str(Path(p).expanduser().resolve()) for p in paths]
        if quick_unchanged(roots, index_dir) is not None:
            return roots, index_dir
        if index_dir is None and all(holder(p) for p in paths):
            folders = load()
            if quick_unchanged(folders, None) is not None:
                return folders, None
    except Exception:  # an unreadable library list, a damaged index: the articles are read
        return None
    return None


def _indexed_rows(
    paths: Sequence[str], index_dir: str | None
) -> tuple[list[tuple[Any, list[Any]]], list[Any]] | None:
    """The articles of ``paths`` with their entities as the index holds them, and what was skipped,
    when an index holding them is up to date (``_current_index``); else ``None`` (they are read and
    analysed).

    The index is built with every article's entities: reading them back (the engine's
    ``indexed_articles``) instead of reading and analysing every article again took the 19,043
    Reuters stories from 33 s to a few seconds. Only a current index is read (a stat-only check, no
    run): indexing first would cost more than analysing.
    """
    import tui.engine

    # Until the engine's door names it (tui/engine.py, ``_HELPERS``), the articles are analysed.
    reader = getattr(tui.engine, "indexed_articles", None)
    if reader is None or not paths or any(split_ref(p)[1] is not None for p in paths):
        return None
    found = _current_index(paths, index_dir)
    if found is None:
        return None
    tui.engine.load_whoosh()
    store = tui.engine.Store(*found)
    if store.messages:  # rebuilt on opening (damaged meanwhile): nothing to read yet
        return None
    rows: tuple[list[tuple[Any, list[Any]]], list[Any]] | None = reader(store, list(paths))
    return rows


def cmd_entities(args: argparse.Namespace) -> int:
    """``newsdesk entities``: the entities of articles, or ``--top`` for the corpus."""
    if args.top:
        from tui.engine import facets

        ref = next((p for p in args.paths if split_ref(p)[1] is not None), None)
        if ref is not None:
            # It said "no such file or folder: r.jsonl#5" of a file that is there.
            print(
                f"newsdesk entities: --top counts whole files and folders; give "
                f"{_safe(str(split_ref(ref)[0]))}, not {_safe(ref)}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        store = open_store(args.paths, args.index_dir)
        ensure_indexed(store, command="entities")
        top = facets(store, None, limit=args.limit)
        if not top:  # printed nothing at all
            where = ", ".join(_safe(p) for p in args.paths) or "the library"
            print(f"newsdesk entities: no entities in {where}", file=sys.stderr)
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
    indexed = _indexed_rows(args.paths, args.index_dir)
    if indexed is not None:
        rows, skipped = indexed
    else:
        articles, skipped = _read_articles(args.paths)
        say_if_long("entities", articles, "finding its entities")
        rows = [(a, analyse(a)) for a in articles]
    for s in skipped:
        # Named, as every command's messages are ("skipped x: binary file" alone before).
        print(f"newsdesk entities: skipped {_safe(s.path)}: {_safe(s.reason)}", file=sys.stderr)
    if not rows and not skipped:
        # an empty folder, or one of other files only, printed nothing at all
        where = ", ".join(_safe(p) for p in args.paths)
        print(f"newsdesk entities: no articles in {where}", file=sys.stderr)
    if not rows and skipped:
        # Nothing could be read (a binary or empty file): exit status 2, as `related` and `story`
        # give for the same file; it was 0, with '[]' for --json. (A folder with no article file
        # is no error: test_cli_walk6.)
        return EXIT_USAGE
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
    write = sys.stdout.write
    for a, ents in rows:
        # One write an article, not a print a line (348,000 lines on the Reuters stories).
        lines = [f"{_safe(a.title)}  ({_safe(a.id)})"]
        lines.extend(
            f"  {e.start:>6}-{e.end:<6} {e.label:<9} {_safe(e.text):<40} {_safe(e.canonical)}"
            for e in ents
        )
        lines.append("\n")
        write("\n".join(lines))
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"entities": cmd_entities}
