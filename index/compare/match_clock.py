"""When a bout was stopped, told as the time gone in the round or as the time left in it.

"referee Sam Williams stopped it at 2:56" and "stopped Thompson with two seconds remaining of the
sixth round" tell one stoppage two ways: 2:56 of a three-minute round is four seconds before its
end, not two. Each report's stoppage is read at once (the sentences may share no word): a clock
time after a verb of stopping ("stopped it at 2:56", "waved it off at 1:30 of the fifth round"),
or a count of seconds or minutes left in the round beside one ("with two seconds remaining of the
sixth round"), turned into the time gone with the round's length (five minutes when a report
speaks of mixed martial arts, the UFC or a cage; three otherwise, as in professional boxing).
Only a report that gives one stoppage time, of no other year or month ("stopped Rahman in 2008"),
is compared, and never a hedged one ("about 20 seconds left"); two rounds named apart are two
fights.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.compare.numbers import number_value
from index.compare.readings import Reading

__all__ = ["stoppage_conflicts"]

_STOP = r"(?:stopped|stoppage|waved|halted|knocked|counted)"
_ROUND = r"(?:\s+(?:of|into|in)\s+(?:the\s+)?(?:(?P<nth>\w+)[- ]round|round\s+(?P<num>\w+)))?"
_GONE = re.compile(rf"\b{_STOP}\b[^.;]{{0,40}}?\bat\s+(?P<m>\d):(?P<s>[0-5]\d)\b" + _ROUND)
_LEFT = re.compile(
    r"\b(?P<hedge>about|around|some|nearly|almost|roughly|just)?\s*(?P<n>\w+(?:-\w+)?)\s+"
    r"(?P<unit>seconds?|minutes?)\s+(?:remaining|left|to go)\s+(?:of|in)\s+(?:the\s+)?"
    r"(?:(?P<nth>\w+)[- ]round|round\s+(?P<num>\w+))",
    re.IGNORECASE,
)
_STOP_WORD = re.compile(rf"\b{_STOP}\b|\bstop\b", re.IGNORECASE)
_CAGE = frozenset(["ufc", "mma", "octagon", "cage", "martial"])
_GATE = frozenset(["stopped", "stoppage", "waved", "halted", "knocked", "counted", "remaining",
                   "left"])  # fmt: skip
# a report of a bout: a time of day ("stopped at 2:30") is no time into a round
_BOUT = frozenset(["referee", "bout", "fight", "knockout", "boxing", "boxer", "heavyweight",
                   "ko", "tko", "ufc", "mma", "title", "champion", "challenger"])  # fmt: skip
_NTH = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip

Stop = tuple[int, int, int | None, str]  # sentence, seconds gone in the round, round, as written


def _round(m: re.Match[str]) -> int | None:
    word = (m.group("nth") or m.group("num") or "").lower()
    if not word:
        return None
    if word in _NTH:
        return _NTH[word]
    digits = re.match(r"\d+", word)
    return int(digits.group(0)) if digits else None


def _stops(rs: Sequence[Reading], length: int) -> list[Stop]:
    out: list[Stop] = []
    for k, r in enumerate(rs):
        if r.words.isdisjoint(_GATE) or r.when:
            continue  # (a month or year named: another bout)
        for m in _GONE.finditer(r.text):
            gone = int(m.group("m")) * 60 + int(m.group("s"))
            if gone < length:
                out.append((k, gone, _round(m), m.group(0)[m.group(0).find("at ") :]))
        if not _STOP_WORD.search(r.text):
            continue
        for m in _LEFT.finditer(r.text):
            if m.group("hedge"):
                continue  # "about 20 seconds left": no time to compare
            n = m.group("n")
            value = int(n) if n.isdigit() else number_value(n)
            if value is None:
                continue
            left = int(value) * (60 if m.group("unit").lower().startswith("minute") else 1)
            if 0 < left < length:
                out.append((k, length - left, _round(m), m.group(0).strip()))
    return out


def stoppage_conflicts(
    ra: Sequence[Reading], rb: Sequence[Reading]
) -> list[tuple[str, int, int, str, float]]:
    """The stoppage of a bout told at two times, as ``(kind, i, j, detail, strength)``."""
    for rs in (ra, rb):
        words = frozenset().union(*(r.words for r in rs))
        if words.isdisjoint(_GATE) or "round" not in words or words.isdisjoint(_BOUT):
            return []
    cage = any(not r.words.isdisjoint(_CAGE) for r in (*ra, *rb))
    length = 300 if cage else 180
    sa, sb = _stops(ra, length), _stops(rb, length)
    if len({s[1] for s in sa}) != 1 or len({s[1] for s in sb}) != 1:
        return []  # none, or several stoppages (knockdowns, other bouts): which is which?
    (i, gone_a, round_a, said_a), (j, gone_b, round_b, said_b) = sa[0], sb[0]
    if round_a and round_b and round_a != round_b:
        return []
    if abs(gone_a - gone_b) < 2:
        return []
    minutes = length // 60
    detail = (
        f"stoppage time: A says '{said_a}' ({gone_a // 60}:{gone_a % 60:02d} into the round); "
        f"B says '{said_b}' ({gone_b // 60}:{gone_b % 60:02d} of a {minutes}-minute round)"
        if said_a.startswith("at ") and not said_b.startswith("at ")
        else f"stoppage time: A says '{said_a}' ({gone_a // 60}:{gone_a % 60:02d}); "
        f"B says '{said_b}' ({gone_b // 60}:{gone_b % 60:02d}); in {minutes}-minute rounds"
    )
    return [("figure", i, j, detail, 0.7)]
