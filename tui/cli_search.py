"""``newsdesk index`` and ``newsdesk search``: keep the index current, and query it."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tui import cli_library, library

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _safe(text: str) -> str:
    from tui.engine import neutralise

    return neutralise(text)


def _corpus(paths: Sequence[str]) -> list[str]:
    return cli_library.corpus_paths(paths)


def open_store(paths: Sequence[str], index_dir: str | None, corpus: list[str] | None = None) -> Any:
    """The store of ``paths`` (``corpus``: the corpus they name, when already found: finding it
    again would print the library's notes twice)."""
    from tui.engine import load_whoosh

    load_whoosh()  # before the store imports Whoosh: without what Whoosh never calls here
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
        # done / total are bytes of the files to read ("787139/3103046 r3k.jsonl" before).
        share = f"{min(100, done * 100 // total):>3}%"
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {share} {name:<40}")
        if done >= total:
            sys.stderr.write("\r" + " " * (width + 60) + "\r")
        sys.stderr.flush()

    return show


def cmd_index(args: argparse.Namespace) -> int:
    """``newsdesk index``: update the index and report counts and skipped files."""
    from tui.engine import default_index_dir, run_imports, start_check

    corpus = _corpus(args.paths)
    # Nothing changed (a stat-only walk and the index's database say so): answer without opening
    # the index. The walk runs on another core while what a run needs is imported, until its
    # answer is in.
    check = start_check(corpus, args.index_dir)
    try:
        check.meanwhile(run_imports())
        report, walked = check.result()
    finally:
        check.close()
    if report is not None:
        index_dir = Path(args.index_dir).expanduser() if args.index_dir else None
        index_dir = index_dir or default_index_dir(corpus)
    else:
        store = open_store(args.paths, args.index_dir, corpus)
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
                    # Files whose contents were read in this run: every file of a new index,
                    # then the new, changed or touched ones ("reread" before: misleading on a
                    # first run, where nothing was read again).
                    "files_read": report.reread,
                    "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
                    "notes": list(report.notes),
                },
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    print(
        # With separators, as README quotes it ("added 1, unchanged 19,045"): it said 19045.
        f"added {report.added:,}, updated {report.updated:,}, removed {report.removed:,}, "
        f"unchanged {report.unchanged:,}, skipped {len(report.skipped):,} "
        f"({report.reread:,} file{'s' if report.reread != 1 else ''} read)"
    )
    for s in report.skipped:
        print(f"  skipped {_safe(s.path)}: {_safe(s.reason)}")
    for note in report.notes:
        print(f"  note: {_safe(note)}")
    print(f"index: {index_dir}")
    return EXIT_OK


def ensure_indexed(
    store: Any,
    unchanged: Any = None,
    command: str = "search",
    walked: Any = None,
) -> None:
    """Bring the index up to date; another process writing it is told (as ``newsdesk COMMAND:``),
    and the search goes on with the index as it is.

    Args:
        store: The store.
        unchanged: The quiet check's report that nothing changed, when it made one.
        command: The command's name, for messages.
        walked: The quiet check's walk, when it found changes (the run does not walk again).
    """
    from tui.engine import IndexBusy

    if unchanged is not None and not store.messages:
        return  # nothing changed since the last run (and the store was not rebuilt on opening)
    try:
        report = store.update(walked=walked if not store.messages else None)
    except IndexBusy as exc:
        print(f"newsdesk {command}: {exc}", file=sys.stderr)
        return
    if report.added or report.updated:
        n = report.added + report.updated  # it said "(indexed 1 articles)", "(indexed 2519 ...)"
        print(f"(indexed {n:,} article{'s' if n != 1 else ''})", file=sys.stderr)


def cmd_search(args: argparse.Namespace) -> int:
    """``newsdesk search``: ranked hits with snippets."""
    found = library.corpus(args.paths)
    corpus = found.paths
    # Is the corpus unchanged? Found out on another core while the search modules load.
    from tui.engine import start_check

    check = start_check(corpus, args.index_dir)
    try:
        return _search(args, found, check)
    finally:
        check.close()


def _search(args: argparse.Namespace, found: Any, check: Any) -> int:
    from tui.engine import QueryError, check_query, parse, search

    corpus = found.paths
    # A bad query alone: the library's notes came first, and the index was opened, for nothing.
    try:
        check_query(args.query)
    except QueryError as exc:
        print(f"newsdesk search: bad query: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for note in found.notes:
        print(f"newsdesk: {note}", file=sys.stderr)
    store = open_store(args.paths, args.index_dir, corpus)
    try:
        parse(store, args.query)  # malformed: said before anything is indexed
    except QueryError as exc:
        print(f"newsdesk search: bad query: {exc}", file=sys.stderr)
        return EXIT_USAGE
    ensure_indexed(store, *check.result())
    result = search(store, args.query, limit=max(0, args.limit), sort=args.sort)
    if not result.total:
        _say_why_empty(store, corpus)
        from tui.published import published_note

        said = published_note(store, args.query)
        if said:
            print(f"newsdesk search: {said}", file=sys.stderr)
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
    shown = len(result.hits)
    # "2519 results for *" and ten listed, with no word of the other 2,509 nor of --limit.
    cut = f"  (the first {shown:,} shown: --limit N for more)" if shown < result.total else ""
    print(f"{result.total:,} result{'s' if result.total != 1 else ''} for {_safe(args.query)}{cut}")
    if result.suggestion:
        print(f"did you mean: {_safe(result.suggestion)}")
    for n, h in enumerate(result.hits, 1):
        meta = " · ".join(x for x in (h.source, _shown_date(h.date)) if x)
        print(f"\n{n}. {_safe(h.title)}  [{h.score:.2f}]")
        print(f"   {_safe(h.id)}{'  ' + _safe(meta) if meta else ''}")
        for s in h.snippets:
            print(f"   … {_emphasise(s.text, s.highlights)} …")
    return EXIT_OK


def _say_why_empty(store: Any, corpus: Sequence[str]) -> None:
    """Tell a search of an empty corpus from one that found nothing (a wrong folder, or files that
    are no articles, answered "0 results" as if the words were missing)."""
    if store.doc_count():
        return
    skipped = store.skipped()
    where = ", ".join(_safe(p) for p in corpus) or "the library"
    why = ""
    if skipped:
        first = skipped[0]
        why = (
            f"; {library.skipped_count([s.path for s in skipped])} "
            f"({_safe(first.path)}: {_safe(first.reason)}{', ...' if len(skipped) > 1 else ''})"
        )
    print(f"newsdesk search: no articles in {where}{why}", file=sys.stderr)


def _shown_date(date: str | None) -> str | None:
    """A date as stored; one that could not be read is marked (it is kept as written)."""
    from tui.engine import is_parsed

    return f"{date} (date unread)" if date and not is_parsed(date) else date


def _emphasise(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """Mark matched ranges with «…» in plain-text output (neutralised first, same length).

    Matched words one space apart share a mark: "«Air» «France»" of a phrase read as two hits."""
    merged: list[tuple[int, int]] = []
    for a, b in ranges:
        if merged and a - merged[-1][1] == 1 and text[merged[-1][1]] == " ":
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    out, pos = [], 0
    for a, b in merged:
        out.append(_safe(" ".join(text[pos:a].split("\n"))))
        out.append("«" + _safe(text[a:b]) + "»")
        pos = b
    out.append(_safe(" ".join(text[pos:].split("\n"))))
    return "".join(out)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "index": cmd_index,
    "search": cmd_search,
}
