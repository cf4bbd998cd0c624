"""``newsdesk entities``: the entities of articles, or the corpus's most frequent ones."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from tui.cli_search import ensure_indexed, open_store
from tui.paths import PathError, check_paths, split_ref

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _safe(text: str) -> str:
    from tui.engine import neutralise

    return neutralise(text)


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

        store = open_store(args.paths, args.index_dir)
        ensure_indexed(store)
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


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"entities": cmd_entities}
