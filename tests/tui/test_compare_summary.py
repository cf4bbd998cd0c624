"""The compare screen's summary bar: the conflict count is drawn as an alarm only when there is one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import settle

from tui.screens.compare import CompareScreen

SIZE = (160, 45)


async def test_no_conflicts_is_not_drawn_in_the_error_colour(make_app: Any, tmp_path: Path) -> None:
    from tui.cli_compare import load_article

    (tmp_path / "a.txt").write_text(
        "The harbour of Bergen opened a new ferry terminal on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "A violin made in Cremona was sold at auction in Vienna for a record price.\n",
        encoding="utf-8",
    )
    a, b = load_article(str(tmp_path / "a.txt")), load_article(str(tmp_path / "b.txt"))
    app = make_app(compare=(a, b))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.comparison is not None and not screen.comparison.conflicts
        content = screen.query_one("#compare-summary").content
        at = content.plain.index("0 conflicts")
        styles = [s.style for s in content.spans if s.start <= at < s.end]
        assert styles == ["bold"], styles  # like the other counts, not the error colour
