"""The footer at 80 columns: the keys a screen can spare give way before q Quit and ? Help.

Walking the app at 80x24, marking an article as A added "c Compare with A" to the library's
footer, and "q Quit ? Help" went under the palette key; a "did you mean" suggestion added "d Use
suggestion" and cut more. At 160 columns every key still shows.
"""

from __future__ import annotations

from typing import Any

from textual.widgets._footer import FooterKey
from tui_helpers import settle

from tui.widgets.footer import FittedFooter


def _shown(app: Any) -> dict[str, FooterKey]:
    footer = app.screen.query_one(FittedFooter)
    return {
        k.description or k.action: k
        for k in footer.query(FooterKey)
        if k.display and k.region.width and not k.has_class("-command-palette")
    }


def _palette_x(app: Any) -> int:
    footer = app.screen.query_one(FittedFooter)
    return next(k for k in footer.query(FooterKey) if k.has_class("-command-palette")).region.x


async def _fitted(pilot: Any, *wanted: str) -> dict[str, FooterKey]:
    """The keys shown once the footer has fitted itself (it measures its keys on a timer, after
    they are laid out): waits until ``wanted`` are shown and every key is clear of the palette
    key, at most a few seconds."""
    for _ in range(100):
        await pilot.pause(0.05)
        shown = _shown(pilot.app)
        clear = all(k.region.right <= _palette_x(pilot.app) for k in shown.values())
        if set(wanted) <= set(shown) and clear:
            break
    return _shown(pilot.app)


async def _mark_and_misspell(pilot: Any) -> None:
    await settle(pilot)
    await pilot.press("a")
    await settle(pilot)
    await pilot.press("slash", *"ukrane", "enter")
    await settle(pilot)


async def test_help_and_quit_stay_in_sight_at_80_columns(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        shown = await _fitted(pilot, "Quit", "Help")
        assert {"Open", "Compare with A", "Quit", "Help"} <= set(shown)
        assert all(k.region.right <= _palette_x(app) for k in shown.values())
        await pilot.press("slash", *"ukrane", "enter")
        await settle(pilot)
        assert app.screen.suggestion
        shown = await _fitted(pilot, "Quit", "Help")
        assert {"Open", "Compare with A", "Quit", "Help"} <= set(shown)
        assert all(k.region.right <= _palette_x(app) for k in shown.values())
        # A key given way still works: d applies the suggestion.
        suggestion = app.screen.suggestion
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.query_one("#query").value == suggestion


async def test_every_key_shows_when_there_is_room(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _mark_and_misspell(pilot)
        assert "Panel" not in await _fitted(pilot, "Quit", "Help")
        await pilot.resize_terminal(160, 45)
        await settle(pilot)
        shown = await _fitted(pilot, "Panel", "Sort")
        assert {"Use suggestion", "Panel", "Sort", "Mark A", "Compare with A", "Help"} <= set(shown)
