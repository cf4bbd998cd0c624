"""Whose age a figure is, so that two people's ages are not set against each other
(:mod:`index.compare.figure_conflicts`).

An age is a person's when the name is written beside it: "16-year-old Kimani Gray", "a 23-year-old
woman, Shantel Davis", "Orozco, 27,". Two ages of two names are two people's ("the 36-year old
Rahman" / "the 32-year-old Klitschko's third win"); so is an age that a sentence gives to someone
else while naming the other's person ("The 30-year-old sergeant and 26-year-old fired 11 shots ...
into Gray's body" / "16-year-old Kimani Gray"), unless what it says of its own person is said of
that name there too ("the 29-year-old gang member" / "Orozco, 27, a known gang member"). An age
among several of one sentence ("The 30-year-old sergeant and 26-year-old fired", "two men, ages 47
and 48") is one of a group's: unless both ages are written beside one name, it cannot be told
whose it is, and it is not set against another sentence's age. Lexicons are generic, never the
words of one story.
"""

from __future__ import annotations

import re

from index.analysis.lexicon import TITLES
from index.compare.figure_patterns import STOPWORDS, VERBISH
from index.compare.figures import Figure
from index.compare.readings import Reading
from index.compare.words import STOP

__all__ = ["ages_of_two", "one_named_age", "unnamed_age_conflicts"]

_NAME = r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][a-z][\w'’-]*"
# "16 - year - old Kimani Gray", "36-year old Rahman", "23-year-old woman, Shantel Davis", "32-year-old
# protester Paris Kyriakides": the number, "year old", up to two lower-case words, then a name
_AGE_THEN = re.compile(
    r"[\d.,]*(?:[A-Za-z]+)?\s*-?\s*(?i:years?)\s*-?\s*(?i:old)\s+"
    rf"(?P<words>(?:[a-z][\w-]*\s+){{0,2}}?)(?:[a-z][\w-]*\s*,\s*)?(?P<name>{_NAME})"
    r"(?P<next>\s+[a-z]+)?"
)
# "Orozco, 27,", "Mahnefah Gray, 19,": a name, a comma, then the age
_NAME_THEN = re.compile(rf"({_NAME}),\s*$")
_LOWER_AFTER = re.compile(r"[\w.,]*(?:\s*-\s*|\s+)?years?\s*-?\s*old((?:\s+[a-z][\w-]*){1,3})")
# a name before these is a place or a group saying which person ("the 39-year-old Troy man", "a
# 16-year-old Brooklyn resident"), not the person
_PERSON_NOUNS = frozenset(
    "man woman boy girl teen teenager resident native student protester mother father son "
    "daughter wife husband officer man's woman's".split()
)


def _owner(r: Reading, f: Figure) -> str:
    """The name an age is written beside, lower case, without a possessive; else ""."""
    before = _NAME_THEN.search(r.text, max(0, f.start - 40), f.start)
    if before:
        return before.group(1).lower()
    m = _AGE_THEN.match(r.text, f.start)
    if m is None:
        return ""
    words = m.group("words").split()
    if any(w.lower() in STOPWORDS or VERBISH.match(w.lower()) for w in words):
        return ""  # "a 16-year-old shot by Smith": the name is someone else's
    nxt = (m.group("next") or "").strip()
    if nxt in _PERSON_NOUNS:
        return ""
    return re.sub(r"['’]s?$", "", m.group("name")).lower()


def _one_person(a: str, b: str) -> bool:
    """Whether two names may be one person's: the same last word, and no two first names."""
    wa, wb = _untitled(a.split()), _untitled(b.split())
    if not wa or not wb or wa[-1] != wb[-1]:
        return False
    return len(wa) < 2 or len(wb) < 2 or wa[0] == wb[0]


def _untitled(words: list[str]) -> list[str]:
    """A name's words without the titles before it ("captain budi santoso" is "budi santoso")."""
    while len(words) > 1 and words[0].rstrip(".") in TITLES:
        words = words[1:]
    return words


def _said_of(r: Reading, f: Figure) -> frozenset[str]:
    """The content words right after an age that names no one ("the 29-year-old gang member")."""
    m = _LOWER_AFTER.match(r.text, f.start)
    if m is None:
        return frozenset()
    return frozenset(
        w for w in m.group(1).split() if w not in STOPWORDS and w not in STOP and len(w) > 2
    )


def ages_of_two(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether two ages are two people's (see the module's docstring)."""
    ox, oy = _owner(ra, x), _owner(rb, y)
    if ox and oy:
        return not _one_person(ox, oy)
    if _several(ra) or _several(rb):
        return True  # "a 47-year-old man and a 48-year-old man" / "the 39-year-old Troy man"
    if not (ox or oy):
        return False
    name, named, other, f = (ox, ra, rb, y) if ox else (oy, rb, ra, x)
    last = name.split()[-1]
    if not re.search(rf"\b{re.escape(last)}\b", other.text, re.IGNORECASE):
        return False  # the other sentence names no one: its age may be this person's
    said = _said_of(other, f)
    words = {w.lower() for w in re.findall(r"[a-z][\w-]*", named.text)}
    return not (said & words)


# years by which one person's age may differ between two reports of a story told over time (reports
# 309 days apart: 31 / 32; a man hunted, then convicted: 27 / 29)
_AGED = 2


def one_named_age(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether two ages are written beside one person's full name in both ("Budi Santoso, 47," /
    "Captain Budi Santoso, 52,"): the same first and last name (a father and a son share the
    last) and more years apart than the story's time may account for (:data:`_AGED`). Such
    ages are one man's whatever else the two sentences say."""
    if abs(x.value - y.value) <= _AGED:
        return False
    wa, wb = _untitled(_owner(ra, x).split()), _untitled(_owner(rb, y).split())
    return len(wa) >= 2 and len(wb) >= 2 and wa[0] == wb[0] and wa[-1] == wb[-1]


def _several(r: Reading) -> bool:
    """Whether a sentence gives the ages of two people or more (two different ages)."""
    return len({f.value for f in r.figs if f.dim == "age"}) > 1


_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")


def unnamed_age_conflicts(
    ra: list[Reading], rb: list[Reading]
) -> list[tuple[str, int, int, str, float]]:
    """One person's age written beside the name in one report ("Ferri, 64,") and told back by
    the other as "the 59-year-old" right where it names that person (the same sentence or the
    one before), or describes as the named report's sentence does ("the 55-year-old engineer" /
    "The engineer ..., Luis Paredes, 58,"): (kind, i, j, detail, strength). Only where each
    report gives one age and no other (a second age may be anyone's), the unnamed one is told
    back ("the 59-year-old", not "a 59-year-old") and no one else's ("the 59-year-old's family"
    names no one else), and the two are more years apart than a story's time explains
    (:data:`_AGED`)."""
    out = []
    for named, other, flip in ((ra, rb, False), (rb, ra, True)):
        xs = [(k, f) for k, r in enumerate(named) for f in r.figs if f.dim == "age"]
        ys = [(k, f) for k, r in enumerate(other) for f in r.figs if f.dim == "age"]
        if not xs or not ys or len({f.value for _, f in xs}) != 1:
            continue
        if len({f.value for _, f in ys}) != 1 or abs(xs[0][1].value - ys[0][1].value) <= _AGED:
            continue
        owners = {_owner(named[k], f) for k, f in xs}
        if len(owners) != 1 or "" in owners or any(_owner(other[k], f) for k, f in ys):
            continue
        k, y = ys[0]
        r = other[k]
        if not _THE_BEFORE.search(r.text, max(0, y.start - 6), y.start):
            continue  # "the 62-year-old" tells back someone named before; "a 62-year-old" not
        last = _untitled(owners.pop().split())[-1]
        told = r.text if k == 0 else other[k - 1].text + " " + r.text
        i, x = xs[0]
        # ... or describes the person as the named report's sentence does ("The 55-year-old
        # engineer" / "The engineer in charge of its upkeep, Luis Paredes, 58,")
        words = {w.lower() for w in re.findall(r"[a-z][\w-]*", named[i].text)}
        if not (
            re.search(rf"\b{re.escape(last)}\b", told, re.IGNORECASE) or _said_of(r, y) & words
        ):
            continue
        detail = (
            f"age: A says '{x.text}' ({last.title()}); B says '{y.text}' (the same person, "
            "named there)"
        )
        if flip:
            detail = (
                f"age: A says '{y.text}' (the same person, named there); B says '{x.text}' "
                f"({last.title()})"
            )
        out.append(("figure", k if flip else i, i if flip else k, detail, 0.75))
    return out
