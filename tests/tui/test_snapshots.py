"""Snapshots of the library and reader at a roomy and a small terminal size."""

from __future__ import annotations

from typing import Any

import pytest
from tui_helpers import settle


async def _ready(pilot: Any) -> None:
    await settle(pilot)


async def _open_kursk(pilot: Any) -> None:
    await settle(pilot)
    await pilot.press("slash", *"kursk", "enter")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(160, 45), (80, 24)], ids=["160x45", "80x24"])
class TestLibrary:
    def test_catalogue(self, snap_compare: Any, make_app: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=_ready)

    def test_search(self, snap_compare: Any, make_app: Any, size: tuple[int, int]) -> None:
        async def run_before(pilot: Any) -> None:
            await settle(pilot)
            await pilot.press("slash", *"kursk", "enter")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(160, 45), (80, 24)], ids=["160x45", "80x24"])
class TestReader:
    def test_article(self, snap_compare: Any, make_app: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(), terminal_size=size, run_before=_open_kursk)

    def test_mentions(self, snap_compare: Any, make_app: Any, size: tuple[int, int]) -> None:
        async def run_before(pilot: Any) -> None:
            await _open_kursk(pilot)
            await pilot.press("i", "enter")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


class TestReaderThemesAndNarrow:
    def test_search_light(self, snap_compare: Any, make_app: Any) -> None:
        """The library's results, cursor row and sidebar in a light theme."""

        async def run_before(pilot: Any) -> None:
            pilot.app.theme = "textual-light"
            await settle(pilot)
            await pilot.press("slash", *"kursk", "enter")
            await settle(pilot)

        assert snap_compare(make_app(), terminal_size=(120, 35), run_before=run_before)

    def test_mentions_light(self, snap_compare: Any, make_app: Any) -> None:
        """Entity colours, search matches and the current mention in a light theme."""

        async def run_before(pilot: Any) -> None:
            pilot.app.theme = "textual-light"
            await _open_kursk(pilot)
            await pilot.press("i", "enter")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=(120, 35), run_before=run_before)

    def test_narrow_panel(self, snap_compare: Any, make_app: Any) -> None:
        """Below 100 columns, p stacks entities and related reports under the text."""

        async def run_before(pilot: Any) -> None:
            await _open_kursk(pilot)
            await pilot.press("p")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)
