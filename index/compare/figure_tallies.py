"""Tallies of arrests over other spans, so that one night's arrests are not set against the total
of days of unrest, and sums of money told as a rate, so that "$22 million per season" is not set
against an eight-year deal's "$184 million" (:mod:`index.compare.figure_conflicts`).

Arrests (and detentions) recur over the days of a story: "86 arrests over the course of Saturday's
protests" is one day's, "more than 400 protesters have been detained over the unrest" the tally so
far, "over 50 arrests have been made over four nights" the tally of four, and "Gray has four prior
arrests" a man's record. Two counts of arrests are compared only when neither is told of one day
or night while the other is a tally (a span, "since", "so far", or a present perfect with no day),
and neither is a record ("prior", "previous"). Lexicons are generic, never the words of one story.
"""

from __future__ import annotations

import re

from index.compare.figure_owners import span
from index.compare.figures import Figure
from index.compare.readings import Reading

__all__ = ["rates_apart", "tallies_apart"]

# a day or a night the count is told of: "Saturday's protests", "arrested Wednesday night",
# "overnight", "today"
_ONE_DAY = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:['’]s)?|today|tonight|overnight|"
    r"last night|that night|the night)\b",
    re.IGNORECASE,
)
# a tally over a span: "over four nights", "since the shooting", "so far", "in all", "over the
# unrest", "across the continent"
_TALLY = re.compile(
    r"\b(?:since|so far|in all|in total|altogether|to date|across|"
    r"over (?:the (?:past|last) )?(?:\w+ )?(?:days|nights|weeks)|"
    r"(?:over|during|throughout) the (?:unrest|protests|riots|rioting|violence|demonstrations|"
    r"weekend|week))\b",
    re.IGNORECASE,
)
_PERFECT = re.compile(
    r"\b(?:ha(?:ve|s) been|ha(?:ve|s) (?:made|detained|arrested))\b", re.IGNORECASE
)
_RECORD = re.compile(r"\b(?:prior|previous|past|earlier|former)\s+$", re.IGNORECASE)


def _arrests(f: Figure) -> bool:
    return f.role == "arrested"


def _record(r: Reading, f: Figure) -> bool:
    """A person's record ("four prior arrests"): the word before the noun after the number."""
    return bool(_RECORD.search(r.text, max(0, f.start - 12), f.start)) or bool(
        re.match(r"[\w.,-]+\s+(?:prior|previous|past|earlier)\b", r.text[f.start :])
    )


def _day(r: Reading) -> bool:
    return bool(_ONE_DAY.search(r.text))


def _tally(r: Reading) -> bool:
    return bool(_TALLY.search(r.text)) or (bool(_PERFECT.search(r.text)) and not _day(r))


def tallies_apart(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether two counts of arrests are of other spans (see the module's docstring)."""
    if not (_arrests(x) and _arrests(y)):
        return False
    if _record(ra, x) or _record(rb, y):
        return True  # "Gray has four prior arrests" / "One person has been arrested"
    day_a, day_b = _day(ra), _day(rb)
    return (day_a and not day_b and _tally(rb)) or (day_b and not day_a and _tally(ra))


# a sum told for each span of time or each unit: "$22 million per season", "$5m a year", "annually"
_RATE = re.compile(
    r"\s*(?:(?:per|a|an|each|every)\s+(?:season|year|month|week|day|game|hour|head|person|share)\b"
    r"|annually\b|a\s+piece\b)",
    re.IGNORECASE,
)


def rates_apart(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether one sum of money is told as a rate ("worth roughly $22 million per season") and
    the other as a whole ("an eight-year contract worth $200 million"): two measures."""
    if not (x.dim.startswith("money") and y.dim.startswith("money")):
        return False
    rate_x = _RATE.match(ra.text, span(ra, x)[1]) is not None
    rate_y = _RATE.match(rb.text, span(rb, y)[1]) is not None
    return rate_x != rate_y
