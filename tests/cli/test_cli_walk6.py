"""A newcomer's walk of the entities and web commands, offline: each refusal names its command and
says what to give, and a command with nothing to show says so rather than printing nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "two.jsonl"
    rows = [
        {"id": "a", "title": "One", "text": "Kim Jong-un visited Moscow on Monday."},
        {"id": "b", "title": "Two", "text": "Vladimir Putin met officials in Kursk."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


def test_entities_of_an_empty_folder_says_so(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run_cli("entities", str(empty))
    assert r.code == 0 and r.out == ""
    assert r.err.strip() == f"newsdesk entities: no articles in {empty}"
    top = run_cli("entities", "--top", str(empty))
    assert top.code == 0 and top.out == ""
    assert top.err.strip().endswith(f"newsdesk entities: no entities in {empty}")


def test_top_of_one_line_is_refused_with_the_file_to_give(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    path = _jsonl(tmp_path)
    r = run_cli("entities", "--top", f"{path}#a")
    assert r.code == 2
    # It said "no such file or folder" of a file that is there.
    assert r.err.strip() == (
        f"newsdesk entities: --top counts whole files and folders; give {path}, not {path}#a"
    )
    assert run_cli("entities", "--top", str(path)).code == 0


def test_feeds_refusals_name_the_command(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    r = run_cli("feeds", "add", "notaurl", "ftp://example.org/feed", index_dir=None)
    assert r.code == 2
    assert r.err.splitlines() == [
        "newsdesk feeds add: notaurl: only http and https URLs are fetched (scheme: none)",
        "newsdesk feeds add: ftp://example.org/feed: only http and https URLs are fetched "
        "(scheme: ftp)",
    ]
    text = tmp_path / "notes.txt"
    text.write_text("hello", "utf-8")
    bad = run_cli("feeds", "import", str(text), index_dir=None)
    assert bad.code == 1
    assert bad.err.startswith(f"newsdesk feeds import: {text}: not an OPML file")


def test_add_with_an_empty_url_is_refused(run_cli: Callable[..., Any]) -> None:
    r = run_cli("add", "", index_dir=None)
    assert r.code == 2
    assert r.err.strip() == "newsdesk add: an empty URL: give the web address of an article"


def test_compare_of_one_article_with_itself_says_so(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    a, b = sorted(SEEDS.glob("*.txt"))[:2]
    copy = tmp_path / "copy.txt"
    copy.write_bytes(a.read_bytes())
    same = run_cli("compare", str(a), str(a), "--json", index_dir=None)
    assert same.code == 0 and json.loads(same.out)["pairs"]  # still compared
    assert same.err.strip() == "newsdesk compare: A and B are the same article"
    twin = run_cli("compare", str(a), str(copy), "--json", index_dir=None)
    assert twin.err.strip() == "newsdesk compare: A and B are two copies of one article"
    assert run_cli("compare", str(a), str(b), "--json", index_dir=None).err == ""


def test_a_query_written_as_an_option_is_told_where_it_goes(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    # argparse said only "unrecognized arguments: -oil".
    r = run_cli("search", "-oil", str(_jsonl(tmp_path)))
    assert r.code == 2
    assert r.err.strip() == (
        "newsdesk search: '-oil' reads as an option; a query that starts with '-' goes after "
        "--: newsdesk search -- -oil [PATH ...] (or: NOT oil)"
    )
    after = run_cli("search", "--json", "--", "-moscow", str(_jsonl(tmp_path)), index_dir=None)
    assert after.code == 0 and json.loads(after.out)["total"] == 1


def test_a_query_of_no_letter_is_not_told_it_has_common_words(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    r = run_cli("search", "\U0001f642", str(_jsonl(tmp_path)))
    assert r.code == 2
    assert r.err.strip().endswith("nothing to search for: the query holds no letter or digit")
    common = run_cli("search", "the of", str(_jsonl(tmp_path)))
    assert "only common words" in common.err


def test_story_of_an_empty_folder_names_the_folder(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run_cli("story", str(empty), index_dir=None)
    assert r.code == 2
    # It said "a story needs at least two different reports".
    assert r.err.strip() == f"newsdesk story: {empty}: a folder with no article in it"
