"""Command-line commands for comparison, related reports and stories."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tui.cli_args import MIN_WIDTH
from tui.paths import file_problem, local_id

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class ArgumentError(Exception):
    """An article argument that cannot be resolved; the message says why."""


def _split_ref(ref: str) -> tuple[Path, str | None]:
    """``file.jsonl#id`` -> (file, id); a plain path -> (path, None)."""
    from tui.paths import split_ref

    return split_ref(ref)


def load_article(ref: str) -> Any:
    """Read one article named on the command line: a file, or ``file.jsonl#id``.

    Raises:
        ArgumentError: the file is missing, unreadable, or has no such article.
    """
    from tui.engine import read_file, scan

    if not ref.strip():
        raise ArgumentError("an empty name: name one article file (or file.jsonl#id)")
    path, local = _split_ref(ref)
    problem = file_problem(path)
    if problem:
        raise ArgumentError(f"{ref}: {problem}" + (" (or file.jsonl#id)" if path.is_dir() else ""))
    if local is None:
        _refuse_jsonl_of_many(ref, path)
    files, skipped = scan([path])
    if not files:
        reason = skipped[0].reason if skipped else "not an article file"
        raise ArgumentError(f"{ref}: {reason}")
    if local is not None and path.suffix.lower() == ".jsonl":
        found = _jsonl_line(files[0], local)  # that line alone, not every article of the file
        if found is not None:
            return found
    articles, bad = read_file(files[0])
    if not articles:
        reason = bad[0].reason if bad else "no article in this file"
        raise ArgumentError(f"{ref}: {reason}")
    if local is None:
        if len(articles) > 1:
            raise ArgumentError(
                f"{ref} holds {len(articles):,} articles: name one as {ref}#ID "
                f"(for example {ref}#{local_id(articles[0].id, path)})"
            )
        return articles[0]
    for article in articles:
        if article.id == f"{files[0].rel}#{local}":
            return article
    raise ArgumentError(f"{ref}: no article with id {local!r}")


def _refuse_jsonl_of_many(ref: str, path: Path) -> None:
    """Refuse a ``.jsonl`` file of several lines named without ``#ID`` before reading (or
    indexing) it: on the 19,043-line Reuters file, reading every article to say so took 3.7 s
    (``compare``), opening its index and listing its ids 9 s (``related``).

    Raises:
        ArgumentError: the file has more than one non-blank line.
    """
    if path.suffix.lower() != ".jsonl":
        return
    count, first = 0, b""
    try:
        with path.open("rb") as fh:
            for line in fh:
                if line.strip():
                    count += 1
                    first = first or line
    except OSError:
        return  # the reader reports it
    if count < 2:
        return
    example = ""
    try:
        found = json.loads(first).get("id")
        if isinstance(found, str | int) and not isinstance(found, bool) and str(found).strip():
            example = f" (for example {ref}#{found})"
    except (ValueError, AttributeError):
        pass
    raise ArgumentError(
        f"{ref} holds {count:,} lines, an article each: name one as {ref}#ID{example}"
    )


def _jsonl_line(source: Any, local: str) -> Any:
    from tui.engine import ReadError, find_jsonl_article, read_bytes, size_limit

    try:
        return find_jsonl_article(source, read_bytes(source.path, size_limit(source.path)), local)
    except ReadError:
        return None  # the full read below says why


def cmd_compare(args: argparse.Namespace) -> int:
    """``newsdesk compare A B``: shared, unique and disputed claims of two reports."""
    try:
        a, b = load_article(args.a), load_article(args.b)
    except ArgumentError as exc:
        print(f"newsdesk compare: {exc}", file=sys.stderr)
        return EXIT_USAGE
    say_if_long("compare", [a, b], "comparing them")
    if a.text == b.text and (a.title or "") == (b.title or ""):
        # Compared all the same ("25 shared" of one seed named twice), with a word on why.
        same = "the same article" if a.id == b.id else "two copies of one article"
        print(f"newsdesk compare: A and B are {same}", file=sys.stderr)
    from tui.engine import (
        analyse,
        compare,
        comparison_to_json,
        comparison_to_markdown,
        comparison_to_text,
    )

    result = compare(a, b, analyse(a), analyse(b))
    if args.format == "json":
        print(json.dumps(comparison_to_json(result), ensure_ascii=False))
    elif args.format == "markdown":
        print(comparison_to_markdown(result))
    else:
        width = max(MIN_WIDTH, args.width or shutil.get_terminal_size((120, 40)).columns)
        print(with_legend(comparison_to_text(result, width), width), end="")
    return EXIT_OK


LONG_TEXT = 1_000_000
"""Characters of text above which a command says, before it starts, that its work will be long: a
news article holds a few thousand, and a 2 MB one took 14 s of CPU to analyse (``entities``) and
43 s to compare with a short report (4.5 min at load 5), with nothing shown meanwhile."""


def say_if_long(command: str, articles: Sequence[Any], doing: str) -> None:
    """One line on stderr for each article whose text is long enough to make ``command`` slow."""
    for article in articles:
        if len(article.text) >= LONG_TEXT:
            print(
                f"newsdesk {command}: {neutralise_text(article.id)} holds "
                f"{len(article.text) / 1e6:.1f} million characters (a news article holds a few "
                f"thousand): {doing} takes a while",
                file=sys.stderr,
            )


def neutralise_text(text: str) -> str:
    """Untrusted text made safe to print (the engine's ``neutralise``)."""
    from tui.engine import neutralise

    return neutralise(text)


LEGEND = (
    "= same claim",
    "~ related",
    "! disagreement",
    "< only in A",
    "> only in B",
    "⟦…⟧ what the other report lacks or states otherwise",
)


def with_legend(text: str, width: int) -> str:
    """The text report with what its marks mean under its summary line (the app shows its
    legend beside the panes; the text report used ``~ < > ⟦⟧`` without a word on them), packed
    into ``width`` columns without splitting a mark from its meaning."""
    import textwrap

    lines: list[str] = []
    for item in LEGEND:
        if lines and len(lines[-1]) + 3 + len(item) <= width:
            lines[-1] += "   " + item
        else:
            lines.extend(textwrap.wrap(item, width, subsequent_indent="    "))
    # the summary, wrapped to the width, ends at the first blank line
    summary, gap, rest = text.partition("\n\n")
    return "\n".join([summary, *lines]) + gap + rest


def _store_for(args: argparse.Namespace, corpus: list[str]) -> Any:
    """The index of ``corpus`` (already checked by ``corpus_paths``), brought up to date."""
    from tui.engine import start_check

    # Is the corpus unchanged? Found out on another core while the store opens.
    check = start_check(corpus, args.index_dir)
    try:
        from tui.engine import IndexBusy, Store

        store = Store(corpus, args.index_dir)
        for message in store.messages:
            print(message, file=sys.stderr)
        unchanged, walked = check.result()
    finally:
        check.close()
    if unchanged is not None and not store.messages:
        return store  # (the store's own run would find the same, walking again)
    try:
        store.update(
            progress=_indexing_shown() if sys.stderr.isatty() else None,
            walked=walked if not store.messages else None,
        )
    except IndexBusy as exc:
        print(f"newsdesk {args.command}: {exc}", file=sys.stderr)
    return store


def _indexing_shown() -> Callable[[int, int, str], None]:
    """On a terminal, how far the index of the corpus is while ``related`` or ``story`` waits
    for it (413 new ECB+ files: 8.5 s without a word; a new corpus of thousands, minutes),
    one line rewritten in place and wiped when done."""
    shown = [0.0]

    def show(done: int, total: int, _path: str) -> None:
        import time

        now = time.monotonic()
        if total <= 0 or (done < total and now - shown[0] < 0.1):
            return
        shown[0] = now
        # done / total count the bytes of the files to read: it said "413,594 of 2,148,541 files"
        # of one 2,000-line .jsonl.
        line = f"newsdesk: indexing the corpus: {min(100, done * 100 // total)}%"
        sys.stderr.write("\r" + (" " * len(line) + "\r" if done >= total else line))
        sys.stderr.flush()

    return show


def _article_ids(store: Any, path: Path, local: str | None) -> list[str]:
    """The indexed ids of the article file ``path``, or of its line ``local``.

    A line is looked up by the id the index gives it (its file's path from a corpus root, ``#``,
    its own id), not by listing the file's articles: that read every stored article of the file
    (19,043 on the Reuters file, 1.3-5 s). An id written otherwise is still found by the listing.
    """
    if local is not None:
        resolved = path.expanduser().resolve()
        for root in store.roots:
            base = Path(root)
            if base.is_file():
                base = base.parent
            if not resolved.is_relative_to(base):
                continue
            found = store.article(f"{resolved.relative_to(base).as_posix()}#{local}")
            if found is not None and found.path == str(resolved):
                return [str(found.id)]
    ids: list[str] = store.ids_for_path(path)
    if local is not None:
        ids = [i for i in ids if local_id(i, path) == local]
    return ids


def cmd_related(args: argparse.Namespace) -> int:
    """``newsdesk related PATH``: reports covering the same story as an article."""
    from tui.engine import related

    path, local = _split_ref(args.path)
    what = file_problem(path)
    if what:
        print(f"newsdesk related: {args.path}: {what}", file=sys.stderr)
        return EXIT_USAGE
    if local is None:
        try:
            _refuse_jsonl_of_many(args.path, path)
        except ArgumentError as exc:
            print(f"newsdesk related: {exc}", file=sys.stderr)
            return EXIT_USAGE
    from tui.cli_library import corpus_paths
    from tui.library import holder

    # PATHS; else the library when it holds the article (one index for both); else its folder.
    if args.paths or holder(str(path)):
        corpus = corpus_paths(args.paths)
    else:
        corpus = corpus_paths([str(path.resolve().parent)])
    store = _store_for(args, corpus)
    ids = _article_ids(store, path, local)
    if not ids:
        from tui.cli_story import _not_found

        # Why, as `story` says it: "skipped: empty file", "no article with id '9' in r.jsonl"
        # (it said "is not an indexed article of the corpus" of both).
        print(
            f"newsdesk related: {_not_found(store, args.path, path, local, corpus)}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if len(ids) > 1:
        print(
            f"newsdesk related: {args.path} holds {len(ids):,} articles: name one as {args.path}#ID",
            file=sys.stderr,
        )
        return EXIT_USAGE
    found = related(store, ids[0], limit=max(1, args.limit))
    if args.json:
        print(
            json.dumps(
                {
                    "id": ids[0],
                    "related": [
                        {
                            "id": r.id,
                            "title": r.title,
                            "source": r.source,
                            "date": r.date,
                            "score": round(r.score, 4),
                            "same_story": r.same_story,
                        }
                        for r in found
                    ],
                },
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    from tui.engine import neutralise

    if not found:
        print("no related reports")
    for r in found:
        flag = "same story" if r.same_story else "related"
        print(f"{r.score:5.2f}  {flag:<10}  {neutralise(r.title)}  ({neutralise(r.id)})")
    return EXIT_OK


def cmd_stories(args: argparse.Namespace) -> int:
    """``newsdesk stories``: the corpus grouped into stories."""
    from tui.cli_library import corpus_paths
    from tui.engine import stories

    store = _store_for(args, corpus_paths(args.paths))
    groups = stories(store)
    if args.json:
        print(
            json.dumps(
                [{"id": s.id, "title": s.title, "articles": list(s.article_ids)} for s in groups],
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    from tui.engine import neutralise

    titles = {a.id: a.title for a in store.catalogue()}
    if not groups:
        print("no stories: the corpus holds no indexed article")  # printed nothing at all
    for s in groups:
        n = len(s.article_ids)
        print(f"{neutralise(s.title)}  ({n} report{'s' if n != 1 else ''})")
        for aid in s.article_ids:
            print(f"    {neutralise(titles.get(aid, aid))}  ({neutralise(aid)})")
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "compare": cmd_compare,
    "related": cmd_related,
    "stories": cmd_stories,
}
