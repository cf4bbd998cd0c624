"""The engine's one vocabulary: the kinds of entity, and the words every part of it agrees on.

Each entity kind carries every name the rest of the code needs for it: the label the recognizer
gives (``PERSON``), the index field holding its canonical keys (``person``; dates in ``dates``), the
field a user types in a query (``person:``; dates as ``date:``), the names the screens show
("People", short "People") and the colour role the styles give it (``person``). A module that needs
one of these reads it here, never from a table of its own.

Month and day names live here too: the spellings news uses (full names and abbreviations).

Plain Python, no imports beyond the standard library: the whole engine and the UI may read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = [
    "ENTITY_LABELS",
    "INDEX_FIELDS",
    "LABEL_OF_INDEX_FIELD",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NUMBER",
    "QUERY_FIELDS",
    "WEEKDAYS",
    "Kind",
    "Label",
    "kind",
    "label_of_index_field",
    "label_of_query_field",
]


class Label(str, Enum):
    """An entity kind, as the recognizer labels it. A ``str``: ``Label.PERSON == "PERSON"``."""

    PERSON = "PERSON"
    ORG = "ORG"
    PLACE = "PLACE"
    GROUP = "GROUP"
    DATE = "DATE"
    QUANTITY = "QUANTITY"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Kind:
    """Every name of one entity kind.

    Attributes:
        label: The recognizer's label (``PERSON``).
        index_field: The index field holding the canonical keys of this kind.
        query_field: The field a user types in a query to search this kind.
        display: The heading the screens show over a list of this kind ("People").
        short: A short heading for narrow places ("Orgs").
        role: The colour role: the styles' class suffix for this kind (``entity--person``).
    """

    label: Label
    index_field: str
    query_field: str
    display: str
    short: str
    role: str


_KINDS: tuple[Kind, ...] = (
    Kind(Label.PERSON, "person", "person", "People", "People", "person"),
    Kind(Label.ORG, "org", "org", "Organisations", "Orgs", "org"),
    Kind(Label.PLACE, "place", "place", "Places", "Places", "place"),
    Kind(Label.GROUP, "group", "group", "Groups", "Groups", "group"),
    Kind(Label.DATE, "dates", "date", "Dates", "Dates", "date"),
    Kind(Label.QUANTITY, "quantity", "quantity", "Figures", "Figures", "quantity"),
)
_BY_LABEL: dict[str, Kind] = {k.label.value: k for k in _KINDS}

ENTITY_LABELS: tuple[str, ...] = tuple(k.label.value for k in _KINDS)
"""The labels in the order the screens list them."""
INDEX_FIELDS: dict[str, str] = {k.label.value: k.index_field for k in _KINDS}
"""Label -> the index field holding its canonical keys."""
QUERY_FIELDS: dict[str, str] = {k.label.value: k.query_field for k in _KINDS}
"""Label -> the query field a user types to search it."""
LABEL_OF_INDEX_FIELD: dict[str, str] = {k.index_field: k.label.value for k in _KINDS}
"""Index field -> the label whose canonical keys it holds (``dates`` -> ``DATE``)."""


def kind(label: str) -> Kind:
    """Every name of the entity kind ``label`` (``KeyError`` for a label the recognizer never gives)."""
    return _BY_LABEL[label]


def label_of_index_field(field: str) -> str | None:
    """The label whose canonical keys an index field holds (``dates`` -> ``DATE``), or ``None``."""
    for k in _KINDS:
        if k.index_field == field:
            return k.label.value
    return None


def label_of_query_field(field: str) -> str | None:
    """The label a query field searches (``date`` -> ``DATE``), or ``None``."""
    for k in _KINDS:
        if k.query_field == field:
            return k.label.value
    return None


MONTHS: tuple[str, ...] = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
"""Month names, lower case, in calendar order."""
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
)
"""The abbreviations news writes ("Sept"), lower case, without full stops ("may" is a full name)."""
MONTH_NUMBER: dict[str, int] = {
    **{m: n for n, m in enumerate(MONTHS, 1)},
    **{a: n for n, a in enumerate(("jan", "feb", "mar", "apr"), 1)},
    **{a: n for n, a in enumerate(("jun", "jul", "aug", "sep"), 6)},
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
"""Month name or abbreviation (lower case) -> its number."""
WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
"""Day names, lower case, Monday first."""
