"""The export dialog says what is wrong with a name and stays open with it typed.

A folder that does not exist closed the dialog with "cannot write ...: No such file or directory"
(the name typed again from the start), and a folder's own name was offered to be replaced
("/tmp exists. Replace it?", then "Is a directory")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static
from tui_helpers import HEADLINE, KURSK, settle

from tui.screens.compare import CompareScreen
from tui.screens.compare_export import ExportScreen


async def _type(pilot: Any, name: str) -> None:
    field = pilot.app.screen.query_one("#export-name", Input)
    field.value = name
    await pilot.press("enter")
    await settle(pilot)


async def test_a_bad_name_is_told_in_the_dialog(
    make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(CompareScreen(app.engine, HEADLINE, KURSK))
        await settle(pilot)
        await pilot.press("m")
        await pilot.pause()
        for name, told in (
            ("no/such/folder/brief.md", f"no folder {tmp_path}/no/such/folder"),
            (str(tmp_path), f"{tmp_path} is a folder: end the name with a file name"),
        ):
            await _type(pilot, name)
            assert isinstance(app.screen, ExportScreen)
            assert app.screen.query_one("#export-name", Input).value == name
            problem = app.screen.query_one("#export-problem", Static)
            assert problem.display and str(problem.render()) == told
        await _type(pilot, "brief.md")
        assert not isinstance(app.screen, ExportScreen)
        assert (tmp_path / "brief.md").read_text("utf-8").startswith("# ")
