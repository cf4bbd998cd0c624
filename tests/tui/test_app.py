"""Pilot tests of the library and reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.content import Content
from textual.widgets import Input, Static
from tui_helpers import HEADLINE, KURSK, settle

from index.models import ENTITY_LABELS
from tui.messages import OpenArticle
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView, entity_class
from tui.widgets.lists import LABEL_NAMES, FacetList
from tui.widgets.mentions import SHORT_NAMES
from tui.widgets.result_list import ResultList
from tui.widgets.styling import component_style

SIZE = (160, 45)


def option_ids(widget: Any) -> list[str]:
    if isinstance(widget, ResultList):
        return widget.ids
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
        prompt = Content("\n").join(results.contents(KURSK))
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
        assert len(app.screen.query_one(ResultList).ids) >= 1


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
    from index.store.core import IndexBusy, Store

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
    from index.store.core import Store

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


# -- a demanding user's pass: typing fast, vim keys, narrow terminals, themes ------------------


def burst(app: Any, *keys: str) -> None:
    """Queue keys the way a fast typist's terminal delivers them: all before any is handled."""
    names = {"/": "slash", "\r": "enter", " ": "space"}
    for ch in keys:
        app.post_message(events.Key(names.get(ch, ch), ch))


async def test_fast_typist_search_then_open(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, *"/kursk\r\r")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.article_id == KURSK  # not the catalogue's first row


async def test_fast_typist_never_quits_from_the_search_box(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, *"/quake quiet")  # q would quit if it reached the list
        await settle(pilot)
        assert app.is_running
        assert app.screen.query_one("#query", Input).value == "quake quiet"


async def test_fast_find_in_reader_keeps_letters_in_the_box(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        view = reader.query_one(ArticleView)
        burst(app, *"/rei")  # r, e and i are reader commands
        await settle(pilot)
        assert reader.query_one("#find", Input).value == "rei"
        assert view.show_entities


async def test_clearing_the_query_lists_the_catalogue_without_rereading(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.screen
        await search(pilot, "kursk")
        reads: list[Any] = []
        library.load_catalogue = lambda: reads.append(1)  # type: ignore[method-assign]
        await pilot.press("slash", *["backspace"] * 5)
        await settle(pilot)
        assert not reads
        assert set(option_ids(library.query_one(ResultList))) == {HEADLINE, KURSK}


async def test_g_g_goes_to_the_top_and_a_lone_g_waits(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("G")
        await pilot.pause()
        bottom = view.scroll_offset.y
        assert bottom > 0
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_offset.y == bottom  # one g does nothing yet
        await pilot.press("j", "g")  # another key in between cancels the pending g
        await pilot.pause()
        assert view.scroll_offset.y == bottom
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_offset.y == 0
        # the same in a list
        related = app.screen.query_one("#related")
        entities = app.screen.query_one("#entities", FacetList)
        await pilot.press("i", "G")
        last = entities.highlighted
        await pilot.press("g")
        assert entities.highlighted == last
        await pilot.press("g")
        assert entities.highlighted is not None and entities.highlighted < (last or 0)
        assert not related.has_focus


async def test_no_unknown_source_noise(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        prompts = results.plain
        assert "unknown source" not in prompts
        assert KURSK in prompts  # the file name tells the reports apart
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        head = str(app.screen.query_one("#head", Static).render())
        assert "unknown source" not in head and KURSK in head
        related = app.screen.query_one("#related")
        assert all("unknown source" not in _plain(o.prompt) for o in related.options)


def _plain(prompt: Any) -> str:
    inner = getattr(prompt, "_visual", prompt)  # a hanging indent wraps the content
    return str(getattr(inner, "plain", inner))


async def test_derived_title_is_not_repeated_above_the_text(make_app: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "derived.txt").write_text(
        "Officials said on Monday that the bridge would reopen. Traffic resumed.\n"
        "A second paragraph follows.\n",
        encoding="utf-8",
    )
    (corpus / "titled.md").write_text(
        "---\ntitle: Bridge reopens\nsource: Daily Planet\ndate: 2024-05-02\n---\n"
        "Officials said the bridge would reopen.\n",
        encoding="utf-8",
    )
    app = make_app(corpus, tmp_path / "idx")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown: dict[str, str] = {}
        for article_id in ("derived.txt", "titled.md"):
            await app.screen.run_action("app.bell")  # keep the library focused
            app.post_message(OpenArticle(article_id, ()))
            await settle(pilot)
            shown[article_id] = str(app.screen.query_one("#head", Static).render())
            await pilot.press("q")
            await settle(pilot)
        assert "Officials said" not in shown["derived.txt"]  # the text opens with it
        assert "derived.txt" in shown["derived.txt"]
        assert shown["titled.md"].splitlines()[0] == "Bridge reopens"
        assert "Daily Planet · 2024-05-02" in shown["titled.md"]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_match_and_selected_backgrounds_are_drawn(make_app: Any, theme: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await settle(pilot)
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        base = view.background_colors[1]
        for cls in ("article-view--match", "article-view--selected", "article-view--current"):
            style = component_style(view, cls)
            assert style.background is not None and style.background.a == 1, cls
            assert style.background != base, cls
        current = component_style(view, "article-view--current")
        assert current.foreground is not None
        assert abs(current.foreground.brightness - current.background.brightness) > 0.4  # type: ignore[union-attr]
        # the drawn cells of a match carry that background
        start, _end = app.screen.term_ranges[0]
        view.set_current(None)
        view.scroll_to_offset(start)
        await pilot.pause()
        row = view.line_of(start) - int(view.scroll_offset.y)
        match_bg = component_style(view, "article-view--match").background
        cells = [s for s in view.render_line(row) if "Kursk" in s.text]
        assert cells and cells[0].style is not None
        assert cells[0].style.bgcolor is not None
        assert cells[0].style.bgcolor.triplet == match_bg.rich_color.triplet  # type: ignore[union-attr]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_legend_names_each_colour_and_its_key(make_app: Any, theme: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await settle(pilot)
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        view = reader.query_one(ArticleView)
        legend = reader.query_one("#legend", Static).render()
        text = str(legend)
        assert "e all" in text and "keys 1-6" in text
        for n, label in enumerate(ENTITY_LABELS, 1):
            name = SHORT_NAMES.get(label, LABEL_NAMES[label])
            assert f"{n} {name}" in text
        # each label's name is drawn in that label's own style; no two labels look alike
        looks = set()
        for label in ENTITY_LABELS:
            style = component_style(view, entity_class(label))
            looks.add((style.foreground, style.bold, style.italic))
            fg = style.foreground
            assert fg is not None
            bg = view.background_colors[1]
            assert abs((bg + fg).brightness - bg.brightness) > 0.2, label  # readable
        assert len(looks) == len(ENTITY_LABELS)


async def test_narrow_reader_stacks_the_panel_under_the_text(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        side = reader.query_one("#reader-side")
        hint = reader.query_one("#side-hint", Static)
        assert not side.display or side.region.height == 0
        reader.set_status("")  # the status line is free: the hint shows
        await pilot.pause()
        assert hint.region.height == 1 and "p shows" in str(hint.render())
        await pilot.press("p")
        await pilot.pause()
        article = reader.query_one(ArticleView)
        entities = reader.query_one("#entities-box")
        related = reader.query_one("#related-box")
        assert side.region.height > 5 and side.region.y >= article.region.bottom
        assert entities.region.y == related.region.y and entities.region.x < related.region.x
        assert article.region.height >= 6  # the text still has room
        await pilot.press("r", "c")
        await settle(pilot)
        assert type(app.screen).__name__ == "CompareScreen"


async def test_help_lists_the_screen_keys_first_and_merges_synonyms(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Open" in [b.binding.description for b in app.screen.active_bindings.values()]
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("question_mark")
        lines = str(app.screen.query_one(".overlay-body", Static).render()).splitlines()
        first = lines[0].split()
        assert first[:2] == ["q", "Back"]  # the reader's own keys before the view's j/k
        top = next(line for line in lines if line.rstrip().endswith("Top"))
        assert "g g" in top and "home" in top
        assert sum(1 for line in lines if line.rstrip().endswith("Top")) == 1


async def test_escape_leaves_the_panel_before_leaving_the_article(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        await pilot.press("i")
        await pilot.pause()
        assert reader.has_class("-show-side")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader and not reader.has_class("-show-side")
        assert reader.focused is reader.query_one(ArticleView)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_current_match_stays_in_view_when_the_panel_opens(make_app: Any) -> None:
    """On a narrow screen the panel takes half the height: the match being read stays visible."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search(pilot, "kursk")
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        view = reader.query_one(ArticleView)
        await pilot.press("slash", *"soldier", "enter")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        current = reader.find_hits[reader.position]
        for key in ("p", "p", "i"):  # open, close, and open with i
            await pilot.press(key)
            await settle(pilot)
            row = view.line_of(current[0]) - int(view.scroll_offset.y)
            assert 0 <= row < view.size.height, (key, row, view.size.height)


async def test_status_says_searching_while_a_slow_query_is_unanswered(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The status line never describes an older listing than the query in the box."""
    import threading

    import index.search

    release = threading.Event()
    real = index.search.run_query  # what the library's search worker runs (through tui.engine)

    def slow(*args: Any, **kwargs: Any) -> Any:
        release.wait(5)
        return real(*args, **kwargs)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.screen
        status = library.query_one("#status", Static)
        assert "2 articles in the library" in str(status.render())
        monkeypatch.setattr(index.search, "run_query", slow)
        await pilot.press("slash", *"kursk")
        await pilot.pause(0.6)
        assert "searching for kursk" in str(status.render())
        release.set()
        await settle(pilot)
        assert "1 result for kursk" in str(status.render())
        # a malformed query answered at once keeps its explanation
        release.clear()
        monkeypatch.setattr(index.search, "run_query", real)
        await pilot.press(*' "x')
        await pilot.pause(0.6)
        await settle(pilot)
        assert "unbalanced" in str(status.render())


async def test_palette_offers_the_screen_commands_first(make_app: Any) -> None:
    """Ctrl+P from a focused list: the screen's actions lead, not the list's arrow keys."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")  # focus the entity sidebar (an OptionList)
        await pilot.pause()
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.pause(0.3)
        listing = palette.query_one(OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        text = "\n".join(prompts)
        assert "Scroll Left" not in text and "Scroll Right" not in text
        names = [p.splitlines()[0] for p in prompts]
        assert names.index("Search") < names.index("Down")
        assert names[0] == "Search"  # the screen's own commands lead
        assert names[-1] == "Theme"  # Textual's theme picker last; its generic commands not at all
        assert not {"Keys", "Maximize", "Screenshot"} & set(names)
        assert "palette" not in names
        assert "Quit\nkey: q, ^q" in prompts  # one command, both keys
