"""Two reports that lead with different days but give their event one clock time to the minute
tell one event: a quake "at 4:12 a.m." told as "early on Tuesday" and "on Wednesday morning" has
one magnitude, and 6.1 against 6.4 is a disagreement (reports leading with two days had their
magnitudes set aside as two events' own, as a series' aftershocks are)."""

from __future__ import annotations

from conflict_helpers import conflicts

_A = [
    "Magnitude 6.1 quake strikes off Japan's coast",
    "A magnitude 6.1 earthquake struck off the coast of northeastern Japan early on Tuesday, the "
    "Japan Meteorological Agency said.",
    "The quake hit at {} local time at a depth of 40 kilometres.",
]
_B = [
    "Strong earthquake jolts northeastern Japan",
    "A strong earthquake of magnitude 6.4 shook northeastern Japan on Wednesday morning, the US "
    "Geological Survey said.",
    "The quake struck at 4:12 am at a depth of 25 miles.",
]


def _magnitudes(time_a: str) -> list[str]:
    a = [_A[0], _A[1], _A[2].format(time_a)]
    return [f.detail for f in conflicts(a, _B) if f.detail.startswith("magnitude")]


def test_one_minute_in_both_leads_is_one_event() -> None:
    assert _magnitudes("4:12 a.m.") == ["magnitude: A says '6.1'; B says '6.4'; they differ"]


def test_two_days_and_two_times_stay_two_events() -> None:
    assert _magnitudes("9:47 a.m.") == []
    # a time on the hour or the half hour is too common to tell one event
    b = [_B[0], _B[1], _B[2].replace("4:12", "4:30")]
    a = [_A[0], _A[1], _A[2].format("4:30 a.m.")]
    assert [f.detail for f in conflicts(a, b) if f.detail.startswith("magnitude")] == []
