"""The library's result list: every hit reachable, drawn lazily, sorted with one key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static
from tui_helpers import settle

from index.models import Hit
from tui.widgets.result_list import ResultList

SIZE = (160, 45)
N = 240


@pytest.fixture()
def tin_corpus(tmp_path: Path) -> Path:
    """N articles naming tin: dated over several years, every tenth undated."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = []
    for n in range(N):
        row: dict[str, Any] = {
            "id": f"a{n:03d}",
            "title": f"Tin market note {n}",
            "text": f"Tin traders met on day {n}. " + "Tin " * (n % 7),
        }
        if n % 10:
            row["date"] = f"{2000 + n % 20}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        rows.append(row)
    (corpus / "tin.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return corpus


def _status(app: Any) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def _search(pilot: Any, text: str) -> None:
    await pilot.press("slash", *text, "enter")
    await settle(pilot)


async def test_every_hit_is_listed_and_G_reaches_the_last(
    make_app: Any, tin_corpus: Path, tmp_path: Path
) -> None:
    app = make_app(tin_corpus, tmp_path / "idx")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _search(pilot, "tin")
        results = app.screen.query_one(ResultList)
        assert f"{N} results for tin · best first" in _status(app)
        assert len(results.ids) == N
        last = results.ids[-1]
        assert last not in results._snippets  # off screen: no snippet fetched yet
        await pilot.press("G")
        await settle(pilot)
        assert results.highlighted_id == last
        # Its row is on screen, and its snippets were fetched when it came into view.
        top = int(results.scroll_offset.y)
        assert top <= results._starts[results.cursor] < top + results.size.height
        assert results._snippets.get(last)
        assert "Tin traders" in results.contents(last)[2].plain
        await pilot.press("enter")
        await settle(pilot)
        assert getattr(app.screen, "article_id", None) == last


async def test_sort_key_cycles_and_shows_in_the_status(
    make_app: Any, tin_corpus: Path, tmp_path: Path
) -> None:
    app = make_app(tin_corpus, tmp_path / "idx")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _search(pilot, "tin")
        results = app.screen.query_one(ResultList)
        dates = {row.item.id: row.item.date for row in results.rows if row.id}
        await pilot.press("s")
        await settle(pilot)
        assert "newest first" in _status(app)
        newest = [dates[i] for i in results.ids]
        dated = [d for d in newest if d]
        assert dated == sorted(dated, reverse=True) and len(dated) == N - N // 10
        assert newest[len(dated) :] == [None] * (N // 10)  # dateless last
        await pilot.press("s")
        await settle(pilot)
        assert "oldest first" in _status(app)
        oldest = [dates[i] for i in results.ids]
        assert [d for d in oldest if d] == sorted(dated)
        assert oldest[-1] is None
        await pilot.press("s")
        await settle(pilot)
        assert "best first" in _status(app)


async def test_half_and_full_pages(make_app: Any, tin_corpus: Path, tmp_path: Path) -> None:
    app = make_app(tin_corpus, tmp_path / "idx")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await _search(pilot, "tin")
        results = app.screen.query_one(ResultList)

        def line() -> int:
            return results._starts[results.cursor]

        height = results.size.height
        await pilot.press("ctrl+d")
        half = line()
        assert height // 2 - 5 <= half <= height // 2 + 5
        await pilot.press("ctrl+u")
        assert line() == 0
        await pilot.press("ctrl+f")
        full = line()
        assert height - 6 <= full <= height + 4
        await pilot.press("space")
        assert line() > full
        await pilot.press("b", "ctrl+b")
        assert line() == 0


async def test_ten_thousand_hits_draw_only_the_rows_on_screen(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        drawn: list[str] = []
        line = ResultList._line

        def counting(self: ResultList, row: Any, offset: int, width: int) -> Any:
            drawn.append(row.item.id if row.id else "")
            return line(self, row, offset, width)

        monkeypatch.setattr(ResultList, "_line", counting)
        hits = [Hit(id=f"h{n}", path="p", title=f"hit {n}", score=1.0) for n in range(10_000)]
        results.show_hits(hits)
        await pilot.pause()
        assert len(results.ids) == 10_000
        assert 0 < len(drawn) <= results.size.height  # one call a visible line, no more
        drawn.clear()
        results.action_last()
        await pilot.pause()
        assert "h9999" in drawn and len(drawn) <= results.size.height


async def test_rows_follow_the_width_after_a_resize(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(60, 15)) as pilot:
        await settle(pilot)
        await _search(pilot, "korea")
        results = app.screen.query_one(ResultList)
        narrow = [results.render_line(y).text.rstrip() for y in range(results.size.height)]
        assert max(len(line) for line in narrow) <= 60
        assert any(line.endswith("…") for line in narrow)  # snippets cut at the narrow width
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        width = results.size.width
        assert width > 100
        wide = [results.render_line(y).text.rstrip() for y in range(results.size.height)]
        # Snippet lines are cut at the new width, not the old one.
        snippets = [line for line in wide if line.lstrip("▌ ").startswith("…")]
        assert snippets and all(len(line) > width - 4 for line in snippets)


async def test_help_leaves_out_keys_that_do_nothing_now(make_app: Any) -> None:
    from tui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one(".overlay-body", Static).render())
        assert "Mark A" in text and "Compare with A" not in text  # nothing marked yet
        await pilot.press("escape", "a", "question_mark")
        await pilot.pause()
        text = str(app.screen.query_one(".overlay-body", Static).render())
        assert "Compare with A" in text


async def test_the_full_list_replaces_the_first_hits_without_moving_the_cursor(
    make_app: Any,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        hits = [Hit(id=f"h{n}", path="p", title=f"hit {n}", score=1.0) for n in range(500)]
        results.show_hits(hits[:30])
        await pilot.pause()
        for _ in range(12):
            results.action_cursor_down()
        await pilot.pause()
        cursor, top = results.highlighted_id, results.scroll_offset.y
        assert cursor == "h12" and top > 0
        results.show_hits(hits, keep=True)
        await pilot.pause()
        assert results.highlighted_id == cursor and results.scroll_offset.y == top
        assert len(results.ids) == 500
        results.show_hits(hits[:5])  # a new search starts at the top
        await pilot.pause()
        assert results.highlighted_id == "h0" and results.scroll_offset.y == 0
