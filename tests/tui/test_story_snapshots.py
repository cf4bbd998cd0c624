"""Snapshots of the story screen: the claims matrix in a dark and a light theme, the figures and
the sources views, opened from the reader with t."""

from __future__ import annotations

from typing import Any

from tui_helpers import settle


async def _story(pilot: Any) -> None:
    await settle(pilot)
    await pilot.press("slash", *"kursk", "enter")
    await settle(pilot)
    await pilot.press("enter")  # the reader
    await settle(pilot)
    await pilot.press("t")  # its story
    await settle(pilot)


class TestStory:
    def test_matrix_dark(self, snap_compare: Any, make_app: Any) -> None:
        assert snap_compare(make_app(), terminal_size=(160, 45), run_before=_story)

    def test_disagreement_light(self, snap_compare: Any, make_app: Any) -> None:
        async def run_before(pilot: Any) -> None:
            pilot.app.theme = "textual-light"
            await _story(pilot)
            await pilot.press("j", "l")  # a claim the other report disagrees with
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=(120, 35), run_before=run_before)

    def test_figures(self, snap_compare: Any, make_app: Any) -> None:
        async def run_before(pilot: Any) -> None:
            await _story(pilot)
            await pilot.press("2")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=(120, 35), run_before=run_before)

    def test_sources(self, snap_compare: Any, make_app: Any) -> None:
        async def run_before(pilot: Any) -> None:
            await _story(pilot)
            await pilot.press("3")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=(120, 35), run_before=run_before)
