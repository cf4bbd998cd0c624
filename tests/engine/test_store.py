"""The store: incremental updates, and rebuilding a stale or damaged index with a message."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index.search import search
from index.store.core import MARKER, SCHEMA_VERSION, IndexBusy, Store, StoreError
from index.store.database import db_path

KURSK = "004_3a8db0f9f1ecf686.txt"
HEADLINE = "000_44cfc8ca5dd0595f.txt"


def _touch(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


def test_first_run_adds_everything_second_run_reads_nothing(
    seeds_copy: Path, make_store: Callable[..., Any]
) -> None:
    store = make_store(seeds_copy)
    first = store.update()
    assert (first.added, first.updated, first.removed, first.reread) == (2, 0, 0, 2)
    assert store.messages == []
    second = store.update()
    assert (second.added, second.updated, second.removed, second.unchanged, second.reread) == (
        0,
        0,
        0,
        2,
        0,
    )
    assert {a.id for a in store.catalogue()} == {KURSK, HEADLINE}


def test_an_unchanged_corpus_writes_nothing(
    seeds_copy: Path, make_store: Callable[..., Any]
) -> None:
    """A run (every search runs one) on an unchanged corpus leaves the index folder as it was."""
    store = make_store(seeds_copy)
    store.update()
    (seeds_copy / "blob.txt").write_bytes(bytes(range(256)) * 40)  # skipped at read, reported
    store.update()

    def state() -> dict[str, int]:
        return {p.name: p.stat().st_mtime_ns for p in store.index_dir.iterdir()}

    before = state()
    time.sleep(0.01)
    report = store.update()
    assert state() == before
    assert (report.added, report.updated, report.removed, report.unchanged) == (0, 0, 0, 2)
    assert [s.path for s in report.skipped] == [str(seeds_copy / "blob.txt")]
    # and a change is still seen
    (seeds_copy / "blob.txt").unlink()
    report = store.update()
    assert report.skipped == () and state() != before


def test_touch_rereads_one_file_and_changes_nothing(
    seeds_copy: Path, make_store: Callable[..., Any]
) -> None:
    store = make_store(seeds_copy)
    store.update()
    _touch(seeds_copy / KURSK)
    report = store.update()
    assert (report.reread, report.added, report.updated, report.unchanged) == (1, 0, 0, 2)
    assert store.update().reread == 0  # the new mtime was recorded


def test_modify_updates_one_article(seeds_copy: Path, make_store: Callable[..., Any]) -> None:
    store = make_store(seeds_copy)
    store.update()
    f = seeds_copy / KURSK
    f.write_text(f.read_text("utf-8") + "\nA new paragraph about Odesa harbour.\n", "utf-8")
    _touch(f)
    report = store.update()
    assert (report.reread, report.added, report.updated, report.unchanged) == (1, 0, 1, 1)
    assert [h.id for h in search(store, "odesa").hits] == [KURSK]
    assert store.doc_count() == 2


def test_delete_removes_its_articles(seeds_copy: Path, make_store: Callable[..., Any]) -> None:
    store = make_store(seeds_copy)
    store.update()
    (seeds_copy / KURSK).unlink()
    report = store.update()
    assert (report.removed, report.reread) == (1, 0)
    assert search(store, "kursk").total == 0
    assert store.article(KURSK) is None
    assert store.doc_count() == 1


def test_jsonl_lines_added_changed_and_removed(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    feed = corpus / "feed.jsonl"
    feed.write_text(
        '{"id": "a", "text": "Alpha troops."}\n{"id": "b", "text": "Bravo troops."}\n', "utf-8"
    )
    store = make_store(corpus)
    assert store.update().added == 2
    feed.write_text(
        '{"id": "a", "text": "Alpha changed."}\n{"id": "c", "text": "Charlie."}\n', "utf-8"
    )
    _touch(feed)
    report = store.update()
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    assert {a.id for a in store.catalogue()} == {"feed.jsonl#a", "feed.jsonl#c"}
    assert store.ids_for_path(feed) == ["feed.jsonl#a", "feed.jsonl#c"]


def test_file_turning_bad_drops_its_articles(
    seeds_copy: Path, make_store: Callable[..., Any]
) -> None:
    store = make_store(seeds_copy)
    store.update()
    (seeds_copy / KURSK).write_bytes(b"")
    _touch(seeds_copy / KURSK)
    report = store.update()
    assert [(Path(s.path).name, s.reason) for s in report.skipped] == [(KURSK, "empty file")]
    assert store.article(KURSK) is None
    assert store.doc_count() == 1


def test_skipped_files_are_still_reported_on_a_run_that_reads_nothing(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Head\nBody.", "utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "feed.jsonl").write_text('{"text": "ok"}\n{broken\n', "utf-8")
    store = make_store(corpus)
    assert len(store.update().skipped) == 2
    again = store.update()
    assert again.reread == 0
    assert sorted(s.reason for s in again.skipped) == [
        "empty file",
        "not valid JSON (Expecting property name enclosed in double quotes)",
    ]
    assert len(store.skipped()) == 2


def test_unreadable_file_is_not_reread_on_every_run(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Head\nBody.", "utf-8")
    with open(corpus / "dump.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    store = make_store(corpus)
    assert store.update().reread == 2
    assert store.update().reread == 0


def test_stored_article_round_trips(seeds_dir: Path, seed_store: Any) -> None:
    article = seed_store.article(HEADLINE)
    assert article.text == (seeds_dir / HEADLINE).read_text("utf-8")
    assert article.title.endswith("U.S. concerned")
    for e in seed_store.entities(KURSK):
        assert seed_store.article(KURSK).text[e.start : e.end] == e.text


def test_blob_encoding_is_what_asdict_gave() -> None:
    """``encode_blob`` builds the article's dict field by field; ``dataclasses.asdict`` (a deep copy,
    half the blob's cost) gave these very bytes, on an article with every field set; ``decode_blob``
    reads them, and the compressed blobs of older indexes."""
    import dataclasses
    import zlib

    import orjson

    from index.models import Article, Block, Entity, Span
    from index.store.schema import decode_blob, encode_blob

    text = "Talks in Paris\n\nFrance and Chad met on 3 March; *one* said \u201cno\u201d."
    article = Article(
        id="a/b.md",
        path="/x/a/b.md",
        title="Talks in Paris",
        text=text,
        source="Wire",
        date="2024-03-03",
        url="https://example.org/b",
        author="A. Writer",
        story="talks",
        format="md",
        blocks=(Block("heading", 0, 14, 1), Block("paragraph", 16, len(text))),
        inline=(Span(45, 48, "em"), Span(0, 5, "link")),
        notes=("decoded as cp1252", "title from the first line"),
    )
    entities = [
        Entity(9, 14, "PLACE", "Paris", "paris"),
        Entity(16, 22, "PLACE", "France", "france"),
    ]
    data = dataclasses.asdict(article)
    data["entities"] = [[e.start, e.end, e.label, e.canonical] for e in entities]
    expected = orjson.dumps(data)
    blob = encode_blob(article, entities)
    assert blob == expected  # compressed once, by the stored-fields column
    assert decode_blob(blob) == (article, entities)
    # Indexes written before kept the blob as json's text, zlib-compressed before that: still read.
    older = json.dumps(data, ensure_ascii=False).encode("utf-8")
    assert older != blob
    assert decode_blob(older) == (article, entities)
    assert decode_blob(zlib.compress(older, 3)) == (article, entities)
    bare = Article(id="c.txt", path="/x/c.txt", title="T", text="Body.")
    assert encode_blob(bare, []) == orjson.dumps({**dataclasses.asdict(bare), "entities": []})


def test_stored_features_are_the_analysis_features(seed_store: Any) -> None:
    """Features reach the database as JSON made in the indexing process; read back, they equal the
    features computed afresh from each stored article and its entities."""
    from index.analysis.features import features

    table = seed_store.features()
    assert table
    for info in seed_store.catalogue():
        article, entities = seed_store.article_with_entities(info.id)
        fresh = json.loads(json.dumps(features(article, entities)))
        assert table[info.id] == fresh


def test_delete_term_deletes_what_whoosh_delete_by_term_deletes(
    seeds_copy: Path, make_store: Callable[..., Any]
) -> None:
    """The run deletes through the reader API (no searcher, no whoosh.searching import): the same
    documents as Whoosh's ``delete_by_term``, none twice, nothing for an absent value."""
    from index.store.writers import delete_term

    store = make_store(seeds_copy)
    store.update()
    (seeds_copy / "extra.txt").write_text("Extra\nA second segment from Paris.\n", "utf-8")
    store.update()  # two segments: document numbers are offset across them
    info = next(a for a in store.catalogue() if a.id == "extra.txt")
    other = next(a for a in store.catalogue() if a.id != "extra.txt")

    def deleted(delete: Callable[[Any], object]) -> list[int]:
        writer = store.ix.writer()
        try:
            delete(writer)
            total = sum(seg.doc_count_all() for seg in writer.segments)
            return [n for n in range(total) if writer.is_deleted(n)]
        finally:
            writer.cancel()

    def ours(writer: Any) -> None:
        for field, value in (("file", info.path), ("file", info.path), ("id", other.id)):
            delete_term(writer, field, value)
        delete_term(writer, "id", "no such article")

    def whooshs(writer: Any) -> None:
        for field, value in (("file", info.path), ("file", info.path), ("id", other.id)):
            writer.delete_by_term(field, value)
        writer.delete_by_term("id", "no such article")

    expected = deleted(whooshs)
    assert len(expected) == 2
    assert deleted(ours) == expected


def test_schema_mismatch_rebuilds_with_a_message(
    seeds_copy: Path, make_store: Callable[..., Any]
) -> None:
    store = make_store(seeds_copy)
    store.update()
    marker = store.index_dir / MARKER
    data = json.loads(marker.read_text("utf-8"))
    data["schema"] = SCHEMA_VERSION - 1
    marker.write_text(json.dumps(data), "utf-8")
    again = make_store(seeds_copy)
    (message,) = again.messages
    assert message.startswith("Rebuilding the index: ")
    assert f"schema {SCHEMA_VERSION - 1}" in message and "\n" not in message
    report = again.update()
    assert report.added == 2 and report.rebuilt
    assert json.loads(marker.read_text("utf-8"))["schema"] == SCHEMA_VERSION
    assert search(again, "kursk").total == 1


def _segment(index_dir: Path) -> Path:
    """The segment's terms dictionary (segments are written as separate files, not one .seg)."""
    (seg,) = [p for p in index_dir.iterdir() if p.suffix in (".seg", ".trm")]
    return seg


@pytest.mark.parametrize("damage", ["truncate", "empty", "delete", "toc", "marker"])
def test_damaged_index_is_rebuilt_with_a_message(
    seeds_copy: Path, make_store: Callable[..., Any], damage: str
) -> None:
    store = make_store(seeds_copy)
    store.update()
    d = store.index_dir
    seg = _segment(d)
    if damage == "truncate":
        os.truncate(seg, seg.stat().st_size // 2)
    elif damage == "empty":
        os.truncate(seg, 0)
    elif damage == "delete":
        seg.unlink()
    elif damage == "toc":
        (toc,) = d.glob("*.toc")
        os.truncate(toc, 10)
    else:
        (d / MARKER).write_text("{not json", "utf-8")
    again = make_store(seeds_copy)
    assert len(again.messages) == 1 and again.messages[0].startswith("Rebuilding the index:")
    report = again.update()
    assert report.added == 2
    assert search(again, "kursk").total == 1


def test_lost_manifest_rereads_everything(seeds_copy: Path, make_store: Callable[..., Any]) -> None:
    store = make_store(seeds_copy)
    store.update()
    db_path(store.index_dir).write_bytes(b"not a database")
    report = make_store(seeds_copy).update()
    assert report.reread == 2
    assert make_store(seeds_copy).doc_count() == 2


def test_refuses_foreign_folder_and_file(tmp_path: Path, seeds_dir: Path) -> None:
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("mine", "utf-8")
    with pytest.raises(StoreError, match="not made by newsdesk"):
        Store([seeds_dir], foreign)
    assert (foreign / "thesis.txt").read_text("utf-8") == "mine"
    a_file = tmp_path / "file"
    a_file.write_text("x", "utf-8")
    with pytest.raises(StoreError, match="is a file"):
        Store([seeds_dir], a_file)


def test_busy_index_raises_index_busy(seeds_copy: Path, make_store: Callable[..., Any]) -> None:
    store = make_store(seeds_copy)
    store.update()
    writer = store.ix.writer()
    try:
        # Nothing to write: the run needs no lock and says so.
        assert make_store(seeds_copy).update(timeout=0.2).unchanged == 2
        _touch(seeds_copy / KURSK)  # something to look at: the lock is needed, and held
        with pytest.raises(IndexBusy, match="another newsdesk process"):
            make_store(seeds_copy).update(timeout=0.2)
    finally:
        writer.cancel()
    assert make_store(seeds_copy).update().reread == 1


def test_cancelled_run_commits_nothing(seeds_copy: Path, make_store: Callable[..., Any]) -> None:
    store = make_store(seeds_copy)
    report = store.update(cancelled=lambda: True)
    assert report.notes == ("cancelled",)
    assert store.doc_count() == 0
    assert store.update().added == 2


def test_progress_is_reported(seeds_copy: Path, make_store: Callable[..., Any]) -> None:
    calls: list[tuple[int, int]] = []
    make_store(seeds_copy).update(progress=lambda done, total, path: calls.append((done, total)))
    size = sum(f.stat().st_size for f in seeds_copy.iterdir())
    assert calls[-1] == (size, size)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert all(t == size for _, t in calls)


def test_incremental_runs_write_only_the_changed_rows(
    tmp_path: Path, make_store: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.store import database, update

    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(30):
        (corpus / f"a{i:02d}.txt").write_text(
            f"Headline {i}\nBody of article {i} from Paris.\n", "utf-8"
        )
    store = make_store(corpus)
    store.update()
    written: list[tuple[set[str], set[str], set[str]]] = []
    real_files, real_articles = database.put_files, database.put_articles

    def put_files(con: Any, rows: dict[str, Any], gone: Any) -> None:
        written.append(({Path(p).name for p in rows}, {Path(p).name for p in gone}, set()))
        real_files(con, rows, gone)

    def put_articles(con: Any, catalogue: dict[str, Any], feats: Any, gone: Any) -> None:
        written.append((set(catalogue), set(gone), set(feats)))
        real_articles(con, catalogue, feats, gone)

    real_features = update.put_feature_rows

    def put_feature_rows(con: Any, rows: dict[str, str]) -> None:
        written.append((set(), set(), set(rows)))
        real_features(con, rows)

    monkeypatch.setattr(database, "put_files", put_files)
    monkeypatch.setattr(database, "put_articles", put_articles)
    monkeypatch.setattr(update, "put_feature_rows", put_feature_rows)
    (corpus / "a03.txt").write_text("Changed headline\nA new body from Berlin.\n", "utf-8")
    (corpus / "a04.txt").unlink()
    (corpus / "new.txt").write_text("Fresh report\nSomething from Rome happened.\n", "utf-8")
    report = store.update()
    assert (report.added, report.updated, report.removed) == (1, 1, 1)
    # The manifest rows of the two files read and the one gone; the articles' rows likewise.
    # (Features rows arrive encoded by the workers and are written apart from the catalogue's.)
    assert written == [
        ({"a03.txt", "new.txt"}, {"a04.txt"}, set()),
        ({"a03.txt", "new.txt"}, {"a04.txt"}, set()),
        (set(), set(), {"a03.txt", "new.txt"}),
    ]
    monkeypatch.undo()
    again = make_store(corpus)
    rows = {a.id: a.title for a in again.catalogue()}
    assert rows["a03.txt"] == "Changed headline" and "a04.txt" not in rows and "new.txt" in rows
    assert set(again.features()) == set(rows) and len(rows) == 30
    assert "PLACE|berlin" in again.display_names()
    assert "PLACE|paris" in again.display_names()
    for i in range(5, 30):
        (corpus / f"a{i:02d}.txt").write_text(f"Rewritten {i}\nNow from Madrid.\n", "utf-8")
    store.update()
    final = make_store(corpus)
    assert {a.id: a.title for a in final.catalogue()}["a29.txt"] == "Rewritten 29"
    assert len(final.features()) == 30
