"""The query language: validation with messages a user can act on, and rewriting to Whoosh syntax.

Whoosh's parser accepts almost anything and silently drops what it cannot read, so a query like
``"unbalanced`` or ``title:`` would quietly search for something else. We check the query first and
explain what is wrong instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from index.search.query_values import (
    QueryError,
    check_any_entity,
    check_id,
    check_name,
    check_value,
    refuse_impossible_day,
    refuse_odd_date,
)
from index.vocabulary import INDEX_FIELDS, LABEL_OF_INDEX_FIELD

__all__ = ["FIELDS", "MAX_QUERY_CHARS", "QueryError", "rewrite", "validate"]

MAX_QUERY_CHARS = 1000

# User-facing field names -> Whoosh fields. ``date`` is special (see ``_rewrite_date``).
FIELDS: dict[str, str] = {
    "title": "title",
    "body": "body",
    "text": "body",
    "source": "source",
    "story": "story",
    "person": "person",
    "people": "person",
    "org": "org",
    "place": "place",
    "group": "group",
    "quantity": "quantity",
    "entity": "entity",
    "date": "date",
    "id": "id",
}
ENTITY_FIELDS = tuple(INDEX_FIELDS.values())
"""Index fields holding the canonical keys of each entity kind; ``entity:`` searches them all."""
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT"}
_BINARY = {"AND", "OR", "ANDNOT"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_FIELD = re.compile(r"(?<![\w.])([A-Za-z_]+):")
_DATE_VALUE = re.compile(r"^(?:[<>]=?)?\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?$")
_DATE_RANGE = re.compile(
    r"^[\[{]\s*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)?\s+(?:to|TO)\s*(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)?\s*[\]}]$"
)


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    start: int
    quoted: bool


def _tokens(query: str) -> list[_Token]:
    """Split on whitespace outside quotes, keeping quoted phrases (and field:"phrases") whole."""
    out: list[_Token] = []
    for m in re.finditer(r'(?:[^\s"]*"[^"]*"[^\s"]*)+|[^\s"]+', query):
        out.append(_Token(m.group(), m.start(), '"' in m.group()))
    return out


def validate(query: str) -> None:
    """Raise ``QueryError`` with a clear message when ``query`` is malformed.

    Checks length, control characters, balanced quotes, parentheses and brackets, field names, empty
    field values and operators without operands.
    """
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"query too long ({len(query)} characters; the limit is {MAX_QUERY_CHARS})"
        )
    if _CONTROL.search(query):
        raise QueryError("query contains control characters")
    if not query.strip():
        raise QueryError("empty query: type a word to search for")
    if query.count('"') % 2:
        raise QueryError('unbalanced quote: a phrase needs a closing "')
    outside = re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), query)
    depth = 0
    for ch in outside:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise QueryError("unbalanced parentheses: ')' without a matching '('")
    if depth:
        raise QueryError("unbalanced parentheses: missing ')'")
    if "()" in outside.replace(" ", ""):
        raise QueryError("empty parentheses: put a term inside '( )'")
    if outside.count("[") + outside.count("{") != outside.count("]") + outside.count("}"):
        raise QueryError("unbalanced brackets in a range: write date:[2024-01 TO 2024-06]")
    for m in _FIELD.finditer(outside):
        name = m.group(1)
        if name.lower() not in FIELDS:
            known = ", ".join(sorted({k for k in FIELDS if k not in ("people", "text")}))
            raise QueryError(f"unknown field '{name}:' (known fields: {known})")
        rest = outside[m.end() :]
        if (not rest or rest[0].isspace() or rest[0] == ")") and not query[m.end() :].startswith(
            '"'
        ):
            raise QueryError(f"empty value after '{name}:': write {name}:word")
    words = [t.text for t in _tokens(outside.replace("(", " ").replace(")", " "))]
    if words and all(w in _OPERATORS or w in ("-", "+") for w in words):
        raise QueryError(f"'{words[0]}' needs a term to work on")
    for i, w in enumerate(words):
        if w in _BINARY:
            if i == 0 or i == len(words) - 1:
                raise QueryError(f"'{w}' needs a term on each side")
            if words[i - 1] in _OPERATORS or words[i + 1] in _BINARY:
                raise QueryError(f"two operators in a row near '{w}'")
        elif w == "NOT" and (i == len(words) - 1 or words[i + 1] in _BINARY):
            raise QueryError("'NOT' needs a term after it")
        elif w in ("-", "+"):
            raise QueryError(f"'{w}' must be attached to a word, as in -{'word'}")
    for m in re.finditer(r"~([\d.]+)", outside):
        if m.group(1) not in ("1", "2"):
            raise QueryError("fuzzy distance is 1 or 2 (word~ or word~2)")


def _date_bounds(value: str, end: bool, shift: int = 0) -> str:
    """First (or last, when ``end``) day of a ``YYYY[-MM[-DD]]`` period as ``YYYYMMDD``.

    ``shift`` moves the result by whole days: ``date:>2024-06`` starts the day after June ends.
    """
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    if not 1000 <= year <= 9999:
        raise QueryError(f"invalid year in date '{value}' (use four digits, 1000-9999)")
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    if not 1 <= month <= 12:
        raise QueryError(f"invalid month in date '{value}'")
    last = calendar.monthrange(year, month)[1]
    day = parts[2] if len(parts) > 2 else (last if end else 1)
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        raise QueryError(f"invalid day in date '{value}' ({name} {year} has {last} days)")
    found = dt.date(year, month, day)
    if shift:
        try:
            found += dt.timedelta(days=shift)
        except OverflowError:
            raise QueryError(f"date '{value}' is out of range") from None
    return f"{found.year:04d}{found.month:02d}{found.day:02d}"


def _rewrite_date(value: str) -> str:
    """``date:`` with a date or range searches publication dates, otherwise the dates named in text.

    Whoosh's date parser ignores ``{ }`` and ``<``/``>`` exclusivity for whole days, so exclusive ends
    are turned into the neighbouring day, inclusive.
    """
    value = _as_published(value)
    m = _DATE_RANGE.match(value)
    if m:
        lo_excl, hi_excl = value.startswith("{"), value.endswith("}")
        lo = _date_bounds(m.group(1), lo_excl, 1 if lo_excl else 0) if m.group(1) else ""
        hi = _date_bounds(m.group(2), not hi_excl, -1 if hi_excl else 0) if m.group(2) else ""
        if not lo and not hi:
            raise QueryError("a date range needs at least one end: date:[2024 TO 2025]")
        if lo and hi and lo > hi:
            # Whoosh reads a range that ends before it starts as another one (of 2,000 Reuters
            # stories, date:[1987-03 TO 1987-02] found 38 and date:{1987-03-01 TO 1987-03-02} 603)
            first, last = m.group(1), m.group(2)
            if _date_bounds(first, False) > _date_bounds(last, True):
                raise QueryError(
                    f"the date range '{value}' ends before it starts: write "
                    f"date:[{last} TO {first}]"
                )
            raise QueryError(f"the date range '{value}' holds no day: {{ }} leave its ends out")
        return f"published:[{lo} to {hi}]"
    if value[:1] in "[{":
        raise QueryError(f"cannot read the date range '{value}': write date:[2024-01 TO 2024-06]")
    if _DATE_VALUE.match(value):
        op = re.match(r"^[<>]=?", value)
        bare = value[op.end() :] if op else value
        if not op:
            return f"published:[{_date_bounds(bare, False)} to {_date_bounds(bare, True)}]"
        if op.group() == ">=":
            return f"published:[{_date_bounds(bare, False)} to]"
        if op.group() == ">":
            return f"published:[{_date_bounds(bare, True, 1)} to]"
        if op.group() == "<=":
            return f"published:[to {_date_bounds(bare, True)}]"
        return f"published:[to {_date_bounds(bare, False, -1)}]"
    if value[:1] in "<>":
        raise QueryError(
            f"cannot read the date '{value}': write date:>2024-06 or date:<=2024-06-30"
        )
    refuse_odd_date(value)
    check_value("dates", value)
    refuse_impossible_day(value)
    return f"dates:{_entity_value('dates', value)}"


_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_RELATIVE_WORD = re.compile(r"\b(?:today|yesterday|tomorrow)\b", re.IGNORECASE)
_SLASHED_DAY = re.compile(r"(?<![\d/])(\d{4})/(\d{1,2})/(\d{1,2})(?![\d/])")
_BASIC_DAY = re.compile(r"(?<![\d/-])(\d{4})(\d{2})(\d{2})(?![\d/-])")  # ISO 8601 basic: 20241015


def _as_published(value: str) -> str:
    """Other spellings of a publication date, in ISO: ``today``, ``yesterday`` and ``tomorrow``
    (the local calendar's; an article never names them as a date, so they cannot mean a date in
    its text), ``2024/10/15``, ``20241015``, and ``=2024`` (the date itself).

    ``"last week"``, ``"this month"`` or ``"two weeks ago"`` stay dates named in the text, relative
    to the article's own day: the recognizer names them as dates, and the sidebar's clause for
    such a date (``index.search.facet_counts.entity_clause``) must find what it counted."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        inner = " ".join(value[1:-1].lower().split())
        return _relative_day(inner) if inner in _RELATIVE_DAYS else value
    value = _RELATIVE_WORD.sub(lambda m: _relative_day(m.group().lower()), value)
    value = _SLASHED_DAY.sub(lambda m: "-".join(m.groups()), value)
    value = _BASIC_DAY.sub(lambda m: "-".join(m.groups()), value)
    if value.startswith("=") and _DATE_VALUE.match(value[1:]):
        value = value[1:]
    return value


def _today() -> dt.date:
    return dt.date.today()


def _relative_day(word: str) -> str:
    return (_today() + dt.timedelta(days=_RELATIVE_DAYS[word])).isoformat()


_MINUS = re.compile(r"(?:(?<=\s)|(?<=\()|^)([-+])(?=[^\s\-+()])")


def _rewrite_signs(query: str) -> str:
    """``-word`` becomes ``NOT word`` and ``+word`` plain ``word`` (terms are ANDed anyway).

    Whoosh's PlusMinus plugin drops a query made only of ``-word`` and treats unsigned words as
    optional next to signed ones; one meaning for ``-`` and ``NOT`` is simpler to explain.
    """
    out: list[str] = []
    pos = 0
    for m in _MINUS.finditer(query):
        if _inside_quotes(query, m.start()):
            continue
        out.append(query[pos : m.start()])
        out.append("NOT " if m.group(1) == "-" else "")
        pos = m.end()
    out.append(query[pos:])
    return "".join(out)


def rewrite(query: str) -> str:
    """Map user field names to index fields and ``-word``/``+word`` to ``NOT word``/``word``."""
    query = _rewrite_signs(query)
    out: list[str] = []
    pos = 0
    pattern = re.compile(
        r'(?<![\w.])([A-Za-z_]+):((?:\[[^\]]*\]|\{[^}]*\}|\[[^}]*\}|\{[^\]]*\])|"[^"]*"|[^\s()]+)'
    )
    for m in pattern.finditer(query):
        if _inside_quotes(query, m.start()):
            continue
        name, value = m.group(1).lower(), m.group(2)
        out.append(query[pos : m.start()])
        field = FIELDS.get(name, name)
        if field == "date":
            out.append(_rewrite_date(value))
        elif field == "entity":
            check_any_entity(value)
            # No separate any-entity field (it doubled the entity postings): search each kind.
            out.append(
                "(" + " OR ".join(f"{f}:{_entity_value(f, value)}" for f in ENTITY_FIELDS) + ")"
            )
        elif field in ENTITY_FIELDS:
            check_value(field, value)
            check_name(field, value)
            out.append(f"{field}:{_entity_value(field, value)}")
        else:
            if field == "id":
                check_id(value)
            elif field == "source":
                check_name(field, value)
            out.append(f"{field}:{value}")
        pos = m.end()
    out.append(query[pos:])
    return "".join(out)


_FIELD_LABELS = LABEL_OF_INDEX_FIELD


def _entity_value(field: str, value: str) -> str:
    """Fold an entity search value the way the index folds names (aliases, spelling variants)."""
    if any(c in value for c in "*?~[]{}"):
        return value
    from index.analysis.entity_keys import query_key

    bare = value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value
    key = query_key(_FIELD_LABELS[field], bare)
    if not key.strip():
        return value
    key = key.replace('"', " ")
    written = f'"{key}"' if " " in key or value.startswith('"') else key
    if field == "dates":
        from index.analysis.dates import key_word

        word = key_word(key)
        if word:
            # The key's own word ("m01": any date in January) where the index writes date keys
            # as words (``index.analysis.dates.key_words``); its numbers (``"--01"``: the word
            # "01", which March 1 holds too) in an index built before that.
            return f"({word} OR {written})"
    return written


def _inside_quotes(query: str, index: int) -> bool:
    return query.count('"', 0, index) % 2 == 1
