"""``file.jsonl#id`` read from its own line: the same article as a full read, without parsing the rest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import index.ingest.jsonl
from index.ingest.files import SourceFile
from index.ingest.formats import read_file
from index.ingest.jsonl import find_jsonl_article

LINES = [
    json.dumps({"id": "a1", "title": "Cocoa", "text": "Cocoa prices rose in London."}),
    "{not json",
    json.dumps({"text": "A line without an id is named by its number."}),
    json.dumps({"id": 7, "title": "Seven", "text": "Numbers are ids too."}),
    json.dumps({"id": "a1", "text": "A repeated id: the first line keeps it."}),
    json.dumps({"id": "caf\u00e9", "text": "An id written with an escape."}),
]


@pytest.fixture()
def feed(tmp_path: Path) -> SourceFile:
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(LINES) + "\n", "utf-8")
    return SourceFile(str(path), str(tmp_path), path.stat().st_size, 0)


@pytest.mark.parametrize("local", ["a1", "3", "7"])
def test_same_article_as_a_full_read(feed: SourceFile, local: str) -> None:
    data = Path(feed.path).read_bytes()
    full = {a.id: a for a in read_file(feed, data)[0]}
    assert find_jsonl_article(feed, data, local) == full[f"wire.jsonl#{local}"]


def test_only_lines_writing_the_id_are_parsed(
    feed: SourceFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[int] = []
    real = index.ingest.jsonl.jsonl_record

    def counting(line: str, lineno: int, source: SourceFile) -> Any:
        parsed.append(lineno)
        return real(line, lineno, source)

    monkeypatch.setattr(index.ingest.jsonl, "jsonl_record", counting)
    article = find_jsonl_article(feed, Path(feed.path).read_bytes(), "7")
    assert article is not None and article.title == "Seven"
    assert parsed == [4]


def test_unknown_or_escaped_id_is_left_to_the_full_read(feed: SourceFile) -> None:
    data = Path(feed.path).read_bytes()
    assert find_jsonl_article(feed, data, "nope") is None
    # "caf\u00e9" is written escaped in the file: the quick pass does not see it, the full read does.
    assert find_jsonl_article(feed, data, "café") is None
    assert "wire.jsonl#café" in {a.id for a in read_file(feed, data)[0]}
