"""Pilot tests of the library and reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Static
from tui_helpers import HEADLINE, KURSK, settle

from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.lists import FacetList, ResultList

SIZE = (160, 45)


def option_ids(widget: Any) -> list[str]:
    return [o.id for o in widget.options if o.id]


async def search(pilot: Any, text: str) -> None:
    await pilot.press("slash")
    await pilot.press(*text)
    await pilot.press("enter")
    await settle(pilot)


async def test_library_lists_both_seeds(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert set(option_ids(app.screen.query_one(ResultList))) == {HEADLINE, KURSK}
        assert "2 articles" in str(app.screen.query_one("#status", Static).render())


async def test_search_kursk_highlights_snippet(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "kursk")
        results = app.screen.query_one(ResultList)
        assert option_ids(results) == [KURSK]
        prompt = results.get_option(KURSK).prompt
        marked = [prompt.plain[s.start : s.end] for s in prompt.spans if s.end - s.start == 5]
        assert "Kursk" in marked
        assert "1 result for kursk" in str(app.screen.query_one("#status", Static).render())
        assert option_ids(app.screen.query_one(FacetList))  # entities of the results


async def test_malformed_query_shows_message(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, '"north korea')
        status = app.screen.query_one("#status", Static)
        assert status.has_class("-error")
        assert str(status.render()).strip("⚠ ")


async def test_facet_narrows_query(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", "enter")
        await settle(pilot)
        query = app.screen.query_one("#query", Input).value
        assert query.startswith(("person:", "org:", "place:", "group:", "date:", "quantity:"))
        assert app.screen.query_one(ResultList).option_count >= 1


async def test_reader_entities_mentions_and_find(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        view = reader.query_one(ArticleView)
        classes = {cls for _s, _e, cls in view._entity_ranges.items}
        assert "article-view--entity-person" in classes
        assert "article-view--entity-place" in classes
        assert reader.term_ranges  # the library's "kursk" is marked
        # toggle one label off, then all off and on
        await pilot.press("1")
        assert "PERSON" not in view.shown_labels
        assert "article-view--entity-person" not in {c for *_x, c in view._entity_ranges.items}
        await pilot.press("e")
        assert not view._entity_ranges.items
        await pilot.press("e")
        assert view._entity_ranges.items
        # choose a person in the entity panel and walk through the mentions
        entities = reader.query_one("#entities", FacetList)
        person = next(k for k, item in entities.facets.items() if item.label == "PERSON")
        await pilot.press("i")
        entities.highlighted = entities.get_option_index(person)
        await pilot.press("enter")
        await pilot.pause()
        item = entities.facet(person)
        assert reader.selected == item
        mentions = reader._mentions()
        assert view._current == mentions[0]
        await pilot.press("N")
        assert view._current == mentions[-1]
        assert view.text[mentions[0][0] : mentions[0][1]].split()[-1] in item.name
        # find inside the article
        await pilot.press("slash", *"soldier", "enter")
        await settle(pilot)
        assert reader.mode == "find" and len(reader.find_hits) >= 3
        first = view._current
        assert first is not None and view.text[first[0] : first[1]].lower().startswith("soldier")
        await pilot.press("n")
        assert view._current != first
        # help, then back and quit
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        body = str(app.screen.query_one(".overlay-body", Static).render())
        assert "Find" in body and "Next" in body
        await pilot.press("escape")
        assert app.screen is reader
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_related_report_opens(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        related = app.screen.query_one("#related")
        if not option_ids(related):  # related reports are an optional engine feature
            return
        await pilot.press("r", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.article_id == HEADLINE
        await pilot.press("c")  # compare: a screen or a notice, never a crash
        await settle(pilot)


HOSTILE = "Hostile\n[bold red]x[/] and [link=x]y[/link] then [@click=app.quit]click[/]\x1b[31mred\x1b[0m\n"


async def test_hostile_text_is_literal(make_app: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    app = make_app(corpus, tmp_path / "idx")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert option_ids(results) == ["hostile.txt"]
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        shown = "".join(
            "".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height)
        )
        assert "[bold red]x[/]" in shown
        assert "[@click=app.quit]click[/]" in shown
        assert "\x1b" not in shown and "␛[31mred" in shown
        await pilot.click(ArticleView, offset=(40, 2))
        await pilot.press("slash", *"click", "enter")
        await settle(pilot)
        assert app.is_running


async def test_theme_persists(make_app: Any, _config_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    assert (_config_dir / "settings.json").exists()
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_busy_index_is_a_notification(make_app: Any) -> None:
    from index.store import IndexBusy, Store

    class BusyStore(Store):
        def update(self, *args: Any, **kwargs: Any) -> Any:
            raise IndexBusy("another newsdesk process is updating this index")

    app = make_app(store_factory=lambda roots, idx: BusyStore(roots, idx))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("another newsdesk" in n.message for n in app._notifications)
        assert option_ids(app.screen.query_one(ResultList))  # the existing index is still listed


async def test_store_error_is_a_notification(make_app: Any, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "index-file"
    not_a_folder.write_text("x", encoding="utf-8")
    app = make_app(tmp_path, not_a_folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any(n.severity == "error" for n in app._notifications)
        assert app.screen.query_one("#status", Static).has_class("-error")


async def test_skipped_files_reported_once_and_listed(make_app: Any) -> None:
    from index.models import IndexReport, Skipped
    from index.store import Store

    class SkippingStore(Store):
        def update(self, *args: Any, **kwargs: Any) -> IndexReport:
            return IndexReport(
                unchanged=2,
                skipped=(Skipped("/x/a.bin", "not text"), Skipped("/x/[b].txt", "empty [red]")),
            )

    app = make_app(store_factory=lambda roots, idx: SkippingStore(roots, idx))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notes = [n.message for n in app._notifications if "skipped" in n.message]
        assert notes == ["2 files skipped — press S to see why"]
        await pilot.press("S")
        body = str(app.screen.query_one(".overlay-body", Static).render())
        assert "/x/[b].txt" in body and "empty [red]" in body
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
