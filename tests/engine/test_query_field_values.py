"""Every field's value checked as ``date:`` and ``quantity:`` are: ``entity:`` (every kind at once),
the name fields and a signed ``date:`` are refused with the reason, not searched to find nothing or
everything."""

from __future__ import annotations

import pytest

from index.search.query import QueryError, rewrite


@pytest.mark.parametrize(
    ("query", "message"),
    [
        # entity: searches every kind, so it is refused where the kind its value belongs to is
        (
            'entity:"31 february"',
            "invalid day in date '31 february' (February has 29 days at most)",
        ),
        ('entity:"september 31"', "(September has 30 days at most)"),
        ("entity:-5", "'-5' is a negative figure"),
        ('entity:"-5"', "'-5' is a negative figure"),
        ('entity:"minus 5 pct"', "'minus 5 pct' is a negative figure"),
        ("entity:\u22125", "is a negative figure"),
        ("date:-5", "'-5' is not a date: dates have no sign"),
        ('date:"-5"', "'-5' is not a date"),
        ("person:-5", "'-5' is not a name: person: searches names"),
        ('org:"1987"', "'1987' is not a name: org:"),
        ("place:42", "'42' is not a name"),
        ("group:--", "'--' is not a name"),
    ],
)
def test_a_value_no_entity_can_hold_is_refused(query: str, message: str) -> None:
    with pytest.raises(QueryError) as info:
        rewrite(query)
    assert message in str(info.value)


@pytest.mark.parametrize(
    "query",
    [
        "entity:5",  # a figure, unsigned
        'entity:"--11-31"',  # a key as the index writes it (the sidebar's clause for a typo)
        'entity:"29 february 1988"',
        "entity:putin",
        'entity:"-putin"',  # a sign before a letter is no figure
        "org:3M",
        'org:"7-Eleven"',
        "place:*5",  # wildcards are left to the index
        "person:jo?",
        "body:-5",  # words of the text, not an entity key
    ],
)
def test_values_an_entity_can_hold_are_searched(query: str) -> None:
    assert rewrite(query)


def test_entity_minus_five_no_longer_finds_every_five() -> None:
    # Before: (person:-5 OR ... OR quantity:-5), and the index's analyser dropped the sign.
    with pytest.raises(QueryError):
        rewrite("fuel entity:-5")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        # Whoosh read these as other ranges: 38 and 603 of 2,000 Reuters stories were found.
        ("date:[1987-03 TO 1987-02]", "ends before it starts: write date:[1987-02 TO 1987-03]"),
        ("date:[1988 TO 1987]", "ends before it starts: write date:[1987 TO 1988]"),
        ("date:{1987-03-01 TO 1987-03-02}", "holds no day"),
        ("date:{1987 TO 1988}", "holds no day"),
    ],
)
def test_a_date_range_with_no_day_in_it_is_refused(query: str, message: str) -> None:
    with pytest.raises(QueryError) as info:
        rewrite(query)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("query", "rewritten"),
    [
        ("date:[1987-03-01 TO 1987-03-01]", "published:[19870301 to 19870301]"),
        ("date:{1987-03-01 TO 1987-03-03}", "published:[19870302 to 19870302]"),
        ("date:[1987-03-05 TO 1987-03]", "published:[19870305 to 19870331]"),
    ],
)
def test_a_range_of_one_day_or_more_is_searched(query: str, rewritten: str) -> None:
    assert rewrite(query) == rewritten


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("id:1", "'1' is no article id: ids are as a search lists them"),
        ('id:"seven"', "'seven' is no article id"),
        ("source:-5", "'-5' is not a name: source: searches names"),
    ],
)
def test_an_id_or_a_source_no_article_can_have_is_refused(query: str, message: str) -> None:
    with pytest.raises(QueryError) as info:
        rewrite(query)
    assert message in str(info.value)


@pytest.mark.parametrize(
    "query", ["id:report.txt", 'id:"news.jsonl#1"', "id:news.jsonl#1", "id:*", "source:reuters"]
)
def test_ids_and_sources_an_article_can_have_are_searched(query: str) -> None:
    assert rewrite(query)
