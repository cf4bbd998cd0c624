"""The one vocabulary: every name of an entity kind comes from index.vocabulary, and agrees."""

from __future__ import annotations

import datetime

import pytest

from index import vocabulary as v
from index.models import ENTITY_LABELS


def test_models_labels_are_the_vocabularys() -> None:
    assert ENTITY_LABELS is v.ENTITY_LABELS
    assert [str(label) for label in v.Label] == list(ENTITY_LABELS)


@pytest.mark.parametrize("label", v.ENTITY_LABELS)
def test_each_kind_names_itself_both_ways(label: str) -> None:
    k = v.kind(label)
    assert k.label == label
    assert v.label_of_index_field(k.index_field) == label
    assert v.label_of_query_field(k.query_field) == label
    assert k.display and k.short and k.role.isidentifier()


def test_fields_are_distinct_and_dates_differ_between_index_and_query() -> None:
    assert len(set(v.INDEX_FIELDS.values())) == len(v.ENTITY_LABELS)
    assert len(set(v.QUERY_FIELDS.values())) == len(v.ENTITY_LABELS)
    # the index keeps date keys in "dates"; a user types "date:" (which also reads date ranges)
    assert (v.INDEX_FIELDS["DATE"], v.QUERY_FIELDS["DATE"]) == ("dates", "date")
    assert v.label_of_index_field("body") is None and v.label_of_query_field("title") is None
    with pytest.raises(KeyError):
        v.kind("YEAR")


def test_month_numbers_match_the_calendar() -> None:
    for n in range(1, 13):
        name = datetime.date(2024, n, 1).strftime("%B").lower()
        assert v.MONTHS[n - 1] == name
        assert v.MONTH_NUMBER[name] == n
        assert v.MONTH_NUMBER[name[:3]] == n
    assert v.MONTH_NUMBER["sept"] == 9
    assert set(v.MONTH_ABBREVIATIONS) <= set(v.MONTH_NUMBER)
    assert v.WEEKDAYS[0] == datetime.date(2024, 1, 1).strftime("%A").lower()  # a Monday
