"""Disagreements of one claim told by two sentences: its date, day or clock time, whether it has
happened, how certain it is, and whom it is credited to (a person's fate and an act one report
denies are in :mod:`index.compare.act_conflicts`).

Each function answers ``(kind, detail, strength)`` findings for one pair of sentence readings at a
closeness ``c`` (:mod:`index.compare.closeness`); :func:`index.compare.conflicts.find` adds which
sentences they are and ranks them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from index.compare.act_conflicts import Told, conditional
from index.compare.closeness import CERTAIN, CLOCK, NEAR
from index.compare.dates_times import DAYS, time_gap
from index.compare.figure_measures import overlap, same_measure
from index.compare.figure_sources import named_sources, same_source
from index.compare.numbers import NUMBER_WORDS
from index.compare.readings import SERIES, Reading, cues, own_dates
from index.compare.said_of import (
    WHEN_WORDS,
    acts_of,
    around,
    one_act_of_one_name,
    said_of_same,
    widen,
)
from index.compare.speaker_roles import same_figures, speaker_conflict
from index.compare.words import STOP, stem

__all__ = [
    "Told",
    "claim_conflicts",
    "day_of_one_act",
    "days_apart",
]


# the day something was said or decided, not the day of the act ("decided on Saturday to fire
# O'Brien" / "fired O'Brien on Monday")
# ... nor the day one was told or a statement issued ("told news outlets Wednesday", "issued a
# statement Tuesday expressing condolences" / "was fired from Gordon Advisors on Thursday")
_SAID_ON = re.compile(
    r"\b(?:(?:said|says|told|announced|reported|confirmed|added|decided|agreed|voted|promised)"
    r"|(?:told|tells)\s+(?:[a-z]+\s+)?(?:reporters|journalists|outlets|media|press)"
    r"|(?:issued|released|put\s+out)\s+(?:a|an|its|their|his|her)\s+(?:\w+\s+)?"
    r"(?:statement|release|announcement))\s+"
    r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


def _said_on(r: Reading) -> bool:
    """True when a sentence's weekday is the day something was said ("officials said Saturday")."""
    return bool(_SAID_ON.search(r.text))


def days_apart(x: Reading, y: Reading) -> bool:
    """Whether two sentences tell their events on two days: one weekday each, of its own event
    (not inside a noun phrase, not the day something was said), neither the other's night."""
    (_, wx), (_, wy) = own_dates(x), own_dates(y)
    return (
        len(wx) == len(wy) == 1
        and not wx.keys() & wy.keys()
        and not _said_on(x)
        and not _said_on(y)
        and not _next_day(x, y)
    )


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


def _of_one_act(
    x: Reading, xs: Mapping[Any, str], y: Reading, ys: Mapping[Any, str], one: bool
) -> tuple[list[str], list[str]]:
    """A day or date (of ``xs`` and ``ys``, as written) that names a noun's event, and one of
    the other sentence told of the same act done to the same thing: the noun's object in the
    words around the other's day ("the November 18 sinking of a Thai fishing trawler" / "On
    November 19, INS Tabar sunk a fishing trawler"), or, in one claim, the same noun ("the
    June 20 shooting" / "the June 21 shooting"). Else ([], [])."""
    for p, (head, what) in x.named.items():
        if p not in xs:
            continue
        for q, w in ys.items():
            other = y.named.get(q)
            if other is not None:
                if one and (head & other[0] or acts_of(head) & acts_of(other[0])):
                    return [xs[p]], [w]
            elif _done_to(what, y, w):
                return [xs[p]], [w]
    for q, (_, what) in y.named.items():
        if q in ys:
            for p, w in xs.items():
                if p not in x.named and _done_to(what, x, w):
                    return [w], [ys[q]]
    return [], []


def _done_to(what: frozenset[str], r: Reading, written: str) -> bool:
    """Whether two words or more of what a noun's act is done to are around ``written`` in ``r``
    ("a Thai fishing trawler" / "On November 19, INS Tabar sunk a fishing trawler")."""
    if len(what) < 2:
        return False
    i = r.text.find(written)
    return i >= 0 and len(what & around(r.text, i, i + len(written), k=8)) >= 2


def _days_of_one_thing(
    x: Reading, y: Reading, one: bool, wx: Mapping[str, str], wy: Mapping[str, str]
) -> bool:
    """Whether the one weekday of each sentence is told of one thing: of one event or act (the
    words around each meet), or both of one statement in one claim ("Officials said on Monday that
    20,000 homes were without power" / "Officials said on Tuesday that ..."). The day something was
    said is not the day of the act ("officials said Saturday" / "exploded Friday"), and two
    statements of other claims are two statements."""
    said_x, said_y = _said_on(x), _said_on(y)
    if said_x or said_y:
        return said_x and said_y and one
    return one or _told_of_same(x, list(wx.values()), y, list(wy.values()))


_OWN_WORDS = 0.1  # the least word closeness from which a status, hedge or source is one claim's
_ONE_CLAIM = 0.6  # closeness from which two sentences tell one claim, whatever words surround a day


def _told_of_same(x: Reading, said_x: list[str], y: Reading, said_y: list[str]) -> bool:
    """Whether some day or date of ``x`` and some of ``y`` are told of the same event."""
    return any(said_of_same(x, p, y, q) for p in said_x for q in said_y)


def _hedge_against(
    hedged: Reading, hedge: re.Match[str], sure: Reading, confirm: re.Match[str], own: float
) -> bool:
    """Whether one sentence's hedge and the other's confirmation are of one claim: the words of
    their clauses meet (:func:`_hedged_alike`), and never a condition ("If it is proven that they
    deliberately entered"). Two sentences close in their words may hedge and confirm two things
    ("the rep confirmed she was at the same clinic" / "It is unclear what she is being treated
    for"; "a fire that was deliberately set" / "Palin reportedly apologized"): a closeness of
    ``CERTAIN`` alone no longer makes them one claim (ECB+ and WikiNews same-story pairs: 8 false
    gone, none true lost)."""
    if conditional(sure):
        return False
    # what is hedged follows the hedge ("Possible bodies", "may have broken up"): the confirming
    # sentence must tell some of it
    said = _hedged_words(hedged.text, hedge.end()) if _BEFORE_WHAT.match(hedge.group(0)) else None
    if said and len(said & sure.stems) < min(2, len(said)):
        # (two of its words at least: "thought to be missing Air France flight" is not told by
        # "confirmed by the Brazilian Air Force that a seat was found")
        return False
    return _hedged_alike(hedged, hedge, sure, confirm)


# hedges whose object follows them ("Possible bodies", "may have broken up", "thought to be the
# missing plane"); an adverb
# ("photos allegedly showing abuse") hedges what comes before it as much
_BEFORE_WHAT = re.compile(
    r"possible|may have|might have|could have|believed to|thought to", re.IGNORECASE
)


def _hedged_words(text: str, at: int) -> frozenset[str]:
    """The content stems of the few words after a hedge, up to a comma or stop."""
    clause = re.split(r"[,;:.]", text[at:], maxsplit=1)[0]
    words = [w for w in _TOKEN.findall(clause) if w.lower() not in STOP and w.lower() not in _LIGHT]
    return frozenset(stem(w.lower()) for w in words[:3])


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LIGHT = frozenset(["be", "been", "have", "come"])  # ("thought to be", "suspected to have come")


def _hedged_alike(x: Reading, hedge: re.Match[str], y: Reading, sure: re.Match[str]) -> bool:
    """Whether a hedge and a confirmation are of one thing: the words of their clauses meet
    ("wreckage suspected to have come from Air France Flight 447" / "confirmed by the Brazilian
    government to be from Air France")."""
    # what each tells is in the words around it and the first content words after it ("to have
    # come from Air France"); a passive's agent is who confirms, not what ("confirmed by the
    # Brazilian government to be from Air France Flight 447")
    agent = _AGENT.match(y.text, sure.end())
    end = agent.end() if agent else sure.end()
    near_x = around(x.text, *hedge.span(), k=4) | _told(x.text, hedge.end())
    if _THAT.match(y.text, end):
        # "Teams from France and Brazil have confirmed that ...": who confirms, then what
        near_y = _told(y.text, end)
    else:
        near_y = around(y.text, sure.start(), end, k=4) | _told(y.text, end)
    if not _WORD.search(y.text, end):
        # a confirmation ending its sentence confirms all before it ("The minister resigned after
        # the vote, officials confirmed.")
        near_y = near_y | y.stems
    return bool(widen(near_x, x.aliases) & widen(near_y, y.aliases))


def _told(text: str, at: int, n: int = 2) -> frozenset[str]:
    """The stems of the first ``n`` content words after ``at`` in its clause, numbers and days
    aside: what a hedge or a confirmation is of ("to have come from Air France"; in "reportedly
    apologized for the possibility the fire was related" the fire is a third word, not what is
    hedged)."""
    clause = re.split(r"[,;:.]", text[at:], maxsplit=1)[0]
    words = [
        w.lower()
        for w in _TOKEN.findall(clause)
        if w.lower() not in STOP
        and w.lower() not in _LIGHT
        and w.lower() not in NUMBER_WORDS
        and w.lower() not in WHEN_WORDS
    ]
    return frozenset(stem(w) for w in words[:n])


_WORD = re.compile(r"[^\W\d_]{2,}")
_THAT = re.compile(r"\s+that\b")
_AGENT = re.compile(r"\s+by\s+[^,;.]{1,60}?(?=\s(?:to|that|as)\b)")


def _pinned(x: Reading, y: Reading) -> float:
    """The same figure on both sides ("over 10,000 soldiers") pins down whose status it is."""
    return 0.2 if any(same_measure(f, g) and overlap(f, g) for f in x.figs for g in y.figs) else 0.0


def claim_conflicts(
    x: Reading, y: Reading, c: float, own: float | None = None, whole: float | None = None
) -> list[Told]:
    """Dates, times, status, certainty and sources of one claim told by both sentences.

    ``c`` is the closeness raised by the caller's alignment, ``own`` the sentences' own word
    closeness (``c`` when ``None``): an alignment says two sentences are of one event, not that
    each day or time they give is that event's. ``whole`` is the share of the longer sentence's
    words found in the other (``own`` when ``None``): from ``_ONE_CLAIM`` the two tell one claim.
    """
    out: list[Told] = []
    own = c if own is None else own
    # near word for word, both ways: every day and time of it is the same event's ("It had a
    # magnitude of 4.1." is all in a long sentence about another quake, which is not one claim)
    one = (own if whole is None else whole) >= _ONE_CLAIM
    # "The fourth shake took place at 05:19" / "It took place at 23:49": each of its own event,
    # however alike the words (a month or year in one sentence only, "told People in October",
    # leaves the day its own)
    timed = (x.when & SERIES) == (y.when & SERIES)
    # a day or date inside a noun phrase names that noun's event ("the June 20 shooting"): it
    # is compared only with one told of the same act done to the same thing (``_of_one_act``)
    (dx, wx), (dy, wy) = own_dates(x), own_dates(y)
    if timed and x.dates and y.dates and not x.dates.keys() & y.dates.keys():
        px, py = [], []
        if dx and dy and (one or _told_of_same(x, list(dx.values()), y, list(dy.values()))):
            px, py = list(dx.values()), list(dy.values())
        else:
            px, py = _of_one_act(x, x.dates, y, y.dates, one)
        if px and py:
            out.append(("date", f"date: A says {', '.join(px)}; B says {', '.join(py)}", 0.4 + c))
    if timed and x.days and y.days and not x.days.keys() & y.days.keys() and not _next_day(x, y):
        if len(wx) == len(wy) == 1 and _days_of_one_thing(x, y, one, wx, wy):
            px, py = list(wx.values()), list(wy.values())
        else:
            px, py = _of_one_act(x, x.days, y, y.days, one)
        if len(px) == len(py) == 1:
            out.append(("date", f"day: A says {px[0]}; B says {py[0]}", 0.3 + c))
    # one time of each side in one zone: several times in a sentence are several events
    pairs = [
        (p, q)
        for p in x.times
        for q in y.times
        if p.zone == q.zone
        and sum(t.zone == p.zone for t in x.times) == 1
        and sum(t.zone == q.zone for t in y.times) == 1
    ]
    if not one:
        pairs = [(p, q) for p, q in pairs if said_of_same(x, p.text, y, q.text)]
    # a time given with its zone ("02:00 GMT") is a time of record, told of one event: compared
    # from a candidate's closeness, the words around both meeting; a local time only inside a claim
    zoned = bool(pairs) and all(p.zone for p, _ in pairs)
    near = c >= CLOCK or (zoned and c >= NEAR and not one)
    if timed and pairs and near and all(time_gap(p, q) > 5 for p, q in pairs):
        p, q = min(pairs, key=lambda t: time_gap(*t))
        out.append(
            (
                "date",
                f"time: A says {p.text}; B says {q.text}; {time_gap(p, q)} minutes apart",
                0.3 + c,
            )
        )
    pinned = _pinned(x, y) if own < _OWN_WORDS else None  # (read only when it decides)
    if own < _OWN_WORDS and not pinned:
        return out  # aligned, but sharing no words nor figure: a status or hedge of what else?
    cx, cy = cues(x), cues(y)
    pa, aa = cx.prospective, cx.actual
    # (each side's cues are read only when the other's could disagree with them)
    pb, ab = (cy.prospective, cy.actual) if pa or aa else (None, None)
    if pa and not aa and ab and not pb:
        out.append(
            (
                "status",
                f"A says it has not happened yet ('{pa.group(0)}'); B says it has ('{ab.group(0)}')",
                0.4 + c + (_pinned(x, y) if pinned is None else pinned),
            )
        )
    elif pb and not ab and aa and not pa:
        out.append(
            (
                "status",
                f"A says it has happened ('{aa.group(0)}'); B says it has not yet ('{pb.group(0)}')",
                0.4 + c + (_pinned(x, y) if pinned is None else pinned),
            )
        )
    if c < CERTAIN or own < _OWN_WORDS:
        return out  # hedges are everywhere in news: compared only inside one claim
    ha, ca = cx.hedged, cx.confirmed
    hb, cb = (cy.hedged, cy.confirmed) if ha or ca else (None, None)
    if ha and not ca and cb and not hb and _hedge_against(x, ha, y, cb, own):
        out.append(
            (
                "certainty",
                f"A reports it as uncertain ('{ha.group(0)}'); B as confirmed ('{cb.group(0)}')",
                0.2 + c,
            )
        )
    elif hb and not cb and ca and not ha and _hedge_against(y, hb, x, ca, own):
        out.append(
            (
                "certainty",
                f"A reports it as confirmed ('{ca.group(0)}'); B as uncertain ('{hb.group(0)}')",
                0.2 + c,
            )
        )
    # (an office alone, "the Alaska Governor said", may be the person the other names: "Palin")
    na = named_sources(set(cx.sources)) if cx.sources else set()
    nb = named_sources(set(cy.sources)) if na and cy.sources else set()
    if len(na) < len(cx.sources) or len(nb) < len(cy.sources):
        na = nb = set()
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
        if share >= 0.6 and len(ka & kb) >= 2 and same_figures(x, y):
            out.append(
                (
                    "attribution",
                    f"source: A credits {', '.join(sorted(na))}; B credits {', '.join(sorted(nb))}",
                    0.2 + share,
                )
            )
    if not (na and nb):  # ... or to speakers described by their roles ("the ferry's owner")
        told = speaker_conflict(x, y)
        if told:
            out.append(("attribution", *told))
    return out


def day_of_one_act(x: Reading, y: Reading, c: float) -> list[Told]:
    """Two days or dates of one act done to one named person or thing, between sentences too far
    apart in their other words for :func:`claim_conflicts` ("The fatal shooting of Doe, 15, on
    Saturday sparked riots" / "the officer killed Doe on Sunday during a clash")."""
    if (x.when & SERIES) != (y.when & SERIES) or _said_on(x) or _said_on(y):
        return []
    out: list[Told] = []
    (dates_x, days_x), (dates_y, days_y) = own_dates(x), own_dates(y)
    if len(dates_x) == len(dates_y) == 1 and not x.dates.keys() & y.dates.keys():
        (ax,), (ay,) = dates_x.values(), dates_y.values()
        if one_act_of_one_name(x, ax, y, ay):
            out.append(("date", f"date: A says {ax}; B says {ay}", 0.4 + c))
    if (
        len(days_x) == len(days_y) == 1
        and not x.days.keys() & y.days.keys()
        and not _next_day(x, y)
    ):
        (dx,), (dy,) = days_x.values(), days_y.values()
        if one_act_of_one_name(x, dx, y, dy):
            out.append(("date", f"day: A says {dx}; B says {dy}", 0.3 + c))
    return out
