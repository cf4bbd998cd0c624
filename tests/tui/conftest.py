"""Fixtures for the Textual app tests: a seed index built once, settings kept in a temp folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tui_helpers import SEEDS


@pytest.fixture(autouse=True)
def _config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep the settings file (theme) out of the real home folder."""
    folder = tmp_path / "config"
    monkeypatch.setenv("NEWSDESK_CONFIG_DIR", str(folder))
    # Pairings set aside in the compare screen: kept out of the real user data folder too.
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "data"))
    return folder


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the seed articles, built once for the session (the app finds it up to date)."""
    from index.store.core import Store

    folder = tmp_path_factory.mktemp("index")
    Store([str(SEEDS)], str(folder)).update()
    return folder


@pytest.fixture()
def make_app(seed_index: Path) -> Callable[..., object]:
    """Build a ``NewsdeskApp`` on the seeds (or another corpus, with its own index folder)."""
    from tui.app import NewsdeskApp

    def make(corpus: Path | None = None, index_dir: Path | None = None, **kwargs: object) -> object:
        if corpus is None:
            return NewsdeskApp([str(SEEDS)], index_dir=str(seed_index), **kwargs)
        return NewsdeskApp([str(corpus)], index_dir=str(index_dir), **kwargs)

    return make
