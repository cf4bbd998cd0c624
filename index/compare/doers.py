"""Who did one act: two sentences that tell one act and name its doer by a relative clause ("a man
who ...", "another inmate who ...") disagree when one report's doer is the one the other report's
doer acted upon: "injured a man who was visiting another inmate and tried to stop the attack"
against "another inmate who tried to break up the attack also suffered stab wounds" (a visitor, in
one report, an inmate in the other).

The rule asks for little meaning and much form, so that it speaks rarely: both doers named by a
lower-case noun before "who"; one part of each clause (parts joined by "and") telling the same act,
two content words in common ("tried", "attack"); two different nouns; and the other report's doer
noun named inside this report's clause, where this doer acts on it ("visiting another inmate").
Two doers of two nouns alone ("a guard who ..." / "a nurse who ...") are left alone: one report may
name the person by another of their roles.

:func:`index.compare.conflicts.find` runs :func:`doer_conflicts` on the pairs it examines for fates
(closeness ``FATE``), only when both sentences hold "who" (:func:`names_doer`).
"""

from __future__ import annotations

import re

from index.compare.readings import Reading
from index.compare.words import STOP, stem

__all__ = ["doer_conflicts", "names_doer"]

# a noun phrase of up to three words before "who", and its clause up to a comma or stop
_DOER = re.compile(
    r"\b(?P<np>(?:(?:a|an|another|the|one|two|three|four|five)\s+)?(?:[a-z-]+\s+)?(?P<head>[a-z]+))"
    r"\s+who\s+(?P<clause>[^,;:.!?\"“”()]+)"
)
_AND = re.compile(r"\s+and\s+")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# words before "who" that name no doer ("those who", "people who" of a generic claim, "anyone who")
_NO_DOER = frozenset(
    "those anyone everyone someone somebody anybody people others many some all few none one "
    "us them me him her you they he she it".split()
)
_ACT_WORDS = 2  # content words two parts must share to tell one act


def names_doer(r: Reading) -> bool:
    """Whether a sentence may name a doer by a relative clause (the rule's cheap gate)."""
    return "who" in r.words


_Doer = tuple[str, str, list[tuple[str, frozenset[str]]]]


def _doers(text: str) -> list[_Doer]:
    """Each doer a sentence names: its noun phrase, its head noun's stem and each part of its
    clause with the part's content stems."""
    out = []
    for m in _DOER.finditer(text):
        head = m.group("head")
        if head in STOP or head in _NO_DOER:
            continue
        parts = [
            (p, frozenset(stem(w.lower()) for w in _TOKEN.findall(p) if w.lower() not in STOP))
            for p in _AND.split(m.group("clause").strip())
        ]
        out.append((m.group("np"), stem(head), parts))
    return out


def _acts_on(doer: _Doer, other: _Doer) -> str:
    """The part of ``doer``'s clause that names ``other``'s noun ("was visiting another inmate"),
    else ""."""
    return next((p for p, stems in doer[2] if other[1] in stems), "")


def doer_conflicts(x: Reading, y: Reading, c: float) -> list[tuple[str, str, float]]:
    """One act's doer told as two people: one report's doer acts on whom the other names as the
    doer ("a man who was visiting another inmate and tried to stop the attack" / "another inmate
    who tried to break up the attack")."""
    dx, dy = _doers(x.text), _doers(y.text)
    if not dx or not dy:
        return []
    for one in dx:
        for other in dy:
            if one[1] == other[1]:
                continue
            if not any(len(p & q) >= _ACT_WORDS for _, p in one[2] for _, q in other[2]):
                continue  # not one act
            # one doer acts on the other's doer noun: "visiting another inmate"
            on_x, on_y = _acts_on(one, other), _acts_on(other, one)
            if on_x or on_y:
                a = f"'{one[0]}'" + (f" ({_short(on_x)})" if on_x else "")
                b = f"'{other[0]}'" + (f" ({_short(on_y)})" if on_y else "")
                return [("status", f"who did it: A says {a}; B says {b}", 0.35 + c)]
    return []


def _short(part: str, most: int = 6) -> str:
    words = part.split()
    return " ".join(words[:most]) + (" ..." if len(words) > most else "")
