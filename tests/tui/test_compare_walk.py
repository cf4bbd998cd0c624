"""What a user reading the compare screen is told matches what they see: where a pane stands
(left/right, or top/bottom once the reports stack), the export's default file name."""

from __future__ import annotations

from typing import Any

import pytest
from tui_helpers import HEADLINE, KURSK, compare_status, open_compare, settle

from tui.screens.compare import CompareScreen
from tui.screens.compare_export import default_name


async def _open(pilot: Any) -> CompareScreen:
    screen = await open_compare(pilot)
    assert isinstance(screen, CompareScreen)
    return screen


def _status(screen: CompareScreen) -> str:
    return compare_status(screen)


@pytest.mark.parametrize(
    ("size", "first", "second", "swapped"),
    [
        ((160, 45), "(left)", "(right)", "B is now on the left"),
        ((80, 24), "(top)", "(bottom)", "B is now on top"),
    ],
)
async def test_only_here_and_swap_name_where_the_pane_stands(
    make_app: Any, size: tuple[int, int], first: str, second: str, swapped: str
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await _open(pilot)
        assert screen.has_class("-narrow") == (size[0] < 100)
        c = screen.comparison
        assert c is not None and c.only_a and c.only_b
        await pilot.press("right_parenthesis")
        await pilot.pause()
        assert f"only in A {first}" in _status(screen)
        await pilot.press("left_parenthesis")  # round to the last: B's
        await pilot.pause()
        assert f"only in B {second}" in _status(screen)
        screen.current = None
        await pilot.press("s")
        await pilot.pause()
        assert _status(screen) == swapped


def test_export_name_keeps_a_jsonl_line_id_whole() -> None:
    """``wiki.jsonl#M0086.english`` and ``#M0086.french`` are two articles: two names (the id's
    dotted tail was read as a file suffix and dropped)."""
    english = default_name("wiki/wiki.jsonl#M0080.english", "wiki/wiki.jsonl#M0086.english")
    french = default_name("wiki/wiki.jsonl#M0080.english", "wiki/wiki.jsonl#M0086.french")
    assert english == "compare-wiki.jsonl-M0080.english-wiki.jsonl-M0086.english.md"
    assert english != french
    assert default_name("a/004_x.txt", "b/seed.md") == "compare-004_x-seed.md"
    assert default_name("../../etc/passwd", "x y/z?.txt") == "compare-passwd-z.md"


@pytest.mark.parametrize(
    ("kind", "detail", "head"),
    [
        ("date", "time: A says 02:00 GMT; B says 02.14 GMT", "! conflict 1 of 1: "),
        ("attribution", "source: A credits People; B credits Us", "! conflict 2 of 3: "),
        ("status", "A says it has happened ('fought')", "! conflict 1 of 4 (status): "),
        ("figure", "A: 10,000; B: 12,000", "! conflict 1 of 4 (figure): "),
        ("", "A says so", "! conflict 1 of 4: "),
    ],
)
def test_conflict_head_names_the_kind_once(kind: str, detail: str, head: str) -> None:
    from tui.screens.compare_model import Link, conflict_head

    passage: Any = object()
    where = head[2:].split(":")[0].split(" (")[0]
    link = Link("conflict", passage, passage, detail=detail, conflict=kind)
    assert conflict_head(where, link) == head


async def _help_body(pilot: Any) -> str:
    from tui.screens.help import HelpScreen

    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    body = str(pilot.app.screen.query_one(".overlay-body").content)
    await pilot.press("escape")
    await pilot.pause()
    return body


async def test_help_says_what_each_screens_marks_mean(make_app: Any) -> None:
    """The compare help explains its gutter marks (hidden below 100 columns with the legend) and
    the story help its matrix marks, instead of the search syntax neither screen takes; the
    library's help keeps the search syntax."""
    from tui.screens.story import StoryScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Search syntax" in await _help_body(pilot)
        screen = await _open(pilot)
        assert not screen.query_one("#compare-legend").display  # narrow: no legend on screen
        body = await _help_body(pilot)
        assert "Search syntax" not in body
        for mark in ("= the same claim", "≈ related", "! a disagreement", "· only in this"):
            assert mark in body
        assert "A on top" in body
        await pilot.press("q")
        await settle(pilot)
        await app.push_screen(StoryScreen(app.engine, [HEADLINE, KURSK]))
        await settle(pilot)
        body = await _help_body(pilot)
        assert "Search syntax" not in body
        assert "● states the claim, ✗ disagrees with it, · silent" in body


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
async def test_next_claim_after_scrolling_starts_from_the_view(
    make_app: Any, size: tuple[int, int]
) -> None:
    """``]`` once the selection is scrolled out of sight selects the first claim from the top of
    the view (it went back up to the claim after the old selection); ``[`` the last above the
    view's bottom; with the selection in sight both step from it, as before."""
    from tui.screens.compare_model import ordered
    from tui.widgets.compare_pane import ComparePane

    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await _open(pilot)
        seq = ordered(screen.claims, screen.left)
        assert len(seq) > 4
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert screen.current is seq[1]  # in sight: one step at a time
        left = screen.query_one("#pane-left", ComparePane)

        def line(link: Any) -> int:
            return left.line_of(link.a.start)

        target = next(
            k for k in range(3, len(seq)) if line(seq[k]) > line(seq[1]) + left.size.height
        )
        left.scroll_to(y=line(seq[target]), animate=False, immediate=True)  # as j or Space would
        await pilot.pause()
        top = round(left.scroll_y)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        index = seq.index(screen.current)
        assert index >= target and line(seq[index]) >= top
        assert all(line(seq[k]) < top for k in range(index))  # the first from the view's top
        assert f"claim {index + 1} of {len(seq)}" in _status(screen)
        await pilot.press("right_square_bracket")  # in sight again: the next one
        await pilot.pause()
        assert screen.current is seq[(index + 1) % len(seq)]
        await pilot.press("home")
        await pilot.pause()
        await pilot.press("left_square_bracket")  # from the top: the last claim on screen
        await pilot.pause()
        back = seq.index(screen.current)
        assert back < index and line(seq[back]) < left.size.height
