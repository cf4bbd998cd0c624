"""A person the recognizer ran into the organisation or the place of his office.

A step of the in-article resolution (:func:`index.analysis.entity_keys.finish_candidates`):

- "Bank of England Governor Robin Leigh-Pemberton", "Council of Economic Advisers Chairman Beryl
  Sprinkel" were one organisation: the organisation stops before the title and the name after it
  is a person (19 such spans on all Reuters stories, WikiNews and ECB+, each an office and its
  holder);
- "England Robin Leigh-Pemberton" of "Governor of the Bank of England Robin Leigh-Pemberton" was
  one person, "Bank of" no entity: the word after an organisation's head and "of", before a name
  of two words or more, ends that organisation's name (the gazetteer has no England: a place
  would not do).
"""

from __future__ import annotations

import re

from index.analysis.entity_spans import Cand
from index.analysis.gazetteer import key_of
from index.analysis.lexicon import ORG_HEADS, TITLES
from index.pattern_cache import compiled

_OFFICES = TITLES - frozenset(
    """mr mrs ms dr sir dame lord lady field general senior foreign defence defense interior
    finance supreme deputy agent officer leader chief major""".split()
)
"""Capitalised title words that end an organisation's name and open an office held by the name
after it ("Governor", "Chairman", "President", "Prime Minister"). Not the words that also name
a part of an organisation ("Chief", "Finance", "Interior") or that open a name ("Lord")."""
_OFFICE_WORD = compiled(
    r"\s(?:" + "|".join(sorted(w.capitalize() for w in _OFFICES)) + r")\b", re.ASCII
)
_BEFORE_OFFICE = frozenset("managing executive vice deputy chief acting senior".split())
"""Words that open an office before its title word ("Managing Director", "Deputy Governor")."""
_WORD = compiled(r"\S+")


def split_offices(text: str, kept: list[Cand]) -> list[Cand]:
    """Split the person off an organisation named with his office, and the place off a person
    named after it (see the module's docstring).

    Args:
        text: The article's text.
        kept: Non-overlapping candidates sorted by offset.

    Returns:
        The candidates with those spans split, still sorted and non-overlapping.
    """
    split: dict[int, list[Cand]] = {}
    for i, c in enumerate(kept):
        if c.label == "ORG":
            parts = _office_holder(text, c)
        elif c.label == "PERSON" and text.endswith(("of ", "of\n"), 0, c.start):
            parts = _place_of(text, c, kept[i - 1].end if i else 0)
        else:
            continue
        if len(parts) > 1:
            split[i] = parts
    if not split:
        return kept  # most articles
    return [p for i, c in enumerate(kept) for p in split.get(i, (c,))]


def _office_holder(text: str, c: Cand) -> list[Cand]:
    if _OFFICE_WORD.search(text, c.start, c.end) is None:
        return [c]  # most organisations: no title word inside (one search, not a word list)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, c.start, c.end)]
    for i in range(1, len(words) - 2):
        if not _is_office(words[i][2]) or words[i - 1][2].lower() in _OFFICES:
            continue
        j = i
        while j < len(words) and _is_office(words[j][2]):
            j += 1  # "Prime Minister"
        name = words[j:]
        if len(name) < 2 or not all(w[:1].isupper() for _, _, w in name):
            return [c]
        if any(key_of(w) in ORG_HEADS for _, _, w in name):
            return [c]  # "Joint Economic Committee on the Justice Department"
        while i > 1 and words[i - 1][2].lower() in _BEFORE_OFFICE:
            i -= 1  # "Managing Director", "Deputy Governor"
        org_end = words[i - 1][1]
        if words[i - 1][2] == "of":  # "Social Democratic Party of Prime Minister Kalevi Sorsa"
            if i < 2:
                return [c]
            org_end = words[i - 2][1]
        return [Cand(c.start, org_end, "ORG", ""), Cand(name[0][0], c.end, "PERSON", "")]
    return [c]


def _is_office(word: str) -> bool:
    return word[:1].isupper() and word.lower().rstrip(".") in _OFFICES


_HEAD_OF = compiled(r"\b([A-Z][a-z]+)[ \t\n]+of[ \t\n]+\Z")


def _place_of(text: str, c: Cand, prev_end: int) -> list[Cand]:
    """ "England Robin Leigh-Pemberton" after "the Bank of": the organisation "Bank of England" and
    the person "Robin Leigh-Pemberton"."""
    head = _HEAD_OF.search(text, max(prev_end, c.start - 20), c.start)
    if head is None or head.group(1).lower() not in ORG_HEADS:
        return [c]
    first = _WORD.match(text, c.start)
    rest = _WORD.search(text, first.end(), c.end) if first is not None else None
    if first is None or rest is None or not _WORD.search(text, rest.end(), c.end):
        return [c]  # no name of two words after it
    return [Cand(head.start(), first.end(), "ORG", ""), Cand(rest.start(), c.end, "PERSON", "")]
