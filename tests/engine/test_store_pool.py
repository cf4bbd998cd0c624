"""The term-grouped posting pool of the workers' segments (index.store.whoosh_pool): Whoosh's order
of postings, and the same segment files as Whoosh's own pool."""

from __future__ import annotations

import hashlib
import os
import pickle
import random
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as windex
from whoosh.filedb.filestore import RamStorage
from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

from index.ingest.files import SourceFile
from index.ingest.formats import read_file
from index.store.schema import make_schema
from index.store.whoosh_compat import patch_lengths
from index.store.whoosh_pool import TermPool
from index.store.whoosh_writing import finish_worker_segment, use_term_pool
from index.store.writers import add_fields, analysed_fields

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


class _Segment:
    def segment_id(self) -> str:
        return "MAIN_test"


def _pool(limit: int) -> TermPool:
    pool = TermPool(RamStorage(), _Segment(), limitmb=1)
    pool.limit = limit
    return pool


def _postings(n_docs: int, seed: int) -> list[tuple[str, bytes, int, float, bytes | None]]:
    rng = random.Random(seed)
    out = []
    for doc in range(n_docs):
        for field in ("body", "title", "person"):
            for word in rng.sample(range(40), rng.randint(0, 12)):
                value = None if field == "person" else bytes([doc % 7, word])
                out.append((field, f"w{word}".encode(), doc, float(rng.randint(1, 3)), value))
    return out


@pytest.mark.parametrize("limit", [10_000, 97, 1])
def test_documents_in_order_come_back_sorted(limit: int) -> None:
    """Postings added document by document (as ``add_document`` adds them) come back in the
    order of Whoosh's sorted pool, whether held in memory or spilled in runs (limit 1: a run a
    posting)."""
    items = _postings(60, seed=limit)
    pool = _pool(limit)
    for item in items:
        pool.add(item)
    assert (len(pool.runs) > 1) == (limit < len(items))
    assert list(pool.iter_postings()) == sorted(items)
    assert pool.fieldnames == {"body", "title", "person"}


def test_runs_written_in_several_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run is written a chunk of postings at a time (whole terms): read back in order."""
    from index.store import whoosh_pool

    monkeypatch.setattr(whoosh_pool, "CHUNK", 7)
    items = _postings(60, seed=11)
    pool = _pool(300)
    for item in items:
        pool.add(item)
    assert len(pool.runs) > 1
    name = pool.runs[0]
    f = pool.tempstore.open_file(name).raw_file()
    chunks = 0
    while True:
        try:
            pickle.load(f)
        except EOFError:
            break
        chunks += 1
    assert chunks > 5
    assert list(pool.iter_postings()) == sorted(items)


@pytest.mark.parametrize("limit", [10_000, 50])
def test_postings_out_of_document_order_are_sorted(limit: int) -> None:
    """A posting that does not follow its term's last in document number (a segment merge's, a
    spelling field's repeated words) still comes back in sorted order, repeats kept."""
    items = _postings(40, seed=3)
    random.Random(5).shuffle(items)
    items += items[:30]  # the same postings twice
    pool = _pool(limit)
    for item in items:
        pool.add(item)
    assert list(pool.iter_postings()) == sorted(items)


def test_runs_in_document_order_but_a_term_going_back_is_sorted() -> None:
    """Each run in order, but a later run's posting before an earlier run's in the same term."""
    items = [("body", b"a", 5, 1.0, None), ("body", b"b", 6, 1.0, None)]
    items += [("body", b"a", 2, 1.0, None), ("body", b"a", 9, 1.0, None)]
    pool = _pool(2)
    for item in items:
        pool.add(item)
    assert len(pool.runs) == 2
    assert list(pool.iter_postings()) == sorted(items)


def test_cleanup_removes_unread_runs() -> None:
    pool = _pool(5)
    for item in _postings(10, seed=1):
        pool.add(item)
    assert pool.runs
    names = list(pool.runs)
    pool.cleanup()
    assert not pool.runs
    assert not any(pool.tempstore.file_exists(n) for n in names)


def test_use_term_pool_refuses_a_used_writer(tmp_path: Path) -> None:
    windex.create_in(str(tmp_path), make_schema())
    writer = SegmentWriter(windex.open_dir(str(tmp_path)), _lk=False, compound=False)
    writer.pool.add(("body", b"x", 0, 1.0, None))
    with pytest.raises(ValueError):
        use_term_pool(writer, 16)
    writer.pool.cleanup()
    writer._close_segment()


def _fields(copies_of_each: int = 12) -> list[dict[str, Any]]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        st = path.stat()
        source = SourceFile(str(path), str(SEEDS), st.st_size, st.st_mtime_ns)
        for article in read_file(source)[0]:
            out.append(analysed_fields(article, 1.0))
    assert len(out) >= 2
    # More documents from the same texts: ids and paths made distinct.
    copies = []
    for i in range(copies_of_each):
        for f in out:
            g = dict(f)
            g["id"], g["file"], g["_path"] = (
                f"{f['id']}-{i}",
                f"{f['file']}-{i}",
                f"{f['_path']}-{i}",
            )
            copies.append(g)
    return copies


def _segment(
    root: Path, fields: list[dict[str, Any]], term_pool: bool, limit: int, inline: int = 0
) -> Path:
    """A worker's segment of ``fields``, written through Whoosh's pool or the term pool (terms of
    at most ``inline`` postings inlined); ``limit`` (postings) forces runs to disk when small."""
    root.mkdir()
    windex.create_in(str(root), make_schema())
    patch_lengths()
    writer = SegmentWriter(windex.open_dir(str(root)), _lk=False, limitmb=128, compound=False)
    if term_pool:
        use_term_pool(writer, 128, inline)
        writer.pool.limit = limit
    else:
        writer.pool.limit = limit * 200  # Whoosh's limit is in (estimated) bytes
    spelled: set[str] = set()
    for f in fields:
        add_fields(writer, dict(f), spelled, update=False)
    assert (len(writer.pool.runs) > 0) == (limit < 10**9)
    segment = finish_worker_segment(writer)
    return root / segment.segment_id()


def _files(prefix: Path) -> dict[str, str]:
    return {
        f.name[len(prefix.name) :]: hashlib.sha1(f.read_bytes()).hexdigest()
        for f in prefix.parent.iterdir()
        if f.name.startswith(prefix.name + ".")
    }


def test_segment_files_identical_to_whoosh_pool(tmp_path: Path) -> None:
    """Held in memory, both pools give byte-identical segment files (postings, terms, columns)."""
    fields = _fields()
    ours = _files(_segment(tmp_path / "ours", fields, True, 10**9))
    whoosh = _files(_segment(tmp_path / "whoosh", fields, False, 10**9))
    assert ".pst" in ours and ".trm" in ours
    assert ours == whoosh


@pytest.mark.parametrize("column_cache", [True, False])
def test_terms_of_several_blocks_identical_to_whoosh_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, column_cache: bool
) -> None:
    """Terms with more postings than a block holds (128) are written a block at a time in the same
    bytes as Whoosh's per-posting loop; so are they when each posting's length is asked of the
    per-document reader (``posting_lengths`` without its cache)."""
    from index.store import whoosh_compat

    if not column_cache:
        monkeypatch.setattr(whoosh_compat, "posting_lengths", lambda perdoc, fieldname: None)
    fields = _fields(copies_of_each=70)
    ours = _segment(tmp_path / "ours", fields, True, 10**9)
    whoosh = _segment(tmp_path / "whoosh", fields, False, 10**9)
    postings = _read_postings(ours, len(fields))
    assert max(len(p) for p in postings.values()) > 128
    assert _files(ours) == _files(whoosh)


def _read_postings(prefix: Path, docs: int) -> dict[tuple[str, bytes], list[Any]]:
    from whoosh.codec import default_codec
    from whoosh.codec.whoosh3 import W3Segment

    ix = windex.open_dir(str(prefix.parent))
    segment = W3Segment(default_codec(), "MAIN", doccount=docs, segid=prefix.name.split("_", 1)[1])
    reader = SegmentReader(ix.storage, ix.schema, segment)
    out = {}
    for field, text in reader.all_terms():
        matcher = reader.postings(field, text)
        postings = []
        while matcher.is_active():
            postings.append((matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
        out[(field, text)] = postings
    reader.close()
    return out


def test_spilled_runs_give_the_same_postings(tmp_path: Path) -> None:
    """Spilled to disk in several runs, both pools give the same terms and postings (the files
    may differ in bytes: Whoosh's runs unpickle each posting's values as new objects, which the
    block pickles then repeat instead of referencing)."""
    fields = _fields()
    ours = _segment(tmp_path / "ours", fields, True, 700)
    whoosh = _segment(tmp_path / "whoosh", fields, False, 700)
    ours_postings = _read_postings(ours, len(fields))
    assert len(ours_postings) > 100
    assert ours_postings == _read_postings(whoosh, len(fields))
    assert not os.listdir(tmp_path / "ours" / "MAIN.tmp")  # every run file read and removed


def test_main_process_writer_pools_by_term_from_enough_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run of ``MAIN_TERM_POOL_MIN`` files or more in the main process (no workers) goes through
    the term pool, with the same terms and postings as Whoosh's pool; a smaller run does not."""
    import shutil

    from index.store import core, writers

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        for path in sorted(SEEDS.glob("*.txt")):
            shutil.copy(path, corpus / f"{i}-{path.name}")
    monkeypatch.setattr(writers, "PARALLEL_MIN_ARTICLES", 10**9)
    calls: list[int] = []
    real = core.use_term_pool
    monkeypatch.setattr(core, "use_term_pool", lambda w, mb: calls.append(mb) or real(w, mb))
    found = {}
    for name, least in (("term", 1), ("whoosh", 10**9)):
        monkeypatch.setattr(core, "MAIN_TERM_POOL_MIN", least)
        store = core.open_store([corpus], tmp_path / name)
        store.build_related = False
        assert store.update().added >= 6
        segment = store.ix._segments()[0]
        prefix = tmp_path / name / f"MAIN_{segment.segment_id().split('_', 1)[1]}"
        found[name] = _read_postings(prefix, segment.doc_count_all())
        assert len(calls) == 1  # the term pool's run only
    assert len(found["term"]) > 100
    assert found["term"] == found["whoosh"]
