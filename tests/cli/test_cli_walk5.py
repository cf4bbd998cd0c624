"""A new user's walk of the command line: ids and folders with ``#`` in them, dates and quantities
no index can hold, and one form for every command's errors (``newsdesk COMMAND: ...``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tui.paths import local_id, split_ref

ROWS = [
    {"id": "a#b", "title": "Rates", "text": "The central bank cut rates in Paris on Monday."},
    {"id": "a", "title": "Wheat", "text": "Wheat prices rose in Chicago on Tuesday."},
    {"id": "b", "title": "Cocoa", "text": "Cocoa fell in London on Friday."},
]


def _jsonl(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    feed = folder / "ids.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in ROWS), "utf-8")
    return feed


def test_split_ref_cuts_after_the_file_that_exists(tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "x#y")
    assert split_ref(f"{feed}#a#b") == (feed, "a#b")
    assert split_ref(f"{feed}#b") == (feed, "b")
    assert split_ref(str(feed)) == (feed, None)
    # A folder's '#' is part of the path even when nothing exists: the message names the file.
    missing = tmp_path / "z#w" / "gone.jsonl"
    assert split_ref(f"{missing}#a#b") == (missing, "a#b")
    assert split_ref(f"{tmp_path}/notes#1") == (tmp_path / "notes", "1")


def test_local_id_is_what_follows_the_file(tmp_path: Path) -> None:
    feed = tmp_path / "x#y" / "ids.jsonl"
    assert local_id("x#y/ids.jsonl#a#b", feed) == "a#b"
    assert local_id("ids.jsonl#a#b", feed) == "a#b"
    assert local_id("ids.jsonl#ids.jsonl#c", feed) == "ids.jsonl#c"
    assert local_id("old.jsonl#3", tmp_path / "old.jsonl") == "3"


def test_an_id_with_a_hash_is_named(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "x#y")
    for ref in (f"{feed}#a#b", "x#y/ids.jsonl#a#b"):  # absolute, and relative to the folder
        r = run_cli("entities", ref, "--json", index_dir=False)
        assert r.code == 0, r.err
        [article] = r.json()
        assert article["id"] == "ids.jsonl#a#b"
        assert [e["text"] for e in article["entities"]] == ["Paris", "Monday"]
    plain = run_cli("entities", f"{feed}#a", "--json", index_dir=False)
    assert [e["text"] for e in plain.json()[0]["entities"]] == ["Chicago", "Tuesday"]
    pair = run_cli("compare", f"{feed}#a#b", f"{feed}#b", "--json", index_dir=False)
    assert pair.code == 0, pair.err
    missing = run_cli("entities", "x#y/none.jsonl#a#b", index_dir=False)
    assert missing.code == 2
    assert missing.err.strip() == "newsdesk entities: no such file or folder: x#y/none.jsonl"


def test_related_finds_an_id_with_a_hash(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    feed = _jsonl(tmp_path / "x#y")
    r = run_cli("related", f"{feed}#a#b", "--json")
    assert r.code == 0, r.err
    assert "not an indexed article" not in r.err


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('date:"31 february"', "invalid day in date '31 february' (February has 29 days at most)"),
        ("date:2009-02-31", "invalid day in date '2009-02-31' (February 2009 has 28 days)"),
        ("quantity:-5", "'-5' is a negative figure"),
    ],
)
def test_a_query_no_index_can_answer_exits_2(
    run_cli: Callable[..., Any], tmp_path: Path, query: str, message: str
) -> None:
    feed = _jsonl(tmp_path / "news")
    r = run_cli("search", query, str(feed), "--json")
    assert r.code == 2 and r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"newsdesk search: bad query: {message}")


def test_every_command_names_itself_in_its_errors(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    a_file = tmp_path / "a-file"
    a_file.write_text("x", "utf-8")
    runs = {
        "search": run_cli("search", "title:", str(empty)),
        "index": run_cli("index", str(empty), index_dir=a_file),
        "entities": run_cli("entities", "gone.md", index_dir=False),
        "compare": run_cli("compare", "gone.md", "gone2.md", index_dir=False),
        "related": run_cli("related", "gone.md"),
        "story": run_cli("story", "gone.md"),
        "library": run_cli("library", "remove", str(empty), index_dir=False),
    }
    for command, r in runs.items():
        assert r.code != 0, command
        first = r.err.strip().splitlines()[0]
        assert first.startswith(f"newsdesk {command}"), (command, first)
        assert first.split(":")[0] in (f"newsdesk {command}", f"newsdesk {command} remove")
    nothing = run_cli("search", "port", str(empty))
    assert nothing.err.startswith(f"newsdesk search: no articles in {empty}")


def test_a_publication_date_that_finds_nothing_says_when_the_corpus_was_published(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    corpus = tmp_path / "wire"
    corpus.mkdir()
    for name, day in (("a", "1987-02-26"), ("b", "1987-10-19")):
        (corpus / f"{name}.md").write_text(
            f"---\ntitle: Stocks {name}\ndate: {day}\n---\nStocks fell on March 31.\n", "utf-8"
        )
    (corpus / "c.md").write_text("---\ntitle: Undated\n---\nStocks rose.\n", "utf-8")
    span = "newsdesk search: the corpus's articles were published from 1987-02-26 to 1987-10-19"
    after = run_cli("search", "date:>1987", str(corpus), "--json")
    assert after.code == 0 and after.json()["total"] == 0
    assert span in after.err.splitlines()
    yesterday = run_cli("search", "date:yesterday", str(corpus), "--json")
    assert yesterday.json()["total"] == 0
    assert any(line.startswith(span + " (today is ") for line in yesterday.err.splitlines()), (
        yesterday.err
    )
    found = run_cli("search", "date:>=1987", str(corpus), "--json")
    assert found.json()["total"] == 2 and "published from" not in found.err
    in_text = run_cli("search", 'date:"april 1"', str(corpus), "--json")  # a date of the text
    assert in_text.json()["total"] == 0 and "published from" not in in_text.err
    undated = tmp_path / "undated"
    undated.mkdir()
    (undated / "c.md").write_text("---\ntitle: Undated\n---\nStocks rose.\n", "utf-8")
    none = run_cli("search", "date:2024", str(undated), index_dir=tmp_path / "undated-index")
    assert "newsdesk search: no article of the corpus has a publication date" in none.err
