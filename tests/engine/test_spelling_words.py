"""The corpus's spelling words: kept once in the index's database (not as spelling fields in every
Whoosh segment), read by "did you mean" and by fuzzy words, and rebuilt with the database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.search import search
from index.search.parse import with_prefix
from index.store import database
from index.store.schema import article_words


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "a.md").write_text(
        "---\ntitle: Quarterly Zanzibar briefing\n---\n"
        "The reporters gathered outside the ministry in Kursk.\n",
        "utf-8",
    )
    (root / "b.txt").write_text(
        "Harbour news\n\nFishermen in Kursk region counted their boats on Monday.\n", "utf-8"
    )
    return root


def test_words_are_kept_once_a_corpus_not_in_the_segments(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    store = make_store(_corpus(tmp_path / "c"))
    store.update()
    words = store.spelling_words()
    # Unstemmed words of titles and bodies, lowercase, sorted, each once; stop words left out.
    assert words == sorted(set(words))
    assert {"zanzibar", "quarterly", "reporters", "fishermen", "kursk", "boats"} <= set(words)
    assert "the" not in words and "report" not in words
    with store.searcher() as s:
        fields = {name for name, _ in s.reader().all_terms()}
    assert "body" in fields and not any(name.startswith("spell") for name in fields)


def test_suggestions_and_fuzzy_words_read_them(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    store = make_store(_corpus(tmp_path / "c"))
    store.update()
    assert search(store, "zanzibr").suggestion == "zanzibar"  # a word of a title only
    assert search(store, "fishermn").suggestion == "fishermen"  # of a body only
    assert search(store, "zanzibr~").total == 1
    assert search(store, "title:zanzibr~").total == 1
    assert search(store, "body:zanzibr~").total == 0  # the word is not in any body
    assert search(store, "reportrs~").total == 1


def test_a_later_run_adds_its_words_and_searches_see_them(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    corpus = _corpus(tmp_path / "c")
    store = make_store(corpus)
    store.update()
    assert search(store, "lighthous~").total == 0
    (corpus / "c.txt").write_text("Coast\n\nThe lighthouse keeper retired.\n", "utf-8")
    store.update()
    assert "lighthouse" in store.spelling_words()
    assert search(store, "lighthous~").total == 1
    assert search(store, "lighthous").suggestion == "lighthouse"


def test_a_lost_database_is_rebuilt_with_the_words(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    corpus = _corpus(tmp_path / "c")
    store = make_store(corpus)
    store.update()
    before = store.spelling_words()
    database.remove(store.index_dir)
    again = make_store(corpus)
    assert again.spelling_words() == before
    assert search(again, "zanzibr").suggestion == "zanzibar"


def test_article_words_are_title_and_body_words() -> None:
    from index.models import Article

    article = Article(
        id="x", path="x.txt", title="Ports Reopen", text="The ports reopened on Monday."
    )
    assert article_words(article) == ["monday", "ports", "reopen", "reopened"]


def test_with_prefix_takes_a_sorted_range() -> None:
    words = ["kiev", "kursk", "kurskaya", "kyiv", "zanzibar"]
    assert with_prefix(words, "kur") == ["kursk", "kurskaya"]
    assert with_prefix(words, "") == words
    assert with_prefix(words, "q") == []
