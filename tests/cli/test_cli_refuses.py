"""The command line refuses mistakes: missing paths, ``--``, ``file.jsonl#id``, usage lines, bad values."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with one ``.txt`` article and a two-article ``.jsonl`` (shared: never write to it)."""
    d = tmp_path_factory.mktemp("refuses") / "corpus"
    d.mkdir()
    (d / "wave.txt").write_text(
        "Tsunami warning lifted\nThe tsunami warning for the coast was lifted. Malcolm X and J. Smith "
        "spoke.\n",
        "utf-8",
    )
    rows = [
        {
            "id": "c1",
            "title": "Cocoa talks",
            "text": "The International Cocoa Organization met in "
            "London on Monday. Delegates agreed 12 measures.",
        },
        {"id": "c2", "title": "Wheat", "text": "Wheat prices rose in Chicago."},
    ]
    (d / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return d


@pytest.fixture(scope="module")
def corpus_index(corpus: Path) -> Path:
    """An index of ``corpus`` built once, shared by the searches below (each finds it up to date)."""
    from index.store.core import Store

    d = corpus.parent / "index"
    Store([corpus], d).update()
    return d


@pytest.mark.parametrize(
    "argv",
    [
        ["index", "{missing}"],
        ["search", "kursk", "{missing}"],
        ["search", "kursk", "{corpus}", "{missing}"],
        ["entities", "{missing}"],
        ["entities", "--top", "{missing}"],
        ["stories", "{missing}"],
        ["related", "{corpus}/wave.txt", "{missing}"],
        ["related", "{missing}"],
        ["compare", "{missing}", "{corpus}/wave.txt"],
    ],
)
def test_missing_path_exits_2_names_it_and_creates_nothing(
    run_cli: Callable[..., Any], corpus: Path, tmp_path: Path, argv: list[str]
) -> None:
    missing = str(tmp_path / "no-such-folder")
    args = [a.format(missing=missing, corpus=corpus) for a in argv]
    index_dir = tmp_path / "made-index"
    r = run_cli(*args, index_dir=index_dir if argv[0] != "compare" else False)
    assert r.code == 2, (r.out, r.err)
    assert "no-such-folder" in r.err and "Traceback" not in r.err
    assert r.out == ""
    assert not index_dir.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_path_exits_2(run_cli: Callable[..., Any], corpus: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        r = run_cli("index", str(locked), index_dir=tmp_path / "ix")
    finally:
        locked.chmod(0o700)
    assert r.code == 2 and "locked" in r.err and "permission denied" in r.err
    assert not (tmp_path / "ix").exists()


def test_entities_takes_a_jsonl_article(run_cli: Callable[..., Any], corpus: Path) -> None:
    r = run_cli("entities", f"{corpus}/wire.jsonl#c1", "--json", index_dir=False)
    assert r.code == 0, r.err
    (article,) = r.json()
    assert article["id"] == "wire.jsonl#c1" and article["title"] == "Cocoa talks"
    assert ("ORG", "International Cocoa Organization") in {
        (e["label"], e["text"]) for e in article["entities"]
    }
    bad = run_cli("entities", f"{corpus}/wire.jsonl#nope", index_dir=False)
    assert bad.code == 2 and "nope" in bad.err and "Traceback" not in bad.err


def test_double_dash_ends_options(
    run_cli: Callable[..., Any], corpus: Path, corpus_index: Path
) -> None:
    ix = str(corpus_index)
    r = run_cli(
        "search", "--json", "--index-dir", ix, "--", "-tsunami", str(corpus), index_dir=False
    )
    assert r.code == 0, r.err
    data = r.json()
    assert data["query"] == "-tsunami"
    assert {h["id"] for h in data["hits"]} == {"wire.jsonl#c1", "wire.jsonl#c2"}


# Each command's clean usage line: test_cli_search.test_help_and_version_for_every_command
# (one --help run a command checks both).


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date:notadate", "'notadate' is not a date"),
        ("tsunami date:notadate", "'notadate' is not a date"),
        ("quantity:lots", "'lots' is not a number"),
        ('quantity:"a lot"', "'a lot' is not a number"),
    ],
)
def test_unusable_field_value_is_explained(
    run_cli: Callable[..., Any], corpus: Path, corpus_index: Path, query: str, message: str
) -> None:
    r = run_cli("search", query, str(corpus), "--json", index_dir=corpus_index)
    assert r.code == 2 and r.out == ""
    assert message in r.err and "Traceback" not in r.err


@pytest.mark.parametrize(
    ("query", "total"),
    # "twelve" is keyed 12, as the index keys the number words it reads ("12 measures" is found).
    [("quantity:12", 1), ('date:"last summer"', 0), ("date:monday", 1), ("quantity:twelve", 1)],
)
def test_usable_field_values_search(
    run_cli: Callable[..., Any], corpus: Path, corpus_index: Path, query: str, total: int
) -> None:
    r = run_cli("search", query, str(corpus), "--json", index_dir=corpus_index)
    assert r.code == 0, r.err
    assert r.json()["total"] == total


def test_single_letters_are_searchable(
    run_cli: Callable[..., Any], corpus: Path, corpus_index: Path
) -> None:
    for word in ("j", "x", "J"):
        r = run_cli("search", word, str(corpus), "--json", index_dir=corpus_index)
        assert r.code == 0, r.err
        assert [h["id"] for h in r.json()["hits"]] == ["wave.txt"]


@pytest.mark.parametrize("limit", ["-3", "0", "ten"])
def test_a_limit_below_one_is_refused(
    run_cli: Callable[..., Any], corpus: Path, corpus_index: Path, limit: str
) -> None:
    r = run_cli("search", "cocoa", str(corpus), "--limit", limit, "--json", index_dir=corpus_index)
    assert r.code == 2 and "--limit" in r.err and r.out == "", (r.out, r.err)


def test_search_without_a_query_names_only_the_query(run_cli: Callable[..., Any]) -> None:
    r = run_cli("search", index_dir=None)
    assert r.code == 2
    assert "required: query" in r.err and "PATH" not in r.err.splitlines()[-1]


def test_compare_names_a_folder_as_a_folder(run_cli: Callable[..., Any], corpus: Path) -> None:
    r = run_cli("compare", str(corpus), str(corpus / "wave.txt"), index_dir=False)
    assert r.code == 2 and "a folder" in r.err and "no such file" not in r.err, r.err
