"""``newsdesk indexes [list|prune]``: the cache folder's indexes listed, and those of no more use
removed (every folder gone, or unchanged for --older-than days; never the library's by age)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _folder(tmp_path: Path, name: str) -> Path:
    d = tmp_path / name
    d.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, d / path.name)
    return d


def _indexes(run_cli: Callable[..., Any]) -> dict[str, dict[str, Any]]:
    r = run_cli("indexes", "--json", index_dir=False)
    assert r.code == 0, r.err
    return {ix["roots"][0]: ix for ix in r.json()["indexes"]}


def test_list_and_prune_an_index_whose_folder_is_gone(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    kept, gone = _folder(tmp_path, "kept"), _folder(tmp_path, "gone")
    for folder in (kept, gone):
        assert run_cli("index", str(folder), "--quiet", index_dir=False).code == 0
    shutil.rmtree(gone)
    found = _indexes(run_cli)
    assert set(found) == {str(kept.resolve()), str(gone.resolve())}
    assert found[str(gone.resolve())]["missing"] == [str(gone.resolve())]
    assert found[str(gone.resolve())]["unused"] == "its folders are gone"
    assert found[str(kept.resolve())]["unused"] is None
    assert found[str(kept.resolve())]["articles"] == 2
    listing = run_cli("indexes", index_dir=False)
    assert "(gone)" in listing.out and "prune would remove it" in listing.out

    dry = run_cli("indexes", "prune", "--dry-run", index_dir=False)
    assert dry.code == 0 and "would remove" in dry.out
    assert Path(found[str(gone.resolve())]["path"]).exists()

    done = run_cli("indexes", "prune", "--json", index_dir=False)
    assert done.code == 0, done.err
    assert [ix["path"] for ix in done.json()["removed"]] == [found[str(gone.resolve())]["path"]]
    assert not Path(found[str(gone.resolve())]["path"]).exists()
    assert set(_indexes(run_cli)) == {str(kept.resolve())}
    assert sorted(p.name for p in kept.iterdir()) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_prune_by_age_keeps_the_librarys_index(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    mine, other = _folder(tmp_path, "mine"), _folder(tmp_path, "other")
    assert run_cli("library", "add", str(mine), index_dir=False).code == 0
    assert run_cli("index", "--quiet", index_dir=False).code == 0  # the library's own index
    assert run_cli("index", str(other), "--quiet", index_dir=False).code == 0
    r = run_cli("indexes", "prune", "--older-than", "0", "--json", index_dir=False)
    assert r.code == 0, r.err
    removed = [ix["roots"] for ix in r.json()["removed"]]
    assert removed == [[str(other.resolve())]]
    assert set(_indexes(run_cli)) == {str(mine.resolve())}


def test_usage_mistakes(run_cli: Callable[..., Any]) -> None:
    r = run_cli("indexes", "prune", "--older-than", "soon", index_dir=False)
    assert r.code == 2 and "not a number of days" in r.err
    r = run_cli("indexes", "list", "--dry-run", index_dir=False)
    assert r.code == 2 and "go with prune" in r.err
    empty = run_cli("indexes", "prune", index_dir=False)
    assert empty.code == 0 and "nothing to prune" in empty.out
