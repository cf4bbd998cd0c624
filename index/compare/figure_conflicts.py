"""Figure disagreements between two sentences (the conflict finder's first kind).

Figures disagree when they measure the same thing (the same unit dimension, the same role of a
count of people such as dead or injured, the same counted noun, the same owner's record) and their
plausible ranges do not overlap once hedges are read ("passing 80,000" is a lower bound just above
80,000, "as many as" an upper bound). A toll, a record, or a magnitude or distance from a place that
each report gives once is a story-level measure, compared across a story; other counts only inside
one claim. Guards, each met on report pairs: a part ("in Aceh province alone", "15 of them") is
only compared with a total it exceeds; a running total ("so far") not with one event's count; two
lists agree when one is a breakdown of the other ("216 passengers and 12 crew" / "228 people");
"in February" or another date marks another event; counts five times apart count different wholes;
a figure both reports give both values of was measured twice. Each detail names both sides and
says what differs. What a figure measures, and how it is named, is in
:mod:`index.compare.figure_measures`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from index.compare.claim_conflicts import days_apart
from index.compare.closeness import DURATION, FATE, NEAR, SAME_CLAIM
from index.compare.figure_ages import ages_of_two, one_named_age
from index.compare.figure_kinds import added
from index.compare.figure_measures import (
    anchored,
    counted_head,
    counts_people,
    estimates_apart,
    hedge_words,
    measure_name,
    measures,
    overlap,
    same_measure,
    single_valued,
)
from index.compare.figure_owners import (
    a_rule,
    other_agents,
    other_brackets,
    other_harm,
    other_stage,
    other_subjects,
    owned_elsewhere,
    possessed,
    shock,
    span,
)
from index.compare.figure_tallies import rates_apart, tallies_apart
from index.compare.figures import Figure
from index.compare.numbers import VAGUE_REACH
from index.compare.readings import Reading, own_dates
from index.compare.said_of import around, said_before
from index.compare.units import CURRENCY
from index.compare.words import stem

__all__ = [
    "figure_conflicts",
    "measure_name",
    "measures",
    "overlap",
    "same_measure",
    "single_valued",
]

_FAR, _FAR_LOOSE = 10.0, 5.0  # ratios beyond which two counts are of different wholes


def _sums(fs: list[Figure]) -> list[tuple[float, float]]:
    """Ranges of the sums of two or more figures (a breakdown of a total)."""
    out = []
    for n in range(2, min(len(fs), 4) + 1):
        for combo in combinations(fs, n):
            out.append((sum(f.low for f in combo), sum(f.high for f in combo)))
    return out


def _said_elsewhere(f: Figure, others: Sequence[Figure]) -> bool:
    """True when the other report states this figure somewhere (as a whole, not a part)."""
    return any(
        not g.part and same_measure(f, g) and overlap(f, g) and not estimates_apart(f, g)
        for g in others
    )


def _same_time(ra: Reading, rb: Reading, c: float) -> bool:
    """Whether two sentences naming different months or years may still tell one event: only
    inside one claim, when one names none and gives no day of its own ("in 2007-08" / "")."""
    if c < SAME_CLAIM or (ra.when and rb.when):
        return False
    plain = rb if ra.when else ra
    return not (plain.days or plain.dates)


_FIGURE_WORD = re.compile(r"[^\W\d_]+")
# the words of a measure itself: two ages share "age", two spans "years"; neither says whose
_MEASURE_WORDS = frozenset(["age", "ages", "aged", "old", "year", "years"])
# ... and a quake's: two magnitudes share "quake", which says nothing of which quake
_QUAKE_WORDS = frozenset(
    [
        "magnitude",
        "quake",
        "earthquake",
        "tremor",
        "aftershock",
        "richter",
        "scale",
        "depth",
        "epicentre",
        "epicenter",
        "located",
        "centred",
        "centered",
    ]
)


_CURRENCY_WORDS = frozenset(stem(w) for w in CURRENCY if w.isalpha())


def _told_of_same(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether two figures are said of one thing: the words around each share a content word
    other than the measure's own ("two sons, ages 6 and 16" / "girls age 6 and 8": no)."""
    # (and a generic counted noun: "three men" / "Five men" share "men", which says not whom;
    # "three boats" / "two speed boats" share what was counted; nor a season's units: _SPANS)
    generic = " ".join(f.noun for f in (x, y) if counted_head(f) in _GENERIC | _SPANS)
    own = {stem(w.lower()) for w in _FIGURE_WORD.findall(f"{x.text} {y.text} {generic}")}
    own |= {stem(w) for w in _MEASURE_WORDS}
    if x.dim in ("magnitude", "distance"):
        own |= {stem(w) for w in _QUAKE_WORDS}
    if x.dim == "percent":
        own |= _POLL_WORDS  # "a 3.1 percent margin of error" / "poll numbers show 20 percent"
    if x.dim.startswith("money"):
        own |= _CURRENCY_WORDS  # "110 billion euros in loans" / "slice 30bn euros": whose sums?
    near_x = around(ra.text, *span(ra, x)) - own
    near_y = around(rb.text, *span(rb, y)) - own
    return bool(near_x & near_y)


def _dated_figures(r: Reading) -> bool:
    """Whether a sentence's one weekday is told of its figures: no clause of its own between them
    ("suspicions intensified Wednesday when an autopsy revealed Gray was hit by seven bullets":
    the day of the suspicions, not of the shots)."""
    (day,) = own_dates(r)[1].values()
    i = r.text.find(day)
    return i >= 0 and all(
        not _CLAUSE_OPENER.search(r.text, min(i, f.start), max(i + len(day), f.start))
        for f in r.figs
    )


_CLAUSE_OPENER = re.compile(r"\b(?:when|after|before|since|because|while|until|as)\b")


# where a share in percent comes from, not what it is a share of
_POLL_WORDS = frozenset(stem(w) for w in "poll polls survey surveys opinion".split())


def _of_two_things(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether two distances are told of two things: the words before each (what is that far)
    name something, and nothing in common; the words after name only the place both are measured
    from ("the coast of Brazil")."""
    own = {stem(w.lower()) for w in _FIGURE_WORD.findall(f"{x.text} {y.text}")}
    own |= {stem(w) for w in _QUAKE_WORDS}
    before_x = said_before(ra.text, span(ra, x)[0]) - own
    before_y = said_before(rb.text, span(rb, y)[0]) - own
    return bool(before_x and before_y and not before_x & before_y)


_FROM_PLACE = re.compile(
    r"\s*(?:\([^)]*\)\s*|\[[^\]]*\]\s*)?(?:to the\s+)?(?:[a-z]+(?:-[a-z]+)?\s+)?"
    r"(?:of|from|off)\s+(?:the\s+)?([A-Z][\w'-]+)"
)


def _added(r: Reading, f: Figure) -> bool:
    return added(r.text, *span(r, f))


def _place(r: Reading, f: Figure) -> str:
    """The place a distance is measured from ("102 kilometers to the northwest of Talca",
    "59 kilometres from the capital Port-au-Prince": the first name after it), else ""."""
    if " of " in f.noun:
        return f.noun.partition(" of ")[2]
    m = _FROM_PLACE.match(r.text, span(r, f)[1])
    return m.group(1) if m else ""


def _scoped(f: Figure) -> bool:
    """A figure whose meaning rests on what it is said of: a span of time, an age, a distance,
    an area, a sum of money, a share in percent ("a 3.1 percent margin of error" / "a 20 percent
    approval rating"), a count of anything but the dead, hurt, missing ..."""
    if f.dim == "count":
        # a count of a named kind of people ("10,000 troops", "infantry") is the story's own
        # measure; "12 people" or "three boats" is said of something in particular
        return not f.role and not (counts_people(f) and counted_head(f) not in _GENERIC)
    return f.dim in (
        "duration",
        "age",
        "distance",
        "area",
        "magnitude",
        "percent",
    ) or f.dim.startswith("money")


_GENERIC = frozenset(
    stem(w) for w in ("people", "persons", "person", "men", "women", "others", "members")
)
# units of a season or a career: "won 40 games" / "eight of their last 10 games", "11 seasons as
# a player" / "four seasons as coach" share the noun, which says not which games or seasons
_SPANS = frozenset(
    stem(w) for w in "games seasons matches innings terms starts appearances bouts fights".split()
)


_COMBINED = re.compile(r"\b(?:combined|in all|a total of|altogether|overall)\s+$", re.IGNORECASE)
_COMBINED_AFTER = re.compile(r"\s+[\w-]+(?:\s+[\w-]+)?\s+(?:in all|in total|combined|altogether)\b")


def _combined(r: Reading, f: Figure) -> bool:
    """Whether a figure is told as a sum ("a combined 157 games", "14 goals in all"): a smaller
    figure of the other report may be one of its parts."""
    return bool(
        _COMBINED.search(r.text, max(0, f.start - 20), f.start)
        or _COMBINED_AFTER.match(r.text, f.start + len(f.text))
    )


# what a quake of some magnitude can or would do, of no quake in particular ("A magnitude 6 quake
# can cause severe damage")
_MAY = re.compile(r"\b(?:can|could|may|might|would)\b")
_ONE_CLAIM = 0.6  # own word closeness from which two sentences tell one claim


def figure_conflicts(
    ra: Reading,
    rb: Reading,
    c: float,
    all_a: Sequence[Figure],
    all_b: Sequence[Figure],
    single: frozenset[str] = frozenset(),
    own: float | None = None,
    whole: float | None = None,
) -> list[tuple[str, float]]:
    """The figures of ``ra`` and ``rb`` that measure one thing and disagree, as (detail, strength).

    ``c`` is the two sentences' closeness (raised by the caller's alignment), ``own`` their own
    word closeness (``c`` when ``None``), ``all_a``/``all_b`` every figure of each report, and
    ``single`` the story-level measures each report gives one value of (:func:`single_valued`).
    """
    out: list[tuple[str, float]] = []
    own = c if own is None else own
    one = (own if whole is None else whole) >= _ONE_CLAIM  # (see claim_conflicts)
    apart = ra.when != rb.when and not _same_time(ra, rb, own)
    if apart and ra.when and rb.when:
        return out  # "a quake in February killed 612" is another event
    # ... but how often something happened may be told with the years of each time ("married
    # twice; the first marriage lasted from 1943 to 1947") against a sentence naming none
    if ra.dates and rb.dates and not ra.dates.keys() & rb.dates.keys():
        return out  # "On March 11, a second quake ...": dated apart, told apart
    if not one and days_apart(ra, rb) and _dated_figures(ra) and _dated_figures(rb):
        return out  # "On Saturday, more than a dozen were killed by a quake in eastern China"
    rules: bool | None = None  # one sentence states a rule, the other not (read when needed)
    for x in ra.figs:
        if apart and x.dim != "times":
            continue
        if x.dim == "duration" and c < DURATION:
            continue  # a story holds many spans of time: only compared inside one claim
        # how often something happened ("married twice" / "married three times") is compared
        # from a looser closeness when the words around the two meet
        often = x.dim == "times" and c >= FATE
        # so is a count told as an addition ("an additional six engines" / "a further four
        # appliances"): how many more were sent, against a count told so too
        more = c < NEAR and x.dim == "count" and _added(ra, x)
        if c < NEAR and not anchored(x, single) and not often and not more:
            continue
        ys = [y for y in rb.figs if same_measure(x, y) and (not more or _added(rb, y))]
        if not ys:
            continue
        if x.dim in ("duration", "distance") and shock(ra) * shock(rb) < 0:
            continue  # "The earthquake lasted 30 seconds" / "The aftershock lasted ten seconds"
        ys = [y for y in ys if not other_harm(x, y)]  # "four villages destroyed" / "7 damaged"
        if rules is None:
            rules = a_rule(ra) != a_rule(rb)
        if rules:
            continue  # "can only be declared valid with a turnout more than 50 percent" / 93.87
        if _scoped(x) and other_subjects(ra, rb):
            continue  # "Jordan will stand trial on eight counts" / "Cardona ... nine counts"
        # two sentences telling a quake and no aftershock give the one quake's magnitude
        main_quake = (
            x.dim == "magnitude"
            and shock(ra) == shock(rb) == -1
            and not (_MAY.search(ra.text) or _MAY.search(rb.text))
        )
        for y in ys:
            # (agencies' readings of one quake differ by tenths: "3.8" against "5.9" is another)
            one_quake = main_quake and abs(x.value - y.value) <= 1.0
            if (
                (not one and _scoped(x) and not one_quake) or ((often or more) and c < NEAR)
            ) and not (_told_of_same(ra, x, rb, y) or one_named_age(ra, x, rb, y)):
                continue  # "15 years with the department" / "five years in its gang unit"
            if x.dim == "age" and ages_of_two(ra, x, rb, y):
                continue  # "16-year-old Kimani Gray" / "a 23-year-old woman, Shantel Davis"
            if tallies_apart(ra, x, rb, y):
                continue  # "86 arrests over Saturday's protests" / "400 detained over the unrest"
            if rates_apart(ra, x, rb, y):
                continue  # "worth roughly $22 million per season" / "worth $200 million"
            if not one and x.dim == "distance" and _of_two_things(ra, x, rb, y):
                continue  # "wreckage 650 km from the coast" / "an island 200 miles off the coast"
            if "(" in ra.text and "(" in rb.text and other_brackets(ra, x, rb, y):
                continue  # "Port de Pailhères (17 km at 7.2%)" / "Col de Menté (7 km at 8.1%)"
            if not (x.role or y.role) and other_stage(ra, x, rb, y):
                continue  # "convicted on two counts" / "charged with nine counts"
            if not (x.role or y.role) and (possessed(ra, x, rb) or possessed(rb, y, ra)):
                continue  # "the corps's five members" / "these 15 sailors"
            if _scoped(x) and other_agents(ra, x, rb, y):
                continue  # "the Nationals have offered ... an 8-year" / "The Orioles ... offered"
            if _scoped(x) and (owned_elsewhere(ra, x, rb) or owned_elsewhere(rb, y, ra)):
                continue  # "a five-year, $70 million contract for J. D. Drew" / "Teixeira is ..."
            if not one and x.dim == "distance" and _place(ra, x) != _place(rb, y):
                continue  # "102 km northwest of Talca" / "206 km (128 miles) west of Talca ..."
            xd, yd = x.noun.partition(" of ")[0], y.noun.partition(" of ")[0]
            if (
                x.dim == "distance"
                and " of " in x.noun
                and " of " in y.noun
                and xd not in yd  # "southeast" is not against "south"
                and yd not in xd
            ):
                out.append(
                    (f"direction: A says '{x.text} {x.noun}'; B says '{y.text} {y.noun}'", 0.6)
                )
                continue
            if "the other" in (x.part, y.part):
                continue  # "the other 14 sailors": the rest of a group, against nothing
            if "other" in (x.part, y.part) and x.part != y.part:
                continue  # "two other rifles" (beside seven AK-47s) / "seven AK-47 rifles"
            # (two counts of the rest are compared as counts: "two other rifles" / "three other")
            px, py = ("", "") if x.part == "other" else (x.part, y.part)
            if (x.part == "so far") != (y.part == "so far"):
                continue  # a running total against one event's count
            if _meet(x, y, one) or (x.hedge == y.hedge == "vague"):
                continue  # (two vague amounts are two impressions, not two counts)
            gap = max(x.low, y.low) / max(min(x.high, y.high), 1e-9)
            vague = "vague" in (x.hedge, y.hedge) and own >= NEAR  # "dozens" told as 1,200
            if gap > (_FAR if c >= NEAR else _FAR_LOOSE) and not (px or py or vague):
                continue  # "21 injured" and "310,000 injured" count different wholes
            if not (px or py) and _said_elsewhere(x, all_b) and _said_elsewhere(y, all_a):
                continue  # both reports give both figures: two different things were measured
            if _combined(ra, x) != _combined(rb, y):
                summed, other = (x, y) if _combined(ra, x) else (y, x)
                if other.low <= summed.high:
                    continue  # "in 54 games with the Angels" / "a combined 157 games"
            if px or py:
                if px and py:
                    continue
                part, total = (x, y) if px else (y, x)
                if part.low <= total.high:
                    continue  # a part within the total, or a part against a part
            else:
                # (a count of the rest is one of a list's figures: "seven AK-47s, two other
                # rifles" / "Nine assault rifles")
                xs_all = [f for f in ra.figs if same_measure(f, y) and f.part in ("", "other")]
                ys_all = [f for f in rb.figs if same_measure(x, f) and f.part in ("", "other")]
                if any(_meet(x, f, one) for f in ys_all) or any(_meet(f, y, one) for f in xs_all):
                    continue  # each is matched elsewhere: another figure of the list
                if any(lo <= x.high and x.low <= hi for lo, hi in _sums(ys_all)) or any(
                    lo <= y.high and y.low <= hi for lo, hi in _sums(xs_all)
                ):
                    continue  # one side is a breakdown of the other's total
            why = "the ranges do not overlap" if {x.hedge, y.hedge} != {"exact"} else "they differ"
            if overlap(x, y):  # (two estimates: :func:`estimates_apart`)
                why = "two estimates more than a fifth apart"
            if (px or py) and not (px and py):
                why = "a part is larger than the total"
            detail = (
                f"{measure_name(x)}: A says '{x.text}'{hedge_words(x)}"
                f"{' (' + px + ')' if px else ''}; B says '{y.text}'{hedge_words(y)}"
                f"{' (' + py + ')' if py else ''}; {why}"
            )
            strength = 0.6 if (x.role or x.dim != "count") else 0.5
            out.append((detail, strength))
    return out


def _meet(x: Figure, y: Figure, one: bool) -> bool:
    """Whether two figures' ranges meet. Two sentences telling one claim (one statement, told
    once as "thousands of homes" and once as "more than 20,000 homes") give a vague amount its
    reach (:data:`index.compare.numbers.VAGUE_REACH`); in other claims it is that claim's own
    estimate, read by what it most often names ("thousands" being trained / "over 10,000" sent)."""
    if one and "vague" in (x.hedge, y.hedge):
        x_high = VAGUE_REACH.get(x.value, x.high) if x.hedge == "vague" else x.high
        y_high = VAGUE_REACH.get(y.value, y.high) if y.hedge == "vague" else y.high
        return not (x_high < y.low or y_high < x.low)
    return overlap(x, y) and not estimates_apart(x, y)
