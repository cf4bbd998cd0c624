"""A long article in the reader: its first screen before the rest of its layout, the status line
saying how far that is, and its entity list cut to the most named.

A 2 MB article showed "Loading…" for 15-20 s: its whole layout and a list of ~14,000 entities were
made before anything was drawn. The thresholds are lowered here so that a small article is "long".
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import settle

import tui.screens.reader as reader_module
import tui.widgets.article_view as view_module
from index.store.core import Store
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.layout import layout
from tui.widgets.lists import FacetList

PEOPLE = ["Anna Keller", "Boris Ivanov", "Carla Mendes", "David Osei", "Emma Laurent"]
PLACES = ["Paris", "Nairobi", "Lisbon", "Toronto"]


@pytest.fixture()
def long_corpus(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraphs = [
        f"{PEOPLE[i % 5]} said in {PLACES[i % 4]} on Monday that the talks would go on for "
        f"another {i + 2} weeks, and that {PEOPLE[(i + 2) % 5]} agreed with the plan."
        for i in range(60)
    ]
    (corpus / "long.txt").write_text("Talks go on\n\n" + "\n\n".join(paragraphs), "utf-8")
    index = tmp_path / "index"
    Store([str(corpus)], str(index)).update()
    return corpus, index


@pytest.fixture()
def held_layout(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Make every text over 500 characters long; the worker's whole layout waits for the event."""
    monkeypatch.setattr(view_module, "LONG_TEXT", 500)
    monkeypatch.setattr(view_module, "FIRST_LINES", 6)
    release = threading.Event()
    real = view_module.iter_layout

    def held(*args: Any) -> Iterator[Any]:
        if threading.current_thread() is not threading.main_thread():
            release.wait(30)
        return real(*args)

    monkeypatch.setattr(view_module, "iter_layout", held)
    return release


async def _open(pilot: Any) -> tuple[ReaderScreen, ArticleView]:
    app = pilot.app
    for _ in range(100):  # the index opens in a worker
        await pilot.pause(0.02)
        if app.engine.store is not None:
            break
    screen = ReaderScreen(app.engine, "long.txt")
    await app.push_screen(screen)
    return screen, screen.query_one(ArticleView)


async def test_first_lines_are_drawn_while_the_rest_is_laid_out(
    make_app: Any, long_corpus: tuple[Path, Path], held_layout: threading.Event
) -> None:
    app = make_app(*long_corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        screen, view = await _open(pilot)
        for _ in range(200):
            await pilot.pause(0.02)
            if view.line_count:
                break
        await pilot.pause(0.1)
        # The first screen: its lines drawn, the rest still to come, and the status line says so.
        assert view.line_count == 6 and not view.complete
        assert screen.status_text.startswith("laying out the article")
        held_layout.set()
        await settle(pilot)
        assert view.article is not None
        assert view.complete
        assert view.line_count == len(layout(view.article, view.text, view.measure)) > 6
        assert screen.status_text == ""


async def test_a_resize_lays_the_long_text_out_again_at_the_new_width(
    make_app: Any, long_corpus: tuple[Path, Path], held_layout: threading.Event
) -> None:
    held_layout.set()
    app = make_app(*long_corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        _screen, view = await _open(pilot)
        await settle(pilot)
        wide = view.line_count
        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        assert view.article is not None and view.complete
        assert view.line_count == len(layout(view.article, view.text, view.measure)) > wide


async def test_the_entity_list_keeps_the_most_named_and_says_how_many_more(
    make_app: Any, long_corpus: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_module, "ENTITY_LIST_LIMIT", 3)
    app = make_app(*long_corpus)
    async with app.run_test(size=(160, 45)) as pilot:
        screen, _view = await _open(pilot)
        await settle(pilot)
        entities = screen.query_one("#entities", FacetList)
        assert len(entities.facets) == 3
        counts = Counter((e.label, e.canonical) for e in screen.entities)
        shown = {(item.label, item.canonical) for item in entities.facets.values()}
        assert min(counts[k] for k in shown) >= max(n for k, n in counts.items() if k not in shown)
        assert len(counts) > 3
        last = entities.get_option_at_index(entities.option_count - 1)
        assert last.disabled and "more entities, named less often" in str(last.prompt)
