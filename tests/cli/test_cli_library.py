"""``newsdesk library``: the user's default corpus, used by every command given no PATH (issue 11)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

KURSK = "004_3a8db0f9f1ecf686.txt"


def _folder(tmp_path: Path, name: str, text: str) -> Path:
    d = tmp_path / name
    d.mkdir()
    (d / f"{name}.txt").write_text(text, "utf-8")
    return d


@pytest.fixture()
def harbour(tmp_path: Path) -> Path:
    return _folder(
        tmp_path, "harbour", "Odesa harbour reopened\nThe port of Odesa reopened on Monday.\n"
    )


@pytest.fixture()
def wheat(tmp_path: Path) -> Path:
    return _folder(
        tmp_path, "wheat", "Wheat prices rose\nWheat prices rose in Chicago on Tuesday.\n"
    )


def _listed(run_cli: Callable[..., Any]) -> list[dict[str, Any]]:
    r = run_cli("library", "list", "--json", index_dir=False)
    assert r.code == 0, r.err
    return list(r.json()["folders"])


def _library_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "library" in line]


def test_empty_library_uses_the_seeds_and_says_so_in_one_line(run_cli: Callable[..., Any]) -> None:
    r = run_cli("search", "kursk", "--json")
    assert r.code == 0, r.err
    assert [h["id"] for h in r.json()["hits"]] == [KURSK]
    lines = _library_lines(r.err)
    assert len(lines) == 1 and "library is empty" in lines[0] and "sample articles" in lines[0]
    assert "library is empty" in run_cli("library", "list", index_dir=False).out


def test_added_folder_is_the_corpus_of_every_command(
    run_cli: Callable[..., Any], harbour: Path, tmp_path: Path
) -> None:
    r = run_cli("library", "add", str(harbour), index_dir=False)
    assert (r.code, r.out.strip()) == (0, f"added {harbour.resolve()}")
    assert _listed(run_cli) == [{"path": str(harbour.resolve()), "readable": True, "problem": None}]
    index = run_cli("index", "--json")
    assert index.code == 0, index.err
    assert (index.json()["added"], _library_lines(index.err)) == (1, [])
    hits = run_cli("search", "odesa", "--json").json()["hits"]
    assert [h["id"] for h in hits] == ["harbour.txt"]
    assert run_cli("search", "kursk", "--json").json()["total"] == 0  # not the seeds any more
    top = run_cli("entities", "--top", "--json")
    assert top.code == 0 and "odesa" in {e["canonical"] for e in top.json()}
    stories = run_cli("stories", "--json")
    assert stories.code == 0 and [s["articles"] for s in stories.json()] == [["harbour.txt"]]
    # The settings folder holds the list, where NEWSDESK_CONFIG_DIR says.
    saved = json.loads((tmp_path / "config" / "library.json").read_text("utf-8"))
    assert saved == {"folders": [str(harbour.resolve())]}


def test_a_path_given_still_wins_over_the_library(
    run_cli: Callable[..., Any], harbour: Path, wheat: Path
) -> None:
    run_cli("library", "add", str(harbour), index_dir=False)
    r = run_cli("search", "chicago", str(wheat), "--json")
    assert [h["id"] for h in r.json()["hits"]] == ["wheat.txt"]


def test_add_refuses_a_missing_path_and_saves_nothing(
    run_cli: Callable[..., Any], harbour: Path, tmp_path: Path
) -> None:
    r = run_cli("library", "add", str(harbour), str(tmp_path / "nowhere"), index_dir=False)
    assert r.code == 2
    assert "nowhere" in r.err and "nothing was added" in r.err
    assert _listed(run_cli) == []


def test_add_twice_nested_and_parent(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    top = tmp_path / "news"
    inner = _folder(top.parent, "news", "A\nB.\n") / "sub"
    inner.mkdir()
    (inner / "x.txt").write_text("X\nY.\n", "utf-8")
    assert run_cli("library", "add", str(inner), index_dir=False).code == 0
    again = run_cli("library", "add", str(inner), index_dir=False)
    assert (again.code, again.out.strip()) == (0, f"already in the library: {inner.resolve()}")
    parent = run_cli("library", "add", str(top), index_dir=False)
    assert parent.code == 0
    assert f"replaced {inner.resolve()}" in parent.out
    assert [f["path"] for f in _listed(run_cli)] == [str(top.resolve())]
    nested = run_cli("library", "add", str(inner), index_dir=False)
    assert f"inside {top.resolve()}" in nested.out
    assert [f["path"] for f in _listed(run_cli)] == [str(top.resolve())]


def test_remove(run_cli: Callable[..., Any], harbour: Path, wheat: Path) -> None:
    run_cli("library", "add", str(harbour), str(wheat), index_dir=False)
    r = run_cli("library", "remove", str(harbour), index_dir=False)
    assert (r.code, r.out.strip()) == (0, f"removed {harbour.resolve()}")
    assert [f["path"] for f in _listed(run_cli)] == [str(wheat.resolve())]
    unknown = run_cli("library", "remove", str(harbour), index_dir=False)
    assert unknown.code == 2 and "not in the library" in unknown.err


def test_a_folder_gone_from_disk_can_be_removed(run_cli: Callable[..., Any], harbour: Path) -> None:
    run_cli("library", "add", str(harbour), index_dir=False)
    kept = str(harbour.resolve())
    for f in harbour.iterdir():
        f.unlink()
    harbour.rmdir()
    assert _listed(run_cli)[0]["readable"] is False
    assert run_cli("library", "remove", kept, index_dir=False).code == 0
    assert _listed(run_cli) == []


def test_missing_library_folder_is_reported_and_the_others_still_used(
    run_cli: Callable[..., Any], harbour: Path, wheat: Path
) -> None:
    run_cli("library", "add", str(harbour), str(wheat), index_dir=False)
    assert run_cli("index", "--json").json()["added"] == 2
    away = harbour.with_name("harbour-away")
    harbour.rename(away)
    r = run_cli("search", "chicago", "--json")
    assert r.code == 0, r.err
    assert [h["id"] for h in r.json()["hits"]] == ["wheat.txt"]
    lines = _library_lines(r.err)
    assert len(lines) == 1 and str(harbour.resolve()) in lines[0] and "left out" in lines[0]
    listed = _listed(run_cli)
    assert [(f["path"], f["readable"]) for f in listed] == [
        (str(harbour.resolve()), False),
        (str(wheat.resolve()), True),
    ]
    # Back again: its article is found again.
    away.rename(harbour)
    back = run_cli("search", "odesa", "--json")
    assert [h["id"] for h in back.json()["hits"]] == ["harbour.txt"]
    assert _library_lines(back.err) == []


def test_no_readable_library_folder_is_an_error(run_cli: Callable[..., Any], harbour: Path) -> None:
    run_cli("library", "add", str(harbour), index_dir=False)
    harbour.rename(harbour.with_name("gone"))
    for argv in (["search", "odesa"], ["index"], ["stories"], ["entities", "--top"]):
        r = run_cli(*argv)
        assert r.code == 2, argv
        assert "no folder of the library can be read" in r.err and str(harbour.resolve()) in r.err


def test_a_damaged_library_list_is_explained_and_kept(
    run_cli: Callable[..., Any], harbour: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "config" / "library.json"
    listing.parent.mkdir()
    listing.write_text("[1, 2", "utf-8")
    for argv in (["search", "odesa"], ["library", "add", str(harbour)], ["library", "list"]):
        r = run_cli(*argv, index_dir=argv[0] != "library")
        assert r.code != 0 and "library list" in r.err and str(listing) in r.err, argv
    assert listing.read_text("utf-8") == "[1, 2"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["library", "add"], "give at least one PATH"),
        (["library", "remove"], "give at least one PATH"),
        (["library", "list", "x"], "takes no PATH"),
        (["library", "rename", "x"], "invalid choice"),
    ],
)
def test_library_usage_mistakes(run_cli: Callable[..., Any], argv: list[str], message: str) -> None:
    r = run_cli(*argv, index_dir=False)
    assert r.code == 2 and message in r.err


def test_library_help_has_a_clean_usage_line(run_cli: Callable[..., Any]) -> None:
    r = run_cli("library", "--help", index_dir=False)
    assert r.code == 0
    assert r.out.startswith("usage: newsdesk library add PATH [PATH ...]\n")
    assert "newsdesk library list [--json]" in r.out


def test_related_of_an_article_in_the_library_searches_the_whole_library(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    story = "Cocoa talks in London collapsed as producers and consumers failed to agree on buffer stocks."
    first = _folder(tmp_path, "first", f"Cocoa talks collapse\n{story}\n")
    second = _folder(tmp_path, "second", f"Cocoa pact talks fail\n{story} Delegates left London.\n")
    article = str(first / "first.txt")
    alone = run_cli("related", article, "--json")
    assert alone.code == 0, alone.err
    assert alone.json()["related"] == []  # the article's folder holds nothing else
    run_cli("library", "add", str(first), str(second), index_dir=False)
    found = run_cli("related", article, "--json", index_dir=tmp_path / "lib-index")
    assert found.code == 0, found.err
    assert [r["id"] for r in found.json()["related"]] == ["second.txt"]


def test_stories_and_related_with_a_library_folder_away(
    run_cli: Callable[..., Any], harbour: Path, wheat: Path
) -> None:
    run_cli("library", "add", str(harbour), str(wheat), index_dir=False)
    harbour.rename(harbour.with_name("harbour-away"))
    stories = run_cli("stories", "--json")
    assert stories.code == 0, stories.err
    assert [s["articles"] for s in stories.json()] == [["wheat.txt"]]
    assert len(_library_lines(stories.err)) == 1
    related = run_cli("related", str(wheat / "wheat.txt"), "--json")
    assert related.code == 0, related.err
    assert len(_library_lines(related.err)) == 1
