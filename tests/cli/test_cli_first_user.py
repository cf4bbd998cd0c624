"""A first user's walk through the command line: the top-level help names ``--compare``, a search
says how many hits it left out and writes counts as the app does, and ``story`` refuses a ``.jsonl``
of many articles named without ``#ID`` before it indexes it, as ``related`` and ``compare`` do."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


def test_help_names_the_compare_option(run_cli: Callable[..., Any]) -> None:
    r = run_cli("--help", index_dir=None)
    assert r.code == 0, r.err
    assert "--compare A B" in r.out  # the README's `newsdesk --compare A B [PATHS]`


def _many(tmp_path: Path, count: int) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(count):
        (corpus / f"r{n}.txt").write_text(
            f"Harbour note {n}\n\nThe harbour flooded after the storm, report {n} said.\n",
            encoding="utf-8",
        )
    return corpus


def test_search_says_how_many_hits_the_limit_left_out(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    corpus = _many(tmp_path, 12)
    r = run_cli("search", "harbour", str(corpus), "--limit", "3")
    assert r.code == 0, r.err
    assert (
        r.out.splitlines()[0] == "12 results for harbour  (the first 3 shown: --limit N for more)"
    )
    r = run_cli("search", "harbour", str(corpus), "--limit", "12")
    assert r.out.splitlines()[0] == "12 results for harbour"


def test_search_counts_a_thousand_with_a_separator(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "wire.jsonl"
    lines = (
        json.dumps({"id": str(n), "title": f"Note {n}", "text": f"The harbour reopened, note {n}."})
        for n in range(1001)
    )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run_cli("search", "harbour", str(path), "--limit", "1", timeout=300)
    assert r.code == 0, r.err
    assert r.out.startswith("1,001 results for harbour  (the first 1 shown")
    assert "(indexed 1,001 articles)" in r.err  # the search indexed the file first
    r = run_cli("index", str(path), timeout=300)
    assert r.code == 0, r.err
    assert r.out.startswith("added 0, updated 0, removed 0, unchanged 1,001, skipped 0 (0 files")


def test_one_article_indexed_is_one_article(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    corpus = _many(tmp_path, 1)
    r = run_cli("search", "harbour", str(corpus))
    assert r.code == 0, r.err
    assert "(indexed 1 article)" in r.err and r.out.startswith("1 result for harbour\n")


def test_story_refuses_a_jsonl_of_many_before_indexing_it(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = tmp_path / "wire.jsonl"
    rows = [
        {"id": f"w{n}", "title": f"Port {n}", "text": f"The port reopened, {n}."} for n in (1, 2)
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in rows), encoding="utf-8")
    index = tmp_path / "never-made"
    r = run_cli("story", str(path), index_dir=index)
    assert r.code == 2, r.err
    assert f"holds 2 lines, an article each: name one as {path}#ID" in r.err
    assert f"(for example {path}#w1)" in r.err
    assert not index.exists() and not r.out


def test_entities_of_nothing_readable_is_an_error(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    r = run_cli("entities", str(binary), "--json", index_dir=None)
    assert r.code == 2 and not r.out, (r.code, r.out)
    assert r.err.startswith(f"newsdesk entities: skipped {binary}: binary file"), r.err
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run_cli("entities", str(empty), index_dir=None)  # no file to skip: said, status 0
    assert r.code == 0 and r.err == f"newsdesk entities: no articles in {empty}\n"
    good = _many(tmp_path, 1) / "r0.txt"  # one readable: its entities, the other one skipped
    r = run_cli("entities", str(binary), str(good), "--json", index_dir=None)
    assert r.code == 0 and [a["id"] for a in r.json()] == ["r0.txt"]
    assert "newsdesk entities: skipped" in r.err
