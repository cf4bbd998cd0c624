"""One claim told by two speakers each report describes by a role: "said agency spokesman Yusuf
Latif" / "the ferry's owner told reporters" (for :func:`index.compare.claim_conflicts.
claim_conflicts`, whose named sources are capitalised names only, and which lets an office alone
be anyone the other report names).

A speaker counts here only when its role is one that says who the person is and that one person
rarely holds beside another (an owner, a captain, a spokesman, a witness, a lawyer ...); officials,
sources, aides and officers may be anyone and are left alone. Two speakers are two people when
their roles differ and no word of one's description or name is in the other's: "an airline
spokeswoman" and "a spokesman for Alaska Airlines" may be one person's words, "the ferry's owner"
and "agency spokesman Yusuf Latif" are two.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.compare.attribution import _initials, sentence_sources
from index.compare.figure_measures import overlap
from index.compare.readings import Reading
from index.compare.words import stem

__all__ = ["described_speakers", "same_figures", "speaker_conflict"]

# roles that tell who the person is; "spokes..." are one role, whoever's
_ROLES = (
    "spokesman|spokeswoman|spokesperson|owner|captain|pilot|driver|witness|passenger|survivor|"
    "resident|neighbou?r|relative|father|mother|brother|sister|son|daughter|wife|husband|lawyer|"
    "attorney|doctor|coroner|prosecutor|mayor|governor|sheriff|manager|coach|chairman|chairwoman"
)
_VERBS = r"(?:said|says|told|stated|added|confirmed|explained|insisted)"
_MODS = r"(?P<mods>(?:(?:[a-z][a-z-]*|[A-Z][\w-]*)(?:['’]s?)?\s+){0,2})"
_DESCRIBED = re.compile(
    rf"(?P<desc>(?:\b[Tt]he|\b[Aa]n?|\b[Oo]ne|\b[Hh]is|\b[Hh]er|\b[Tt]heir|\b[Ii]ts)\s+{_MODS}"
    rf"(?P<role>{_ROLES}))\b,?\s+{_VERBS}\b"
)
_DESCRIBED_AFTER = re.compile(
    rf"\b{_VERBS}\s+(?P<desc>(?:the|a|an|one|his|her|their|its)\s+{_MODS}(?P<role>{_ROLES}))\b"
    r"(?!\s+[A-Z])"
)
_WORD = re.compile(r"[A-Za-z][\w-]*")


def _role(word: str) -> str:
    w = word.lower()
    return "spokes" if w.startswith("spokes") else w


@lru_cache(maxsize=4096)
def described_speakers(text: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    """(role, stems of the words describing it, the description) of each speaker the sentence
    describes by a role: "the ferry's owner told reporters" -> ("owner", {"ferri"}, "the
    ferry's owner")."""
    out = []
    for rx in (_DESCRIBED, _DESCRIBED_AFTER):
        for m in rx.finditer(text):
            mods = frozenset(stem(w.lower()) for w in _WORD.findall(m.group("mods")))
            out.append((_role(m.group("role")), mods, m.group("desc")))
    return tuple(out)


def _named_speakers(text: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    """The same of each named speaker with a role before the name ("said agency spokesman Yusuf
    Latif", "Hospital spokeswoman Mary Roe said"), the name's words among the stems."""
    out = []
    for s in sentence_sources(text, 0, len(text)):
        words = (s.role or "").split()
        if s.kind == "person" and words and re.fullmatch(_ROLES, words[-1].lower()):
            described = {stem(w.lower()) for w in _WORD.findall(f"{s.role} {s.name}")}
            out.append((_role(words[-1]), frozenset(described), f"{s.role} {s.name}"))
    return tuple(out)


_QUOTED = re.compile(r"[\"“”]")


def _body(
    text: str, described: tuple[tuple[str, frozenset[str], str], ...], other: str
) -> tuple[tuple[str, frozenset[str], str], ...]:
    """The body a sentence credits, alone ("the FAA said in a statement"), as a speaker set
    against a person the other sentence describes as another's: "an airline spokeswoman" (whose
    spokeswoman she is, said) or one of no body at all ("a witness"). "A spokesman" of no one
    said may be that body's own, as may one whose body's initials are the other's name ("a
    Federal Aviation Administration spokesman" / "the FAA"). Only for a quotation, quoted in
    both: a claim in one's own words a body and a person may each have told ("A navy spokesman
    said the Indians responded to a distress call" / "... a Defence Ministry release said", "the
    International Maritime Bureau later said" / "The ship's owner said": over ECB+ and WikiNews
    the 2 findings this made without quotations were both of that kind)."""
    if len(described) != 1 or not (_QUOTED.search(text) and _QUOTED.search(other)):
        return ()  # (a claim told in one's own words, a body and a person may both have told)
    role, mods, desc = described[0]
    if role == "spokes" and not mods:
        return ()
    found = sentence_sources(text, 0, len(text))
    if len(found) != 1 or found[0].kind != "institution":
        return ()
    name = found[0].name
    if _initials(desc.split(None, 1)[-1]).startswith(name):
        return ()
    words = frozenset(stem(w.lower()) for w in _WORD.findall(name))
    return (("body", words, name),)


def same_figures(x: Reading, y: Reading) -> bool:
    """Whether the two sentences give one figure in each dimension both measure: the same
    claim (with other figures, "206 km west of Talca" / "64 kilometers west of Navidad", it is
    another; a figure only one of them gives, "chased him for 48km", adds detail)."""
    both = {f.dim for f in x.figs} & {g.dim for g in y.figs}
    return all(
        any(overlap(f, g) for f in x.figs if f.dim == d for g in y.figs if g.dim == d) for d in both
    )


def speaker_conflict(x: Reading, y: Reading) -> tuple[str, float] | None:
    """The claim two sentences tell near word for word, credited to two speakers each described
    by another role with nothing in common, as (detail, strength); else None."""
    sx, sy = described_speakers(x.text), described_speakers(y.text)
    if not (sx or sy):
        return None
    # (one side may name its speaker, with the role before the name, or be a body: "the FAA")
    sx = sx or _named_speakers(x.text) or _body(x.text, sy, y.text)
    sy = sy or _named_speakers(y.text) or _body(y.text, sx, x.text)
    if len(sx) != 1 or len(sy) != 1:
        return None
    (rx, wx, dx), (ry, wy, dy) = sx[0], sy[0]
    if rx == ry or wx & wy or wx & y.stems or wy & x.stems:
        return None  # one role, or a word of one description in the other sentence
    told = wx | wy | {stem(dx.split()[-1].lower()), stem(dy.split()[-1].lower())}
    told |= {stem(w.lower()) for w in _WORD.findall(f"{dx} {dy}")}
    ka, kb = x.stems - told, y.stems - told
    share = len(ka & kb) / max(1, min(len(ka), len(kb)))
    if share < 0.6 or len(ka & kb) < 2 or not same_figures(x, y):
        return None
    return f"source: A credits {dx}; B credits {dy}", 0.2 + share
