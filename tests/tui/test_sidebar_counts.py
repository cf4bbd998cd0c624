"""The library sidebar's count of an entity is the number of results its Enter lists.

On Reuters the sidebar said "New York 21" and Enter listed 23 results ("New York City" matches the
clause ``place:"new york"`` too), "January 32" then 77 (``date:"--01"`` matched "March 1"). The
corpus below has both shapes: a name inside a longer name, a month beside a day of another month.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input
from tui_helpers import settle

from index.search.facets import facets
from index.store.core import Store
from tui.widgets.lists import FacetList
from tui.widgets.result_list import ResultList

SIZE = (160, 45)
ARTICLES = {
    "a.txt": "Brokers in New York said on January 5 that the market rose 2 pct in the morning. "
    "The mayor of New York City welcomed the figures at a press conference.",
    "b.txt": "The mayor of New York City said on March 1 that the budget would grow by 2 pct "
    "next year, and that the city council would vote on it in the spring.",
    "c.txt": "The mayor of New York City opened a new bridge over the river on Friday, with "
    "the governor and the mayor of Newark beside him on the stand.",
    "d.txt": "Officials in New York said in January that the harbour would be dredged, at a "
    "cost of 2 pct of the state's budget for the year, starting in the spring.",
    "e.txt": "The mayor of New York City and the police chief of New York City announced a "
    "new patrol plan for the subway on March 1, after a month of complaints.",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    index_dir = tmp_path / "index"
    Store([str(folder)], str(index_dir)).update()
    return folder, index_dir


def test_the_corpus_has_keys_that_count_apart_from_their_clause(corpus: tuple[Path, Path]) -> None:
    """The exact-key counts differ from the clauses' results here (what the sidebar showed)."""
    from tui.screens.library_order import facet_clause

    store = Store([str(corpus[0])], str(corpus[1]))
    differ = [
        f.name
        for f in facets(store, None, 30)
        if store_total(store, facet_clause(f.label, f.canonical)) != f.count
    ]
    assert differ  # e.g. "New York": 2 by key, 5 by place:"new york"


def store_total(store: Store, query: str) -> int:
    from index.search import search

    return search(store, query, limit=1, snippets=0).total


async def test_every_sidebar_count_is_what_enter_lists(
    make_app: Any, corpus: tuple[Path, Path]
) -> None:
    app = make_app(corpus[0], corpus[1])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        sidebar = app.screen.query_one(FacetList)
        shown = [
            sidebar.facet(sidebar.get_option_at_index(i).id) for i in range(sidebar.option_count)
        ]
        shown = [f for f in shown if f is not None]
        assert len(shown) >= 4
        for n, facet in enumerate(shown):
            query = app.screen.query_one("#query", Input)
            query.value = ""
            await settle(pilot)
            app.screen.set_focus(sidebar)
            sidebar.highlighted = next(
                i
                for i in range(sidebar.option_count)
                if sidebar.facet(sidebar.get_option_at_index(i).id) == facet
            )
            await pilot.press("enter")
            await settle(pilot)
            listed = len(app.screen.query_one(ResultList).ids)
            assert (facet.name, listed) == (facet.name, facet.count), (n, query.value)
