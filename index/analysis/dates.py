"""Publication dates: parse the many forms found in article metadata into ISO dates.

A few explicit rules come first (ISO 8601, its basic form "20241015" too, RFC 2822 from feeds, the newswire stamp
"27-MAR-1987 14:02:56.54" with whatever desk codes or comments follow it), then python-dateutil on the
value without a trailing ``# comment``, then on the value with trailing words dropped one at a time
("Oct. 15, 2024 (updated)"). Nothing is guessed silently: a value with no year, or an all-number date
whose day and month could be swapped ("03/04/2024"), is not a date; it is kept as written, shown
marked, and sorted after every dated article (``is_parsed`` tells the two apart).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import warnings

from index.pattern_cache import compiled

_DEFAULT = dt.datetime(1900, 1, 1)
_OTHER_DEFAULT = dt.datetime(1900, 2, 2)
_YEAR = compiled(r"^\d{4}$")
_YEAR_MONTH = compiled(r"^(\d{4})-(\d{1,2})$")
_ISO_DAY = compiled(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.,+\-Z]*)?$")
_ISO_BASIC = compiled(r"^(\d{4})(\d{2})(\d{2})(?:T[0-9:.,+\-Z]*)?$")  # "20241015", "20241015T0830Z"
_PARSED = compiled(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
# "27-MAR-1987 14:02:56.54", "9-APR-1987 00:00:00.00 # date added by S Finch as guesswork",
# "27-MAR-1987 14:02:56.54V RM": the day, month and year lead; whatever follows is the desk's.
_NEWSWIRE = compiled(r"^(\d{1,2})-([A-Za-z]{3})-(\d{4})(?![\d-])")
_RFC2822 = compiled(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
_COMMENT = compiled(r"\s*#.*$")
_AMBIGUOUS = compiled(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}\b")
_FOUR_DIGITS = compiled(r"(?<!\d)\d{4}(?!\d)")


def normalise_date(value: str | None) -> str | None:
    """Return ``YYYY-MM-DD`` (or ``YYYY``/``YYYY-MM`` when that is all there is), else the raw value.

    Args:
        value: A date as written in front matter or a jsonl field, e.g. ``"Saturday, January 8, 2005"``,
            ``"26-FEB-1987 15:01:01.79"`` or ``"2024-10-15"``.
    """
    if value is None:
        return None
    raw = " ".join(str(value).split())
    if not raw:
        return None
    m = _YEAR_MONTH.match(raw)
    if _YEAR.match(raw) or (m and 1 <= int(m.group(2)) <= 12):
        return raw if not m else f"{m.group(1)}-{int(m.group(2)):02d}"
    found = _parse(raw)
    if found is None:
        return raw
    day, precision = found
    return day.isoformat()[: {1: 4, 2: 7}.get(precision, 10)]


def is_parsed(date: str | None) -> bool:
    """True for a date ``normalise_date`` understood (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).

    A value kept as written can have that shape and no day in the calendar ("2024-02-30": the
    ISO rule refuses it, then it is kept as written); it is not a date.
    """
    if not date or _PARSED.match(date) is None:
        return False
    if len(date) == 10:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            return False
    return True


def parse_date(value: str) -> dt.date | None:
    """Parse a date string, or return ``None`` when it is not a date.

    Args:
        value: A publication date as written (see the module docstring for the forms read).
    """
    found = _parse(value)
    return found[0] if found else None


def _parse(value: str) -> tuple[dt.date, int] | None:
    """The date and how much of it was written: 1 the year, 2 the month, 3 the day."""
    raw = " ".join(value.split())
    if not raw or len(raw) > 200:
        return None
    found = _explicit(raw)
    if found is not None:
        return found, 3
    raw = _COMMENT.sub("", raw)
    m = _AMBIGUOUS.match(raw)
    if m and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2):
        return None  # 03/04/2024: March or April? Not guessed.
    words = raw.split()
    # The whole value, then without its trailing words, while a four-digit year remains.
    for n in range(len(words), 0, -1):
        candidate = " ".join(words[:n])
        if not _FOUR_DIGITS.search(candidate):
            break
        parsed = _dateutil(candidate)
        # Words dropped: only a date with its month counts ("2024 was a year" is not 2024).
        if parsed is not None and (n == len(words) or parsed[1] >= 2):
            return parsed
    return None


def _explicit(raw: str) -> dt.date | None:
    m = _ISO_DAY.match(raw) or _ISO_BASIC.match(raw)
    if m:
        return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NEWSWIRE.match(raw)
    if m:
        month = _MONTHS.get(m.group(2).lower())
        return _date(int(m.group(3)), month, int(m.group(1))) if month else None
    if _RFC2822.match(raw):
        import email.utils  # (40 ms to import: only for the rare RFC 2822 date, not every run)

        try:
            stamp = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return None
        return _date(stamp.year, stamp.month, stamp.day)
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not 1000 <= year <= 9999:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dateutil(text: str) -> tuple[dt.date, int] | None:
    # Imported here: the explicit forms above read most dates, and dateutil costs ~30 ms to import
    # (a one-file ``newsdesk index`` imports this module through the HTML reader).
    from dateutil import parser as _dateparser

    # dateutil misreads a fractional second followed by letters; the time does not matter here.
    text = re.sub(r"(\d{1,2}:\d{2}:\d{2})\.\d+", r"\1", text)
    try:
        with warnings.catch_warnings():
            # Stamps end in desk codes ("... 15:01:01 RM") that dateutil warns about as unknown
            # time zones; only the date matters here.
            warnings.simplefilter("ignore")
            parsed = _dateparser.parse(text, default=_DEFAULT, fuzzy=False)
            # Parsed again with another default month and day: what changes was not written.
            other = _dateparser.parse(text, default=_OTHER_DEFAULT, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year == _DEFAULT.year and str(_DEFAULT.year) not in text:
        return None  # no year written: not a publication date
    precision = 1 if parsed.month != other.month else 2 if parsed.day != other.day else 3
    day = _date(parsed.year, parsed.month, parsed.day)
    return (day, precision) if day else None


# -- Date keys as words --------------------------------------------------------------------------
# An entity's date key ("--03-01" for "March 1", "2024-01-03", "--01" for "January") is split into
# its numbers by the name analyzer of the ``dates`` field ("03" "01"), so a search for January
# ("01") also found March 1, and March ("03") January 3, 2024. Written as words that each say what
# they are, a month, a day of a month, a year or a month of a year, every search is exact.
_KEY_MONTH = compiled(r"^--(\d\d)$")
_KEY_DAY = compiled(r"^--(\d\d)-(\d\d)$")
_KEY_DATE = compiled(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")


def key_words(key: str) -> list[str] | None:
    """The words a date key is indexed under, one for each period it falls in, or ``None`` for a
    key that is no calendar date ("summer 2024", "1950/1953", "last week": indexed as written).

    ``"--03-01"`` (March 1) -> ``["m03", "m03d01"]``; ``"2024-01-03"`` -> ``["y2024",
    "y2024m01", "y2024m01d03", "m01", "m01d03"]``; ``"--01"`` -> ``["m01"]``.
    """
    year, month, day = _key_parts(key)
    if not (year or month):
        return None
    words = [f"y{year}"] if year else []
    if year and month:
        words.append(f"y{year}m{month}")
        if day:
            words.append(f"y{year}m{month}d{day}")
    if month:
        words.append(f"m{month}")
        if day:
            words.append(f"m{month}d{day}")
    return words


def key_text(key: str) -> str:
    """What the ``dates`` field holds for a date key: its ``key_words``, else the key as it is."""
    words = key_words(key)
    return " ".join(words) if words else key


def key_word(key: str) -> str | None:
    """The one word a search for a date key looks for: the most precise of its ``key_words``
    (``"--01"`` -> ``"m01"``, every date in January; ``"2001-03"`` -> ``"y2001m03"``)."""
    year, month, day = _key_parts(key)
    if not (year or month):
        return None
    return (
        (f"y{year}" if year else "") + (f"m{month}" if month else "") + (f"d{day}" if day else "")
    )


def key_error(key: str) -> tuple[str, str] | None:
    """What in a date key names no day of the calendar, and why, or ``None`` for a key that does
    (or is no calendar date at all).

    ``"--02-31"`` (February 31) -> ``("day", "February has 29 days at most")``; ``"2009-02-29"``
    -> ``("day", "February 2009 has 28 days")``; ``"2009-13"`` -> ``("month", "a year has 12
    months")``. Only an article's typo ("November 31") gives the index such a key.
    """
    year, month, day = _key_parts(key)
    if not month:
        return None
    number = int(month)
    if not 1 <= number <= 12:
        return "month", "a year has 12 months"
    if day:
        # No year: the longest the month can be (February of a leap year).
        last = calendar.monthrange(int(year) if year else 2000, number)[1]
        if not 1 <= int(day) <= last:
            name = calendar.month_name[number]
            return (
                "day",
                f"{name} {year} has {last} days" if year else f"{name} has {last} days at most",
            )
    return None


def _key_parts(key: str) -> tuple[str, str, str]:
    """Year, month and day of a date key (``""`` where it has none); all ``""`` for other keys."""
    if m := _KEY_MONTH.match(key):
        return "", m.group(1), ""
    if m := _KEY_DAY.match(key):
        return "", m.group(1), m.group(2)
    if m := _KEY_DATE.match(key):
        return m.group(1), m.group(2) or "", m.group(3) or ""
    return "", "", ""
