"""Compare navigation: sentences only one report has; pairings set aside, remembered, exported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import HEADLINE, KURSK, compare_status, open_compare, settle

from tui.screens.compare import CompareScreen
from tui.widgets.compare_pane import ComparePane

SIZE = (160, 45)


async def _open(pilot: Any) -> CompareScreen:
    screen = await open_compare(pilot)
    assert isinstance(screen, CompareScreen)
    return screen


def _status(screen: CompareScreen) -> str:
    return compare_status(screen)


async def test_only_here_steps_through_every_unaligned_sentence(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        c = screen.comparison
        assert c is not None and c.only_a and c.only_b
        left = screen.query_one("#pane-left", ComparePane)
        right = screen.query_one("#pane-right", ComparePane)
        seen = []
        for _ in range(len(c.only_a) + len(c.only_b)):
            await pilot.press("right_parenthesis")
            await pilot.pause()
            selected = left.selected or right.selected
            assert (left.selected is None) != (right.selected is None)  # one pane only
            seen.append((left.selected is not None, selected))
            pane = left if left.selected else right
            assert selected is not None
            top = round(pane.scroll_y)
            assert top <= pane.line_of(selected[0]) < top + pane.size.height  # brought into view
        assert [s for is_left, s in seen if is_left] == [(p.start, p.end) for p in c.only_a]
        assert [s for is_left, s in seen if not is_left] == [(p.start, p.end) for p in c.only_b]
        assert "only in B" in _status(screen)
        await pilot.press("right_parenthesis")  # round again to the first
        await pilot.pause()
        assert left.selected == (c.only_a[0].start, c.only_a[0].end)
        await pilot.press("left_parenthesis")
        await pilot.pause()
        assert right.selected == (c.only_b[-1].start, c.only_b[-1].end)


async def test_set_aside_is_unaligned_remembered_and_exported(
    make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        before = screen.comparison
        assert before is not None
        n_claims = len(screen.claims)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        link = screen.current
        assert link is not None and link.kind != "conflict"
        await pilot.press("d")
        await pilot.pause()
        after = screen.comparison
        assert after is not None
        assert len(screen.claims) == n_claims - 1
        assert (link.a, link.b) not in {(p.a, p.b) for p in after.pairs}
        # Shown as unaligned: a passage in no other pairing is now "only here".
        others_a = {(p.a.start, p.a.end) for p in after.pairs}
        if (link.a.start, link.a.end) not in others_a:
            assert (link.a.start, link.a.end) in {(p.start, p.end) for p in after.only_a}
        assert "set aside" in _status(screen)
        stored = json.loads((tmp_path / "data" / "set_aside.json").read_text(encoding="utf-8"))
        assert [[link.a.start, link.a.end, link.b.start, link.b.end]] in stored.values()
        # The export says so.
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        (brief,) = tmp_path.glob("compare-*.md")
        text = brief.read_text(encoding="utf-8")
        assert "Pairings set aside by the reader" in text and "1 pairing" in text
        await pilot.press("q")
        await settle(pilot)
        # Opened again, with the reports the other way round: still set aside.
        again = CompareScreen(app.engine, KURSK, HEADLINE)
        await app.push_screen(again)
        await settle(pilot)
        assert again.set_aside == {(link.b.start, link.b.end, link.a.start, link.a.end)}
        assert len(again.claims) == n_claims - 1
        await pilot.press("u")
        await pilot.pause()
        assert len(again.claims) == n_claims and not again.set_aside
        stored = json.loads((tmp_path / "data" / "set_aside.json").read_text(encoding="utf-8"))
        assert stored == {}


async def test_set_aside_needs_a_selected_claim(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        n = len(screen.claims)
        await pilot.press("d")
        await pilot.pause()
        assert len(screen.claims) == n and "select an aligned claim" in _status(screen)
