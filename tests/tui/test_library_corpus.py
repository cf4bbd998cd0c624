"""The app says when it shows the bundled samples because the library is empty (issue 11)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static
from tui_helpers import settle

SIZE = (160, 45)


def _status(app: Any) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def test_status_line_says_the_samples_stand_in_for_an_empty_library(make_app: Any) -> None:
    app = make_app(samples=True, corpus_notes=["a library folder cannot be read"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "2 articles in the library" in _status(app)
        assert _status(app).endswith("· sample articles: your library is empty")
        assert any("cannot be read" in str(n.message) for n in app._notifications)


async def test_status_line_without_a_corpus_label_has_no_note(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "sample articles" not in _status(app)
        assert "2 articles in the library" in _status(app)


async def test_status_line_names_the_corpus_it_is_on(make_app: Any) -> None:
    app = make_app(corpus_label="your library (2 folders)")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert _status(app).endswith("· your library (2 folders)")
        await pilot.press("slash", *"kursk", "enter")
        await settle(pilot)
        assert "kursk" in _status(app) and _status(app).endswith("· your library (2 folders)")


def test_corpus_label_says_which_corpus() -> None:
    from tui.library import Corpus, corpus_label

    assert corpus_label(Corpus(["/x/seeds"], [], True, seeds=True)).startswith("sample articles")
    assert corpus_label(Corpus(["/a", "/b"], [], True)) == "your library (2 folders)"
    assert corpus_label(Corpus(["/news/reuters", "/news/wiki.jsonl"], [], False)) == (
        "on reuters, wiki.jsonl"
    )
    assert corpus_label(Corpus(["/a/x", "/a/y", "/a/z"], [], False)) == "on x, y and 1 more"
