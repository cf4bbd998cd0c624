"""Entity lists wrap under the name, not under the bullet (a hanging indent).

Found walking the app at 80x24 on Reuters: the sidebar showed "● Gulf Cooperation Council" with its
count "3" alone at the start of the next row, where the next entry's bullet stands; the entities of
a comparison wrapped "Hydrographic and Oceanographic" / "Service of the Chilean Army  org" to the
column of the section headings.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from tui_helpers import settle

from tui.widgets.lists import FacetList, Hanging


def test_wrapped_lines_start_under_the_name() -> None:
    rows = Content("● Gulf Cooperation Council  3\n● Kuwait  8")
    lines = [line.plain for line in Hanging(rows, 2)._lines(27)]
    assert lines == ["● Gulf Cooperation Council", "  3", "● Kuwait  8"]


def test_every_word_is_kept_and_no_line_is_too_wide() -> None:
    text = "  Hydrographic and Oceanographic Service of the Chilean Army  org"
    for width in range(8, 70):
        lines = [line.plain for line in Hanging(Content(text), 4)._lines(width)]
        assert all(len(line) <= width for line in lines)
        # (a word longer than the room is folded, as Textual folds it)
        assert "".join("".join(lines).split()) == "".join(text.split())
        assert all(line.startswith("    ") for line in lines[1:])


def test_a_row_that_fits_is_one_line_and_styles_survive_the_wrap() -> None:
    row = Content.assemble("● ", ("Gulf Cooperation Council", "bold"), ("  3", "italic"))
    assert len(Hanging(row, 2)._lines(40)) == 1
    second = Hanging(row, 2)._lines(27)[1]
    assert second.plain == "  3"
    assert any(span.style == "italic" for span in second.spans)


async def test_the_sidebar_rows_hang(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        facets = app.screen.query_one("#facets", FacetList)
        prompts = [o.prompt for o in facets.options if not o.disabled]
        assert prompts and all(isinstance(p, Hanging) for p in prompts)
        assert all(str(p).startswith("● ") for p in prompts)
