"""Issue 7: hostile article text and file names in every screen are shown literally, never obeyed.

Each test renders the whole frame exactly as the app would write it to a terminal (the compositor's
full update, rendered by the app's console) and checks that the only escape sequences in it are the
app's own colours and cursor moves: no ESC, BEL, C1 or bidi control from an article reaches the
terminal, no hyperlink or click action is attached to article text, and Rich/Textual markup in an
article shows character for character.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets._toast import Toast
from tui_helpers import settle, until

from tui.widgets.result_list import ResultList

sys.path.insert(0, str(Path(__file__).parents[1] / "engine"))
from test_issue7_corpus import (  # the shared corpus lives with the engine tests
    ANSI,
    LITERAL_MARKUP,
    MARKUP,
    Corpus,
    build_corpus,
    unsafe_in,
)

from index.models import Entity
from index.store.core import Store
from tui.screens.compare import CompareScreen
from tui.screens.help import HelpScreen, SkippedScreen
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.compare_pane import ComparePane

SIZE = (160, 45)
FEED = "hostile-feed.jsonl#h1"
PLAIN = "hostile-plain.txt"
RIVAL = "hostile-rival.txt"
HOSTILE_NAME = f"Name {MARKUP} {ANSI}"
"""What ``HostileStore`` calls every entity: the sidebars and panels must show it literally."""
# Tokens without spaces survive word wrapping; each must appear literally (ESC shown as ␛).
WRAPPED_TOKENS = (
    "red]MKBOLD[/]",
    "[link=https://x.example]MKLINK[/link]",
    "[@click=app.quit]MKCLICK[/]",
    "\u241b[31mMKRED\u241b[0m",
    "\u241b]8;;https://evil.example\u241b\\MKOSC\u241b]8;;\u241b\\",
    "\u241b]0;MKTITLE\u2407",
)
"""How the reader and compare panes (one character for one) show the hostile pieces."""
ONE_LINE_TOKENS = (
    *LITERAL_MARKUP,
    "\u241b[31mMKRED\u241b[0m",
    "\u241b]8;;https://evil.example\u241b\\MKOSC\u241b]8;;\u241b\\",
    "MKRLO",
)
"""How one-line lists and headers show them: as the reader does, one character for one (they
showed a whole sequence as one ␛, "␛MKRED␛", where the reader showed "␛[31mMKRED␛[0m")."""


class HostileStore(Store):
    """The real store, but every entity is named with markup and one entity spans hostile text.

    The entity recogniser never returns such names from the corpus, so this stands in for a
    gazetteer or a future recogniser that does.
    """

    def display_names(self) -> dict[str, str]:
        return {key: HOSTILE_NAME for key in super().display_names()}

    def article_first(self, article_id: str) -> tuple[Any, Callable[[], list[Entity]]] | None:
        found = super().article_first(article_id)
        if found is None:
            return None
        article, make = found

        def entities() -> list[Entity]:
            start = article.text.find(MARKUP)
            if start < 0:
                return make()
            end = start + len(MARKUP)
            hostile = Entity(start, end, "PERSON", article.text[start:end], f"hostile {article_id}")
            return [*make(), hostile]

        return article, entities


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path]:
    """The issue 7 corpus, indexed once for the module (the apps find it up to date)."""
    base = tmp_path_factory.mktemp("hostile-ui")
    corpus = build_corpus(base / "corpus")
    Store([corpus.root], base / "index").update()
    return corpus, base / "index"


def _app(make_app: Any, hostile: tuple[Corpus, Path]) -> Any:
    corpus, index_dir = hostile
    return make_app(
        corpus.root, index_dir, store_factory=lambda roots, idx: HostileStore(roots, idx)
    )


_OWN = re.compile(r"\x1b\[[0-9;]*m|\x1b\[[0-9]+;[0-9]+H")
"""The app's own output: SGR colours and cursor moves (the compositor writes nothing else)."""


def frame(app: Any) -> str:
    """The screen as the terminal would receive it, checked; returns its plain text."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    written = update.render_segments(app.console)
    foreign = _OWN.sub("", written)
    assert "\x1b" not in foreign, repr(foreign[foreign.find("\x1b") - 30 :][:80])
    assert not unsafe_in(foreign.replace("\n", "")), unsafe_in(foreign)
    for row in update.strips:  # each row: the strips of the regions it crosses
        for seg in (seg for strip in row for seg in strip):
            style = seg.style
            if style is None or "MK" not in seg.text:
                continue
            assert not style.link, f"article text {seg.text!r} carries a link"
            assert "@click" not in (style.meta or {}), f"article text {seg.text!r} is clickable"
    return "\n".join("".join(strip.text for strip in row) for row in update.strips)


def plain(widget: Any) -> str:
    """The text a widget shows: an option list's prompts, or a Static's content."""
    if isinstance(widget, ResultList):
        return widget.plain
    if isinstance(widget, OptionList):
        return "\n".join(
            o.prompt.plain if isinstance(o.prompt, Content) else str(o.prompt)
            for o in widget.options
        )
    # A Toast is a Static that draws in render(), not from its content.
    content = (
        widget.content
        if isinstance(widget, Static) and not isinstance(widget, Toast)
        else widget.render()
    )
    return content.plain if isinstance(content, Content) else str(content)


def assert_tokens(text: str, tokens: tuple[str, ...]) -> None:
    missing = [t for t in tokens if t not in text]
    assert not missing, f"not shown literally: {missing!r}"


async def click_markers(pilot: Any, text: str, *widgets: Any) -> None:
    """Click every cell of ``widgets`` showing an article's fake link or click action.

    Nothing may happen: no quit, no link opened (the caller checks the app and screen).
    """
    regions = [w.region for w in widgets]
    for y, line in enumerate(text.split("\n")):
        for word in ("MKCLICK", "MKLINK", "MKOSC"):
            x = line.find(word)
            if x >= 0 and any(r.contains(x + 1, y) for r in regions):
                await pilot.click(offset=(x + 1, y))
    await pilot.pause()


async def test_library_search_sidebar_and_skipped_list(
    make_app: Any, hostile: tuple[Corpus, Path]
) -> None:
    corpus, _ = hostile
    app = _app(make_app, hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        shown = frame(app)
        assert "[@click=app.quit]MKCLICK[/]" in shown
        results = app.screen.query_one("#results", ResultList)
        assert set(results.ids) == set(corpus.ids)
        assert_tokens(plain(results), ONE_LINE_TOKENS)
        assert "Src [bold red]MKBOLD[/]" in plain(results)  # the source in the meta line
        assert not unsafe_in(plain(results).replace("\n", ""))
        sidebar = plain(app.screen.query_one("#facets", OptionList))
        assert "Name [bold red]MKBOLD[/]" in sidebar and "\u241b[31mMKRED\u241b[0m" in sidebar
        assert "[bold red]MKBOLD[/]" in frame(app).split("Entities", 1)[1]

        await pilot.press("slash", *"MKCLICK", "enter")
        await settle(pilot)
        shown = frame(app)
        status = plain(app.screen.query_one("#status", Static))
        assert "results for MKCLICK" in status
        hits = plain(results)
        assert "[@click=app.quit]MKCLICK[/]" in hits  # the snippets, literally
        assert "[@click=app.quit]MKCLICK[/]" in shown
        assert not unsafe_in(hits.replace("\n", ""))

        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SkippedScreen)
        shown = frame(app)
        assert f"Skipped files ({len(corpus.skipped)})" in shown
        assert "[@click=app.quit]empty.txt" in shown
        # The OSC in the file name, each control shown, none hidden (as the reader shows them).
        assert "\u241b]0;MKBADNAME\u2407image.txt" in shown
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        frame(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, LibraryScreen)


async def test_reader_text_header_entities_and_related(
    make_app: Any, hostile: tuple[Corpus, Path]
) -> None:
    app = _app(make_app, hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await app.push_screen(ReaderScreen(app.engine, FEED))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.article is not None
        shown = frame(app)
        head = plain(screen.query_one("#head", Static))
        assert_tokens(head, ONE_LINE_TOKENS)
        assert "Src [bold red]MKBOLD[/]" in head
        view = screen.query_one(ArticleView)
        body = "\n".join(view.render_line(y).text for y in range(view.size.height))
        assert_tokens(body, WRAPPED_TOKENS)
        assert_tokens(shown, WRAPPED_TOKENS)
        assert "\ufffdMKRLO\ufffd" in body  # bidi override and pop: one visible mark each
        assert "MKZERO\u200bWIDTH\ufeffBOM" in body  # zero-width: kept, they change nothing
        entities = plain(screen.query_one("#entities", OptionList))
        assert "Name [bold red]MKBOLD[/]" in entities
        related = plain(screen.query_one("#related", OptionList))
        assert "[@click=app.quit]MKCLICK[/]" in related  # hostile titles of the related reports
        assert not unsafe_in(related.replace("\n", ""))

        await click_markers(pilot, shown, view, screen.query_one("#head"))
        assert app.is_running and app.screen is screen
        await pilot.press("slash", *"MKCLICK", "enter")
        await settle(pilot)
        assert "MKCLICK" in plain(screen.query_one("#reader-status", Static))
        await pilot.press("i", "enter")  # select the hostile entity: status names it
        await settle(pilot)
        frame(app)
        await pilot.press("question_mark")
        await pilot.pause()
        frame(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.screen is screen


async def test_compare_panes_summary_entities_and_conflict(
    make_app: Any,
    hostile: tuple[Corpus, Path],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    import index.compare

    real = index.compare.compare

    def hostile_compare(*args: Any) -> Any:
        # The engine's explanations quote figures only; make them quote hostile text too.
        c = real(*args)
        worse = [dataclasses.replace(x, detail=f"{x.detail} {MARKUP} {ANSI}") for x in c.conflicts]
        return dataclasses.replace(c, conflicts=worse)

    monkeypatch.setattr(index.compare, "compare", hostile_compare)
    monkeypatch.chdir(tmp_path)
    app = _app(make_app, hostile)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        screen = CompareScreen(app.engine, PLAIN, RIVAL)
        await app.push_screen(screen)
        await settle(pilot)
        assert screen.comparison is not None and screen.conflicts
        shown = frame(app)
        left, right = (screen.query_one(f"#pane-{s}", ComparePane) for s in ("left", "right"))
        panes = "\n".join(left.visible_text() + right.visible_text())
        assert_tokens(panes, WRAPPED_TOKENS)
        heads = plain(screen.query_one("#head-left", Static)) + plain(
            screen.query_one("#head-right", Static)
        )
        assert "Hostile [bold red]MKBOLD[/]" in heads and "Rival [bold red]MKBOLD[/]" in heads
        assert "conflict" in plain(screen.query_one("#compare-summary", Static))
        await click_markers(pilot, shown, left, right, screen.query_one("#compare-top"))
        assert app.is_running and app.screen is screen

        await pilot.press("e")
        await pilot.pause()
        panel = plain(screen.query_one("#compare-info-body", Static))
        assert MARKUP in panel  # the entity spanning hostile text, as the report wrote it
        assert "[@click=app.quit]MKCLICK[/]" in frame(app)

        await pilot.press("right_curly_bracket")
        await pilot.pause()
        status = plain(screen.query_one("#compare-status", Static))
        assert "[@click=app.quit]MKCLICK[/]" in status and "\u241b[31mMKRED\u241b[0m" in status
        assert "[@click=app.quit]MKCLICK[/]" in frame(app)

        await pilot.press("m")
        await pilot.pause()
        export = app.screen.query_one("#export-name")
        export.value = "[@click=app.quit]brief\x1b]0;MKNOTE\x07.md"
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "[@click=app.quit]brief\x1b]0;MKNOTE\x07.md").exists()
        notes = [n.message for n in app._notifications if n.title == "Export"]
        assert notes and "[@click=app.quit]brief\u241b]0;MKNOTE\u2407.md" in notes[-1]
        # the toast shows the name literally (drawn a moment later: a fixed 0.2 s pause failed
        # one run of a loaded suite)
        await until(pilot, lambda: "[@click=app.quit]brief" in frame(app))
        assert "[@click=app.quit]brief" in frame(app)
        await pilot.press("question_mark")
        await pilot.pause()
        frame(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.screen is screen


# -- notifications that quote a path --------------------------------------------------------------


async def test_store_error_quoting_a_markup_path_is_literal(
    make_app: Any, seeds_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "[@click=app.quit]ix"
    bad.write_text("a file where the index folder should be", encoding="utf-8")
    app = make_app(seeds_dir, bad)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await until(pilot, lambda: bool(app.screen.query(Toast)))
        frame(app)
        toasts = [plain(t) for t in app.screen.query(Toast)]
        assert toasts and all("[@click=app.quit]ix is a file" in t for t in toasts), toasts


async def test_store_error_quoting_a_closing_tag_path_never_crashes(
    make_app: Any, seeds_dir: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "a[/x]b"  # a folder "a[" holding "x]b"
    bad.parent.mkdir()
    bad.write_text("a file where the index folder should be", encoding="utf-8")
    app = make_app(seeds_dir, bad)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await until(pilot, lambda: any("a[/x]b" in plain(t) for t in app.screen.query(Toast)))
        frame(app)
        assert any("a[/x]b is a file" in plain(t) for t in app.screen.query(Toast))
    assert app.return_code in (None, 0)
