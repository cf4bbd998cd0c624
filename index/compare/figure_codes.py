"""Numbers that count nothing: a telephone number, a code or a name's number ("Flight 447",
"Route 66", "call police on 101", "7/7"), and "once" that says when, not how often ("once Gray
had been hit", "once again"), which :func:`index.compare.figures.figures` reads as no figure that
a disagreement could be found in.
"""

from __future__ import annotations

import re

from index.compare.figure_patterns import ANY_ROLE, VERBISH

__all__ = ["a_code", "names_number", "once_counts", "phone_number"]

_CODE_BEFORE = re.compile(
    r"\d{3,}[ ]$|\b(?:flight|route|highway|interstate|gate|room|channel|chapter|article|"
    r"section|platform|terminal|bus|line|no\.|number|apollo|boeing|airbus)[ ]$",
    re.IGNORECASE,
)  # "0800 555", "flight 447", "Route 66": a name's number
# a bare number between digit groups ("0845 125 2222") is part of a telephone number or a code
_CODE_AFTER = re.compile(r"[ ]\d{3,}\b")
_SLASHED = re.compile(r"/\d")  # "7/7", "24/7": a date or a name, not a count


def a_code(text: str, start: int, digits: str, before: str, after: str) -> bool:
    """Whether ``digits`` (written at ``start`` in ``text``, between ``before`` and ``after``)
    are a code, a name's number or part of a telephone number rather than a count."""
    return bool(
        _CODE_BEFORE.search(before)
        or _CODE_AFTER.match(after)
        or _SLASHED.match(after)
        or before.endswith("/")
        or phone_number(text, start, digits, after)
    )


# a dialling code or a call's number: "+44 20 7946 0958", "call 911", "call police on 101"
_PHONE_BEFORE = re.compile(
    r"\+$|\b(?:call|phone|dial|ring|text)(?:\s+(?:[\w'-]+\s+){0,3}?(?:on|at))?\s+$"
    r"|(?:^|[^\d,.])(?:\+?\d{1,5} ){2,}$",  # the third group of "+33 1 57 02 10 55"
    re.IGNORECASE,
)
# two more groups of a telephone number: "0800 881 20 20", "+33 1 57 02 10 55"
_GROUPS_AFTER = re.compile(r"(?: \d{1,5}){2,}(?![\d,.])")
# hyphenated groups: "555-0143", "800-800-3855" (three digits, then four); "1-800-555-0199"
_HYPHENATED_AFTER = re.compile(r"-(?:\d{3}-)?\d{4}\b")
_LONG_DISTANCE_AFTER = re.compile(r"-\d{3}-\d{3}-\d{4}\b")
_AREA_CODE_AFTER = re.compile(r"\)\s*\d{3}")


def phone_number(text: str, start: int, digits: str, after: str) -> bool:
    """Whether ``digits``, written at ``start`` in ``text`` and followed by ``after``, are a group
    of a telephone number: after a dialling code's "+" or a verb of calling ("call police on
    101"), beside two more groups of digits, three digits hyphenated to four ("555-0143";
    "100-150" stays a range), or an area code in brackets ("(202) 555-0143")."""
    before = text[max(0, start - 30) : start]
    return bool(
        # (searched in the whole text: a word cut by the window is no word, "gathe|ring")
        _PHONE_BEFORE.search(text, max(0, start - 30), start)
        or _GROUPS_AFTER.match(after)
        or (len(digits) == 3 and _HYPHENATED_AFTER.match(after))
        or (digits == "1" and _LONG_DISTANCE_AFTER.match(after))
        or (before.endswith("(") and _AREA_CODE_AFTER.match(after))
    )


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_WHEN_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)


def names_number(name: str, after: str) -> bool:
    """Whether a number right after a capitalised word and before a verb names something ("Fight
    447 went missing", "Air France 447 carrying 228 people"): a count after a name is followed
    by what it counts or by a role ("in Haiti 200 died"); a day or month is no name ("On Friday
    12 were killed")."""
    if name.lower() in _WHEN_NAMES:
        return False
    m = _NEXT_WORD.match(after)
    return bool(m and VERBISH.match(m.group(1)) and not ANY_ROLE.match(m.group(1)))


# "once" that is no count: "at once", "once again", "once more", "once upon", "once and for all",
# "once-mighty"
_ONCE_IDIOM_BEFORE = re.compile(r"\bat\s*$", re.IGNORECASE)
_ONCE_IDIOM_AFTER = re.compile(r"(?:-|\s+(?:again|more|upon|and\s+for\s+all)\b)", re.IGNORECASE)
# a clause's subject right after it: "once Gray had been hit", "once the fire was out" (a
# conjunction: when); "once a week" counts
_CLAUSE_OPENERS = frozenset(
    "the he she it they we you i his her their its our this that these those there".split()
)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w'’-]*)")


def once_counts(text: str, start: int, end: int) -> bool:
    """Whether "once", written from ``start`` to ``end`` in ``text``, counts how often something
    happened ("shot him once in the head", "married once", "more than once"), not when: the
    conjunction ("police said once Gray had been hit"), "formerly" before a verb ("he once
    hosted"), or an idiom ("once again", "at once")."""
    if _ONCE_IDIOM_BEFORE.search(text, max(0, start - 6), start) or _ONCE_IDIOM_AFTER.match(
        text, end
    ):
        return False
    m = _WORD_AFTER.match(text, end)
    if m is None:
        return True
    word = m.group(1)
    low = word.lower()
    return not (
        low in _CLAUSE_OPENERS
        # "once Gray had been hit": a name opens a clause ("shot once Saturday" counts)
        or (word[0].isupper() and low != "i" and low not in _WHEN_NAMES)
        or VERBISH.match(low)  # "he once hosted the show": formerly
        or low in ("was", "were", "is", "had", "has", "served", "played", "worked")
    )
