"""The library's catalogue grouped by story follows the sort key (newest or oldest first)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static
from tui_helpers import settle

from tui.widgets.result_list import ResultList

SIZE = (160, 45)
FLOOD = (
    "The river Vistula flooded the town of Torun after three days of heavy rain, and the mayor "
    "Anna Kowalska ordered the evacuation of the old quarter. Rescue teams from Gdansk arrived "
    "with boats. {} The flood barrier on the east bank failed overnight."
)
CHESS = (
    "The chess champion Magnus Carlsen won the Oslo tournament on Sunday, beating Fabiano "
    "Caruana in the final round. The prize fund was one million kroner. {} Carlsen said the "
    "endgame was the hardest of his career."
)


@pytest.fixture()
def two_stories(tmp_path: Path) -> Path:
    """An older story of three reports (the larger: grouped first) and a newer one of two."""
    rows: list[dict[str, Any]] = []
    older = ["Water reached the church steps.", "Shops were closed.", "Schools were shut."]
    for n, extra in enumerate(older):
        text = FLOOD.format(extra)
        rows.append(
            {"id": f"x{n}", "title": f"Flood {n}", "date": f"2020-03-0{n + 1}", "text": text}
        )
    for n, extra in enumerate(["Fans cheered.", "The hall was full."]):
        text = CHESS.format(extra)
        rows.append(
            {"id": f"y{n}", "title": f"Chess {n}", "date": f"2024-05-0{n + 1}", "text": text}
        )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return corpus


def _listed(app: Any) -> tuple[list[str], list[str]]:
    """The dates of the listed articles in order, and the story headings."""
    results = app.screen.query_one(ResultList)
    dates = [row.item.date for row in results.rows if row.kind == "article"]
    stories = [str(row.item) for row in results.rows if row.kind == "story"]
    return dates, stories


async def test_grouped_catalogue_follows_newest_and_oldest_first(
    make_app: Any, two_stories: Path, tmp_path: Path
) -> None:
    app = make_app(two_stories, tmp_path / "idx")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dates, stories = _listed(app)
        assert len(stories) == 2  # both stories grouped
        status = str(app.screen.query_one("#status", Static).render())
        assert "newest first" in status
        assert dates == sorted(dates, reverse=True)
        await pilot.press("s")
        await settle(pilot)
        assert "oldest first" in str(app.screen.query_one("#status", Static).render())
        dates, stories = _listed(app)
        assert len(stories) == 2
        assert dates == sorted(dates)


@pytest.fixture()
def long_titles(tmp_path: Path) -> Path:
    """The two stories under long headlines, and enough single reports to need a scrollbar."""
    long = "with a headline far too long to fit on one line of a narrow terminal, " * 2
    rows: list[dict[str, Any]] = []
    for n, extra in enumerate(["Water reached the church steps.", "Shops were closed."]):
        rows.append({"id": f"x{n}", "title": f"Flood {n} {long}", "text": FLOOD.format(extra)})
    for n, extra in enumerate(["Fans cheered.", "The hall was full."]):
        rows.append({"id": f"y{n}", "title": f"Chess {n} {long}", "text": CHESS.format(extra)})
    for n in range(15):
        words = " ".join(f"{w}{n}" for w in ("quartz", "marble", "yodel", "kettle", "zephyr"))
        rows.append({"id": f"z{n:02d}", "title": f"Note {n}", "text": f"Words {words} here."})
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return corpus


async def test_cut_lines_keep_their_ellipsis_and_story_count_clear_of_the_scrollbar(
    make_app: Any, long_titles: Path, tmp_path: Path
) -> None:
    app = make_app(long_titles, tmp_path / "idx")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        results = app.screen.query_one(ResultList)
        assert results.show_vertical_scrollbar
        width = results.scrollable_content_region.width  # the columns the scrollbar leaves
        lines = [results.render_line(y).text[:width].rstrip() for y in range(8)]
        heads = [line for line in lines if "▾" in line]
        assert heads and all(line.endswith("·  2 reports") and "…" in line for line in heads)
        titles = [line for line in lines if "headline far too long" in line and "▾" not in line]
        assert titles and all(line.endswith("…") for line in titles)


async def test_a_folder_with_nothing_to_read_says_so_once_indexed(
    make_app: Any, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")  # skipped: only whitespace
    app = make_app(corpus, tmp_path / "idx")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.screen.has_class("-indexing")  # the index run is over
        status = str(app.screen.query_one("#status", Static).render())
        assert "may still be running" not in status
        assert status.startswith("No articles found") and "S lists" in status


@pytest.mark.parametrize("size", [(160, 45), (80, 24)], ids=["wide", "narrow"])
async def test_escape_in_the_entity_list_goes_back_to_the_results_keeping_the_search(
    make_app: Any, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"korea", "enter")
        await settle(pilot)
        screen = app.screen
        await pilot.press("f")  # the entity sidebar (shown on a narrow screen)
        await pilot.pause()
        assert screen.focused is screen.query_one("#facets")
        await pilot.press("escape")
        await settle(pilot)
        # It cleared the search (the catalogue came back) and stayed in the sidebar.
        assert screen.query_one("#query").value == "korea"
        assert screen.focused is screen.query_one(ResultList)
        assert not screen.has_class("-show-side")  # narrow: the sidebar f opened is closed
