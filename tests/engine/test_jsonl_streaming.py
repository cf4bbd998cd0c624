"""A ``.jsonl`` file's articles reach the writers one at a time, their paragraphs made where they
are analysed (issue 14: the build's workers start before the whole file is read)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import index.ingest.jsonl
import index.store.core
from index.ingest.files import SourceFile
from index.ingest.formats import Unblocked, complete, jsonl_article, read_file
from index.ingest.jsonl import read_jsonl_changes
from index.models import Article
from index.store.core import Store

WRAPPED = (
    "Argentine wheat exports rose to 1.2 mln tonnes in February, the\n"
    "grain board said, against 0.9 mln tonnes a year earlier and\n"
    "well above what traders had expected for the month.\n"
    "    Shipments to Brazil made up most of the rise, it said, and\n"
    "the board expects the pace to hold through the southern harvest\n"
    "as new crop wheat reaches the ports of Rosario and Bahia Blanca.\n"
    "    Prices at Buenos Aires were unchanged at 95 dlrs a tonne.\n"
)
LINES = [
    {"id": "a", "title": "Wheat exports", "text": WRAPPED},
    {"id": "b", "text": "Cocoa talks\nThe council met on buffer stocks in London."},
    {"id": "c", "title": "Tin", "text": "Tin\nTin prices held in Kuala Lumpur."},
    {"text": "A line without an id.\n\nIts second paragraph."},
]


def _source(tmp_path: Path, lines: list[dict[str, Any]]) -> tuple[SourceFile, bytes]:
    path = tmp_path / "wire.jsonl"
    data = "".join(json.dumps(obj) + "\n" for obj in lines).encode()
    path.write_bytes(data)
    return SourceFile(str(path), str(tmp_path), len(data), path.stat().st_mtime_ns), data


def test_completed_articles_are_those_a_whole_read_gives(tmp_path: Path) -> None:
    source, data = _source(tmp_path, LINES)
    read = read_jsonl_changes(source, data, {})
    made = list(read.articles())
    assert all(isinstance(a, Unblocked) and not a.article.blocks for a in made)
    whole, skipped = read_file(source, data)
    assert skipped == []
    assert [complete(a) for a in made] == whole
    assert len(whole[0].blocks) == 3  # the wrapped story's three paragraphs, reflowed
    assert whole[2].blocks[0].kind == "heading"  # "Tin" repeats the title: a heading
    assert [jsonl_article(obj, a.id, source) for (_, _, obj, _), a in zip(read.records, whole)] == (
        whole
    )


def test_articles_are_made_one_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, data = _source(tmp_path, LINES)
    made: list[str] = []
    real = index.ingest.jsonl.jsonl_unblocked

    def counting(obj: dict[str, object], article_id: str, src: SourceFile) -> Unblocked:
        made.append(article_id)
        return real(obj, article_id, src)

    monkeypatch.setattr(index.ingest.jsonl, "jsonl_unblocked", counting)
    read = read_jsonl_changes(source, data, {})
    assert made == [] and len(read.records) == 4
    first = next(read.articles())
    assert made == [first.id] == ["wire.jsonl#a"]


def test_a_build_gets_its_first_article_before_the_file_is_all_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writers are handed the first article of a file before its last line is made into one:
    a big ``.jsonl`` file's workers start at once (they waited ~3 s for 10,000 Reuters lines)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wire.jsonl").write_text("".join(json.dumps(o) + "\n" for o in LINES), "utf-8")
    made: list[str] = []
    real_make = index.ingest.jsonl.jsonl_unblocked
    seen_at_first: list[list[str]] = []
    real_write = index.store.core.write_articles

    def counting(obj: dict[str, object], article_id: str, src: SourceFile) -> Unblocked:
        made.append(article_id)
        return real_make(obj, article_id, src)

    def writing(index_dir: str, writer: Any, items: Iterator[Any], *rest: Any, **kw: Any) -> Any:
        def watched() -> Iterator[Any]:
            for item in items:
                if not seen_at_first:
                    seen_at_first.append(list(made))
                yield item

        return real_write(index_dir, writer, watched(), *rest, **kw)

    monkeypatch.setattr(index.ingest.jsonl, "jsonl_unblocked", counting)
    monkeypatch.setattr(index.store.core, "write_articles", writing)
    store = Store([corpus], tmp_path / "ix")
    report = store.update()
    assert report.added == 4 and report.skipped == ()
    assert seen_at_first == [["wire.jsonl#a"]]
    assert len(made) == 4
    stored = store.article("wire.jsonl#a")
    assert isinstance(stored, Article) and len(stored.blocks) == 3


def test_a_line_too_deeply_nested_to_make_is_reported_once_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wire.jsonl").write_text("".join(json.dumps(o) + "\n" for o in LINES), "utf-8")
    real = index.ingest.jsonl.jsonl_unblocked

    def failing(obj: dict[str, object], article_id: str, src: SourceFile) -> Unblocked:
        if article_id.endswith("#b"):
            raise RecursionError
        return real(obj, article_id, src)

    monkeypatch.setattr(index.ingest.jsonl, "jsonl_unblocked", failing)
    store = Store([corpus], tmp_path / "ix")
    report = store.update()
    assert report.added == 3
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [
        ("wire.jsonl:2", "structure too deeply nested")
    ]
    again = store.update()  # unchanged: the line is still reported, nothing re-read
    assert [s.reason for s in again.skipped] == ["structure too deeply nested"]
    assert again.added == 0


class _Writer:
    def __init__(self) -> None:
        self.segments: list[Any] = []


def test_workers_start_before_the_first_article_when_many_are_known(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import index.store.writers as writers

    events: list[str] = []

    class Pool:
        def __init__(self, index_dir: str, cores: int) -> None:
            events.append("workers")

        def run(self, items: Iterator[Any], sink: Any, cancelled: Any) -> list[Any]:
            for _ in items:
                pass
            return []

    def items() -> Iterator[tuple[Article, float]]:
        events.append("read")
        yield Article(id="a", path="a", title="A", text="Some text."), 1.0

    monkeypatch.setattr(writers, "_Pool", Pool)
    monkeypatch.setattr(writers.os, "cpu_count", lambda: 2)
    assert writers.write_articles("ix", _Writer(), items(), lambda row: None, many=True) == []
    assert events == ["workers", "read"]
    events.clear()
    rows: list[Any] = []
    monkeypatch.setattr(writers, "add_fields", lambda *a, **k: rows.append(a) or ("row",))
    monkeypatch.setattr(writers, "analysed_fields", lambda article, share: {})
    writers.write_articles("ix", _Writer(), items(), lambda row: None)
    assert events == ["read"] and len(rows) == 1  # one article: no workers


def test_a_new_big_jsonl_file_is_known_to_hold_many(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.store.update import MANY_BYTES

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    line = json.dumps({"text": "Cocoa output rose in Ghana. " * 40}) + "\n"
    (corpus / "big.jsonl").write_text(line * (MANY_BYTES // len(line) + 1), "utf-8")
    (corpus / "one.txt").write_text("Tin prices held in Kuala Lumpur.\n", "utf-8")
    told: list[bool] = []
    real = index.store.core.write_articles

    def writing(*args: Any, **kw: Any) -> Any:
        told.append(kw.get("many", False))
        return real(*args, **kw)

    monkeypatch.setattr(index.store.core, "write_articles", writing)
    store = Store([corpus], tmp_path / "ix")
    store.update()
    with (corpus / "big.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "x", "text": "Xenon."}) + "\n")
    (corpus / "one.txt").write_text("Tin prices fell in Kuala Lumpur.\n", "utf-8")
    store.update()  # a known file grown by a line, a small one changed: not many
    assert told == [True, False]
