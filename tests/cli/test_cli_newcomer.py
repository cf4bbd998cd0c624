"""A newcomer's walk through the commands: a many-article ``.jsonl`` named without ``#ID`` is
refused before it is read or indexed, and odd dates are refused with the way to write them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture()
def wire(tmp_path: Path) -> Path:
    path = tmp_path / "wire.jsonl"
    lines = [
        {
            "id": "w1",
            "title": "Port reopens",
            "text": "The port reopened on March 1 after a storm.",
        },
        {"id": "w2", "title": "Port closes", "text": "The port closed in January for repairs."},
        {"id": "w3", "title": "Ships wait", "text": "Ships waited outside the harbour all week."},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["related", "compare"])
def test_a_jsonl_of_many_articles_needs_an_id_before_anything_is_indexed(
    run_cli: Callable[..., Any], wire: Path, tmp_path: Path, command: str
) -> None:
    index = tmp_path / "never-made"
    args = [command, str(wire)] + ([f"{wire}#w2"] if command == "compare" else [])
    r = run_cli(*args, index_dir=index if command == "related" else None)
    assert r.code == 2, r.err
    assert f"holds 3 lines, an article each: name one as {wire}#ID" in r.err
    assert f"(for example {wire}#w1)" in r.err
    assert "Traceback" not in r.err and not r.out
    assert not index.exists()  # refused before the corpus was indexed


def test_a_jsonl_of_one_article_needs_no_id(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"id": "a", "text": "Ships waited outside."}) + "\n", "utf-8")
    other = tmp_path / "other.txt"
    other.write_text("Ships waited outside the port.\n", encoding="utf-8")
    r = run_cli("compare", str(one), str(other), "--json", index_dir=None)
    assert r.code == 0, r.err
    assert json.loads(r.out)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date:2026-02-30", "invalid day in date '2026-02-30' (February 2026 has 28 days)"),
        ("date:13", "'13' is not a date"),
        ("date:2005..2006", "date:[2005 TO 2006]"),
        ("date:2005-01-08T10:00", "write date:2005-01-08"),
    ],
)
def test_odd_dates_exit_2_with_one_line(
    run_cli: Callable[..., Any], wire: Path, query: str, message: str
) -> None:
    r = run_cli("search", query, str(wire), "--json")
    assert r.code == 2 and not r.out
    assert message in r.err and r.err.count("\n") == 1


def test_relative_days_search_publication_dates(run_cli: Callable[..., Any], wire: Path) -> None:
    r = run_cli("search", "date:>yesterday", str(wire), "--json")
    assert r.code == 0, r.err
    assert r.json()["total"] == 0  # undated articles: none published since yesterday


def test_a_search_of_an_empty_corpus_says_so(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run_cli("search", "port", str(empty), "--json")
    assert r.code == 0 and r.json()["total"] == 0
    assert f"newsdesk search: no articles in {empty}" in r.err
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4 not an article")
    r = run_cli("search", "port", str(pdf), index_dir=tmp_path / "pdf-index")
    assert "1 file skipped" in r.err and "not an article file type (.pdf)" in r.err


def test_a_search_that_finds_nothing_in_a_corpus_says_nothing_more(
    run_cli: Callable[..., Any], wire: Path
) -> None:
    r = run_cli("search", "zeppelin", str(wire), "--json")
    assert r.code == 0 and r.json()["total"] == 0
    assert "no articles" not in r.err


def test_snippets_end_without_the_articles_last_line_break(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    corpus = tmp_path / "notes"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A note\nSomething about ports.\n\n", encoding="utf-8")
    (hit,) = run_cli("search", "ports", str(corpus), "--json").json()["hits"]
    assert hit["snippets"][0]["text"] == "A note Something about ports."
