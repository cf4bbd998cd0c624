"""``newsdesk --compare A B [PATHS]``: every error before the app opens names ``newsdesk --compare``,
as each command's errors name the command (``newsdesk compare: ...``), and is the only line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_a_missing_path_after_the_pair_names_the_option(run_cli: Callable[..., Any]) -> None:
    a, b = sorted(SEEDS.glob("*.txt"))[:2]
    r = run_cli("--compare", str(a), str(b), "no-such-folder", index_dir=None)
    assert r.code == 2
    assert len(r.err.splitlines()) == 1
    assert r.err.startswith("newsdesk --compare: no such file or folder: no-such-folder")


def test_an_empty_name_is_refused_as_empty(run_cli: Callable[..., Any]) -> None:
    # It was read as the current folder: "newsdesk --compare: : a folder; ..."
    a = next(SEEDS.glob("*.txt"))
    r = run_cli("--compare", "", str(a), index_dir=None)
    assert r.code == 2
    assert r.err.splitlines() == [
        "newsdesk --compare: an empty name: name one article file (or file.jsonl#id)"
    ]


def test_a_library_list_that_is_not_valid_names_the_option(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "library.json").write_text("{not json", "utf-8")
    a, b = sorted(SEEDS.glob("*.txt"))[:2]
    r = run_cli("--compare", str(a), str(b), index_dir=None)
    assert r.code == 2
    assert r.err.startswith("newsdesk --compare: "), r.err


def test_without_the_option_the_prefix_is_the_program(run_cli: Callable[..., Any]) -> None:
    r = run_cli("no-such-folder", index_dir=None)
    assert r.code == 2
    assert r.err.startswith("newsdesk: no such command or file: no-such-folder")
