"""``date:`` with a month, a day, a year or a month of a year finds the dates that say so.

The name analyzer of the ``dates`` field splits a date key into its numbers ("--03-01" is "03"
"01"), so ``date:january`` ("--01", the word "01") also found March 1 and ``date:march`` January 3,
2024. Date keys written as words that say what they are (``index.analysis.dates.key_words``: "m03
m03d01", written so by ``index.store.schema`` since schema 26) make each search exact; the query
looks for the key's word first and, in an index built before (``legacy``, written here as the
schema wrote it), for its numbers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from index.analysis.dates import key_text, key_word, key_words
from index.search import search
from index.search.query import rewrite
from index.store.core import Store

ARTICLES = {
    "jan.txt": "Talks in January\nThe talks began on January 20 and ended in late January.\n",
    "mar1.txt": "Market on March 1\nShares rose on March 1 after the report.\n",
    "y2001.txt": "Vote of 2001\nThe vote of March 2001 was close, and a second one on March 5, 2001.\n",
    "jan2024.txt": "Summit\nThe summit opened on January 3, 2024 in Geneva.\n",
    # A month beside a day of another month: "--03 | --01-05" read "03 01 05".
    "mix.txt": "Harvest\nIn March the harvest, on 5 January it rained.\n",
    "season.txt": "Drought\nThe drought of 2024 was long; rain came last week.\n",
}


def _corpus(root: Path) -> Path:
    corpus = root / "news"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def _dates_as_numbers(original: Any) -> Any:
    """``document_fields`` with the ``dates`` field written as before schema 26: the keys as they
    are, which the name analyzer splits into their numbers."""

    def fields(article: Any, entities: Any) -> Any:
        out = original(article, entities)
        keys = [e.canonical for e in entities if e.label == "DATE" and e.canonical]
        out["dates"] = " | ".join(dict.fromkeys(keys))
        return out

    return fields


@pytest.fixture(scope="module")
def legacy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    import index.store.writers as writers

    root = tmp_path_factory.mktemp("dates-legacy")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(writers, "document_fields", _dates_as_numbers(writers.document_fields))
        store = Store([_corpus(root)], root / "index")
        store.update()
    yield store


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = tmp_path_factory.mktemp("dates-plain")
    store = Store([_corpus(root)], root / "index")
    store.update()
    return store


def _found(store: Any, query: str) -> set[str]:
    return {h.id for h in search(store, query, limit=None, snippets=0).hits}


def _shown(store: Any, query: str) -> list[str]:
    (hit,) = search(store, query).hits
    return [s.text[a:b] for s in hit.snippets for a, b in s.highlights]


EXACT = [
    ("date:january", {"jan.txt", "jan2024.txt", "mix.txt"}),  # not March 1
    ("date:Jan.", {"jan.txt", "jan2024.txt", "mix.txt"}),
    ("date:march", {"mar1.txt", "y2001.txt", "mix.txt"}),  # not January 3, 2024
    ('date:"march 1"', {"mar1.txt"}),  # not "March" beside "5 January"
    ('date:"1 march"', {"mar1.txt"}),
    ('date:"january 3"', {"jan2024.txt"}),  # a day, in any year
    ('date:"march 2001"', {"y2001.txt"}),  # that month of that year, with or without a day
    ('date:"march 5, 2001"', {"y2001.txt"}),
    ('date:"march 2024"', set()),
    ('date:"january 2024"', {"jan2024.txt"}),
    ('date:"2001"', {"y2001.txt"}),  # any date of that year named in the text
    ("date:january -date:march", {"jan.txt", "jan2024.txt"}),
    ('date:"--01"', {"jan.txt", "jan2024.txt", "mix.txt"}),  # the sidebar's clause for January
    ("entity:january", {"jan.txt", "jan2024.txt", "mix.txt"}),
    ('date:"2024"', {"jan2024.txt", "season.txt"}),  # "2024" alone, and January 3, 2024
    ('date:"last week"', {"season.txt"}),
]


@pytest.mark.parametrize(("query", "expected"), EXACT)
def test_a_date_in_words_matches_what_it_says(plain: Any, query: str, expected: set[str]) -> None:
    assert _found(plain, query) == expected


def test_the_shipped_index_finds_january_without_march_1(plain: Any) -> None:
    assert _found(plain, "date:january") == EXACT[0][1]


@pytest.mark.parametrize(
    "query", ['date:"october 13"', "date:october", 'date:"march 2001"', 'date:"last week"']
)
def test_an_index_built_before_finds_what_it_found(legacy: Any, query: str) -> None:
    """The query's fallback: an index holding the keys' numbers answers as before."""
    expected = {
        'date:"october 13"': set(),
        "date:october": set(),
        'date:"march 2001"': {"y2001.txt"},
        'date:"last week"': {"season.txt"},
    }[query]
    assert _found(legacy, query) == expected
    assert _found(legacy, "date:january") >= EXACT[0][1]


def test_snippets_light_up_only_the_mentions_of_the_matched_date(plain: Any) -> None:
    # The year alone ("Vote of 2001") is no mention of March 2001.
    assert _shown(plain, 'date:"march 2001"') == ["March 2001", "March 5, 2001"]
    assert _shown(plain, 'date:"january 3"') == ["January 3, 2024"]
    assert _shown(plain, 'date:"march 1"') == ["March 1", "March 1"]


@pytest.mark.parametrize(
    ("key", "words", "word"),
    [
        ("--01", ["m01"], "m01"),
        ("--03-01", ["m03", "m03d01"], "m03d01"),
        ("2001", ["y2001"], "y2001"),
        ("2001-03", ["y2001", "y2001m03", "m03"], "y2001m03"),
        ("2024-01-03", ["y2024", "y2024m01", "y2024m01d03", "m01", "m01d03"], "y2024m01d03"),
        ("1950/1953", None, None),
        ("summer 2024", None, None),
        ("last week", None, None),
    ],
)
def test_date_keys_as_words(key: str, words: list[str] | None, word: str | None) -> None:
    assert key_words(key) == words
    assert key_word(key) == word
    assert key_text(key) == (" ".join(words) if words else key)
    if word:
        assert word in (words or [])  # a search's word is one the key is indexed under


def test_the_rewrite_asks_for_the_word_then_the_numbers() -> None:
    assert rewrite("date:january") == "dates:(m01 OR --01)"
    assert rewrite('date:"march 1"') == 'dates:(m03d01 OR "--03-01")'
    assert rewrite("date:summer") == "dates:summer"
