"""The compare screen: summary counts, levelled claims, conflicts, swap, export, entities, hostile text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tui_helpers import HEADLINE, KURSK, replaced_only_after_asking, settle

from index.compare import compare
from index.compare.report import comparison_to_markdown
from index.ingest.textsafe import neutralise
from tui.screens.compare import CompareScreen
from tui.screens.compare_export import ExportScreen
from tui.widgets.compare_pane import DIFF_LABELS, ComparePane

SIZE = (160, 45)


def _expected(store: Any, a_id: str, b_id: str) -> Any:
    a, ents_a = store.article_with_entities(a_id)
    b, ents_b = store.article_with_entities(b_id)
    return compare(a, b, ents_a, ents_b)


async def _open(pilot: Any, a_id: str = HEADLINE, b_id: str = KURSK) -> CompareScreen:
    app = pilot.app
    await settle(pilot)
    screen = CompareScreen(app.engine, a_id, b_id)
    await app.push_screen(screen)
    await settle(pilot)
    return screen


def _text(screen: CompareScreen, selector: str) -> str:
    return str(screen.query_one(selector).content)


def _panes(screen: CompareScreen) -> tuple[ComparePane, ComparePane]:
    return screen.query_one("#pane-left", ComparePane), screen.query_one("#pane-right", ComparePane)


def _screen_row(pane: ComparePane, offset: int) -> int:
    return pane.region.y + pane.row_of(offset)


async def test_summary_counts_match_compare(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        c = _expected(app.store, HEADLINE, KURSK)
        shared = sum(1 for p in c.pairs if p.kind == "shared")
        summary = _text(screen, "#compare-summary")
        assert f"{shared} shared" in summary
        assert f"{len(c.pairs) - shared} related" in summary
        assert f"{len(c.only_a)} only in A" in summary
        assert f"{len(c.only_b)} only in B" in summary
        assert f"{len(c.conflicts)} conflict" in summary
        left, right = _panes(screen)
        assert left.article is not None and left.article.id == HEADLINE
        assert right.article is not None and right.article.id == KURSK
        assert "North Korea" in _text(screen, "#head-left")


async def test_reader_c_opens_compare(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kursk", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("r", "c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.a_id == KURSK and screen.b_id == HEADLINE
        assert screen.comparison is not None
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)
        assert type(app.screen).__name__ == "ReaderScreen"


async def test_next_claim_is_selected_and_level(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        left, right = _panes(screen)
        seen = 0
        for _ in range(len(screen.claims)):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            link = screen.current
            assert link is not None and link.kind in ("shared", "related")
            assert left.selected == (link.a.start, link.a.end)
            assert right.selected == (link.b.start, link.b.end)
            assert abs(_screen_row(left, link.a.start) - _screen_row(right, link.b.start)) <= 1
            assert 0 <= left.row_of(link.a.start) < left.size.height
            seen += 1
        assert seen == len(screen.claims) > 1
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.current == screen.claims[-2]


async def test_scrolling_moves_both_panes(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        left, right = _panes(screen)
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert left.scroll_y == right.scroll_y == 3
        await pilot.press("G")
        await pilot.pause()
        assert left.scroll_y > 3 and right.scroll_y > 3
        bottom = left.scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert left.scroll_y == bottom  # one g waits for the second (vim's g g)
        await pilot.press("g")
        await pilot.pause()
        assert left.scroll_y == right.scroll_y == 0


async def test_conflict_detail_shown(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert screen.conflicts
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        link = screen.current
        assert link is not None and link.kind == "conflict"
        assert link == screen.conflicts[0]
        assert neutralise(link.detail) in _text(screen, "#compare-status")
        left, right = _panes(screen)
        assert abs(_screen_row(left, link.a.start) - _screen_row(right, link.b.start)) <= 1
        # the training-versus-fighting disagreement of the seed pair is among them
        details = [k.detail for k in screen.conflicts]
        fighting = ("combat", "battle", "fought", "fighting")
        assert any("training" in d and any(w in d for w in fighting) for d in details)
        # the gutter flags conflicts in both panes
        assert any(line[1:2] == "!" for line in left.visible_text())
        assert any(line[1:2] == "!" for line in right.visible_text())


async def test_swap(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("right_curly_bracket", "s")
        await pilot.pause()
        left, right = _panes(screen)
        assert screen.left == "b"
        assert left.article is not None and left.article.id == KURSK
        assert right.article is not None and right.article.id == HEADLINE
        assert "B" in _text(screen, "#head-left")[:4]
        link = screen.current
        assert link is not None
        assert left.selected == (link.b.start, link.b.end)
        assert abs(_screen_row(left, link.b.start) - _screen_row(right, link.a.start)) <= 1


async def test_export_markdown(
    make_app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")
        await settle(pilot)
        files = list(tmp_path.glob("compare-*.md"))
        assert len(files) == 1
        expected = comparison_to_markdown(screen.comparison)
        assert files[0].read_text(encoding="utf-8") == expected
        assert expected == comparison_to_markdown(_expected(app.store, HEADLINE, KURSK))
        # an existing file is replaced only after asking
        await replaced_only_after_asking(pilot, files[0], expected)


async def test_entities_panel(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        info = screen.query_one("#compare-info")
        assert not info.display or info.region.width == 0
        await pilot.press("e")
        await pilot.pause()
        assert info.region.width > 0
        body = _text(screen, "#compare-info-body")
        c = screen.comparison
        assert f"Named only in A ({len(c.only_a_entities)})" in body
        assert f"Named only in B ({len(c.only_b_entities)})" in body
        assert f"Named in both ({len(c.shared_entities)})" in body
        assert "Kursk" in body
        assert "Sources cited by A" in body and "Sources cited by B" in body
        await pilot.press("e")
        await pilot.pause()
        assert info.region.width == 0


async def test_back_with_q(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, CompareScreen)


HOSTILE_A = (
    "Hostile report one\n\n"
    "Officials said [bold red]x[/] soldiers crossed the northern border on Monday night. "
    "The mayor clicked [@click=app.quit]here[/] to confirm 500 soldiers crossed the border. "
    "A witness said \x1b[31m red text \x1b[0m appeared on the border screens."
)
HOSTILE_B = (
    "Hostile report two\n\n"
    "Officials said [bold red]x[/] soldiers crossed the northern border on Monday night. "
    "The mayor said [@click=app.quit]here[/] that 700 soldiers crossed the border. "
    "Nothing else happened, a witness said \x1b[31m on the border."
)


async def test_hostile_text_is_literal(make_app: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HOSTILE_A, encoding="utf-8")
    (corpus / "b.txt").write_text(HOSTILE_B, encoding="utf-8")
    app = make_app(corpus, tmp_path / "hostile-index")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        ids = sorted(info.id for info in app.store.catalogue())
        assert len(ids) == 2
        screen = await _open(pilot, ids[0], ids[1])
        assert screen.comparison is not None
        left, right = _panes(screen)
        shown = "\n".join(left.visible_text() + right.visible_text())
        assert "[bold red]x[/]" in shown
        assert "[@click=app.quit]here[/]" in shown
        assert "\x1b" not in shown
        assert "\u241b[31m" in shown
        await pilot.press("right_square_bracket", "right_curly_bracket", "e")
        await pilot.pause()
        assert app.is_running
        assert app.screen is screen


@pytest.mark.parametrize("size", [(160, 45), (80, 24)], ids=["160x45", "80x24"])
class TestCompareSnapshots:
    def test_compare(self, snap_compare: Any, make_app: Any, size: tuple[int, int]) -> None:
        async def run_before(pilot: Any) -> None:
            await _open(pilot)

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)

    def test_conflict(self, snap_compare: Any, make_app: Any, size: tuple[int, int]) -> None:
        async def run_before(pilot: Any) -> None:
            await _open(pilot)
            await pilot.press("right_curly_bracket", "right_curly_bracket")
            await pilot.pause()

        assert snap_compare(make_app(), terminal_size=size, run_before=run_before)


def test_conflict_light_snapshot(snap_compare: Any, make_app: Any) -> None:
    """A selected conflict, its word differences and the untinted text in a light theme."""

    async def run_before(pilot: Any) -> None:
        pilot.app.theme = "textual-light"
        await _open(pilot)
        await pilot.press("right_curly_bracket")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(120, 35), run_before=run_before)


async def test_entities_panel_keeps_the_selected_claim_level(make_app: Any) -> None:
    """Opening or closing the entity panel rewraps both panes: the selection stays level."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        left, right = _panes(screen)
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        link = screen.current
        assert link is not None
        for _ in range(2):  # open, then close
            await pilot.press("e")
            await settle(pilot)
            assert abs(_screen_row(left, link.a.start) - _screen_row(right, link.b.start)) <= 1
            assert 0 <= left.row_of(link.a.start) < left.size.height


def _styled_words(pane: ComparePane) -> list[str]:
    """The text drawn in the pane's word-difference style (bold and underlined), line by line."""
    found: list[str] = []
    for y in range(pane.size.height):
        words = "".join(
            seg.text
            for seg in pane.render_line(y)
            if seg.style is not None and seg.style.underline and seg.style.bold
        )
        if words.strip():
            found.append(words)
    return found


async def test_selected_claim_marks_the_words_the_other_side_lacks(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        left, right = _panes(screen)
        assert left.diffs == [] and right.diffs == []  # nothing selected, nothing marked
        for _ in range(len(screen.claims)):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            link = screen.current
            assert link is not None
            assert left.diffs == sorted(link.a_diff, key=lambda s: s.start)
            assert right.diffs == sorted(link.b_diff, key=lambda s: s.start)
            if link.a_diff and link.b_diff:
                break
        link = screen.current
        assert link is not None and link.a_diff and link.b_diff
        assert {s.label for s in link.a_diff + link.b_diff} <= set(DIFF_LABELS)
        # The pair's own spans: compare's answer, not something the screen made up.
        assert screen.comparison is not None
        pair = next(p for p in screen.comparison.pairs if (p.a, p.b) == (link.a, link.b))
        assert (pair.a_diff, pair.b_diff) == (link.a_diff, link.b_diff)
        # Drawn with the diff component style: the first differing word of each side is on screen.
        assert left.article is not None and right.article is not None
        first_a = left.article.text[link.a_diff[0].start : link.a_diff[0].end]
        first_b = right.article.text[link.b_diff[0].start : link.b_diff[0].end]
        assert first_a.split()[0] in " ".join(_styled_words(left))
        assert first_b.split()[0] in " ".join(_styled_words(right))
        for label in DIFF_LABELS:
            assert left.get_component_rich_style(f"compare-pane--diff-{label}") is not None
        # Swapped, each pane keeps the words of the report it shows.
        await pilot.press("s")
        await pilot.pause()
        assert left.diffs == sorted(link.b_diff, key=lambda s: s.start)
        assert right.diffs == sorted(link.a_diff, key=lambda s: s.start)


async def test_conflict_marks_its_pairs_words(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(pilot)
        assert screen.conflicts
        await pilot.press("right_curly_bracket")
        await pilot.pause()
        link = screen.current
        assert link is not None and link.kind == "conflict"
        left, right = _panes(screen)
        assert screen.comparison is not None
        pairs = screen.comparison.pairs
        pair = next((p for p in pairs if (p.a, p.b) == (link.a, link.b)), None)
        if pair is not None:
            assert left.diffs == sorted(pair.a_diff, key=lambda s: s.start)
            assert right.diffs == sorted(pair.b_diff, key=lambda s: s.start)


def _contrast(a: Any, b: Any) -> float:
    def lum(c: Any) -> float:
        def ch(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b)

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "solarized-light", "nord"])
async def test_untinted_text_is_readable_in_every_theme(make_app: Any, theme: str) -> None:
    """Sentences one report alone makes, and the gutter marks, keep WCAG 4.5:1 against the pane
    ($text-muted in a partial component style drew them white on light themes: 1.2:1)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        screen = await _open(pilot)
        left, _ = _panes(screen)
        background = left.background_colors[1]
        for cls in ("only", "gutter"):
            style = left.get_visual_style(f"compare-pane--{cls}", partial=True)
            assert style.foreground is not None
            color = background.blend(style.foreground, style.foreground.a)
            assert _contrast(color, background) >= 4.5, (theme, cls, color, background)


async def test_theme_change_redraws_the_summary_and_status_colours(make_app: Any) -> None:
    """The conflict count and the status line's "!" are drawn in a colour made readable on the
    theme's background; switching the theme draws them again (they kept the old theme's colour:
    1.0:1 under nord after textual-light)."""
    from tui.screens.compare_model import summary

    def drawn(screen: CompareScreen, selector: str) -> list[Any]:
        content = screen.query_one(selector).content
        return [span.style for span in content.spans]

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await settle(pilot)
        screen = await _open(pilot)
        await pilot.press("right_curly_bracket")  # the first conflict: "!" in the error colour
        await settle(pilot)
        light = (drawn(screen, "#compare-summary"), drawn(screen, "#compare-status"))
        app.theme = "nord"
        await settle(pilot)
        await pilot.pause(0.1)
        await settle(pilot)
        assert screen.comparison is not None
        expected = summary(screen.comparison, screen._error_style())
        assert drawn(screen, "#compare-summary") == [s.style for s in expected.spans]
        assert (drawn(screen, "#compare-summary"), drawn(screen, "#compare-status")) != light
