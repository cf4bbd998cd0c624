"""Every hit of a search, in order of relevance, newest or oldest first; undated articles last."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index.search import SORTS, search, snippets_for


@pytest.fixture()
def dated_store(tmp_path: Path, make_store: Callable[..., Any]) -> Any:
    """Articles about tin: four dated (one twice as relevant), one dated unreadably, one undated."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = [
        {"id": "mid", "title": "Tin prices", "date": "2024-06-01", "text": "Tin rose. " * 3},
        {"id": "old", "title": "Tin report", "date": "1999", "text": "Tin fell again today."},
        {"id": "new", "title": "Tin news", "date": "2025-01-02", "text": "Tin is flat today."},
        {"id": "twin", "title": "Tin news", "date": "2025-01-02", "text": "Tin tin tin tin rose."},
        {"id": "odd", "title": "Tin odd", "date": "sometime in spring", "text": "Tin dips."},
        {"id": "none", "title": "Tin undated", "text": "Tin climbs a little."},
        {"id": "zinc", "title": "Zinc", "date": "2026-01-01", "text": "Zinc only."},
    ]
    (corpus / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    store = make_store(corpus)
    store.update()
    return store


def _ids(result: Any) -> list[str]:
    return [h.id.rsplit("#", 1)[-1] for h in result.hits]


def test_newest_first_undated_last_ties_by_relevance(dated_store: Any) -> None:
    r = search(dated_store, "tin", limit=None, snippets=0, sort="newest")
    assert r.total == 6 and r.sort == "newest"
    # "twin" says tin more often than "new": the same date, so relevance decides.
    assert _ids(r) == ["twin", "new", "mid", "old", "odd", "none"]


def test_oldest_first_keeps_dateless_last(dated_store: Any) -> None:
    r = search(dated_store, "tin", limit=None, snippets=0, sort="oldest")
    assert _ids(r) == ["old", "mid", "twin", "new", "odd", "none"]


def test_relevance_lists_every_hit_and_limit_cuts_after_sorting(dated_store: Any) -> None:
    every = search(dated_store, "tin", limit=None, snippets=0)
    assert len(every.hits) == every.total == 6
    assert [h.score for h in every.hits] == sorted((h.score for h in every.hits), reverse=True)
    assert _ids(search(dated_store, "tin", limit=2, sort="oldest")) == ["old", "mid"]
    assert _ids(search(dated_store, "tin", limit=3)) == _ids(every)[:3]


def test_unknown_sort_is_refused(dated_store: Any) -> None:
    assert SORTS == ("relevance", "newest", "oldest")
    with pytest.raises(ValueError, match="relevance, newest, oldest"):
        search(dated_store, "tin", sort="alphabetical")


def test_snippets_for_listed_hits_match_those_of_a_full_search(dated_store: Any) -> None:
    full = search(dated_store, "tin", limit=None, snippets=2)
    ids = [h.id for h in full.hits]
    got = snippets_for(dated_store, "tin", ids[2:5], 2)
    assert set(got) == set(ids[2:5])
    for hit in full.hits[2:5]:
        assert got[hit.id] == hit.snippets and hit.snippets


def test_public_api_has_the_sort() -> None:
    import index

    assert {"search", "snippets_for", "SORTS"} <= set(index.__all__)
    assert index.SORTS == SORTS and index.snippets_for is snippets_for
