"""Publication dates in the forms news data carries, read with dateutil plus explicit rules."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.analysis.dates import is_parsed, normalise_date, parse_date


@pytest.mark.parametrize(
    ("raw", "iso"),
    [
        ("2024-10-15", "2024-10-15"),
        ("2024-10-15T08:30:00Z", "2024-10-15"),
        ("2024-10-15 08:30:00+02:00", "2024-10-15"),
        ("Tue, 15 Oct 2024 08:00:00 +0000", "2024-10-15"),  # RFC 2822, from feeds
        ("15 Oct 2024 23:59:00 GMT", "2024-10-15"),
        ("27-MAR-1987 14:02:56.54", "1987-03-27"),
        ("26-FEB-1987 15:01:01.79", "1987-02-26"),
        ("9-APR-1987 00:00:00.00 # date added by S Finch as guesswork", "1987-04-09"),
        ("27-MAR-1987 14:02:56.54V RM", "1987-03-27"),
        ("27-MAR-1987 04:38:47.18M C F", "1987-03-27"),
        ("Oct. 15, 2024", "2024-10-15"),
        ("15 October 2024", "2024-10-15"),
        ("Saturday, January 8, 2005", "2005-01-08"),
        ("Oct. 15, 2024 (updated)", "2024-10-15"),
        ("October 2024", "2024-10"),
        ("2024", "2024"),
        ("2024-3", "2024-03"),
        ("13/04/2024", "2024-04-13"),
        ("20241015", "2024-10-15"),  # ISO 8601's basic form
        ("20241015T083000Z", "2024-10-15"),
    ],
)
def test_forms_news_data_carries(raw: str, iso: str) -> None:
    assert normalise_date(raw) == iso
    assert is_parsed(iso)


@pytest.mark.parametrize(
    "raw",
    [
        "notadate",
        "October 15",
        "03/04/2024",
        "31-FEB-1987",
        "2024 was a good year",
        "2024-13",
        "sometime in spring",
        "2024-02-30",  # the shape of a date, no day in the calendar: sorted as one before
        "2023-02-29",
        "2024-04-31",
        "20241315",  # the basic form's shape, no month 13
        "20240230",
        "12345678",
    ],
)
def test_what_is_not_a_date_is_kept_as_written_and_marked(raw: str) -> None:
    assert normalise_date(raw) == raw
    assert not is_parsed(raw)
    assert parse_date(raw) is None


@given(st.text(max_size=80))
def test_never_raises(raw: str) -> None:
    out = normalise_date(raw)
    assert out is None or isinstance(out, str)


def test_odd_dates_index_and_sort_after_every_dated_article(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    from tui.screens.library import newest_first

    corpus = tmp_path / "c"
    corpus.mkdir()
    rows = [
        {"id": "a", "title": "A", "text": "Cocoa rose.", "date": "27-MAR-1987 14:02:56.54V RM"},
        {"id": "b", "title": "B", "text": "Wheat fell.", "date": "2024-10-15"},
        {"id": "c", "title": "C", "text": "Oil rose.", "date": "the day after the storm"},
        {"id": "d", "title": "D", "text": "Tin fell.", "date": "Oct. 15, 2023"},
        {"id": "e", "title": "E", "text": "Gold held."},
    ]
    (corpus / "w.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    store = make_store(corpus)
    store.update()
    dates = {a.id.rpartition("#")[2]: a.date for a in store.catalogue()}
    assert dates == {
        "a": "1987-03-27",
        "b": "2024-10-15",
        "c": "the day after the storm",
        "d": "2023-10-15",
        "e": None,
    }
    order = [a.id.rpartition("#")[2] for a in newest_first(store.catalogue())]
    assert order == ["b", "d", "a", "c", "e"]
    from index.search import search

    assert {h.id for h in search(store, "date:1987").hits} == {"w.jsonl#a"}
