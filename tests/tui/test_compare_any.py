"""Compare any two articles: mark A in the library or reader, compare from any other; --compare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static
from tui_helpers import HEADLINE, KURSK, SEEDS, settle

from tui.screens.compare import CompareScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.result_list import ResultList

SIZE = (160, 45)


def _footer_keys(screen: Any) -> set[str]:
    return {
        b.binding.description
        for b in screen.active_bindings.values()
        if b.binding.show and screen.check_action(b.binding.action, ()) is not False
    }


async def test_mark_in_library_then_compare_from_another(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.screen
        results = library.query_one(ResultList)
        assert "Compare with A" not in _footer_keys(library)  # nothing marked yet
        first = results.highlighted_id
        await pilot.press("a")
        await pilot.pause()
        assert app.marked.article_id == first
        mark = str(library.query_one("#mark", Static).render())
        assert mark.startswith("A: ") and "(c compares)" in mark
        assert "Compare with A" in _footer_keys(library)
        await pilot.press("c")  # the cursor is still on A: nothing to compare with
        await pilot.pause()
        assert app.screen is library
        await pilot.press("j", "c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        other = ({HEADLINE, KURSK} - {first}).pop()
        assert (screen.a_id, screen.b_id) == (first, other)
        assert screen.comparison is not None


async def test_mark_in_reader_then_compare_from_another_reader(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kursk", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("a")
        await pilot.pause()
        assert app.marked.article_id == KURSK
        assert "this article is A" in str(app.screen.query_one("#reader-mark", Static).render())
        await pilot.press("q", "escape", "escape")
        await settle(pilot)
        library = app.screen
        assert str(library.query_one("#mark", Static).render()).startswith("A: According to")
        results = library.query_one(ResultList)
        results.move_to(results.rows.index(next(r for r in results.rows if r.id == HEADLINE)))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.article_id == HEADLINE
        assert "c compares A" in str(app.screen.query_one("#reader-mark", Static).render())
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.a_id, app.screen.b_id) == (KURSK, HEADLINE)
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("a")  # marking A again clears it
        await pilot.pause()
        assert app.marked.article_id == HEADLINE
        await pilot.press("a")
        assert app.marked is None


async def test_app_opens_straight_into_a_comparison(make_app: Any, tmp_path: Path) -> None:
    from tui.cli_compare import load_article

    (tmp_path / "b.jsonl").write_text(
        '{"id": "x", "text": "Other text entirely about a different ship."}\n'
        '{"id": "y", "text": "North Korean troops joined the fighting in Kursk, officials said."}\n',
        encoding="utf-8",
    )
    a = load_article(str(SEEDS / KURSK))
    b = load_article(f"{tmp_path / 'b.jsonl'}#y")
    app = make_app(compare=(a, b))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.articles["b"].text.startswith("North Korean troops joined")
        assert screen.comparison is not None
        await pilot.press("q")
        await settle(pilot)
        assert type(app.screen).__name__ == "LibraryScreen"


@pytest.mark.parametrize("ref", ["missing.txt", "{seeds}#nope"])
def test_compare_option_refuses_bad_articles(ref: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    ref = ref.format(seeds=SEEDS / KURSK)
    assert main(["--compare", str(SEEDS / KURSK), ref]) == 2
    assert "newsdesk --compare:" in capsys.readouterr().err
