"""Search over the seeds: ranked hits, snippets with exact character ranges, suggestions."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index.models import SearchResult
from index.search import search

KURSK = "004_3a8db0f9f1ecf686.txt"
HEADLINE = "000_44cfc8ca5dd0595f.txt"


def _ids(result: SearchResult) -> set[str]:
    return {h.id for h in result.hits}


def _check_snippets(store: Any, result: SearchResult) -> None:
    """Every highlight is a word of the snippet and every snippet sits at its offset in the article."""
    for hit in result.hits:
        text = store.article(hit.id).text
        assert 1 <= len(hit.snippets) <= 3
        for snip in hit.snippets:
            # The article's text from the offset, whitespace runs collapsed (hard-wrapped text).
            assert re.sub(r"\s+", " ", text[snip.offset :]).startswith(snip.text)
            for a, b in snip.highlights:
                assert 0 <= a < b <= len(snip.text)
                word = snip.text[a:b]
                assert re.fullmatch(r"\w+", word), word


def _highlighted(result: SearchResult) -> set[str]:
    return {s.text[a:b] for h in result.hits for s in h.snippets for a, b in s.highlights}


def test_kursk_finds_only_the_004_article_with_kursk_highlighted(seed_store: Any) -> None:
    r = search(seed_store, "kursk")
    assert r.total == 1 and _ids(r) == {KURSK}
    assert _highlighted(r) == {"Kursk"}
    _check_snippets(seed_store, r)
    hit = r.hits[0]
    assert hit.title.startswith("According to a senior Ukrainian official")
    assert hit.score > 0
    assert hit.path.endswith(KURSK)


def test_phrase_finds_both_and_highlights_its_words(seed_store: Any) -> None:
    r = search(seed_store, '"North Korean soldiers"')
    assert _ids(r) == {KURSK, HEADLINE}
    assert _highlighted(r) >= {"North", "Korean", "soldiers"}
    _check_snippets(seed_store, r)
    assert r.hits[0].score >= r.hits[1].score


def test_phrase_is_stricter_than_its_words(seed_store: Any) -> None:
    assert search(seed_store, '"soldiers Korean North"').total == 0
    assert search(seed_store, "soldiers Korean North").total == 2


def test_stemming_and_case(seed_store: Any) -> None:
    r = search(seed_store, "TROOP")
    assert _ids(r) == {KURSK, HEADLINE}
    assert "troops" in _highlighted(r)
    _check_snippets(seed_store, r)


def test_boolean_operators(seed_store: Any) -> None:
    assert _ids(search(seed_store, "korea AND kursk")) == {KURSK}
    assert _ids(search(seed_store, "korea kursk")) == {KURSK}
    assert _ids(search(seed_store, "korea NOT kursk")) == {HEADLINE}
    assert _ids(search(seed_store, "korea -kursk")) == {HEADLINE}
    assert _ids(search(seed_store, "-kursk")) == {HEADLINE}
    assert _ids(search(seed_store, "kursk OR zelenskyy")) == {KURSK, HEADLINE}
    assert _ids(search(seed_store, "(kursk OR zelenskyy) AND NOT brigade")) == {HEADLINE}


def test_prefix_and_fuzzy(seed_store: Any) -> None:
    assert _ids(search(seed_store, "kurs*")) == {KURSK}
    assert _ids(search(seed_store, "kursck~")) == {KURSK}
    assert search(seed_store, "kursck").total == 0
    # Fuzzy terms on the stemmed body: Whoosh looked them up in the unstemmed spelling list and
    # found nothing ("zelensky" vs the indexed "zelenskyi").
    fuzzy = search(seed_store, "zelensky~")
    assert fuzzy.total >= 1
    assert any(w.lower().startswith("zelensk") for w in _highlighted(fuzzy))
    assert search(seed_store, "pyongyng~2").total == search(seed_store, "pyongyang").total >= 1


def test_fuzzy_starts_from_the_word_as_typed(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    """The parser stems ``reporters~`` to ``report``; near words must be sought from what was typed
    (the article says only "reporters", two edits from "report")."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        "---\ntitle: Test\n---\nThe reporters gathered outside the ministry today.\n", "utf-8"
    )
    store = make_store(corpus)
    store.update()
    for query in ("reporters~", "reporter~", "reportrs~", "gatherd~"):
        assert search(store, query).total == 1, query
    assert "reporters" in {w.lower() for w in _highlighted(search(store, "reportrs~"))}
    # Its own stem counts, as in a plain search: "reporting" is stemmed to "report" too.
    assert search(store, "reporting~").total == search(store, "reporting").total == 1
    assert search(store, "ministers~").total == 0  # two edits from "ministry"


def test_a_short_fuzzy_word_takes_fewer_edits(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    """Two edits make a three-letter word any short word ("oil~2" found "on", "one", "air"): a word
    of three to five letters takes one edit at most, of one or two letters none."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    texts = {
        "oil": "Crude oil prices rose.",
        "soil": "The soil was dry.",
        "one": "Only one road was open.",
        "air": "The air was cold.",
        "long": "The negotiations were interminable.",
    }
    for name, text in texts.items():
        (corpus / f"{name}.md").write_text(f"---\ntitle: {name}\n---\n{text}\n", "utf-8")
    store = make_store(corpus)
    store.update()

    def titles(query: str) -> set[str]:
        return {h.title for h in search(store, query, limit=10).hits}

    assert titles("oil~2") == titles("oil~") == {"oil", "soil"}
    assert titles("on~") == set()  # "one" is one edit away, but a two-letter word takes none
    assert titles("interminabel~2") == {"long"}  # a long word keeps its two edits


def test_an_empty_index_answers_every_query_kind(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    """Before the first article is indexed (the app searches while indexing runs), twice in a row:
    the second search reuses the pooled searcher."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    store = make_store(corpus)
    for _ in range(2):
        for query in (
            "kursk",
            "reporter~",
            '"kursk region"',
            "person:putin",
            "-kursk",
            "kurs*",
            "date:2024",
            "kursk AND region",
        ):
            assert search(store, query).total == 0, query
    (corpus / "a.txt").write_text("Kursk report\n\nThe Kursk region was quiet.\n", "utf-8")
    store.update()
    assert search(store, '"kursk region"').total == 1


def test_dates_named_in_text_are_found_as_written(seed_store: Any) -> None:
    """``date:`` with words searches the dates the articles name, keyed as the index keys them."""
    assert _ids(search(seed_store, 'date:"october 13"')) == {HEADLINE}
    assert _ids(search(seed_store, 'date:"October 13"')) == {HEADLINE}
    assert _ids(search(seed_store, 'entity:"october 13"')) == {HEADLINE}
    assert search(seed_store, 'date:"october 14"').total == 0


def test_title_field(seed_store: Any) -> None:
    assert _ids(search(seed_store, "title:concerned")) == {HEADLINE}
    assert search(seed_store, "title:kursk").total == 0
    assert _ids(search(seed_store, 'title:"north korea"')) == {HEADLINE}


def test_entity_fields(seed_store: Any) -> None:
    assert _ids(search(seed_store, "place:kursk")) == {KURSK}
    assert _ids(search(seed_store, "entity:pyongyang")) >= {KURSK}
    assert search(seed_store, "person:kim").total >= 1
    assert search(seed_store, "place:nowhereville").total == 0


def test_entity_only_hit_snippets_show_the_mentions(seed_store: Any) -> None:
    r = search(seed_store, "place:kursk")
    assert [h.id for h in r.hits] == [KURSK]
    article = seed_store.article(KURSK)
    marked = []
    for snip in r.hits[0].snippets:
        assert re.sub(r"\s+", " ", article.text[snip.offset :]).startswith(snip.text)
        marked += [snip.text[a:b] for a, b in snip.highlights]
    assert marked and all(m.startswith("Kursk") for m in marked), marked
    assert "Kursk Oblast" in marked  # the whole name, not a word of it


def test_person_field_snippets_show_each_spelling(seed_store: Any) -> None:
    r = search(seed_store, "person:zelensky")
    marked = {s.text[a:b] for h in r.hits for s in h.snippets for a, b in s.highlights}
    assert {"Volodymyr Zelenskyy", "Volodymyr Zelensky"} <= marked


def test_limit_and_total(seed_store: Any) -> None:
    r = search(seed_store, "korea", limit=1)
    assert r.total == 2 and len(r.hits) == 1
    assert search(seed_store, "korea", snippets=0).hits[0].snippets == ()


def test_did_you_mean(seed_store: Any) -> None:
    r = search(seed_store, "pyongyng")
    assert r.total == 0 and r.suggestion == "pyongyang"
    assert search(seed_store, "Pyongyng").suggestion == "pyongyang"
    assert search(seed_store, "kursk pyongyng").suggestion == "kursk pyongyang"
    # The correction lands in what the user typed, even when the query was rewritten.
    assert search(seed_store, "+pyongyng").suggestion == "+pyongyang"
    assert search(seed_store, "-zelenskyy pyongyng").suggestion == "-zelenskyy pyongyang"
    assert search(seed_store, "-kursk pyongyng").suggestion is None  # would still find nothing
    assert search(seed_store, "kursk").suggestion is None
    # The best word of titles and bodies alike: "u.s" (a title word, two edits) lost to "kursk".
    assert search(seed_store, "ursk").suggestion == "kursk"
    assert search(seed_store, "kursk reigon").suggestion == "kursk region"


def _dated_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "dated"
    corpus.mkdir()
    for name, date in [
        ("jan", "2024-01-15"),
        ("jun30", "2024-06-30"),
        ("jul", "2024-07-01"),
        ("dec", "2024-12-31"),
        ("old", "Saturday, January 8, 2005"),
    ]:
        (corpus / f"{name}.md").write_text(
            f"---\ntitle: Report {name}\ndate: {date}\nsource: Wire Service\n---\nTroops moved.\n",
            "utf-8",
        )
    return corpus


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2024", {"jan", "jun30", "jul", "dec"}),
        ("date:2024-06", {"jun30"}),
        ("date:2005-01-08", {"old"}),
        ("date:[2024-01 TO 2024-06]", {"jan", "jun30"}),
        ("date:{2024-01 TO 2024-07}", {"jun30"}),
        ("date:>2024-06", {"jul", "dec"}),
        ("date:>=2024-06-30", {"jun30", "jul", "dec"}),
        ("date:<2024-07", {"old", "jan", "jun30"}),
        ("date:<=2024-01-15", {"old", "jan"}),
        ("date:[2024-07 TO]", {"jul", "dec"}),
        ("troops date:2005", {"old"}),
        ("source:wire", {"old", "jan", "jun30", "jul", "dec"}),
        ('source:"wire service" date:>2024-07-01', {"dec"}),
    ],
)
def test_date_and_source_filters(
    tmp_path: Path, make_store: Callable[..., Any], query: str, expected: set[str]
) -> None:
    store = make_store(_dated_corpus(tmp_path))
    store.update()
    r = search(store, query)
    assert {h.id.removesuffix(".md") for h in r.hits} == expected
    assert all(h.source == "Wire Service" for h in r.hits)


def test_hit_carries_source_and_normalised_date(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    store = make_store(_dated_corpus(tmp_path))
    store.update()
    (hit,) = search(store, "date:2005").hits
    assert (hit.title, hit.source, hit.date) == ("Report old", "Wire Service", "2005-01-08")
