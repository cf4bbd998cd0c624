"""``date:`` values a newcomer types: read as the date they name, or refused with the way to write
them, never searched as words of the text to find nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import index.search.query as query_module
from index.search import search
from index.search.query import QueryError, rewrite
from index.store.core import Store

TODAY = dt.date(2026, 3, 1)  # the day after February's last: relative days cross a month


@pytest.fixture()
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(query_module, "_today", lambda: TODAY)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:today", "published:[20260301 to 20260301]"),
        ("date:yesterday", "published:[20260228 to 20260228]"),
        ("date:Yesterday", "published:[20260228 to 20260228]"),
        ('date:"yesterday"', "published:[20260228 to 20260228]"),
        ("date:>yesterday", "published:[20260301 to]"),
        ("date:>=yesterday", "published:[20260228 to]"),
        ("date:<today", "published:[to 20260228]"),
        ("date:<=tomorrow", "published:[to 20260302]"),
        ("date:[yesterday TO today]", "published:[20260228 to 20260301]"),
        ("date:2005/01/08", "published:[20050108 to 20050108]"),
        ("date:>=2005/1/8", "published:[20050108 to]"),
        ("date:=2005", "published:[20050101 to 20051231]"),
        ("date:20050108", "published:[20050108 to 20050108]"),
        ("date:[20050108 TO 20050110]", "published:[20050108 to 20050110]"),
    ],
)
def test_other_spellings_of_a_publication_date(
    fixed_today: None, query: str, expected: str
) -> None:
    assert rewrite(query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2024/25", "dates:2024/2025"),  # a fiscal year named in the text, as before
        ("date:1950/1953", "dates:1950/1953"),
        ('date:"yesterday morning"', 'dates:"yesterday morning"'),
        ('date:"2001"', 'dates:(y2001 OR "2001")'),
    ],
)
def test_dates_named_in_text_stay_so(query: str, expected: str) -> None:
    assert rewrite(query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date:2026-02-30", "invalid day in date '2026-02-30' (February 2026 has 28 days)"),
        ("date:2024-02-30", "(February 2024 has 29 days)"),
        ("date:>2026-02-30", "invalid day"),
        ("date:2005/02/30", "invalid day in date '2005-02-30'"),
        ("date:13", "'13' is not a date: a year has four digits"),
        ('date:"7"', "'7' is not a date"),
        ("date:99999", "'99999' is not a date"),
        ("date:20051308", "invalid month in date '2005-13-08'"),
        ("date:2005-01-08T10:00", "dates are whole days, write date:2005-01-08"),
        ("date:2005..2006", "write a range as date:[2005 TO 2006]"),
        ("date:..2006", "write a range as date:<=2006"),
        ("date:2005..", "write a range as date:>=2005"),
        ("date:tonight", "'tonight' is not a date"),
    ],
)
def test_odd_dates_are_refused_with_the_way_to_write_them(query: str, message: str) -> None:
    with pytest.raises(QueryError) as info:
        rewrite(query)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_yesterday_finds_what_was_published_yesterday(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    today = dt.date.today()
    for name, day in (
        ("old", today - dt.timedelta(days=30)),
        ("new", today - dt.timedelta(days=1)),
    ):
        (corpus / f"{name}.md").write_text(
            f"---\ntitle: Report {name}\ndate: {day.isoformat()}\n---\nTroops moved.\n", "utf-8"
        )
    store: Any = Store([corpus], tmp_path / "index")
    store.update()
    found = {h.id for h in search(store, "date:>=yesterday", limit=None).hits}
    assert found == {"new.md"}
