"""The "did you mean" hint names the key that works from where the focus is: typed in the search
box, ``d`` is a letter of the query ("opek", then d as the hint said, searched "opekd")."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static
from tui_helpers import settle


async def test_the_hint_says_enter_first_while_typing(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ukrane")
        await settle(pilot)
        screen = app.screen
        assert screen.suggestion  # the seeds say "Ukraine"
        hint = screen.query_one("#suggestion", Static)
        assert screen.focused is screen.query_one("#query", Input)
        assert str(hint.render()).endswith("(Enter, then d)")
        await pilot.press("enter")
        await settle(pilot)
        assert str(hint.render()).endswith(f"{screen.suggestion}  (d)")
        await pilot.press("d")
        await settle(pilot)
        assert screen.query_one("#query", Input).value == "ukraine"
