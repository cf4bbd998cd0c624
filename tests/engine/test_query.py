"""The query language: validation messages, rewriting, and parsing into Whoosh queries."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.search import parse
from index.search.query import MAX_QUERY_CHARS, QueryError, rewrite, validate

MALFORMED = {
    '"north korean': "unbalanced quote",
    'title:"north korean': "unbalanced quote",
    "(kursk": "unbalanced parentheses: missing ')'",
    "kursk)": "unbalanced parentheses: ')' without",
    "((": "unbalanced parentheses",
    "(kursk))(": "unbalanced parentheses",
    "()": "empty parentheses",
    "kursk ( )": "empty parentheses",
    "title:": "empty value after 'title:'",
    "title: kursk": "empty value after 'title:'",
    "(title:)": "empty value after 'title:'",
    "date:": "empty value after 'date:'",
    "author:smith": "unknown field 'author:'",
    "http://example.org": "unknown field 'http:'",
    "AND": "'AND' needs a term",
    "OR": "'OR' needs a term",
    "NOT": "'NOT' needs a term",
    "OR x": "'OR' needs a term on each side",
    "x OR": "'OR' needs a term on each side",
    "x AND": "'AND' needs a term on each side",
    "x NOT": "'NOT' needs a term after it",
    "x AND OR y": "two operators in a row",
    "x NOT AND y": "'NOT' needs a term after it",
    "x - y": "'-' must be attached to a word",
    "-": "'-' needs a term",
    "x" * (MAX_QUERY_CHARS + 1): "query too long",
    "kursk\x00": "control characters",
    "kursk\x1b[31m": "control characters",
    "a\rb": "control characters",
    "   ": "empty query",
    "": "empty query",
    "x~3": "fuzzy distance is 1 or 2",
    "x~0": "fuzzy distance is 1 or 2",
    "x~1.5": "fuzzy distance is 1 or 2",
    "date:[2024-01 TO 2024-06": "unbalanced brackets",
    "date:[x TO y]": "cannot read the date range",
    "date:[TO]": "cannot read the date range",
    "date:[ TO ]": "a date range needs at least one end",
    "date:2024-13": "invalid month",
    "date:2024-02-30": "invalid day",
    "date:0999": "invalid year",
    "date:>x": "cannot read the date",
}


@pytest.mark.parametrize(("query", "message"), MALFORMED.items(), ids=range(len(MALFORMED)))
def test_malformed_queries_raise_one_line_messages(
    seed_store: Any, query: str, message: str
) -> None:
    with pytest.raises(QueryError) as info:
        parse(seed_store, query)
    text = str(info.value)
    assert message in text
    assert "\n" not in text and len(text) < 200
    assert "Traceback" not in text


@pytest.mark.parametrize("query", ["the", "to of the", '""', "TO"])
def test_queries_with_nothing_searchable_are_errors_not_empty_results(
    seed_store: Any, query: str
) -> None:
    with pytest.raises(QueryError, match="nothing to search for"):
        parse(seed_store, query)


@pytest.mark.parametrize(
    "query",
    [
        "kursk",
        "north korea",
        "kursk OR pyongyang",
        "korea NOT kursk",
        "korea -kursk",
        "-kursk",
        "(kursk OR pyongyang) AND troops",
        '"north korean soldiers"',
        "troop*",
        "kursk~",
        "kursk~2",
        "title:korea",
        "source:reuters",
        "person:zelensky",
        "place:kursk",
        "org:nato",
        "group:ukrainian",
        "entity:pyongyang",
        "date:2024",
        "date:2024-10",
        "date:[2024-01 TO 2024-06]",
        "date:>2024-06",
        "date:<=2024-06-30",
        "date:{2023 TO 2025}",  # {2024 TO 2025} holds no day: refused
        "date:[2024 TO]",
        "title:(korea OR kursk)",
        'title:"north korea"',
        "KURSK",
        "kursk^2",
        "url-like-words",
        "U.S.",
        "10,000 troops",
        "date:october",
        "story:s1",
        "id:x.txt",  # id:x, no file name, is refused
        "body:kursk",
        "people:kim",
    ],
)
def test_well_formed_queries_parse(seed_store: Any, query: str) -> None:
    validate(query)
    assert parse(seed_store, query) is not None


def test_rewrite_maps_fields_and_signs() -> None:
    assert rewrite("people:kim") == "person:kim"
    assert rewrite("text:x") == "body:x"
    assert rewrite("-kursk korea") == "NOT kursk korea"
    assert rewrite("(+a -b)") == "(a NOT b)"
    assert rewrite('"north-korean -x" -y') == '"north-korean -x" NOT y'
    assert rewrite("north-korean") == "north-korean"
    assert rewrite('-"north korea"') == 'NOT "north korea"'
    assert rewrite("-title:x") == "NOT title:x"
    assert rewrite('"title:x"') == '"title:x"'
    assert rewrite("date:summer") == "dates:summer"
    with pytest.raises(QueryError, match="not a date"):
        rewrite("date:troops")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2024", "published:[20240101 to 20241231]"),
        ("date:2024-02", "published:[20240201 to 20240229]"),
        ("date:2023-02-28", "published:[20230228 to 20230228]"),
        ("date:[2024-01 TO 2024-06]", "published:[20240101 to 20240630]"),
        ("date:{2024-01 TO 2024-06}", "published:[20240201 to 20240531]"),
        ("date:[2024 to]", "published:[20240101 to ]"),
        ("date:>2024-06", "published:[20240701 to]"),
        ("date:>=2024-06", "published:[20240601 to]"),
        ("date:<2024", "published:[to 20231231]"),
        ("date:<=2024-06", "published:[to 20240630]"),
        ("date:>2024-12-31", "published:[20250101 to]"),
    ],
)
def test_date_forms_rewrite_to_whole_day_bounds(query: str, expected: str) -> None:
    assert rewrite(query) == expected


@pytest.mark.parametrize("query", ["Kursk", "KURSK", "kUrSk"])
def test_parsing_is_case_insensitive_and_stemmed(seed_store: Any, query: str) -> None:
    assert parse(seed_store, query) == parse(seed_store, "kursk")
    assert parse(seed_store, "troop") == parse(seed_store, "troops")


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.sampled_from(
            list("ab ()\"*~-+:[]{}<>^\\/!?'.,")
            + [
                "AND",
                "OR",
                "NOT",
                "TO",
                "title",
                "date",
                "2024",
                "-10",
                "kursk",
                "é",
                "\x00",
                "\u202e",
                "person",
            ]
        ),
        max_size=14,
    ).map("".join)
    | st.text(max_size=60)
)
def test_any_string_parses_or_raises_query_error(seed_store: Any, query: str) -> None:
    try:
        parse(seed_store, query)
    except QueryError as exc:
        assert str(exc) and "\n" not in str(exc)
