"""Disagreements of one claim told by two sentences: its date, day or clock time, whether it has
happened, how certain it is, whom it is credited to, a person's fate, and an act one report denies.

Each function answers ``(kind, detail, strength)`` findings for one pair of sentence readings at a
closeness ``c`` (:mod:`index.compare.closeness`); :func:`index.compare.conflicts.find` adds which
sentences they are and ranks them.
"""

from __future__ import annotations

import re

from index.compare.closeness import CERTAIN, CLOCK
from index.compare.dates_times import DAYS, time_gap
from index.compare.figure_conflicts import overlap, same_measure
from index.compare.readings import Reading, cues
from index.compare.status_cues import FATES, denials, same_source
from index.compare.words import stem

__all__ = ["Told", "claim_conflicts", "denial_conflicts", "fate_conflicts"]

Told = tuple[str, str, float]
"""A disagreement found in one pair of sentences: its kind, what it says, and its strength."""


_SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|confirmed|added)\s+(?:on\s+)?(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def _said_on(r: Reading) -> bool:
    """True when a sentence's weekday is the day something was said ("officials said Saturday")."""
    return bool(_SAID_ON.search(r.text))


def _next_day(x: Reading, y: Reading) -> bool:
    """True when two weekdays may name one night: "Thursday night" and "02:41 GMT Friday"."""
    for p, one in x.days.items():
        for q, other in y.days.items():
            d = (DAYS.index(q) - DAYS.index(p)) % 7
            if d not in (1, 6):
                continue
            late, early = (one, other) if d == 1 else (other, one)
            late_r, early_r = (x, y) if d == 1 else (y, x)
            if (
                re.search(r"night|evening|late", late, re.IGNORECASE)
                or re.search(r"early|morning", early, re.IGNORECASE)
                or any(t.zone for t in late_r.times + early_r.times)
            ):
                return True
    return False


def _pinned(x: Reading, y: Reading) -> float:
    """The same figure on both sides ("over 10,000 soldiers") pins down whose status it is."""
    return 0.2 if any(same_measure(f, g) and overlap(f, g) for f in x.figs for g in y.figs) else 0.0


def claim_conflicts(x: Reading, y: Reading, c: float) -> list[Told]:
    """Dates, times, status, certainty and sources of one claim told by both sentences."""
    out: list[Told] = []
    if x.dates and y.dates and not x.dates.keys() & y.dates.keys():
        out.append(
            (
                "date",
                f"date: A says {', '.join(x.dates.values())}; B says {', '.join(y.dates.values())}",
                0.4 + c,
            )
        )
    if (
        len(x.days) == len(y.days) == 1
        and not x.days.keys() & y.days.keys()
        and not _next_day(x, y)
        and not _said_on(x)
        and not _said_on(y)
    ):
        out.append(
            (
                "date",
                f"day: A says {', '.join(x.days.values())}; B says {', '.join(y.days.values())}",
                0.3 + c,
            )
        )
    # one time of each side in one zone: several times in a sentence are several events
    pairs = [
        (p, q)
        for p in x.times
        for q in y.times
        if p.zone == q.zone
        and sum(t.zone == p.zone for t in x.times) == 1
        and sum(t.zone == q.zone for t in y.times) == 1
    ]
    if pairs and c >= CLOCK and all(time_gap(p, q) > 5 for p, q in pairs):
        p, q = min(pairs, key=lambda t: time_gap(*t))
        out.append(
            (
                "date",
                f"time: A says {p.text}; B says {q.text}; {time_gap(p, q)} minutes apart",
                0.3 + c,
            )
        )
    cx, cy = cues(x), cues(y)
    pa, aa = cx.prospective, cx.actual
    pb, ab = cy.prospective, cy.actual
    if pa and not aa and ab and not pb:
        out.append(
            (
                "status",
                f"A says it has not happened yet ('{pa.group(0)}'); B says it has ('{ab.group(0)}')",
                0.4 + c + _pinned(x, y),
            )
        )
    elif pb and not ab and aa and not pa:
        out.append(
            (
                "status",
                f"A says it has happened ('{aa.group(0)}'); B says it has not yet ('{pb.group(0)}')",
                0.4 + c + _pinned(x, y),
            )
        )
    if c < CERTAIN:
        return out  # hedges are everywhere in news: compared only inside one claim
    ha, ca, hb, cb = cx.hedged, cx.confirmed, cy.hedged, cy.confirmed
    if ha and not ca and cb and not hb:
        out.append(
            (
                "certainty",
                f"A reports it as uncertain ('{ha.group(0)}'); B as confirmed ('{cb.group(0)}')",
                0.2 + c,
            )
        )
    elif hb and not cb and ca and not ha:
        out.append(
            (
                "certainty",
                f"A reports it as confirmed ('{ca.group(0)}'); B as uncertain ('{hb.group(0)}')",
                0.2 + c,
            )
        )
    na, nb = set(cx.sources), set(cy.sources)
    if (
        na
        and nb
        and not same_source(na, nb)
        and not any(n.split()[-1] in y.text for n in na)  # each names the other's source
        and not any(n.split()[-1] in x.text for n in nb)
    ):
        # The same claim, near word for word, credited to different people.
        credited = {stem(w.lower()) for n in na | nb for w in n.split()}
        ka, kb = x.stems - credited, y.stems - credited
        share = len(ka & kb) / max(1, min(len(ka), len(kb)))
        if share >= 0.6 and len(ka & kb) >= 2:
            out.append(
                (
                    "attribution",
                    f"source: A credits {', '.join(sorted(na))}; B credits {', '.join(sorted(nb))}",
                    0.2 + share,
                )
            )
    return out


def denial_conflicts(x: Reading, y: Reading, c: float) -> list[Told]:
    """One report denies an act the other states: the same verb, about the same thing."""
    out: list[Told] = []
    for side, r, other in (("A", x, y), ("B", y, x)):
        if (
            "no" not in r.words
            and "never" not in r.words
            and "not" not in r.words
            and ("neither" not in r.words)
        ):
            continue
        for verb, what, written in denials(r.text):
            if verb in other.stems and what & other.stems and not denials(other.text):
                said = "B" if side == "A" else "A"
                out.append(
                    (
                        "status",
                        f"{side} denies it ('{written}'); {said} states it",
                        0.35 + c,
                    )
                )
                return out
    return out


def fate_conflicts(x: Reading, y: Reading, c: float) -> list[Told]:
    """Two accounts of one fate (rescued or captured, dead at the scene or on the way)."""
    out: list[Told] = []
    cx, cy = cues(x), cues(y)
    if not (cx.any_fate and cy.any_fate):
        return out  # a fate told on one side only: nothing to set against it
    for (_, _, say_one, say_other), (a1, a2), (b1, b2) in zip(
        FATES, cx.fates, cy.fates, strict=True
    ):
        if a1 and not a2 and b2 and not b1:
            out.append(
                (
                    "status",
                    f"A says {say_one} ('{a1.group(0)}'); B says {say_other} ('{b2.group(0)}')",
                    0.35 + c,
                )
            )
        elif a2 and not a1 and b1 and not b2:
            out.append(
                (
                    "status",
                    f"A says {say_other} ('{a2.group(0)}'); B says {say_one} ('{b1.group(0)}')",
                    0.35 + c,
                )
            )
    return out
