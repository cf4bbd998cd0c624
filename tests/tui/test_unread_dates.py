"""A date that could not be read is shown marked "(date unread)", and the mark fits the line.

WikiNews M0004's "date" is a sentence ("Countries affected by the 2004 Indian Ocean tsunami"): the
reader's related panel showed "WikiNews · Countries affected by" and nothing after it, neither the
mark nor the "% alike"; at 80 columns the library's row lost the mark too.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import settle

from index.store.core import Store
from tui.widgets.lists import UNREAD_CELLS, meta_line

LONG = "Countries affected by the 2004 Indian Ocean tsunami"


def test_meta_line_keeps_the_mark_of_a_long_unread_date() -> None:
    line = meta_line("WikiNews", LONG)
    assert line.endswith("(date unread)") and line.startswith("WikiNews · Countries")
    assert len(line) <= len("WikiNews · ") + UNREAD_CELLS + len(" (date unread)")
    assert meta_line("Test", "03/04/2024") == "Test · 03/04/2024 (date unread)"  # short: whole
    assert meta_line("Test", "2024-10-15") == "Test · 2024-10-15"


@pytest.fixture()
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "news"
    folder.mkdir()
    body = (
        "Aid groups in Bucharest raised money for the victims of the tsunami in Indonesia, "
        "Sri Lanka and Thailand, the organisers said on Friday.\n"
    )
    (folder / "a.md").write_text(
        f'---\ntitle: Romanians raise money for tsunami victims\ndate: "{LONG}"\n'
        f"source: WikiNews\n---\n\n{body}",
        encoding="utf-8",
    )
    index_dir = tmp_path / "index"
    Store([str(folder)], str(index_dir)).update()
    return folder, index_dir


async def test_the_library_row_shows_the_mark_at_80_columns(
    make_app: Any, corpus: tuple[Path, Path]
) -> None:
    app = make_app(corpus[0], corpus[1])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shot = html.unescape(re.sub(r"<[^>]+>", "", app.export_screenshot())).replace("\xa0", " ")
        assert "WikiNews · Countries affected… (date unread)" in shot
