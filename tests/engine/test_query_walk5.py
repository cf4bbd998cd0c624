"""``date:`` and ``quantity:`` values a new user typed on the command line: an impossible day, a
year with a comparison, a negative figure. Each is read as documented or refused with the reason,
never searched to find nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from index.analysis.dates import key_error
from index.search import search
from index.search.facet_counts import entity_clause
from index.search.query import QueryError, rewrite
from index.store.core import Store


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('date:"31 february"', "invalid day in date '31 february' (February has 29 days at most)"),
        ('date:"february 30"', "(February has 29 days at most)"),
        ('date:"april 31"', "(April has 30 days at most)"),
        (
            'date:"29 february 2009"',
            "invalid day in date '29 february 2009' (February 2009 has 28 days)",
        ),
        ('date:"31st of september 2001"', "(September 2001 has 30 days)"),
        # The publication date's own refusal, for comparison: the same words.
        ("date:2009-02-31", "invalid day in date '2009-02-31' (February 2009 has 28 days)"),
    ],
)
def test_an_impossible_day_is_refused_as_a_publication_date_is(query: str, message: str) -> None:
    with pytest.raises(QueryError) as info:
        rewrite(query)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('date:"february 29"', 'dates:(m02d29 OR "--02-29")'),  # a leap day: a day of some years
        ('date:"29 february 2008"', 'dates:(y2008m02d29 OR "2008-02-29")'),
        ('date:"april 30"', 'dates:(m04d30 OR "--04-30")'),
    ],
)
def test_a_possible_day_is_searched(query: str, expected: str) -> None:
    assert rewrite(query) == expected


def test_date_keys_that_are_no_day() -> None:
    assert key_error("--02-31") == ("day", "February has 29 days at most")
    assert key_error("2100-02-29") == ("day", "February 2100 has 28 days")
    assert key_error("2009-00") == ("month", "a year has 12 months")
    assert key_error("--02-29") is None
    assert key_error("last week") is None
    assert key_error("1950/1953") is None


@pytest.mark.parametrize("query", ["date:last week", "date:Next month", "date:past year"])
def test_a_period_typed_without_quotes_is_told_to_quote(query: str) -> None:
    lead = query.split(":")[1].split()[0]
    with pytest.raises(QueryError) as info:
        rewrite(query)
    assert str(info.value).startswith(f"'{lead}' is not a date: a date of several words is quoted")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:>1987", "published:[19880101 to]"),
        ("date:>=1987", "published:[19870101 to]"),
        ("date:<1987", "published:[to 19861231]"),
        ("date:<=2009", "published:[to 20091231]"),
    ],
)
def test_a_year_with_a_comparison_is_a_year_bound(query: str, expected: str) -> None:
    assert rewrite(query) == expected


@pytest.mark.parametrize(
    "query",
    [
        "quantity:-5",
        "quantity:\u22125",
        'quantity:"-5 pct"',
        'quantity:"minus 5"',
        "quantity:-five",
    ],
)
def test_a_negative_quantity_is_refused(query: str) -> None:
    with pytest.raises(QueryError) as info:
        rewrite(query)
    assert "is a negative figure" in str(info.value)
    assert "quantity:5" in str(info.value)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("quantity:5", "quantity:5"),
        ('quantity:"5-year"', 'quantity:"5-year"'),
        ("quantity:2.5", "quantity:2.5"),
    ],
)
def test_an_unsigned_quantity_is_searched(query: str, expected: str) -> None:
    assert rewrite(query) == expected


def test_the_sidebar_clause_of_a_typo_finds_its_article(tmp_path: Path) -> None:
    """A clause of a day that does not exist, as the sidebar wrote it for indexes made before the
    recognizer stopped tagging such days ("November 31" is no date since bd1d3b7), is searched,
    not refused: only a day typed in words is."""
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "typo.md").write_text(
        "---\ntitle: Typo\ndate: 1987-11-20\n---\nThe offer expires on November 31, traders said.\n",
        "utf-8",
    )
    store: Any = Store([corpus], tmp_path / "index")
    store.update()
    clause = entity_clause("DATE", "--11-31")
    assert clause == 'date:"--11-31"'
    assert [h.id for h in search(store, clause, limit=None).hits] == []
    with pytest.raises(QueryError):
        search(store, 'date:"november 31"')
