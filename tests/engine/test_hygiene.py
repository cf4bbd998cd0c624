"""The engine never imports the UI: no module under index/ imports textual or rich."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_walk import imported_modules

ENGINE = Path(__file__).resolve().parents[2] / "index"
FORBIDDEN = ("textual", "rich", "tui")


def _imports(path: Path) -> list[str]:
    return imported_modules(path.read_text(encoding="utf-8"))


def _engine_files() -> list[Path]:
    files = sorted(ENGINE.rglob("*.py"))
    assert len(files) >= 8, "the engine package was not found"
    return files


@pytest.mark.parametrize("path", _engine_files(), ids=lambda p: p.name)
def test_engine_module_does_not_import_the_ui(path: Path) -> None:
    bad = [n for n in _imports(path) if n.split(".")[0] in FORBIDDEN]
    assert bad == [], f"{path.name} imports {bad}"


def test_checker_sees_all_import_forms(tmp_path: Path) -> None:
    f = tmp_path / "m.py"
    f.write_text(
        "import os, rich.text\nfrom textual.app import App\nimport importlib\n"
        "def f():\n    from tui import cli\n    importlib.import_module('rich')\n",
        encoding="utf-8",
    )
    assert [n for n in _imports(f) if n.split(".")[0] in FORBIDDEN] == [
        "rich.text",
        "textual.app",
        "tui",
        "rich",
    ]


def test_the_side_tables_load_without_the_store_core() -> None:
    # The app lists the catalogue from index.store.tables while another worker opens the store:
    # the package must not import its core on the way (that import, raced by the two workers,
    # deadlocked the app at "Opening the index…").
    import subprocess
    import sys

    code = (
        "import sys, index.store.tables; "
        "print('index.store.core' in sys.modules, 'whoosh' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_two_threads_import_the_store_at_once() -> None:
    import subprocess
    import sys

    code = """
import threading
errors = []
def load(name):
    try:
        __import__(name)
    except Exception as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=load, args=(n,)) for n in ("index.store.tables", "index.store.core")]
for t in threads: t.start()
for t in threads: t.join()
print(errors)
"""
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "[]"
