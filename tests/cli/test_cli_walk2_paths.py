"""A newcomer's second walk: special files named on the command line or lying in a corpus, and a
bad query refused before anything else is said or opened."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")

STORY = (
    "Flood barrier holds\n\nThe river rose by two metres overnight in the town, officials said "
    "on Monday, and the new barrier held.\n"
)


@pytest.mark.parametrize(
    "argv",
    [
        ("search", "x", os.devnull),
        ("index", os.devnull),
        ("entities", os.devnull),
        ("related", os.devnull),
        ("story", os.devnull),
    ],
)
def test_dev_null_is_named_as_a_device(run_cli: Callable[..., Any], argv: tuple[str, ...]) -> None:
    r = run_cli(*argv)
    assert r.code == 2
    # It said "no such file or folder" (or "no such file") of a path that exists.
    assert r.err.strip() == f"newsdesk {argv[0]}: {os.devnull}: not a file or folder (a device)"


def test_compare_names_a_device(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text(STORY, "utf-8")
    r = run_cli("compare", os.devnull, str(story), index_dir=None)
    assert r.code == 2
    assert r.err.strip() == f"newsdesk compare: {os.devnull}: not a file or folder (a device)"


@needs_fifo
def test_a_named_pipe_in_a_corpus_is_skipped_not_waited_for(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(STORY, "utf-8")
    os.mkfifo(corpus / "pipe.txt")  # nothing ever writes to it: the run waited for ever
    r = run_cli("index", str(corpus), timeout=60)
    assert r.code == 0, r.err
    assert "added 1," in r.out
    assert f"skipped {corpus / 'pipe.txt'}: not a regular file (a named pipe)" in r.out
    named = run_cli("search", "barrier", str(corpus / "pipe.txt"), timeout=60)
    assert named.code == 2
    assert named.err.strip().endswith("pipe.txt: not a file or folder (a named pipe)")


def test_a_bad_query_is_refused_before_the_library_note(run_cli: Callable[..., Any]) -> None:
    for query, why in (("", "empty query"), ("the", "only common words"), ("date:13", "'13'")):
        r = run_cli("search", query)
        assert r.code == 2
        # The empty library's note ("showing the bundled sample articles") came first.
        assert r.err.startswith("newsdesk search: bad query: "), r.err
        assert why in r.err and "library" not in r.err
        assert len(r.err.strip().splitlines()) == 1
    good = run_cli("search", "troops")
    assert good.code == 0 and "the library is empty" in good.err


def test_a_long_article_is_announced_before_the_long_work(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    # 1.1 million characters: a dump, not an article (a 2 MB one took 14 s of CPU in entities and
    # 43 s in compare, 4.5 min at load 5, with nothing shown). Few words, so the test stays short.
    long = tmp_path / "long.txt"
    long.write_text("Dump\n\n" + "x" * 1_100_000 + "\n", "utf-8")
    short = tmp_path / "a.txt"
    short.write_text(STORY, "utf-8")
    note = "long.txt holds 1.1 million characters (a news article holds a few thousand)"
    r = run_cli("entities", str(long), index_dir=None)
    assert r.code == 0
    assert f"newsdesk entities: {note}: finding its entities takes a while" in r.err
    r = run_cli("compare", str(short), str(long), "--json", index_dir=None)
    assert r.code == 0
    assert f"newsdesk compare: {note}: comparing them takes a while" in r.err
    quiet = run_cli("compare", str(short), str(short), "--json", index_dir=None)
    assert "million characters" not in quiet.err


def test_related_says_why_an_article_is_not_indexed(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(STORY, "utf-8")
    (corpus / "empty.txt").write_text("", "utf-8")
    lines = corpus / "r.jsonl"
    lines.write_text('{"id": "1", "text": "The barrier held, officials said."}\n', "utf-8")
    # Both said "... is not an indexed article of the corpus (...)".
    r = run_cli("related", str(corpus / "empty.txt"))
    assert r.code == 2
    assert r.err.strip() == f"newsdesk related: {corpus / 'empty.txt'}: skipped: empty file"
    r = run_cli("related", f"{lines}#9")
    assert r.code == 2
    assert r.err.strip() == f"newsdesk related: {lines}#9: no article with id '9' in r.jsonl"


def test_a_mistyped_command_is_named(run_cli: Callable[..., Any]) -> None:
    r = run_cli("serch", "oil", index_dir=None)
    assert r.code == 2
    # It listed all eleven commands, the one meant among them.
    assert r.err.strip() == "newsdesk: no such command or file: serch (did you mean search?)"
    far = run_cli("xyzzy", index_dir=None)
    assert "(commands: index, search, entities," in far.err


@needs_fifo
def test_feeds_import_refuses_a_named_pipe(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    pipe = tmp_path / "subs.opml"
    os.mkfifo(pipe)  # it was read for ever, waiting for a writer
    r = run_cli("feeds", "import", str(pipe), index_dir=None, timeout=60)
    assert r.code == 2
    assert r.err.strip() == f"newsdesk feeds import: {pipe}: not a file or folder (a named pipe)"


def test_words_one_space_apart_share_a_mark() -> None:
    from tui.cli_search import _emphasise

    text = "said Air France in a statement, air traffic"
    # A phrase's words were marked one by one: "«Air» «France»".
    assert _emphasise(text, [(5, 8), (9, 15), (32, 35)]) == (
        "said «Air France» in a statement, «air» traffic"
    )
    assert _emphasise("Air\nFrance", [(0, 3), (4, 10)]) == "«Air» «France»"
