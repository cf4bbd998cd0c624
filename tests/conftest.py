"""Shared fixtures: the seed corpus, indexes built in temporary folders, and a CLI runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_HEADLINE = "000_44cfc8ca5dd0595f.txt"
"""The seed whose first line is a headline (with a trailing ``_1``)."""
SEED_KURSK = "004_3a8db0f9f1ecf686.txt"
"""The seed without a headline line; the only one naming Kursk."""


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The bundled seed articles (read only: never write into it)."""
    return SEEDS


@pytest.fixture()
def seeds_copy(tmp_path: Path) -> Path:
    """A private copy of the seed articles that a test may modify."""
    dest = tmp_path / "corpus"
    dest.mkdir()
    for f in SEEDS.iterdir():
        if f.is_file():
            (dest / f.name).write_bytes(f.read_bytes())
    return dest


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A ``Store`` over the seeds, indexed once per session. Treat it as read only."""
    from index.store.core import Store

    store = Store([SEEDS], tmp_path_factory.mktemp("seed-index"))
    store.update()
    return store


@pytest.fixture()
def make_store(tmp_path: Path) -> Callable[..., Any]:
    """Factory: ``make_store(*roots)`` opens a ``Store`` whose index lives in ``tmp_path``."""
    from index.store.core import Store

    def make(*roots: Path | str, index_dir: Path | None = None) -> Any:
        return Store(list(roots), index_dir or tmp_path / "index")

    return make


@dataclass(frozen=True)
class CliResult:
    """What a ``newsdesk`` subprocess did."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """stdout parsed as JSON."""
        return json.loads(self.out)


@pytest.fixture()
def run_cli(tmp_path: Path) -> Iterator[Callable[..., CliResult]]:
    """Run ``python -m tui ARGS`` in a subprocess; commands that take ``--index-dir`` get one in tmp.

    Pass ``index_dir=None`` to leave it out, or a path to share an index between runs.
    """
    default_index = tmp_path / "cli-index"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")  # never touch the real user cache
    # Nor the user's library (the corpus of every command given no PATH) or settings.
    env["NEWSDESK_CONFIG_DIR"] = str(tmp_path / "config")
    # Nor the user data folder (fetched pages, pairings set aside): each test has its own, so tests
    # running side by side (pytest -n) never share one.
    env["NEWSDESK_DATA_DIR"] = str(tmp_path / "data")

    def run(*args: str, index_dir: Path | bool | None = True, timeout: float = 120) -> CliResult:
        argv = list(args)
        if index_dir is True:
            argv += ["--index-dir", str(default_index)]
        elif index_dir:
            argv += ["--index-dir", str(index_dir)]
        proc = subprocess.run(
            [sys.executable, "-m", "tui", *argv],
            capture_output=True,
            check=False,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=timeout,
        )
        return CliResult(proc.returncode, proc.stdout, proc.stderr)

    yield run
