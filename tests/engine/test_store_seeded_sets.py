"""A new set of corpus roots starts from the index of a set sharing roots (``index.store.seeding``):
adding a library folder reads only that folder's files, removing one reads none, and the index
holds what one built anew holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.search import search
from index.store.core import Store


def _folder(root: Path, name: str, words: list[str]) -> Path:
    d = root / name
    d.mkdir()
    for i, word in enumerate(words):
        (d / f"{word}.txt").write_text(
            f"A report about {word}\n\nThe {word} story number {i} was told in {name}.\n",
            encoding="utf-8",
        )
    return d


@pytest.fixture()
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    a = _folder(corpus, "wire", ["harbour", "tanker", "refinery", "pipeline"])
    b = _folder(corpus, "extra", ["volcano"])
    return a, b


def _ids(store: Store, query: str) -> set[str]:
    return {h.id for h in search(store, query, limit=50).hits}


def test_adding_a_folder_reads_only_its_files(folders: tuple[Path, Path]) -> None:
    a, b = folders
    first = Store([a])
    first.build_related = False
    assert first.update().added == 4
    both = Store([a, b])
    both.build_related = False
    assert both.index_dir != first.index_dir
    report = both.update()
    assert (report.added, report.unchanged, report.reread) == (1, 4, 1)
    assert _ids(both, "volcano") == {"volcano.txt"}
    assert _ids(both, "harbour") == {"harbour.txt"}
    assert both.doc_count() == 5
    assert {i.id for i in both.catalogue()} == {
        "volcano.txt",
        "harbour.txt",
        "tanker.txt",
        "refinery.txt",
        "pipeline.txt",
    }
    # The donor is left as it was.
    assert first.update().unchanged == 4 and first.doc_count() == 4


def test_removing_a_folder_reads_nothing(folders: tuple[Path, Path]) -> None:
    a, b = folders
    both = Store([a, b])
    both.build_related = False
    both.update()
    alone = Store([b])
    alone.build_related = False
    report = alone.update()
    assert (report.added, report.removed, report.unchanged, report.reread) == (0, 4, 1, 0)
    assert _ids(alone, "harbour") == set()
    assert _ids(alone, "volcano") == {"volcano.txt"}
    assert alone.doc_count() == 1
    assert [i.id for i in alone.catalogue()] == ["volcano.txt"]


def test_a_folder_holding_a_root_starts_anew(folders: tuple[Path, Path]) -> None:
    a, _b = folders
    first = Store([a])
    first.build_related = False
    first.update()
    # The parent holds ``wire``: its articles' ids change ('wire/harbour.txt').
    parent = Store([a.parent])
    parent.build_related = False
    report = parent.update()
    assert report.added == 5
    assert "wire/harbour.txt" in _ids(parent, "harbour")


def test_an_index_dir_given_is_not_seeded(folders: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = folders
    Store([a]).update()
    given = Store([a, b], index_dir=tmp_path / "mine")
    given.build_related = False
    assert given.update().added == 5
