"""One door from the UI to the engine: the app reaches ``index`` only through ``tui.engine``.

They may import ``index.models`` by name: the frozen dataclasses (``Article``, ``Entity``, ``Span``,
``Hit``...) are what the door hands over, the vocabulary both rooms share; wrapping each in a UI copy
would be a second definition to keep in step. Everything else (the store, search, compare, story,
the engine's helpers, and the types of other engine modules, even under ``TYPE_CHECKING``) comes
from ``tui.engine``. And a worker answers with a message: no screen or widget hands its own method
to ``call_from_thread``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from import_walk import imported_modules

TUI = Path(__file__).resolve().parents[2] / "tui"
ALLOWED = {"index.models"}


def engine_imports(source: str) -> list[str]:
    """Every module of ``index`` a source imports, at any depth (in functions, under TYPE_CHECKING)."""
    names = imported_modules(source, expand="index")
    return [n for n in names if n == "index" or n.startswith("index.")]


def own_methods_sent_across_threads(source: str) -> list[str]:
    """``call_from_thread(self.x, ...)`` calls (``self.notify`` aside: the app's notifications)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", "") == "call_from_thread"
            and node.args
            and isinstance(node.args[0], ast.Attribute)
            and isinstance(node.args[0].value, ast.Name)
            and node.args[0].value.id == "self"
            and node.args[0].attr != "notify"
        ):
            found.append(node.args[0].attr)
    return found


def _ui_files() -> list[Path]:
    files = sorted([*(TUI / "screens").glob("*.py"), *(TUI / "widgets").glob("*.py")])
    assert len(files) >= 10, "the screens and widgets were not found"
    return files


def _app_files() -> list[Path]:
    """The screens, the widgets, the app's own modules and the command line (``cli*.py``): all of
    ``tui`` but the door itself."""
    rest = [p for p in sorted(TUI.glob("*.py")) if p.name != "engine.py"]
    assert any(p.name.startswith("cli") for p in rest), "the command line was not found"
    return _ui_files() + rest


@pytest.mark.parametrize("path", _app_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_app_reaches_the_engine_through_its_door(path: Path) -> None:
    bad = [n for n in engine_imports(path.read_text(encoding="utf-8")) if n not in ALLOWED]
    assert bad == [], f"{path.name} imports {bad}: reach them through tui.engine"


@pytest.mark.parametrize("path", _ui_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_workers_answer_with_messages(path: Path) -> None:
    assert own_methods_sent_across_threads(path.read_text(encoding="utf-8")) == []


def test_the_checks_see_every_form() -> None:
    source = (
        "from index.models import Article\nimport index.search\nfrom index import compare\n"
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from index.story import StoryMap\n"
        "def f(self):\n    from index.related import related\n"
        "    self.app.call_from_thread(self._show, 1)\n    self.app.call_from_thread(self.notify, 'x')\n"
    )
    found = [n for n in engine_imports(source) if n not in ALLOWED]
    assert found == ["index.search", "index.compare", "index.story", "index.related"]
    assert own_methods_sent_across_threads(source) == ["_show"]


def test_the_door_names_what_the_widgets_use() -> None:
    # The helpers are the engine's own functions, loaded on first use (no wrapper on a hot path).
    import tui.engine
    from index.ingest.textsafe import neutralise

    assert tui.engine.neutralise is neutralise
    assert tui.engine.SORTS[0] == "relevance"
    with pytest.raises(AttributeError):
        _ = tui.engine.no_such_helper


def test_progress_reports_waiting_in_the_queue_are_merged() -> None:
    from tui.messages import IndexProgress, StoreFailed

    assert IndexProgress(2, 5).can_replace(IndexProgress(1, 5))
    assert not IndexProgress(2, 5).can_replace(StoreFailed("disk full"))
