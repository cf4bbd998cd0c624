"""The library's search worker: one execution of the query for the hits, every hit and the sidebar,
answered with messages that the screen shows in order."""

from __future__ import annotations

from typing import Any

import pytest
from textual.message import Message
from textual.worker import get_current_worker
from tui_helpers import HEADLINE, KURSK, settle

from tui.messages import EveryHitListed, FacetsCounted, SearchAnswered, SearchFailed
from tui.widgets.lists import FacetList
from tui.widgets.result_list import ResultList

SIZE = (160, 45)
ANSWERS = (SearchAnswered, SearchFailed, EveryHitListed, FacetsCounted)


async def test_a_query_is_parsed_once_for_hits_every_hit_and_sidebar(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.search import execute
    from tui.screens import library as library_module

    # One hit first, so that every hit (the second seed) is listed after it.
    monkeypatch.setattr(library_module, "PREFETCH", 1)
    parsed: list[tuple[str, str]] = []
    real_parse = execute.parse

    def parse(store: Any, query: str, *args: Any) -> Any:
        parsed.append((get_current_worker().group, query))
        return real_parse(store, query, *args)

    monkeypatch.setattr(execute, "parse", parse)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.screen
        answers: list[Message] = []
        real_post = library.post_message

        def post(message: Message) -> bool:
            answers.append(message)
            return real_post(message)

        monkeypatch.setattr(library, "post_message", post)
        library.run_search("korea", debounce=False)
        await settle(pilot)
        # The search worker parsed the query once; the hit listed without snippets has them
        # fetched when it comes into view, by a worker of its own (later, a second execution).
        assert [q for group, q in parsed if group == "search"] == ["korea"]
        assert {group for group, _ in parsed} <= {"search", "snippets"}
        answers = [m for m in answers if isinstance(m, ANSWERS)]
        assert [type(m) for m in answers] == [SearchAnswered, EveryHitListed, FacetsCounted]
        first, every, facets = answers
        assert isinstance(first, SearchAnswered) and isinstance(every, EveryHitListed)
        assert isinstance(facets, FacetsCounted)
        assert len(first.result.hits) == 1 and every.first is first.result
        assert {h.id for h in every.every.hits} == {HEADLINE, KURSK}
        assert facets.result is every.every and facets.facets
        results = library.query_one(ResultList)
        assert set(results.ids) == {HEADLINE, KURSK}
        assert library.query_one(FacetList).option_count > 0


async def test_a_malformed_query_is_answered_with_its_explanation(
    make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        library = app.screen
        answers: list[Message] = []
        real_post = library.post_message
        monkeypatch.setattr(library, "post_message", lambda m: answers.append(m) or real_post(m))
        library.run_search('"unclosed', debounce=False)
        await settle(pilot)
        answers = [m for m in answers if isinstance(m, ANSWERS)]
        assert [type(m) for m in answers] == [SearchFailed]
        failed = answers[0]
        assert isinstance(failed, SearchFailed) and failed.query == '"unclosed'
        assert "unbalanced" in failed.message
        assert "unbalanced" in str(library.query_one("#status").render())
