"""The query parser is built once per schema, though Whoosh hands out a new schema object each time."""

from __future__ import annotations

import sys
from typing import Any

import pytest

from index.search import parse, run_query


def test_one_parser_serves_every_query_of_an_index(
    seed_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = sys.modules["index.search.parse"]
    monkeypatch.setattr(module, "_PARSERS", [])
    assert seed_store.ix.schema is not seed_store.ix.schema  # unpickled anew at each read
    first = parse(seed_store, "kursk")
    with run_query(seed_store, "kursk") as run:
        total = run.total
    parse(seed_store, "north korea")
    assert len(module._PARSERS) == 1
    assert first == parse(seed_store, "kursk") and total == 1


def test_the_searchers_schema_parses_as_the_index_schema(seed_store: Any) -> None:
    with seed_store.searcher() as s:
        for text in ("kursk", '"north korean" soldiers', "zelensky~", "person:zelensky -kyiv"):
            assert parse(seed_store, text, s.schema) == parse(seed_store, text)


def test_the_date_parser_is_built_for_the_first_date(
    seed_store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = sys.modules["index.search.parse"]
    monkeypatch.setattr(module, "_PARSERS", [])
    parse(seed_store, "kursk")
    (dates,) = [p for p in module._PARSERS[0].plugins if hasattr(p, "dateparser")]
    assert dates.dateparser._parser is None
    assert "published:[" in str(parse(seed_store, "date:2000-08 kursk"))
    assert dates.dateparser._parser is not None
