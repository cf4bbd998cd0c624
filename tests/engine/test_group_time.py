"""Story grouping's time guard (index.related.group_time): two sibling events told alike, months
apart, stay two stories; a later development that names its story's year joins it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from index.related import group_time, grouping
from index.related.group_time import ReportTime, fits, store_times, time_of

WORDS = ["quake", "island", "magnitude", "villages", "rescue", "tents", "richter", "aftershock"]
NAMES = ["PLACE|qeshm", "PLACE|iran", "ORG|red crescent"]


def _day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def _report(n: int, day: str | None, extra_ents: list[str] | None = None) -> dict[str, Any]:
    # Every report told in the same words and names: only time tells the events apart.
    terms = [[w, 2] for w in WORDS] + [[f"own{n}", 1]]
    ents = [[k, 2] for k in NAMES] + [[k, 1] for k in extra_ents or []]
    return {
        "terms": terms,
        "ents": ents,
        "title": f"report {n}",
        "day": _day(day) if day else None,
    }


def _events(first: str, second: str, second_ents: list[str] | None = None) -> dict[str, Any]:
    feats: dict[str, Any] = {}
    for n in range(3):
        feats[f"a{n}"] = _report(n, first)
        feats[f"b{n}"] = _report(10 + n, second, second_ents)
    return feats


def _stories(feats: dict[str, Any]) -> list[list[str]]:
    return sorted(sorted(g.article_ids) for g in grouping.group(feats) if len(g.article_ids) > 1)


def test_sibling_events_years_apart_stay_apart() -> None:
    assert _stories(_events("2005-11-27", "2008-09-10")) == [["a0", "a1", "a2"], ["b0", "b1", "b2"]]


def test_without_the_time_guard_they_join(monkeypatch: pytest.MonkeyPatch) -> None:
    # The premise: nothing but time tells them apart (the grouping before the guard).
    monkeypatch.setattr(group_time, "MIN_DATED", 10**6)
    assert _stories(_events("2005-11-27", "2008-09-10")) == [["a0", "a1", "a2", "b0", "b1", "b2"]]


def test_reports_weeks_apart_are_one_story() -> None:
    assert _stories(_events("2005-11-27", "2006-01-15")) == [["a0", "a1", "a2", "b0", "b1", "b2"]]


def test_a_later_development_naming_the_first_year_joins() -> None:
    feats = _events("2005-07-12", "2009-07-07", ["YEAR|2005"])
    assert _stories(feats) == [["a0", "a1", "a2", "b0", "b1", "b2"]]


def test_reports_without_days_are_no_evidence() -> None:
    # ECB+'s older reports: no publication day, years named only as background.
    feats = _events("2005-11-27", "2008-09-10")
    for n in range(3):
        feats[f"b{n}"]["day"] = None
        feats[f"b{n}"]["ents"].append(["YEAR|2001", 1])
    assert _stories(feats) == [["a0", "a1", "a2", "b0", "b1", "b2"]]


def test_time_of_reads_days_and_years() -> None:
    t = time_of(
        _day("2013-10-05"),
        ["DATE|2013-09-26", "DATE|--12-15", "DATE|2013-02-30", "YEAR|2008", "PLACE|x"],
    )
    assert t.days == (_day("2013-09-26"), _day("2013-10-05"))  # month-days and impossible dates out
    assert t.years == frozenset({2008})
    assert not time_of(None, ["DATE|sunday", "PERSON|a"])


def test_fits() -> None:
    a = ReportTime((_day("2005-07-12"),), frozenset())
    assert fits(a, ReportTime((_day("2005-09-20"),), frozenset()))
    later = ReportTime((_day("2009-07-07"),), frozenset())
    assert not fits(a, later)
    assert fits(a, ReportTime(later.days, frozenset({2005})))
    assert fits(ReportTime(later.days, frozenset({2005})), a)


def test_store_times_read_what_the_features_hold(tmp_path: Path) -> None:
    from index.related.group_time import features_times
    from index.related.stored import stored_model
    from index.store.core import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = [
        {
            "id": "q1",
            "title": "Quake 2005",
            "date": "2005-11-28",
            "source": "x",
            "text": "An earthquake hit Qeshm island on 27 November 2005, after one in 2003.",
        },
        {
            "id": "q2",
            "title": "Quake",
            "date": None,
            "source": "y",
            "text": "A quake of magnitude 5.6 struck Qeshm on Sunday.",
        },
        {
            "id": "v1",
            "title": "Vote",
            "date": "2013-09-27",
            "source": "z",
            "text": "Turkmenistan holds its election on December 15, 2013.",
        },
    ]
    (corpus / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    store = Store([corpus], index_dir=tmp_path / "ix")
    store.update()
    model = stored_model(store)
    got = store_times(store, model.ids, model.days)
    assert got == features_times(model.ids, store.features(), model.days)
    by_id = dict(zip(model.ids, got or [], strict=True))
    quake = next(t for i, t in by_id.items() if i.endswith("q1"))
    assert _day("2005-11-27") in quake.days and _day("2005-11-28") in quake.days
    assert {2003, 2005} <= quake.years
    assert not next(t for i, t in by_id.items() if i.endswith("q2")).days
