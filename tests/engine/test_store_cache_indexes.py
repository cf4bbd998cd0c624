"""The indexes kept in the cache folder (index.store.cache): listed with their roots, size and
articles; removed only when newsdesk's, in the cache folder, and not being written."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from whoosh import index as windex

from index.store.cache import cached_indexes, remove_index, unused_reason
from index.store.core import Store
from index.store.whoosh_compat import write_lock

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _corpus(tmp_path: Path, name: str) -> Path:
    d = tmp_path / name
    d.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, d / path.name)
    return d


def _indexed(cache: Path, corpus: Path) -> Path:
    ix = cache / f"{corpus.name}-0123456789abcdef"
    store = Store([corpus], ix)
    store.build_related = False
    assert store.update().added == 2
    return ix


def test_lists_each_index_with_roots_size_and_articles(tmp_path: Path) -> None:
    cache = tmp_path / "indexes"
    a, b = _corpus(tmp_path, "a"), _corpus(tmp_path, "b")
    ix_a, ix_b = _indexed(cache, a), _indexed(cache, b)
    (cache / "not-newsdesk").mkdir()  # a folder without the marker is never listed
    (cache / "not-newsdesk" / "file").write_text("x")
    shutil.rmtree(b)
    found = {ix.path: ix for ix in cached_indexes(cache)}
    assert set(found) == {ix_a, ix_b}
    assert found[ix_a].roots == (str(a),) and found[ix_a].missing == ()
    assert found[ix_b].missing == (str(b),)
    assert found[ix_a].articles == 2 and found[ix_a].size > 10_000 and found[ix_a].changed > 0
    assert unused_reason(found[ix_a]) is None
    assert unused_reason(found[ix_b]) == "its folders are gone"
    assert unused_reason(found[ix_a], older_than_days=30, now=found[ix_a].changed + 31 * 86400)
    assert unused_reason(found[ix_a], older_than_days=30, now=found[ix_a].changed + 86400) is None


def test_an_index_with_one_root_of_two_gone_is_kept(tmp_path: Path) -> None:
    """A folder on a drive that is not mounted comes back: only an index with every root gone is
    of no more use."""
    cache = tmp_path / "indexes"
    a, b = _corpus(tmp_path, "a"), _corpus(tmp_path, "b")
    store = Store([a, b], cache / "ab-0123456789abcdef")
    store.build_related = False
    store.update()
    shutil.rmtree(b)
    (found,) = cached_indexes(cache)
    assert found.missing == (str(b),) and unused_reason(found) is None


def test_removal_deletes_the_index_and_never_the_articles(tmp_path: Path) -> None:
    cache = tmp_path / "indexes"
    a = _corpus(tmp_path, "a")
    ix = _indexed(cache, a)
    before = sorted(p.name for p in a.iterdir())
    (found,) = cached_indexes(cache)
    assert remove_index(found, cache) is None
    assert not ix.exists() and os.listdir(cache) == []
    assert sorted(p.name for p in a.iterdir()) == before


def test_an_index_being_written_is_left_alone(tmp_path: Path) -> None:
    cache = tmp_path / "indexes"
    ix = _indexed(cache, _corpus(tmp_path, "a"))
    (found,) = cached_indexes(cache)
    writer = windex.open_dir(str(ix)).writer()  # as a run holds it while it updates the index
    try:
        assert remove_index(found, cache) == "another newsdesk process is updating it"
    finally:
        writer.cancel()
    assert ix.exists()
    with write_lock(ix) as held:
        assert held  # released by the refused removal too


def test_only_the_cache_folders_own_indexes_are_removed(tmp_path: Path) -> None:
    cache = tmp_path / "indexes"
    elsewhere = tmp_path / "elsewhere"
    ix = _indexed(elsewhere, _corpus(tmp_path, "a"))
    (found,) = cached_indexes(elsewhere)
    assert remove_index(found, cache) == "not in newsdesk's cache folder"
    marker = ix / "newsdesk-index.json"
    data = json.loads(marker.read_text("utf-8"))
    data["roots"] = ["/somewhere/else"]
    marker.write_text(json.dumps(data), "utf-8")  # another index now under that name
    assert remove_index(found, elsewhere) == "no longer the index listed"
    assert ix.exists()
