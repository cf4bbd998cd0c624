"""The time one event began, told by each report in its own words: "The blaze broke out shortly
after 9 p.m." / "The fire started at around 11 p.m.".

The two sentences may share little beyond the event ("blaze broke out" is not "fire started"), so
the pair-by-pair closeness of :mod:`index.compare.conflicts` compares their clock times only when
the words nearly meet. Here each report's *onsets* are read at once: a verb of an event's start
or strike ("broke out", "started", "began", "struck", "collapsed", "gave way", "exploded") with a
clock time close after it, said of a subject. Two reports disagree when each gives its event one
onset time (every onset of that subject in the report at one time), of one subject (the same
noun, a fire's other names, or "it"), more than an hour apart ("shortly after 9 p.m." and
"around 10 p.m." may be one time hedged), on no two different days.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.compare.dates_times import time_gap, times_in
from index.compare.readings import Reading
from index.compare.words import stem

__all__ = ["onset_conflicts"]

_ONSET = re.compile(
    r"\b(?P<subject>[A-Za-z]+)\s+(?:(?:had|has|was|first|reportedly|apparently)\s+){0,2}"
    r"(?:broke out|started|began|erupted|ignited|struck|hit|collapsed|gave way|exploded|"
    r"went off|caught fire)\b(?P<gap>[^.;:,\d]{0,30}?)(?=\d)",
    re.IGNORECASE,
)
# what may sit between the verb and the time: where ("in the building"), a hedge, "at"
_GAP = re.compile(r"^[\s\w'-]*$")
# one event's other names
_ALIKE = {stem(w): "fire" for w in ("fire", "blaze", "flames", "inferno", "wildfire")}
_PRONOUNS = frozenset(["it"])
_HOUR = 60  # minutes: hedged times of one event ("shortly after 9", "around 10") may be this apart


def _onsets(r: Reading) -> list[tuple[str, int, str]]:
    """(subject, minutes, time as written) for each onset told in a sentence, in a zone."""
    out = []
    for m in _ONSET.finditer(r.text):
        if not _GAP.match(m.group("gap")):
            continue
        times = times_in(r.text[m.end() : m.end() + 25])
        if not times or times[0].twelve or not r.text.startswith(times[0].text, m.end()):
            continue  # (an hour with a.m. or p.m., or a 24-hour time, right where the gap ends)
        subject = stem(m.group("subject").lower())
        t = times[0]
        out.append((_ALIKE.get(subject, subject), t.minutes, t.zone + "|" + t.text))
    return out


def _one_onset(rs: Sequence[Reading]) -> dict[str, tuple[int, int, str]]:
    """subject -> (sentence, minutes, text) where the report gives that subject one onset time."""
    seen: dict[str, list[tuple[int, int, str]]] = {}
    for k, r in enumerate(rs):
        if not r.times:
            continue
        for subject, minutes, text in _onsets(r):
            seen.setdefault(subject, []).append((k, minutes, text))
    return {s: v[0] for s, v in seen.items() if all(m == v[0][1] for _, m, _ in v)}


def _same(s: str, t: str) -> bool:
    return s == t or s in _PRONOUNS or t in _PRONOUNS


def onset_conflicts(
    ra: Sequence[Reading], rb: Sequence[Reading]
) -> list[tuple[str, int, int, str, float]]:
    """(kind, i, j, detail, strength) for each event both reports give one different onset time."""
    oa, ob = _one_onset(ra), _one_onset(rb)
    if len(oa) != 1 or len(ob) != 1:
        return []  # one event's onset in each report: several are several events
    (sa, (i, _, ta)), (sb, (j, _, tb)) = next(iter(oa.items())), next(iter(ob.items()))
    za, _, ta = ta.partition("|")
    zb, _, tb = tb.partition("|")
    x, y = ra[i], rb[j]
    if not _same(sa, sb) or za != zb:
        return []
    if x.days and y.days and not x.days.keys() & y.days.keys():
        return []  # told of two days: two events, or one told the day after
    gap = time_gap(*times_in(ta)[:1], *times_in(tb)[:1])
    if gap <= _HOUR:
        return []
    detail = f"time: A says {ta}; B says {tb}; {gap} minutes apart (when it began)"
    return [("date", i, j, detail, 0.75)]
