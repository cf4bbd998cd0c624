"""A headline's dataset residue ("... U.S. concerned_1") never shows in a snippet: the heading block
stops before it, as the title does, and the snippets leave it out too."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from index.models import Block
from index.search import search
from index.store.core import Store

snippets = sys.modules["index.search.snippets"]

HEADLINE = "Troops gather near the border, officials concerned_1\n"
BODY = "Officials said on Monday that troops gathered near the border overnight.\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("residue")
    corpus = root / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HEADLINE + BODY, encoding="utf-8")
    built = Store([corpus], root / "index")
    built.update()
    return built


@pytest.mark.parametrize("query", ["concerned", "troops", "title:gather", "monday"])
def test_no_snippet_shows_the_residue(store: Any, query: str) -> None:
    (hit,) = search(store, query).hits
    assert hit.title == "Troops gather near the border, officials concerned"
    assert hit.snippets
    for s in hit.snippets:
        assert "_1" not in s.text, s.text


def test_the_headline_word_before_the_residue_is_highlighted(store: Any) -> None:
    (hit,) = search(store, "concerned").hits
    (first,) = hit.snippets
    assert (first.offset, first.text) == (0, "Troops gather near the border, officials concerned")
    assert [first.text[a:b] for a, b in first.highlights] == ["concerned"]


def test_a_hit_without_matched_words_leads_with_the_body(store: Any) -> None:
    """The title is shown already: a hit with no word to show opens at the body."""
    (hit,) = search(store, "id:a.txt").hits
    assert hit.snippets[0].text == BODY.strip()
    assert hit.snippets[0].offset == len(HEADLINE)


def test_snippets_stay_inside_the_stretches_around_the_residue() -> None:
    text = "Ships sank_1\n\n  Ships   sank again."
    stretches = snippets._stretches(text, [Block("heading", 0, 10, 1)])
    assert stretches == [(0, 10), (16, len(text))]
    got = snippets._snippets(text, {"ship", "sank"}, 5, stretches)
    assert [(s.offset, s.text) for s in got] == [(0, "Ships sank"), (16, "Ships sank again.")]
    assert [[s.text[a:b] for a, b in s.highlights] for s in got] == [
        ["Ships", "sank"],
        ["Ships", "sank"],
    ]


def test_a_trailing_number_that_is_no_residue_stays() -> None:
    """Only a heading's "_N" at the end of its line is left out; a paragraph keeps its words."""
    text = "Vote counted\nThe file vote_1 was read.\n"
    whole = [(0, len(text))]
    assert snippets._stretches(text, [Block("heading", 0, 12, 1)]) == whole
    assert snippets._stretches(text, [Block("paragraph", 13, 37, 0)]) == whole


def test_seed_headline_has_no_residue_in_snippets(seed_store: Any) -> None:
    for query in ("rumored", "title:troops", "concerned"):
        for hit in search(seed_store, query).hits:
            if hit.id == "000_44cfc8ca5dd0595f.txt":  # its first line ends "concerned_1"
                assert all("concerned_1" not in s.text for s in hit.snippets), query


def test_a_huge_article_is_scanned_to_its_first_match_past_the_limit() -> None:
    filler = "calm " * (snippets.SCAN_CHARS // 5 + 100)
    text = filler + "Kursk fell."
    (got,) = snippets._snippets(text, {"kursk"}, 3)
    assert [got.text[a:b] for a, b in got.highlights] == ["Kursk"]


def test_a_huge_article_is_not_scanned_past_the_limit_once_a_match_is_found() -> None:
    filler = "calm " * (snippets.SCAN_CHARS // 5 + 100)
    text = "Kursk was calm. " + filler + "Kursk and Kursk and Kursk fell."
    got = snippets._snippets(text, {"kursk"}, 3)
    assert [s.offset for s in got] == [0]


def test_the_reader_highlights_the_headline_word_before_the_residue() -> None:
    from index.search.highlight import highlight_terms

    text = HEADLINE + BODY
    found = [text[a:b] for a, b in highlight_terms(text, ["concerned", "troops"])]
    assert found == ["Troops", "concerned", "troops"]
