"""Ordinals as figures: "trapped on the fourth floor" / "on the third floor", "the second pillar"
/ "the third pillar". An ordinal says which one of a row; two reports telling one claim with two
different ordinals of one noun disagree as two counts do.

Read here, not in :mod:`index.compare.figures` (an ordinal measures nothing: it picks one of a
row), and compared only between sentences telling one claim, a definite one ("the fourth") that
one side tells as where something is ("on the fourth floor", "from the third floor"). Which of a
series is left alone: over ECB+ and WikiNews (2,887 pairs) every ordinal of one noun read so
(22 findings) was two true things ("flooring Rahman in the sixth round" / "stopped in the
seventh", "the second victory" / "the 58th victory", "first base" / "third base", "the 86th
Oscars" / "the 79th"); read as places, none. Also left alone, and why:

- units of time and turns ("the third day of the strike", "for the second time", "the fourth
  straight year", "the sixth round"): two reports written on different days count them from
  different days, and a bout or a match holds many;
- an ordinal the other report also gives to that noun anywhere ("the first quake" and "the
  second quake" in both): each report tells both of the row;
- a sentence giving that noun two ordinals ("the second and third floors").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.compare.words import stem

__all__ = ["Ordinal", "ordinal_conflicts", "ordinals"]

_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
# a definite one of a row, where something is ("on the fourth floor", "the third pillar from the
# bank"): "the" before it, a lower-case noun after it (not a name: "the 86th Oscars")
_ORDINAL = re.compile(
    r"\b(?P<where>(?:on|at|from|onto|off|to)\s+)?[Tt]he\s+"
    r"(?P<ord>(?i:" + "|".join(_WORDS) + r"|\d{1,2}(?:st|nd|rd|th)))[ -]+(?P<noun>[a-z]{3,})\b"
)
# the nouns an ordinal counts in time or in turns, or that are no row at all
_LEFT_ALONE = frozenset(
    stem(w)
    for w in (
        "time times day days week weeks month months year years quarter half hour hours minute "
        "minutes century decade season term straight consecutive successive largest biggest "
        "highest lowest worst best most least last person people man woman one ones place "
        "round inning lap stage leg set game match wave period attempt"
    ).split()
)


@dataclass(frozen=True, slots=True)
class Ordinal:
    """An ordinal and the noun it picks one of: ``value`` 4 and ``noun`` the stem of "floor"."""

    value: int
    noun: str
    text: str
    where: bool  # told where something is ("on the fourth floor")


def ordinals(text: str) -> list[Ordinal]:
    """The ordinals of a sentence followed by their noun ("fourth floor", "2nd round")."""
    out = []
    for m in _ORDINAL.finditer(text):
        word = m.group("ord").lower()
        value = _WORDS.get(word) or int(word[:-2])
        noun = stem(m.group("noun"))
        if noun in _LEFT_ALONE:
            continue
        out.append(Ordinal(value, noun, m.group(0)[m.start("ord") - m.start() :], bool(m["where"])))
    return out


def ordinal_conflicts(
    xs: Sequence[Ordinal],
    ys: Sequence[Ordinal],
    all_a: Sequence[Ordinal],
    all_b: Sequence[Ordinal],
) -> list[tuple[str, float]]:
    """Two ordinals of one noun that differ, in two sentences telling one claim, as (detail,
    strength). ``all_a``/``all_b`` are every ordinal of each report."""
    out = []
    for x in xs:
        if sum(1 for o in xs if o.noun == x.noun) > 1:
            continue
        for y in ys:
            if y.noun != x.noun or y.value == x.value:
                continue
            if sum(1 for o in ys if o.noun == y.noun) > 1:
                continue
            if not (x.where or y.where):
                continue  # "the second victory" / "the 58th victory": which of a series
            said_b = any(o.noun == x.noun and o.value == x.value for o in all_b)
            said_a = any(o.noun == y.noun and o.value == y.value for o in all_a)
            if said_a or said_b:
                continue  # the other report tells that one of the row too
            out.append((f"which one: A says '{x.text}'; B says '{y.text}'", 0.5))
    return out
