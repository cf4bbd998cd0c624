"""``newsdesk search`` in a subprocess: JSON shape, highlights, suggestions, bad queries, exit codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

KURSK = "004_3a8db0f9f1ecf686.txt"
HEADLINE = "000_44cfc8ca5dd0595f.txt"
COMMANDS = ["index", "search", "entities", "compare", "related", "stories"]


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """An index of the seeds built once, shared by the read-only searches below."""
    from index.store.core import Store

    d = tmp_path_factory.mktemp("cli-seed-index")
    Store([seeds_dir], d).update()
    return d


def _check_shape(data: dict[str, Any]) -> None:
    """Exactly the documented shape (extra keys on hits such as source/date are allowed)."""
    assert set(data) == {"query", "total", "sort", "suggestion", "hits"}
    assert isinstance(data["query"], str) and isinstance(data["total"], int)
    assert data["suggestion"] is None or isinstance(data["suggestion"], str)
    for hit in data["hits"]:
        assert {"id", "path", "title", "score", "snippets"} <= set(hit)
        assert isinstance(hit["id"], str) and isinstance(hit["path"], str)
        assert isinstance(hit["title"], str) and isinstance(hit["score"], (int, float))
        for snip in hit["snippets"]:
            assert set(snip) == {"text", "highlights"}
            for pair in snip["highlights"]:
                assert isinstance(pair, list) and len(pair) == 2
                assert 0 <= pair[0] < pair[1] <= len(snip["text"])


def test_kursk_json(run_cli: Callable[..., Any], seeds_dir: Path, seed_index: Path) -> None:
    r = run_cli("search", "kursk", str(seeds_dir), "--json", index_dir=seed_index)
    assert r.code == 0, r.err
    data = r.json()
    _check_shape(data)
    assert data["query"] == "kursk" and data["total"] == 1 and data["suggestion"] is None
    (hit,) = data["hits"]
    assert hit["id"] == KURSK
    words = {s["text"][a:b] for s in hit["snippets"] for a, b in s["highlights"]}
    assert words == {"Kursk"}


def test_default_corpus_is_the_seeds(run_cli: Callable[..., Any], seed_index: Path) -> None:
    r = run_cli("search", "kursk", "--json", index_dir=seed_index)
    assert r.code == 0, r.err
    assert [h["id"] for h in r.json()["hits"]] == [KURSK]


def test_phrase_finds_both(run_cli: Callable[..., Any], seeds_dir: Path, seed_index: Path) -> None:
    r = run_cli("search", '"North Korean soldiers"', str(seeds_dir), "--json", index_dir=seed_index)
    assert r.code == 0, r.err
    data = r.json()
    _check_shape(data)
    assert {h["id"] for h in data["hits"]} == {KURSK, HEADLINE}
    for hit in data["hits"]:
        words = {s["text"][a:b].lower() for s in hit["snippets"] for a, b in s["highlights"]}
        assert {"north", "korean"} <= words


def test_suggestion(run_cli: Callable[..., Any], seeds_dir: Path, seed_index: Path) -> None:
    r = run_cli("search", "pyongyng", str(seeds_dir), "--json", index_dir=seed_index)
    assert r.code == 0, r.err
    data = r.json()
    _check_shape(data)
    assert (data["total"], data["hits"], data["suggestion"]) == (0, [], "pyongyang")
    text = run_cli("search", "pyongyng", str(seeds_dir), index_dir=seed_index)
    assert "did you mean: pyongyang" in text.out


def test_plain_output_marks_matches(
    run_cli: Callable[..., Any], seeds_dir: Path, seed_index: Path
) -> None:
    r = run_cli("search", "kursk", str(seeds_dir), index_dir=seed_index)
    assert r.code == 0, r.err
    assert r.out.startswith("1 result for kursk")
    assert "«Kursk»" in r.out
    assert KURSK in r.out


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"north korean', "unbalanced quote"),
        ("((", "unbalanced parentheses"),
        ("title:", "empty value after 'title:'"),
        ("author:x", "unknown field 'author:'"),
        ("AND", "'AND' needs a term"),
        ("OR x", "'OR' needs a term on each side"),
        ("x NOT", "'NOT' needs a term after it"),
        ("x" * 5000, "query too long"),
        ("kursk\x1b[2J", "control characters"),
        ("date:2024-13", "invalid month"),
    ],
)
def test_bad_query_exits_2_with_one_line(
    run_cli: Callable[..., Any], seeds_dir: Path, query: str, message: str
) -> None:
    r = run_cli("search", query, str(seeds_dir), "--json")
    assert r.code == 2
    assert r.out == ""
    assert "Traceback" not in r.err
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0]
    assert lines[0].startswith("newsdesk search: bad query:")


def test_search_missing_query_is_a_usage_error(run_cli: Callable[..., Any]) -> None:
    r = run_cli("search", index_dir=False)
    assert r.code == 2 and "usage:" in r.err and "Traceback" not in r.err


def test_limit(run_cli: Callable[..., Any], seeds_dir: Path, seed_index: Path) -> None:
    data = run_cli(
        "search", "korea", str(seeds_dir), "--json", "--limit", "1", index_dir=seed_index
    ).json()
    assert data["total"] == 2 and len(data["hits"]) == 1


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_and_version_for_every_command(run_cli: Callable[..., Any], command: str) -> None:
    argv = [command] if command else []
    h = run_cli(*argv, "--help", index_dir=False)
    assert h.code == 0 and "usage: newsdesk" in h.out and h.err == ""
    if command:  # a clean usage line of its own, not the top-level one
        assert h.out.startswith(f"usage: newsdesk {command} [")
        assert "COMMAND [options]" not in h.out
    v = run_cli(*argv, "--version", index_dir=False)
    assert v.code == 0 and v.out.startswith("newsdesk ") and "Traceback" not in v.err


def test_unknown_option_is_usage_error(run_cli: Callable[..., Any]) -> None:
    r = run_cli("search", "kursk", "--frobnicate")
    assert r.code == 2 and "Traceback" not in r.err


def test_sort_newest_and_oldest(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    import json

    corpus = tmp_path / "c"
    corpus.mkdir()
    rows = [
        {"id": "b", "date": "2024-03-01", "text": "Tin rose on Monday."},
        {"id": "u", "text": "Tin rose, undated."},
        {"id": "a", "date": "2021-01-01", "text": "Tin fell on Friday."},
    ]
    (corpus / "t.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    ids = {}
    for order in ("newest", "oldest"):
        r = run_cli(
            "search", "tin", str(corpus), "--json", "--sort", order, index_dir=tmp_path / "i"
        )
        assert r.code == 0, r.err
        data = r.json()
        assert data["sort"] == order
        ids[order] = [h["id"].rsplit("#", 1)[-1] for h in data["hits"]]
    assert ids == {"newest": ["b", "a", "u"], "oldest": ["a", "b", "u"]}
    bad = run_cli("search", "tin", str(corpus), "--sort", "abc", index_dir=tmp_path / "i")
    assert bad.code == 2


def test_a_search_imports_only_what_it_uses(
    seeds_dir: Path, seed_index: Path, tmp_path: Path
) -> None:
    """No UI, no other command's module, and none of what Whoosh imports but never calls here
    (``index.store.whoosh_compat.load_whoosh``); the version is looked up only for ``--version``."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import sys\nfrom tui.cli import main\nstatus = main(sys.argv[1:])\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\nsys.exit(status)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env["NEWSDESK_CONFIG_DIR"] = str(tmp_path / "config")
    argv = ["search", "kursk", str(seeds_dir), "--index-dir", str(seed_index), "--json"]
    proc = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert [h["id"] for h in json.loads(proc.stdout)["hits"]] == [KURSK]
    modules = set(proc.stderr.split())
    unused = {"textual", "rich", "tui.cli_compare", "tui.cli_entities"}
    unused |= {"asyncio", "urllib.request", "http.client", "ssl", "whoosh.lang.morph_en"}
    unused |= {"importlib.metadata"}
    assert "whoosh" in modules and not modules & unused, sorted(modules & unused)


def test_every_command_has_its_handler() -> None:
    from tui import cli

    assert {c: callable(cli.handler(c)) for c in cli.COMMANDS} == dict.fromkeys(cli.COMMANDS, True)


def test_a_search_writes_nothing_when_nothing_changed_and_sees_a_file_changed_in_place(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    """The quick check beside the imports: no write when nothing changed; a file rewritten in place
    (its folder's mtime unchanged), even to the same size, is re-read by the search itself."""
    import os

    corpus, ix = tmp_path / "c", tmp_path / "i"
    corpus.mkdir()
    story = corpus / "a.txt"
    story.write_text("Tin report\nTin rose on Monday.\n", "utf-8")
    assert run_cli("search", "tin", str(corpus), "--json", index_dir=ix).json()["total"] == 1

    def state() -> dict[str, tuple[int, int]]:
        return {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in ix.iterdir()}

    before = state()
    assert run_cli("search", "tin", str(corpus), "--json", index_dir=ix).json()["total"] == 1
    assert state() == before

    folder_mtime = corpus.stat().st_mtime_ns
    with open(story, "a", encoding="utf-8") as fh:
        fh.write("Copper fell.\n")
    assert corpus.stat().st_mtime_ns == folder_mtime
    assert run_cli("search", "copper", str(corpus), "--json", index_dir=ix).json()["total"] == 1

    size = story.stat().st_size
    story.write_text(story.read_text("utf-8").replace("Copper", "Nickel"), "utf-8")
    later = story.stat().st_mtime_ns + 2_000_000_000
    os.utime(story, ns=(later, later))
    assert story.stat().st_size == size and corpus.stat().st_mtime_ns == folder_mtime
    found = run_cli("search", "nickel", str(corpus), "--json", index_dir=ix).json()
    assert found["total"] == 1
    assert run_cli("search", "copper", str(corpus), "--json", index_dir=ix).json()["total"] == 0


def test_a_relative_index_dir(run_cli: Callable[..., Any], seeds_dir: Path, tmp_path: Path) -> None:
    # (the CLI runs in tmp_path: "rel-ix" is a folder there; a relative path has no file URI)
    r = run_cli(
        "search", "kursk", str(seeds_dir), "--index-dir", "rel-ix", "--json", index_dir=None
    )
    assert r.code == 0, r.err
    assert r.json()["total"] == 1
    assert (tmp_path / "rel-ix").is_dir()
    again = run_cli("search", "kursk", str(seeds_dir), "--index-dir", "rel-ix", index_dir=None)
    assert again.code == 0, again.err
