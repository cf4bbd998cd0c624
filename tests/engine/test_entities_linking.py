"""A surname alone is the person named in full: in one article, even when a town bears the name,
and across the reports of a story."""

from __future__ import annotations

from typing import Any

import pytest

from index.analysis.entities import extract
from index.models import Article, Entity


def _people(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.canonical) for e in extract(text) if e.label == "PERSON"]


def test_a_surname_after_the_full_name_in_one_article() -> None:
    text = (
        "French President Nicolas Sarkozy visited the search centre. Later Sarkozy said the "
        "prospects were very small, and Sarkozy's aides agreed."
    )
    assert {key for _, key in _people(text)} == {"nicolas sarkozy"}
    assert len(_people(text)) == 3


def test_a_surname_that_is_also_a_town_is_the_person() -> None:
    # Lowell (Massachusetts) is in the gazetteer: alone it was a place in an article about the
    # player Mike Lowell.
    text = "Mike Lowell hit two home runs on Sunday. Lowell said his knee felt fine."
    assert _people(text) == [("Mike Lowell", "mike lowell"), ("Lowell", "mike lowell")]
    # Written as a place somewhere in the article, the town stays a town.
    town = "Mike Lowell grew up far away. The team played in Lowell. Lowell has a new stadium."
    assert _people(town) == [("Mike Lowell", "mike lowell")]


def test_a_story_links_a_surname_to_the_full_name_another_report_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import index.story as story

    seen: list[list[Entity]] = []
    real = story.prepped

    def spy(sentences: Any, entities: Any, fold: Any) -> Any:
        seen.append(list(entities))
        return real(sentences, entities, fold)

    monkeypatch.setattr(story, "prepped", spy)
    a = (
        "Plane lost over the ocean\n\nA plane with 228 people on board was lost over the "
        "Atlantic on Monday. French President Sarkozy said the prospects of finding survivors "
        "were very small.\n"
    )
    b = (
        "Search for lost plane goes on\n\nShips searched the Atlantic on Tuesday for the plane "
        "lost with 228 people on board. French president Nicolas Sarkozy said he was "
        "pessimistic.\n"
    )
    story.story_map(
        [
            Article("a.txt", "/x/a.txt", "a", a, "Star", "2025-03-03"),
            Article("b.txt", "/x/b.txt", "b", b, "Post", "2025-03-04"),
        ]
    )
    keys = [{e.canonical for e in ents if e.label == "PERSON"} for ents in seen]
    assert keys == [{"nicolas sarkozy"}, {"nicolas sarkozy"}]
