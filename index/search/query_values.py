"""The checks of one field's value: a query that names no date, no number or no name is refused with
the reason, where Whoosh would quietly answer it with 0 results (``index.search.query`` calls them)."""

from __future__ import annotations

import re

from index.vocabulary import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

__all__ = [
    "QueryError",
    "check_any_entity",
    "check_id",
    "check_name",
    "check_value",
    "refuse_impossible_day",
    "refuse_odd_date",
]


class QueryError(ValueError):
    """A malformed query; ``str(err)`` is a one-line explanation for the user."""


_DATE_WORDS = frozenset(
    [
        *MONTHS,
        *MONTH_ABBREVIATIONS,
        *WEEKDAYS,
        *"spring summer autumn fall winter day days week weeks weekend month months year years "
        # No "tonight": the recognizer never names it a date, so it could only find nothing.
        "decade decades century centuries quarter today yesterday tomorrow".split(),
    ]
)
_PERIOD_LEADS = frozenset("last this next past coming previous".split())
"""Words that open a date of several words ("last week"), never a date alone."""
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion trillions "
    "dozen dozens several few tens mln bln bn".split()
)


def check_value(field: str, value: str) -> None:
    """Refuse a ``date:`` or ``quantity:`` value that names no date or number.

    ``date:notadate`` or ``quantity:lots`` can match no entity key, so they would be answered with
    0 results, as if nothing in the corpus matched; the user gets the reason instead.
    """
    if any(c in value for c in "*?~"):
        return
    bare = value.strip('"')
    words = set(re.findall(r"[a-z]+", bare.lower()))
    if field == "dates" and not (re.search(r"\d", bare) or words & _DATE_WORDS):
        if bare.lower() in _PERIOD_LEADS:  # "date:last week": the field took one word
            raise QueryError(
                f"'{bare}' is not a date: a date of several words is quoted, "
                f'date:"{bare} week" (the articles that say so)'
            )
        raise QueryError(
            f"'{bare}' is not a date: write date:2024, date:2024-10-15, "
            'date:[2024-01 TO 2024-06] or date:"october 13"'
        )
    if field == "quantity" and not (re.search(r"\d", bare) or words & _NUMBER_WORDS):
        raise QueryError(
            f"'{bare}' is not a number: write quantity:10000, quantity:\"10,000 troops\" "
            "or quantity:thousands"
        )
    if field == "quantity" and _NEGATIVE.match(bare):
        # The recognizer reads no figure with a sign ("-5 billion" is no quantity, "minus 5 pct"
        # is "5 pct"), so the sign would be dropped and '-5' would find every 5.
        raise QueryError(
            f"'{bare}' is a negative figure: quantities are searched without a sign (a figure "
            "written -5 is not one, 'minus 5 pct' is 5 pct); write quantity:5, or search the "
            'words: "minus 5"'
        )


_NAME_FIELDS = frozenset({"person", "org", "place", "group", "source"})
_SIGNED = re.compile(r"^\s*(?:[-\u2212\u2012\u2013]\s*|minus\s+)(?=\.?\d)", re.I)
"""A figure with a sign ("-5", "minus 5"): no entity key has one (the recognizer reads no signed
figure, and a name or a date never starts so)."""


def check_name(field: str, value: str) -> None:
    """Refuse a name (``person:``, ``org:``, ``place:``, ``group:``) with no letter in it.

    Every name the recognizer keys has a letter ("3M", "7-Eleven"); ``person:-5`` or ``org:1987``
    could only be answered with 0 results, as if the corpus named no such one.
    """
    if field not in _NAME_FIELDS or any(c in value for c in "*?~"):
        return
    bare = value.strip('"').strip()
    if not any(c.isalpha() for c in bare):
        example = {
            "person": "putin",
            "org": '"world bank"',
            "place": "kyiv",
            "group": "russians",
            "source": "reuters",
        }
        raise QueryError(
            f"'{bare}' is not a name: {field}: searches names, as in {field}:{example[field]} "
            "(figures: quantity:, dates: date:)"
        )


def check_id(value: str) -> None:
    """Refuse an ``id:`` value that no article's id can be: an id is a file's name, which has an
    extension (a file without one is no article), or ``file.jsonl#ID`` for a line of a .jsonl.
    ``id:1`` for the article listed as ``r.jsonl#1`` was 0 results."""
    bare = value.strip('"').strip()
    if any(c in bare for c in "*?~") or "." in bare or "#" in bare:
        return
    raise QueryError(
        f"'{bare}' is no article id: ids are as a search lists them, a file's name "
        f'(id:report.txt) or a line of a .jsonl (id:"news.jsonl#{bare}")'
    )


def check_any_entity(value: str) -> None:
    """Refuse an ``entity:`` value that no kind of entity can hold, with the reason its own
    kind's field gives: a signed figure (``entity:-5`` found every 5, as ``quantity:-5`` did) and a
    day no calendar has (``entity:"31 february"``, as ``date:"31 february"``)."""
    if any(c in value for c in "*?~"):
        return
    bare = value.strip('"')
    if _SIGNED.match(bare):
        raise QueryError(
            f"'{bare.strip()}' is a negative figure: no entity is named with a sign (a figure "
            "written -5 is not one, 'minus 5 pct' is 5 pct); write entity:5, or search the "
            'words: "minus 5"'
        )
    refuse_impossible_day(value)


_NEGATIVE = re.compile(
    r"^\s*(?:[-\u2212\u2012\u2013]\s*|minus\s+|negative\s+)(?=[\d.]|[a-z])", re.I
)


def refuse_impossible_day(value: str) -> None:
    """Refuse a date in words that is no day of the calendar (``date:"31 february"``): it would
    find nothing, where ``date:2009-02-31`` (a publication date) is refused with the reason.

    A key written as the index writes it (``date:"--11-31"``, the sidebar's clause for a date an
    article names) is searched all the same: articles have typos (Reuters names "November 31"
    once and "September 31" twice), and the sidebar's clause must find what it counted.
    """
    if any(c in value for c in "*?~"):
        return
    from index.analysis.dates import key_error
    from index.analysis.entity_keys import query_key

    bare = value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
    if _WRITTEN_KEY.match(bare.strip()):
        return
    found = key_error(query_key("DATE", bare))
    if found:
        what, why = found
        raise QueryError(f"invalid {what} in date '{bare.strip()}' ({why})")


_WRITTEN_KEY = re.compile(r"^(?:--\d\d(?:-\d\d)?|\d{4}-\d\d(?:-\d\d)?)$")


def refuse_odd_date(value: str) -> None:
    """Refuse a ``date:`` value that looks like a date but would be searched as words in the text
    and find nothing: a time of day, a ``..`` range, a number that is no year."""
    bare = value.strip('"')
    if re.match(r"^[<>]?=?\d{4}-\d{1,2}-\d{1,2}T", value):
        raise QueryError(
            f"cannot read the date '{value}': dates are whole days, write date:{value[: value.index('T')]}"
        )
    if ".." in value and not value.startswith('"'):
        lo, _, hi = value.partition("..")
        example = f"[{lo} TO {hi}]" if lo and hi else f">={lo}" if lo else f"<={hi}"
        raise QueryError(f"cannot read the date '{value}': write a range as date:{example}")
    if _SIGNED.match(bare):
        raise QueryError(
            f"'{bare}' is not a date: dates have no sign; write date:2024, date:\"march 5\" or "
            "date:[2024-01 TO 2024-06]"
        )
    if bare.isdigit() and len(bare) != 4:
        raise QueryError(
            f"'{bare}' is not a date: a year has four digits (date:2024), a day its month "
            '(date:"october 13")'
        )
