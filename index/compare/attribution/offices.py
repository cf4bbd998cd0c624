"""An office cited alone ("the Alaska Governor said") is the one person the report names with that
office ("Alaska Gov. Sarah Palin"): one source, not two.

A source whose name is an office and its place only ("Alaska Governor", "Prime Minister") is
folded into the person the report writes right after that office (its title, or its abbreviation,
and the place's words before the name: "Alaska Gov. Sarah Palin", "Governor Sarah Palin"), when
the report names exactly one such person; the person's own citations, if any, take its claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from index.analysis.lexicon import TITLES
from index.models import Entity

if TYPE_CHECKING:
    from index.compare.attribution import Source

__all__ = ["fold_offices"]

# courtesies, not offices ("Mr", "Sir"), and words TITLES holds as parts of offices only
_NOT_OFFICES = frozenset("mr mrs ms dr sir lady lord dame senior field prime foreign".split())
# an office's usual abbreviation, as news writes it before a name
_SHORT = {
    "governor": "gov",
    "senator": "sen",
    "representative": "rep",
    "president": "pres",
    "lieutenant": "lt",
    "captain": "capt",
    "general": "gen",
    "professor": "prof",
    "sergeant": "sgt",
}


def _office(name: str) -> tuple[str, list[str]] | None:
    """The office (its last word, lower case) and the place's words of a source named by an
    office alone ("Alaska Governor" -> ("governor", ["alaska"])), else None."""
    words = [w.strip(".,").lower() for w in name.removesuffix(" (unnamed)").split()]
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if not words or words[-1] not in TITLES or words[-1] in _NOT_OFFICES:
        return None
    rest = [w for w in words[:-1] if w not in TITLES]
    if len(rest) > 2:
        return None  # a name of its own ("Central Mat-Su Fire Chief"?): left alone
    return words[-1], rest


def _holders(text: str, entities: Sequence[Entity], office: str, place: list[str]) -> set[str]:
    """The full names of the people the report writes right after ``office`` (and ``place``)."""
    title = rf"(?:{re.escape(office)}|{re.escape(_SHORT.get(office, office))}\.?)"
    out = set()
    for e in entities:
        if e.label != "PERSON" or len(e.text.split()) < 2:
            continue
        before = text[max(0, e.start - 40) : e.start].lower()
        if not re.search(rf"\b{title}\s+$", before):
            continue
        if all(re.search(rf"\b{re.escape(p)}\b", before) for p in place):
            out.add(" ".join(e.text.split()))
    return out


def fold_offices(
    found: list[Source],
    text: str,
    entities: Sequence[Entity],
    other: tuple[str, Sequence[Entity]] | None = None,
) -> list[Source]:
    """``found`` with each office cited alone folded into the one person holding it (see the
    module's docstring). ``other``: the text and entities of the report it is compared with,
    which may write the office beside a person this report names without it ("Sarah Palin's
    church" ... "the Alaska Governor said" / "Alaska Gov. Sarah Palin")."""
    out = list(found)
    for s in found:
        office = _office(s.name)
        if office is None:
            continue
        holders = _holders(text, entities, *office)
        if not holders and other is not None:
            named = {" ".join(e.text.split()).lower() for e in entities if e.label == "PERSON"}
            holders = {h for h in _holders(*other, *office) if h.lower() in named}
        if len(holders) != 1:
            continue
        (full,) = holders
        last = full.split()[-1].lower()
        same = [
            o
            for o in out
            if o is not s and o.kind == "person" and o.name.split()[-1].lower() == last
        ]
        out.remove(s)
        if same:
            o = same[0]
            claims = tuple(sorted(set(o.claims) | set(s.claims)))
            out[out.index(o)] = replace(o, claims=claims, role=o.role or s.name)
        else:
            person = replace(s, name=full, kind="person", unnamed=False, role=s.name)
            out.insert(sum(1 for o in out if o.start < s.start), person)
    return out
