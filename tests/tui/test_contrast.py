"""Every text cell of the library, reader, compare and help screens, under every built-in theme,
reaches WCAG contrast 4.5:1 against its own background (marks without letters, 3:1).

The cells are read from the compositor's final output (what the terminal receives), so styles
from theme variables, component classes, tints, focus and selection are all in. The two ANSI
themes are left out: their colours are the terminal's own, unknown here.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from textual.app import App
from textual.strip import Strip
from tui_helpers import HEADLINE, KURSK, settle

from tui.screens.compare import CompareScreen

THEMES = sorted(t for t in App().available_themes if not t.startswith("ansi-"))
SIZE = (120, 36)
TEXT, MARKS = 4.5, 3.0


def _lum(rgb: tuple[int, int, int]) -> float:
    def ch(v: int) -> float:
        x = v / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    hi, lo = sorted((_lum(a), _lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _decorative(ch: str) -> bool:
    # Box drawing and blocks: borders, rules, scrollbars and the pane separators (not text).
    return "\u2500" <= ch <= "\u259f" or ch in " \u00a0"


def failures(app: Any, where: str, region: Any = None) -> list[str]:
    """Cells below their contrast threshold, as readable descriptions (worst first).

    ``region``: only the cells inside it (a modal's box; the screen under it is shaded on purpose).
    """
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    bad: Counter[tuple[str, str, float, float]] = Counter()
    for y, row in enumerate(update.strips):
        line = Strip.join(row)
        if region is not None:
            if not region.y <= y < region.bottom:
                continue
            line = line.crop(region.x, region.right)
        x = region.x if region is not None else 0
        for seg in line:
            text = seg.text
            at, x = x, x + seg.cell_length
            if not text.strip() or all(_decorative(c) for c in text):
                continue
            style = seg.style
            if style is None or style.color is None or style.bgcolor is None:
                continue
            fg = style.color.get_truecolor()
            bg = style.bgcolor.get_truecolor()
            if style.reverse:
                fg, bg = bg, fg
            fg_rgb = (fg.red, fg.green, fg.blue)
            bg_rgb = (bg.red, bg.green, bg.blue)
            if style.dim:  # a terminal dims by about half towards the background
                fg_rgb = tuple((f + b) // 2 for f, b in zip(fg_rgb, bg_rgb, strict=True))  # type: ignore[assignment]
            need = TEXT if any(c.isalnum() for c in text) else MARKS
            ratio = contrast(fg_rgb, bg_rgb)  # type: ignore[arg-type]
            if ratio < need:
                sample = "".join(c for c in text if not _decorative(c))[:24]
                try:
                    widget, _ = app.screen.get_widget_at(at, y)
                    name = f"{type(widget).__name__}#{widget.id or ''}"
                except Exception:
                    name = "?"
                bad[(f"{where} {name}", sample, round(ratio, 2), need)] += 1
    return [
        f"{w}: {s!r} {r}:1 (needs {n})"
        for (w, s, r, n), _ in sorted(bad.items(), key=lambda item: item[0][2])
    ]


@pytest.mark.parametrize("theme", THEMES)
async def test_every_screen_is_readable(make_app: Any, theme: str) -> None:
    app = make_app()
    found: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await settle(pilot)
        await pilot.press("slash", *"korea", "enter")
        await settle(pilot)
        await pilot.press("f")  # the entity sidebar focused: the result cursor unfocused
        await pilot.pause()
        found += failures(app, "library, sidebar focused")
        await pilot.press("escape", "escape")
        await pilot.pause()
        app.screen.set_focus(app.screen.query_one("#results"))
        await pilot.pause()
        found += failures(app, "library")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")  # the current match
        await pilot.pause()
        found += failures(app, "reader")
        await pilot.press("question_mark")
        await pilot.pause()
        found += failures(app, "help", app.screen.query_one(".overlay-box").region)
        await pilot.press("escape")
        await app.push_screen(CompareScreen(app.engine, HEADLINE, KURSK))
        await settle(pilot)
        await pilot.press("right_square_bracket")  # a selected claim: its word differences
        await pilot.pause()
        found += failures(app, "compare")
        await pilot.press("right_curly_bracket")  # a conflict and its explanation
        await pilot.pause()
        found += failures(app, "compare, conflict")
    assert not found, f"{theme}: {len(found)} styles below contrast:\n" + "\n".join(found[:40])
