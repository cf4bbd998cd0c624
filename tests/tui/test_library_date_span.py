"""A search by publication date that finds nothing says, in the library's status line, when the
corpus's articles were published, as ``newsdesk search`` does on stderr (the app said "0 results
for date:>2031" alone)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Static
from tui_helpers import settle


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for day, place in (("2024-03-02", "harbour"), ("2025-07-19", "bridge")):
        (corpus / f"{place}.md").write_text(
            f"---\ntitle: The {place} reopened\ndate: {day}\n---\n"
            f"The {place} reopened on Monday after a week of repairs, officials said.\n",
            encoding="utf-8",
        )
    return corpus


def _status(app: Any) -> str:
    return str(app.screen.query_one("#status", Static).render().plain)


async def test_a_date_search_that_finds_nothing_says_when_the_articles_were(
    make_app: Any, tmp_path: Path
) -> None:
    app = make_app(_corpus(tmp_path), tmp_path / "index")
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"date:>2031", "enter")
        await settle(pilot)
        status = _status(app)
        assert status.startswith("0 results for date:>2031")
        assert "the corpus's articles were published from 2024-03-02 to 2025-07-19" in status
        await pilot.press("escape", "slash", *"zeppelin", "enter")  # no date: nothing added
        await settle(pilot)
        assert _status(app).startswith("0 results for zeppelin") and "published" not in _status(app)
        await pilot.press("escape", "slash", *"date:2025", "enter")  # found: nothing added
        await settle(pilot)
        assert _status(app).startswith("1 result for date:2025") and "published" not in _status(app)
