"""The reader's status line counts matches in words a reader expects: "1 match" (it said "1 matches
of the library search"), and counts of a thousand or more with separators, as the library's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui_helpers import settle

from tui.screens.reader import ReaderScreen

SIZE = (120, 36)


async def _open_first_hit(pilot: Any, query: str) -> ReaderScreen:
    await settle(pilot)
    await pilot.press("slash", *query, "enter")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    reader = pilot.app.screen
    assert isinstance(reader, ReaderScreen)
    return reader


async def test_one_match_of_the_library_search_is_one_match(make_app: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await _open_first_hit(pilot, "vladivostok")
        assert len(reader.term_ranges) == 1
        assert reader.status_text.startswith("1 match of the library search;"), reader.status_text


async def test_many_matches_are_counted_with_separators(make_app: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = " ".join(["The harbour flooded again."] * 1200)
    (corpus / "flood.txt").write_text(f"Port news\n\n{body}\n", encoding="utf-8")
    app = make_app(corpus, tmp_path / "index")
    async with app.run_test(size=SIZE) as pilot:
        reader = await _open_first_hit(pilot, "flooded")
        assert reader.status_text.startswith("1,200 matches of the library search;")
        await pilot.press("n")
        assert reader.status_text.startswith("match of the library search: 1 of 1,200 ")
        await pilot.press("slash", *"harbour")  # find in the article: counted as it is typed
        await settle(pilot)
        assert reader.status_text == "1,200 matches for “harbour”", reader.status_text
        await pilot.press("enter")
        await settle(pilot)
        assert reader.status_text.startswith("match for “harbour”: 1 of 1,200 "), reader.status_text
