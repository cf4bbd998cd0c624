"""A changed ``.jsonl`` file re-indexes only its new, changed and removed lines (issue 11)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import index.store.writers
from index.ingest.formats import read_paths
from index.models import Article
from index.search import search
from index.store import database
from index.store.core import Store

STORIES = [
    {
        "id": "cocoa",
        "title": "Cocoa talks",
        "date": "1987-03-02",
        "text": "LONDON, March 2 - The International Cocoa Organization council met on buffer stocks.",
    },
    {
        "id": "wheat",
        "title": "Wheat exports",
        "text": "Argentine wheat exports rose to 1.2 mln tonnes in February, the board said.",
    },
    {
        "id": "oil",
        "title": "Oil prices",
        "text": "Crude oil prices fell in Rotterdam trading as OPEC output rose.",
    },
]


def _line(obj: dict[str, Any]) -> str:
    return json.dumps(obj) + "\n"


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(lines), "utf-8")
    st = path.stat()  # a new mtime even when the clock has not moved since the last write
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


@pytest.fixture()
def analysed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The ids of the articles analysed and written by each update (in this process)."""
    seen: list[str] = []
    real = index.store.writers.analysed_fields

    def counting(article: Article, share: float) -> dict[str, Any]:
        seen.append(article.id)
        return real(article, share)

    monkeypatch.setattr(index.store.writers, "analysed_fields", counting)
    yield seen


@pytest.fixture()
def feed(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = corpus / "wire.jsonl"
    _write(path, [_line(s) for s in STORIES])
    return path


def _fresh(tmp_path: Path, corpus: Path, name: str) -> Store:
    store = Store([corpus], tmp_path / name)
    store.update()
    return store


def _same_as_fresh(store: Store, tmp_path: Path, corpus: Path, name: str) -> None:
    """The incremental index holds exactly what a build from scratch holds, article by article."""
    fresh = _fresh(tmp_path, corpus, name)
    assert store.catalogue() == fresh.catalogue()
    assert store.doc_count() == fresh.doc_count()
    for info in fresh.catalogue():
        assert store.article_with_entities(info.id) == fresh.article_with_entities(info.id)

    def rows(found: Store) -> list[tuple[str, str]]:
        return sorted((s.path, s.reason) for s in found.skipped())

    assert rows(store) == rows(fresh)


def test_appended_line_indexes_that_article_alone(
    feed: Path, tmp_path: Path, analysed: list[str]
) -> None:
    store = Store([feed.parent], tmp_path / "ix")
    assert store.update().added == 3
    analysed.clear()
    new = {"id": "gold", "title": "Gold", "text": "Gold rose in Zurich on Tuesday, dealers said."}
    _write(feed, [_line(s) for s in STORIES] + [_line(new)])
    report = store.update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (1, 0, 0, 3)
    assert analysed == ["wire.jsonl#gold"]
    assert [h.id for h in search(store, "zurich").hits] == ["wire.jsonl#gold"]
    assert [h.id for h in search(store, "rotterdam").hits] == ["wire.jsonl#oil"]
    _same_as_fresh(store, tmp_path, feed.parent, "fresh")
    analysed.clear()
    again = store.update()
    assert (again.reread, again.added, again.unchanged, analysed) == (0, 0, 4, [])


def test_changed_line_reindexes_that_article_alone(
    feed: Path, tmp_path: Path, analysed: list[str]
) -> None:
    store = Store([feed.parent], tmp_path / "ix")
    store.update()
    analysed.clear()
    changed = dict(STORIES[1], text="Argentine maize exports fell in Rosario, the board said.")
    _write(feed, [_line(STORIES[0]), _line(changed), _line(STORIES[2])])
    report = store.update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 1, 0, 2)
    assert analysed == ["wire.jsonl#wheat"]
    assert [h.id for h in search(store, "rosario").hits] == ["wire.jsonl#wheat"]
    assert search(store, "tonnes").total == 0
    _same_as_fresh(store, tmp_path, feed.parent, "fresh")


def test_removed_line_removes_that_article_alone(
    feed: Path, tmp_path: Path, analysed: list[str]
) -> None:
    store = Store([feed.parent], tmp_path / "ix")
    store.update()
    analysed.clear()
    _write(feed, [_line(STORIES[0]), _line(STORIES[2])])
    report = store.update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 1, 2)
    assert analysed == []
    assert store.article("wire.jsonl#wheat") is None
    assert search(store, "argentine").total == 0
    assert {a.id for a in store.catalogue()} == {"wire.jsonl#cocoa", "wire.jsonl#oil"}
    _same_as_fresh(store, tmp_path, feed.parent, "fresh")


def test_line_turning_corrupt_is_reported_and_the_others_kept(
    feed: Path, tmp_path: Path, analysed: list[str]
) -> None:
    store = Store([feed.parent], tmp_path / "ix")
    store.update()
    analysed.clear()
    broken = _line(STORIES[1])[:40] + "\n"  # cut off mid-object
    _write(feed, [_line(STORIES[0]), broken, _line(STORIES[2])])
    report = store.update()
    assert [(s.path, s.reason.split(" (")[0]) for s in report.skipped] == [
        (f"{feed}:2", "not valid JSON")
    ]
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 1, 2)
    assert analysed == []
    assert store.article("wire.jsonl#cocoa") is not None
    assert [h.id for h in search(store, "rotterdam").hits] == ["wire.jsonl#oil"]
    # Reported again on a run that reads nothing, and repaired by fixing the line.
    assert [s.path for s in store.update().skipped] == [f"{feed}:2"]
    _write(feed, [_line(s) for s in STORIES])
    fixed = store.update()
    assert (fixed.added, fixed.unchanged, fixed.skipped) == (1, 2, ())
    assert analysed == ["wire.jsonl#wheat"]
    _same_as_fresh(store, tmp_path, feed.parent, "fresh")


def test_lines_without_ids_follow_their_line_numbers(tmp_path: Path, analysed: list[str]) -> None:
    """A line with no ``id`` is named by its line number: a line inserted above renames it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    feed = corpus / "noids.jsonl"
    bodies = [{"text": t} for t in ("Alpha troops moved.", "Bravo port reopened.", "Charlie won.")]
    _write(feed, [_line(b) for b in bodies])
    store = Store([corpus], tmp_path / "ix")
    store.update()
    analysed.clear()
    _write(feed, [_line({"text": "Delta storm hit."})] + [_line(b) for b in bodies])
    report = store.update()
    assert (report.added, report.updated) == (1, 3)  # ids 1-3 now name other lines
    assert [h.id for h in search(store, "charlie").hits] == ["noids.jsonl#4"]
    _same_as_fresh(store, tmp_path, corpus, "fresh")
    # An appended line moves nothing: only it is read.
    analysed.clear()
    _write(
        feed,
        [_line({"text": "Delta storm hit."})]
        + [_line(b) for b in bodies]
        + [_line({"text": "Echo rally ended."})],
    )
    report = store.update()
    assert (report.added, report.updated, report.unchanged, analysed) == (
        1,
        0,
        4,
        ["noids.jsonl#5"],
    )


def test_repeated_line_and_repeated_id_are_reported(
    feed: Path, tmp_path: Path, analysed: list[str]
) -> None:
    store = Store([feed.parent], tmp_path / "ix")
    store.update()
    analysed.clear()
    other = dict(STORIES[0], text="A different cocoa story.")
    _write(feed, [_line(s) for s in STORIES] + [_line(STORIES[1]), _line(other)])
    report = store.update()
    assert [(s.path, s.reason) for s in report.skipped] == [
        (f"{feed}:4", "duplicate id 'wheat' (first on line 2)"),
        (f"{feed}:5", "duplicate id 'cocoa' (first on line 1)"),
    ]
    assert (report.added, report.updated, report.unchanged, analysed) == (0, 0, 3, [])
    _same_as_fresh(store, tmp_path, feed.parent, "fresh")


def test_whole_file_turning_binary_then_back(feed: Path, tmp_path: Path) -> None:
    store = Store([feed.parent], tmp_path / "ix")
    store.update()
    good = feed.read_bytes()
    feed.write_bytes(bytes(range(256)) * 20)
    os.utime(feed, ns=(0, feed.stat().st_mtime_ns + 5_000_000_000))
    report = store.update()
    assert report.removed == 3 and store.doc_count() == 0
    assert [s.path for s in report.skipped] == [str(feed)]
    feed.write_bytes(good)
    os.utime(feed, ns=(0, feed.stat().st_mtime_ns + 10_000_000_000))
    assert store.update().added == 3


def test_manifest_keeps_a_key_per_indexed_line(feed: Path, tmp_path: Path) -> None:
    store = Store([feed.parent], tmp_path / "ix")
    store.update()
    with database.reading(store.index_dir) as con:
        entry = database.entries(con, [str(feed)])[str(feed)]
    assert sorted(entry["lines"].values()) == sorted(entry["ids"])
    assert len(entry["lines"]) == 3


def test_incremental_read_matches_a_plain_read(feed: Path, tmp_path: Path) -> None:
    """Titles, dates and bodies of kept and re-read lines are those a plain read gives."""
    store = Store([feed.parent], tmp_path / "ix")
    store.update()
    new = {
        "id": "tin",
        "title": "Tin",
        "date": "27-MAR-1987 14:02:56.54V RM",
        "text": "Tin prices held\n  in Kuala Lumpur.",
    }
    _write(feed, [_line(new)] + [_line(s) for s in STORIES])
    store.update()
    plain = [a for a in read_paths([feed.parent]) if isinstance(a, Article)]
    assert {a.id: a for a in plain} == {i.id: store.article(i.id) for i in store.catalogue()}


def test_manifest_without_line_keys_reads_the_whole_file_once(
    feed: Path, tmp_path: Path, analysed: list[str], make_store: Callable[..., Any]
) -> None:
    """An index made before line keys: the first change reads the file whole, then by line."""
    store = Store([feed.parent], tmp_path / "ix")
    store.update()
    with database.writing(store.index_dir) as con:
        con.execute("UPDATE files SET lines = NULL WHERE path = ?", (str(feed),))
    analysed.clear()
    _write(feed, [_line(s) for s in STORIES] + [_line({"id": "x", "text": "Xenon."})])
    report = store.update()
    assert (report.added, report.updated) == (1, 3)
    analysed.clear()
    _write(feed, [_line(s) for s in STORIES] + [_line({"id": "x", "text": "Xenon gas."})])
    assert (store.update().updated, analysed) == (1, ["wire.jsonl#x"])


def test_many_changed_lines_through_the_worker_processes(tmp_path: Path) -> None:
    """Enough changed lines for the parallel writers (which add without deleting): no article is
    lost or doubled, and the kept lines stay as they were."""
    from index.store.writers import PARALLEL_MIN_ARTICLES

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    feed = corpus / "big.jsonl"
    n = PARALLEL_MIN_ARTICLES + 50  # n - 41 changed lines: over the threshold
    rows = [
        {"id": f"s{i}", "title": f"Story {i}", "text": f"Cocoa output rose {i} tonnes in Ghana."}
        for i in range(n)
    ]
    _write(feed, [_line(r) for r in rows])
    store = Store([corpus], tmp_path / "ix")
    store.update()
    changed = [
        dict(r, text=f"Coffee exports fell {i} bags in Brazil.") if i >= 40 else r
        for i, r in enumerate(rows)
    ]
    _write(feed, [_line(r) for r in changed[:-1]])  # the last line removed
    report = store.update()
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, n - 41, 1, 40)
    assert report.notes == ()  # no worker failed over to one process
    assert store.doc_count() == n - 1
    assert search(store, "coffee").total == n - 41
    assert search(store, "cocoa").total == 40
    _same_as_fresh(store, tmp_path, corpus, "fresh")
