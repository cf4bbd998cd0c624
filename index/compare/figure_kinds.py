"""Counted nouns that name one kind of thing in other words, and counts told as additions.

A fire service's "six engines" and "four appliances" count the same vehicles, a report's "50
homes" and another's "70 houses" the same dwellings: :func:`kind_of` folds such nouns onto one
kind, so that :func:`index.compare.figure_measures.same_measure` compares them. The classes are
synonyms in news use only, never a word and its hypernym ("vehicle", "building", "weapon" count
more than one kind). :func:`added` reads a count told as an addition ("an additional six engines",
"a further four appliances", "six more engines"): two such counts of one kind, whose words meet,
tell how many more were sent, however little else their sentences share.
"""

from __future__ import annotations

import re

from index.compare.words import stem

__all__ = ["added", "kind_of"]

_KINDS = {
    # (not "trucks" nor "tenders": aid trucks, tender offers)
    "fire engine": "engine engines appliance appliances firetruck firetrucks pumper pumpers",
    "helicopter": "helicopter helicopters chopper choppers",
    "aircraft": "plane planes aircraft airplane airplanes aeroplane aeroplanes airliner airliners",
    "home": "home homes house houses dwelling dwellings residence residences",
}
_KIND = {stem(w): kind for kind, words in _KINDS.items() for w in words.split()}


def kind_of(head: str) -> str:
    """The kind a counted noun's stemmed head names ("applianc" -> "fire engine"), else ""."""
    return _KIND.get(head, "")


# "an additional six", "a further four", "another 20", "an extra two"; "six more engines"
_ADDED_BEFORE = re.compile(r"\b(?:additional|further|extra|another)\s+$", re.IGNORECASE)
_MORE_AFTER = re.compile(r"\s+more\b", re.IGNORECASE)


def added(text: str, start: int, end: int) -> bool:
    """Whether the count written at ``text[start:end]`` is told as an addition to others."""
    return bool(
        _ADDED_BEFORE.search(text, max(0, start - 14), start) or _MORE_AFTER.match(text, end)
    )
