"""What a new user met walking ``newsdesk story`` and ``stories`` on odd input: every case used to
say "is not an indexed article of the corpus" (an empty file, an id the file lacks, a --corpus that
is missing or does not hold the article), ``--limit 1`` gave two reports, and ``stories`` on an
empty corpus printed nothing at all."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

TEXT = "Officials said the bridge over the river Tees fell on Monday after days of heavy rain.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    root.mkdir()
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    rows = [{"id": "x1", "title": "Bridge falls", "text": TEXT}]
    (root / "two.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return root


def test_an_empty_file_is_said_to_be_skipped(run_cli: Callable[..., Any], folder: Path) -> None:
    r = run_cli("story", str(folder / "empty.txt"))
    assert r.code == 2 and "empty.txt: skipped: empty file" in r.err, r.err


def test_an_id_the_file_lacks_is_named(run_cli: Callable[..., Any], folder: Path) -> None:
    r = run_cli("story", f"{folder / 'two.jsonl'}#nope")
    assert r.code == 2 and "no article with id 'nope' in two.jsonl" in r.err, r.err


def test_a_missing_corpus_is_named(run_cli: Callable[..., Any], folder: Path) -> None:
    r = run_cli("story", str(folder / "a.txt"), "--corpus", str(folder / "nowhere"))
    assert r.code == 2 and "no such file or folder" in r.err and "nowhere" in r.err, r.err


def test_a_corpus_without_the_article_says_so(
    run_cli: Callable[..., Any], folder: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_text(TEXT.replace("Tees", "Wear"), encoding="utf-8")
    r = run_cli("story", str(folder / "a.txt"), "--corpus", str(other))
    assert r.code == 2 and "is not in the corpus" in r.err and "--corpus" in r.err, r.err


def test_a_story_limit_below_two_is_refused(run_cli: Callable[..., Any], folder: Path) -> None:
    r = run_cli("story", str(folder / "a.txt"), "--limit", "1")
    assert r.code == 2 and "--limit" in r.err and "under 2" in r.err, r.err


def test_stories_of_an_empty_corpus_say_so(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    r = run_cli("stories", str(tmp_path / "empty.jsonl"))
    assert r.code == 0 and "no stories" in r.out, (r.out, r.err)
