"""When each report says its story happened, for story grouping (:mod:`index.related.grouping`).

Two sibling events (two earthquakes on one island, two signings by one club) are alike in words,
places and often people; what tells them apart is when they happened. A report's days are its
publication day and the full dates its text states (``DATE|2005-11-27`` entity keys); the years it
names (``YEAR|2005``) are kept too. Two reports that give days fit one story in time when a day of
one falls within :data:`NEAR_DAYS` of a day of the other, or in a year the other names (a report of
a later development names the year of the first event: WikiNews' 2009 reports on the London
bombings say "2005"). Years alone are no report's time: most years a report names are background
(ECB+: a constitution "adopted in 2006" in reports of the 2008 election).

Two groups of reports are apart in time when each has :data:`MIN_DATED` reports that give days
and fewer than :data:`FIT_SHARE` of their dated pairs fit: grouping then keeps them apart, whatever
else joins them. The evidence is read from the features (the store-free grouping has them) or from
the store's features table, only the date and year keys of each row (:func:`store_times`): the
corpus model kept beside the index numbers its keys and does not say which are dates.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.store.core import Store

__all__ = [
    "FIT_SHARE",
    "NEAR_DAYS",
    "ReportTime",
    "apart",
    "features_times",
    "fits",
    "store_times",
    "time_of",
]

NEAR_DAYS = 180
"""Two days this close fit one story. WikiNews' developing stories run for months and join reports
up to four years apart (B-cubed recall 0.768 kept from 120 days on; 0.748 at 30 and 60)."""
FIT_SHARE = 0.2
"""Two groups are apart in time when fewer than this share of their dated pairs fit."""
MIN_DATED = 2
"""... and when each group has at least this many reports that give a day: a single report far in
time from a group is as often a later development of its story (WikiNews recall 0.768 -> 0.750 at
1, with 365 days). B-cubed P / R at 120 / 180 / 365 days (2; 1 at 365): 10,000 generated articles
0.931 / 0.929 / 0.922 (0.942) / 0.990, from 0.899 / 0.990 without; WikiNews and ECB+ (no
publication days, and its older reports state none) unchanged."""
_MAX_PAIRS = 400

_KEY = re.compile(r'"(?:YEAR\|(\d{4})|DATE\|(\d{4})-(\d\d)-(\d\d))"')
"""A year key or a full date key, as a features row's JSON text holds them."""


@dataclass(frozen=True, slots=True)
class ReportTime:
    """What one report gives of when its story happened.

    Attributes:
        days: Proleptic Gregorian ordinals: the publication day and the full dates the text states.
        years: The years the text names (with or without a day): they let a later report's days
            fit an earlier one's, never a report's time on their own.
    """

    days: tuple[int, ...]
    years: frozenset[int]

    def __bool__(self) -> bool:
        return bool(self.days or self.years)


_NONE = ReportTime((), frozenset())


def time_of(day: int | None, keys: Iterable[str]) -> ReportTime:
    """A report's time from its publication day and its entity keys (``LABEL|canonical``)."""
    days = [] if day is None else [day]
    years: set[int] = set()
    for key in keys:
        label, _, value = key.partition("|")
        if label == "YEAR" and value.isdigit():
            years.add(int(value))
        elif label == "DATE":
            found = _ordinal(value[:4], value[5:7], value[8:10]) if len(value) == 10 else None
            if found is not None:
                days.append(found)
    return _made(days, years)


def _made(days: list[int], years: set[int]) -> ReportTime:
    if not days and not years:
        return _NONE
    return ReportTime(tuple(sorted(set(days))), frozenset(years))


def _ordinal(year: str, month: str, day: str) -> int | None:
    if not (year.isdigit() and month.isdigit() and day.isdigit()):
        return None
    try:
        return dt.date(int(year), int(month), int(day)).toordinal()
    except ValueError:
        return None


def features_times(
    ids: Sequence[str], all_features: Mapping[str, Any], days: Sequence[int | None]
) -> list[ReportTime]:
    """Each report's time, from its features (the store-free grouping)."""
    out: list[ReportTime] = []
    for i, day in zip(ids, days, strict=True):
        ents = all_features[i].get("ents") or []
        out.append(time_of(day, [str(k) for k, _ in ents]))
    return out


def store_times(
    store: Store, ids: Sequence[str], days: Sequence[int | None]
) -> list[ReportTime] | None:
    """Each report's time, its date and year keys read from the store's features table as text
    (10,000 generated articles: ~0.2 s, where decoding every row took seconds and ~560 MB).

    Returns:
        ``None`` when the table cannot be read (grouping goes on without the evidence).
    """
    from index.store import database

    found: dict[str, tuple[list[int], set[int]]] = {}
    try:
        with database.reading(store.index_dir) as con:
            for aid, data in con.execute("SELECT id, data FROM features"):
                text = str(data)
                # The entity keys come last in a row; a headline may hold anything.
                start = text.rfind('"ents"')
                if start < 0:
                    continue
                dated: list[int] = []
                named: set[int] = set()
                for year, y, m, d in _KEY.findall(text, start):
                    if year:
                        named.add(int(year))
                    else:
                        o = _ordinal(y, m, d)
                        if o is not None:
                            dated.append(o)
                if dated or named:
                    found[aid] = (dated, named)
    except (database.DatabaseError, sqlite3.Error):
        return None
    out: list[ReportTime] = []
    for aid, day in zip(ids, days, strict=True):
        dated, named = found.get(aid, ([], set()))
        out.append(_made([*dated, *([] if day is None else [day])], set(named)))
    return out


def fits(a: ReportTime, b: ReportTime) -> bool:
    """Whether two reports that give days can tell one story in time (see the module's
    docstring)."""
    for x in a.days:
        for y in b.days:
            if abs(x - y) <= NEAR_DAYS:
                return True
    if a.years and any(dt.date.fromordinal(y).year in a.years for y in b.days):
        return True
    return bool(b.years) and any(dt.date.fromordinal(x).year in b.years for x in a.days)


def apart(times: Sequence[ReportTime], a: Sequence[int], b: Sequence[int]) -> bool:
    """Whether groups ``a`` and ``b`` (report numbers) are apart in time: each has
    :data:`MIN_DATED` reports that give days, and fewer than :data:`FIT_SHARE` of those reports'
    pairs across the groups fit (an even sample of them for large groups)."""
    da = [m for m in a if times[m].days]
    db = [m for m in b if times[m].days]
    if len(da) < max(1, MIN_DATED) or len(db) < max(1, MIN_DATED):
        return False
    pairs = [(x, y) for x in da for y in db]
    if len(pairs) > _MAX_PAIRS:
        step = len(pairs) / _MAX_PAIRS
        pairs = [pairs[int(i * step)] for i in range(_MAX_PAIRS)]
    fit = sum(1 for x, y in pairs if fits(times[x], times[y]))
    return fit < FIT_SHARE * len(pairs)
