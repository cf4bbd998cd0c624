"""The index folder's database: migration from the old layout, a lost or damaged database, and a
run killed between the Whoosh commit and the database commit."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from index.search import search
from index.store import database
from index.store.core import Store
from index.store.update import Run


def _corpus(root: Path, n: int = 6) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (root / f"a{i}.txt").write_text(
            f"Report {i} from Lyon\nThe council of Lyon met on Monday about bridge {i}.\n", "utf-8"
        )
    (root / "wire.jsonl").write_text(
        "\n".join(
            json.dumps({"id": f"w{i}", "title": f"Wire {i}", "text": f"Wire story {i} in Oslo."})
            for i in range(3)
        )
        + "\n",
        "utf-8",
    )
    (root / "blob.txt").write_bytes(bytes(range(256)) * 40)  # skipped, reported
    return root


def _state(store: Store) -> dict[str, Any]:
    return {
        "catalogue": store.catalogue(),
        "features": store.features(),
        "names": store.display_names(),
        "skipped": store.skipped(),
        "count": store.doc_count(),
    }


def _to_old_layout(ix: Path) -> None:
    """Write what the previous newsdesk kept beside the segments, then drop the database."""
    with database.reading(ix) as con:
        stats = database.file_stats(con)
        files = database.entries(con, list(stats))
        skipped = database.skipped(con)
        tables = {
            "catalogue": database.catalogue(con),
            "names": database.names(con),
            "features": database.features(con),
        }
    (ix / "manifest.json").write_text(json.dumps({"files": files, "skipped": skipped}), "utf-8")
    (ix / "skipped.json").write_text(json.dumps(skipped), "utf-8")
    for name, table in tables.items():
        (ix / f"{name}.pickle").write_bytes(pickle.dumps(table, pickle.HIGHEST_PROTOCOL))
    database.remove(ix)


@pytest.fixture()
def built(tmp_path: Path) -> tuple[Path, Path, dict[str, Any]]:
    corpus, ix = _corpus(tmp_path / "c"), tmp_path / "ix"
    store = Store([corpus], ix)
    store.update()
    return corpus, ix, _state(store)


def test_old_layout_is_migrated_without_reading_anything_again(
    built: tuple[Path, Path, dict[str, Any]],
) -> None:
    corpus, ix, before = built
    _to_old_layout(ix)
    store = Store([corpus], ix)
    assert store.messages == []
    assert database.db_path(ix).is_file()
    assert not list(ix.glob("*.pickle")) and not (ix / "manifest.json").exists()
    assert not (ix / "skipped.json").exists()
    assert _state(store) == before
    report = store.update()
    assert (report.added, report.updated, report.removed, report.reread) == (0, 0, 0, 0)
    assert report.unchanged == before["count"] == 9
    assert [s.path for s in report.skipped] == [str(corpus / "blob.txt")]
    assert search(store, "lyon").total == 6


def test_old_layout_deltas_are_applied(built: tuple[Path, Path, dict[str, Any]]) -> None:
    corpus, ix, before = built
    _to_old_layout(ix)
    row = before["catalogue"][0]
    delta = {"set": {row.id: (row.path, "Retitled", row.source, row.date, row.story)}, "del": []}
    (ix / "catalogue.delta.pickle").write_bytes(pickle.dumps(delta))
    store = Store([corpus], ix)
    assert {a.id: a.title for a in store.catalogue()}[row.id] == "Retitled"
    assert not (ix / "catalogue.delta.pickle").exists()


@pytest.mark.parametrize("damage", ["pickles garbled", "pickles name a class"])
def test_old_layout_with_unusable_tables_rebuilds_them_from_the_index(
    built: tuple[Path, Path, dict[str, Any]], damage: str
) -> None:
    corpus, ix, before = built
    _to_old_layout(ix)
    for name in ("catalogue", "names", "features"):
        data = b"garbage" if damage == "pickles garbled" else b"cos\nsystem\n(S'true'\ntR."
        (ix / f"{name}.pickle").write_bytes(data)
    store = Store([corpus], ix)
    assert _state(store) == before
    assert store.update().reread == 0  # the manifest was kept


def test_old_layout_with_a_garbled_manifest_reads_everything_once(
    built: tuple[Path, Path, dict[str, Any]],
) -> None:
    corpus, ix, before = built
    _to_old_layout(ix)
    (ix / "manifest.json").write_text('{"files": {', "utf-8")
    store = Store([corpus], ix)
    report = store.update()
    assert report.reread == 8 and report.added == 9
    assert _state(store) == before  # nothing twice
    assert store.update().reread == 0


@pytest.mark.parametrize("damage", ["deleted", "garbled", "other format"])
def test_lost_or_damaged_database_is_rebuilt(
    built: tuple[Path, Path, dict[str, Any]], damage: str
) -> None:
    corpus, ix, before = built
    path = database.db_path(ix)
    if damage == "deleted":
        path.unlink()
    elif damage == "garbled":
        path.write_bytes(b"not a database" * 100)
    else:
        with database.writing(ix) as con:
            con.execute("UPDATE meta SET value = '0' WHERE key = 'format'")
    (corpus / "a0.txt").unlink()  # gone meanwhile: its article must go too
    store = Store([corpus], ix)
    assert len(store.catalogue()) == 9  # listed from the stored articles at once
    report = store.update()
    assert report.removed == 1 and store.doc_count() == 8
    assert {a.id for a in store.catalogue()} == {a.id for a in before["catalogue"]} - {"a0.txt"}
    assert search(store, "lyon").total == 5


def test_killed_between_the_two_commits_recovers(
    built: tuple[Path, Path, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, ix, _ = built
    (corpus / "a1.txt").write_text("Report one revised\nNow about a tunnel in Lyon.\n", "utf-8")
    (corpus / "new.txt").write_text("A new report\nAbout a ferry in Nantes.\n", "utf-8")

    def killed(self: Run, con: Any, generation: int, files: str) -> None:
        raise KeyboardInterrupt  # after the Whoosh commit, before the database's

    monkeypatch.setattr(Run, "save", killed)
    with pytest.raises(KeyboardInterrupt):
        Store([corpus], ix).update()
    monkeypatch.undo()
    (corpus / "new.txt").unlink()  # removed before the next run: its article must not linger
    store = Store([corpus], ix)
    report = store.update()
    assert report.reread == 1  # a1.txt, against the older manifest
    assert store.doc_count() == 9
    assert search(store, "ferry").total == 0
    assert search(store, "tunnel").total == 1
    titles = {a.id: a.title for a in store.catalogue()}
    assert titles["a1.txt"] == "Report one revised" and "new.txt" not in titles
    assert store.update().reread == 0


def test_cancelled_run_writes_no_row(built: tuple[Path, Path, dict[str, Any]]) -> None:
    corpus, ix, _ = built
    (corpus / "a2.txt").write_text("Changed\nA changed body.\n", "utf-8")
    store = Store([corpus], ix)
    stamp = database.stamp(ix)
    assert store.update(cancelled=lambda: True).notes == ("cancelled",)
    assert database.stamp(ix) == stamp
    assert store.update().updated == 1


def test_index_whose_schema_names_the_old_module_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoosh pickles field classes by module: indexes made when the body field's class lived in
    ``index.store.core`` must open without a rebuild."""
    from index.store import schema

    corpus = _corpus(tmp_path / "c")
    monkeypatch.setattr(schema.BodyText, "__module__", "index.store.core")
    Store([corpus], tmp_path / "ix").update()
    toc = next((tmp_path / "ix").glob("_MAIN_*.toc")).read_bytes()
    assert b"index.store.core" in toc
    monkeypatch.undo()
    store = Store([corpus], tmp_path / "ix")
    assert store.messages == [] and store.doc_count() == 9


def test_lost_database_through_the_worker_processes_adds_nothing_twice(tmp_path: Path) -> None:
    """As a run killed between its commit and its manifest was tested before the database: every
    file is read again, by the parallel writers (which add without deleting), with no duplicate."""
    from index.store.writers import PARALLEL_MIN_ARTICLES

    n = PARALLEL_MIN_ARTICLES + 10
    corpus = tmp_path / "c"
    corpus.mkdir()
    for i in range(n):
        (corpus / f"p{i:04d}.txt").write_text(f"Item {i}\nMarker zq{i:04d}x in Turin.\n", "utf-8")
    ix = tmp_path / "ix"
    Store([corpus], ix).update()
    database.db_path(ix).unlink()
    store = Store([corpus], ix)
    report = store.update()
    assert report.added == n
    assert store.doc_count() == n
    assert search(store, "zq0005x").total == 1


@pytest.mark.parametrize("where", ["put_files", "put_articles"])
def test_full_disk_while_recording_a_run_is_explained_and_nothing_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    import errno
    import os

    from index.store.errors import StoreError

    corpus = _corpus(tmp_path / "c")
    Store([corpus], tmp_path / "ix")  # created while there was room

    def full(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(database, where, full)
    with pytest.raises(StoreError, match="cannot write the index: No space left on device"):
        Store([corpus], tmp_path / "ix").update()
    monkeypatch.undo()
    store = Store([corpus], tmp_path / "ix")  # room again: the next run completes the index
    report = store.update()
    assert report.added == 9 and store.doc_count() == 9
    assert len(store.catalogue()) == 9


def test_an_unchanged_corpus_is_recognised_by_the_walk_digest_alone(
    built: tuple[Path, Path, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run records its walk's digest; the next check answers from it without reading every
    manifest row, and any change of a file's size or mtime, a new file or a gone one, is seen."""
    import os

    from index.store.tables import check_unchanged

    corpus, ix, before = built
    with database.reading(ix) as con:
        assert database.meta(con, database.WALK_DIGEST)

    def no_rows(con: Any) -> Any:
        raise AssertionError("the manifest's rows were read")

    monkeypatch.setattr(database, "file_stats", no_rows)
    report, _ = check_unchanged([corpus], ix)
    assert report is not None and report.unchanged == before["count"] == 9
    assert [s.path for s in report.skipped] == [str(corpus / "blob.txt")]
    a0 = corpus / "a0.txt"
    st = a0.stat()
    os.utime(a0, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # same size, later mtime
    assert check_unchanged([corpus], ix)[0] is None
    os.utime(a0, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert check_unchanged([corpus], ix)[0] is not None
    (corpus / "new.txt").write_text("New\nA new report.\n", "utf-8")
    assert check_unchanged([corpus], ix)[0] is None
    (corpus / "new.txt").unlink()
    a0.rename(corpus / "moved.txt")
    assert check_unchanged([corpus], ix)[0] is None


def test_a_manifest_changed_without_its_digest_is_compared_row_by_row(
    built: tuple[Path, Path, dict[str, Any]],
) -> None:
    """Whatever writes manifest rows (a recovery) drops the digest, which described other rows:
    the check then compares the rows themselves."""
    from index.store.tables import check_unchanged

    corpus, ix, _ = built
    with database.writing(ix) as con:
        rows = database.entries(con, [str(corpus / "a1.txt")])
        rows[str(corpus / "a1.txt")]["size"] += 1  # as if the file had another size
        database.put_files(con, rows, ())
        assert database.meta(con, database.WALK_DIGEST) is None
    assert check_unchanged([corpus], ix)[0] is None
    report = Store([corpus], ix).update()
    assert report.reread == 1 and report.unchanged == 9  # a1.txt read again, the same article
    with database.reading(ix) as con:
        assert database.meta(con, database.WALK_DIGEST)
    assert check_unchanged([corpus], ix)[0] is not None


def test_the_walk_digests_are_per_folder_and_order_free() -> None:
    found = {"/c/a.txt": (10, 1, "/c"), "/c/b.txt": (20, 2, "/c"), "/c/d/e.txt": (5, 5, "/c")}
    digests = database.walk_digests(found)
    assert set(digests) == {"/c", "/c/d"}
    assert digests == database.walk_digests(dict(reversed(found.items())))
    changed = database.walk_digests({**found, "/c/b.txt": (20, 3, "/c")})
    assert changed["/c"] != digests["/c"] and changed["/c/d"] == digests["/c/d"]


def test_the_walk_digests_do_not_depend_on_shared_objects() -> None:
    """The same walk with its root held once or as separate strings (marshal's later versions
    write a shared object by reference) has the same digests."""
    root = "/corpus"
    shared = {f"/corpus/{i}.txt": (i, i, root) for i in range(5)}
    separate = {f"/corpus/{i}.txt": (i, i, "".join(["/", "corpus"])) for i in range(5)}
    assert database.walk_digests(shared) == database.walk_digests(separate)


def test_digests_of_another_generation_do_not_count(
    built: tuple[Path, Path, dict[str, Any]],
) -> None:
    """Digests written before another process's commit (an older newsdesk, say) are not used."""
    from index.store.whoosh_compat import toc_generation

    _, ix, _ = built
    generation = toc_generation(ix)
    with database.reading(ix) as con:
        assert database.recorded_digests(con, generation)
        assert database.recorded_digests(con, generation + 1) is None


def test_a_run_reads_the_rows_of_changed_folders_only(tmp_path: Path) -> None:
    """With the last run's digests, a run loads the manifest rows of the folders whose files
    changed (and of folders gone), and counts the others' articles without loading them."""
    corpus, ix = tmp_path / "c", tmp_path / "ix"
    for folder in ("one", "two", "two/deep", "three"):
        (corpus / folder).mkdir(parents=True)
        for i in range(3):
            (corpus / folder / f"r{i}.txt").write_text(
                f"Report {i} in {folder}\nThe council met in Lyon about bridge {i}.\n", "utf-8"
            )
    (corpus / "two-more").mkdir()  # sorts between "two" and "two/" ...
    (corpus / "two-more" / "x.txt").write_text("Other\nA report from Oslo.\n", "utf-8")
    store = Store([corpus], ix)
    assert store.update().added == 13
    loaded: list[set[str]] = []
    real = Run.__init__

    def spy(self: Run, *args: Any, **kwargs: Any) -> None:
        real(self, *args, **kwargs)
        loaded.append(set(self.stats))

    (corpus / "two" / "r1.txt").write_text("Report one\nNow about a tunnel in Lyon.\n", "utf-8")
    shutil.rmtree(corpus / "three")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Run, "__init__", spy)
        report = Store([corpus], ix).update()
    assert (report.updated, report.removed, report.unchanged, report.reread) == (1, 3, 9, 1)
    folders = {str(Path(p).parent.relative_to(corpus.resolve())) for p in loaded[0]}
    assert folders == {"two", "two/deep", "three"}  # a folder's range holds its sub-folders
    assert search(store, "tunnel").total == 1 and store.doc_count() == 10
    assert Store([corpus], ix).update().reread == 0


def test_the_files_with_something_skipped_are_found_by_their_index(
    built: tuple[Path, Path, dict[str, Any]],
) -> None:
    corpus, ix, _ = built
    with database.reading(ix) as con:
        plan = " ".join(
            str(row[-1])
            for row in con.execute(
                "EXPLAIN QUERY PLAN SELECT path, skipped FROM files WHERE skipped != '[]'"
            )
        )
        assert "files_skipped" in plan
        assert list(database.file_skipped(con)) == [str(corpus / "blob.txt")]


def test_reading_the_features_leaves_no_lock_while_they_are_decoded(
    built: tuple[Path, Path, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The related-report build reads every article's features in the background: an index run
    that commits meanwhile must not wait for their decoding (it waited seconds at 10,000)."""
    import sqlite3

    from index.store import fastjson

    _, ix, _ = built
    committed: list[bool] = []
    real = fastjson.loads

    def decode_while_another_process_commits(text: str) -> Any:
        if not committed:
            other = sqlite3.connect(database.db_path(ix), timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("UPDATE meta SET value = value WHERE key = 'format'")
                other.execute("COMMIT")  # needs no reader to hold the file
                committed.append(True)
            finally:
                other.close()
        return real(text)

    monkeypatch.setattr(fastjson, "loads", decode_while_another_process_commits)
    with database.reading(ix) as con:
        table = database.features(con)
    assert committed == [True] and table
