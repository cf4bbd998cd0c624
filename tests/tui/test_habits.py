"""less and vim habits on every scrolling view; help without Textual's generic keys."""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.widgets import Static
from tui_helpers import HEADLINE, KURSK, settle

from tui.screens.compare import CompareScreen
from tui.screens.help import HelpScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.compare_pane import ComparePane

SIZE = (80, 24)


async def _reader(pilot: Any) -> ArticleView:
    await settle(pilot)
    await pilot.press("slash", *"kursk", "enter")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    return pilot.app.screen.query_one(ArticleView)


async def test_reader_half_and_full_pages(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await _reader(pilot)
        height = view.size.height
        assert view.max_scroll_y > 2 * height  # long enough to page through
        await pilot.press("ctrl+d")
        assert view.scroll_offset.y == height // 2
        await pilot.press("ctrl+u")
        assert view.scroll_offset.y == 0
        await pilot.press("ctrl+f")
        full = view.scroll_offset.y
        assert full >= height - 2
        await pilot.press("space")
        assert view.scroll_offset.y >= 2 * full - 1
        await pilot.press("b", "ctrl+b")
        assert view.scroll_offset.y == 0


async def test_compare_half_and_full_pages(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await app.push_screen(CompareScreen(app.engine, HEADLINE, KURSK))
        await settle(pilot)
        left = app.screen.query_one("#pane-left", ComparePane)
        height = left.size.height
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert left.scroll_y == height // 2
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert left.scroll_y == 0
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert left.scroll_y == height - 2
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert left.scroll_y == 0


async def test_help_pages_and_lists_no_copy_key(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 12)) as pilot:
        await _reader(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one(".overlay-body", Static).render())
        assert "Copy selected text" not in text
        assert "Half page down" in text and "^d" in text
        scroll = app.screen.query_one(VerticalScroll)
        assert scroll.max_scroll_y > 0
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert scroll.scroll_y == scroll.size.height // 2
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert scroll.scroll_y == 0


async def test_entity_list_half_page(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(160, 20)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await pilot.pause()
        facets = app.screen.query_one("#facets")
        start = facets.highlighted
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert facets.highlighted > start
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert facets.highlighted == start


async def test_o_opens_the_article_url_or_says_there_is_none(
    make_app: Any, tmp_path: Any, monkeypatch: Any
) -> None:
    import json

    corpus = tmp_path / "c"
    corpus.mkdir()
    rows = [
        {"id": "web", "title": "Tin web", "url": "https://example.org/tin", "text": "Tin rose."},
        {"id": "bad", "title": "Tin bad", "url": "javascript:alert(1)", "text": "Tin fell."},
        {"id": "none", "title": "Tin none", "text": "Tin held."},
    ]
    (corpus / "t.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    app = make_app(corpus, tmp_path / "idx")
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    notes: list[str] = []
    real_notify = app.notify
    monkeypatch.setattr(app, "notify", lambda m, **kw: (notes.append(m), real_notify(m, **kw)))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        for word in ("web", "bad", "none"):
            await pilot.press("slash", *f"title:{word}", "enter")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("o")
            await pilot.pause()
            await pilot.press("q", "escape", "escape")
            await settle(pilot)
            query = app.screen.query_one("#query")
            query.value = ""
            await settle(pilot)
        assert opened == ["https://example.org/tin"]
        assert any("not a web address" in n for n in notes)
        assert any("no web address" in n for n in notes)
