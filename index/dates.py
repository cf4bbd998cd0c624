"""Publication dates: parse the many forms found in article metadata into ISO dates."""

from __future__ import annotations

import datetime as dt
import re
import warnings

from dateutil import parser as _dateparser

_DEFAULT = dt.datetime(1900, 1, 1)
_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


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
    if _YEAR.match(raw) or _YEAR_MONTH.match(raw):
        return raw
    parsed = parse_date(raw)
    return parsed.isoformat() if parsed else raw


def parse_date(value: str) -> dt.date | None:
    """Parse a date string, or return ``None`` when it is not a date."""
    raw = value.strip()
    if not raw or len(raw) > 64:
        return None
    # Reuters writes "26-FEB-1987 15:01:01.79": dateutil misreads the fractional part.
    raw = re.sub(r"(\d{2}:\d{2}:\d{2})\.\d+", r"\1", raw)
    try:
        with warnings.catch_warnings():
            # Newswire stamps end in desk codes ("... 15:01:01.79 RM") that dateutil warns about as
            # unknown time zones; only the date matters here.
            warnings.simplefilter("ignore")
            parsed = _dateparser.parse(raw, default=_DEFAULT, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if not 1000 <= parsed.year <= 9999:
        return None
    return parsed.date()
