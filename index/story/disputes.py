"""Which disagreements the comparison finds between two reports of a story are disagreements."""

from __future__ import annotations

import datetime as dt

from index.story.engine import conflicts
from index.story.pairs import Prepped

WEEK = 7
"""Days apart beyond which two reports' figures, times and states are not set against each other."""


def kept(
    f: conflicts.Finding,
    gap: int | None,
    a: Prepped,
    b: Prepped,
    days: tuple[frozenset[dt.date], frozenset[dt.date]] = (frozenset(), frozenset()),
) -> bool:
    """Whether a disagreement the comparison finds between two reports of a story is one.

    Args:
        f: The finding.
        gap: Days between the two reports' publication (``None`` when either is undated).
        a: The first report, prepared.
        b: The second.
        days: The days each of the two sentences names (:func:`index.story.timing.named_days`).

    Between reports published on different days, two dates or weekdays are those of two events of
    the story, and a hedge against a confirmation is the story developing ("suspected" on June 2,
    "confirmed" on June 6), not a disagreement: on three WikiNews stories all 23 such findings read
    false. So is a figure that differs: a toll that rose ("thousands" on January 13, "about
    200,000" on January 20), a count that grew, a time elapsed ("eight days after" / "eleven days
    ago"), a second quake's depth, two percentages of two things; the figures over time show them
    (the ten WikiNews stories: 14 such findings within a week, 13 read false, one arguable); and so
    are two clock times of sentences that name two days (a quake "on Wednesday night" and one "on
    Saturday"). More than :data:`WEEK` days apart, two reports tell two moments of a developing
    story (two aftershocks' magnitudes and times, a toll that rose): on the ten WikiNews stories a
    third of the 88 such findings were read, all false; a figure that moved is in the figures over
    time. Two sentences that both deny ("not yet certain what caused" / "not yet known") agree.
    """
    if gap and (
        gap > WEEK
        or f.kind in ("certainty", "figure")
        or f.detail.startswith(("date:", "day:"))
        or (f.detail.startswith("time:") and days[0] and days[1] and not days[0] & days[1])
    ):
        return False
    return not (f.kind == "status" and a.prepared[f.i].negated and b.prepared[f.j].negated)
