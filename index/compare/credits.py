"""Whom a sentence credits with its claim: the capitalised names before or after a verb of saying
("..., Sheriff Robert Pickell said", "said Prime Minister Jane Doe") or after "according to" (for
:class:`index.compare.status_cues.Cues`, which the attribution disagreement reads). Not whom one
"told" ("her rep told People": the rep's claim), not a body whose speaker follows it ("according to
Vancouver Police spokesperson ..."), not a day ("officials said Saturday").
"""

from __future__ import annotations

import re

from index.compare.preparation import rarity
from index.vocabulary import MONTHS, WEEKDAYS

__all__ = ["credited_names", "without_days"]

# Who a sentence credits: "..., Sheriff Robert Pickell said", "according to the Red Cross".
_NAME = (
    r"((?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+"
    r"(?:\s+and\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+)?)"  # "Zadan and Meron"
)
# ("according to police spokesman Dan Ortiz": a role in lower case before the name; whom one
# "told" heard the claim: "her rep told People" credits the rep, not People)
_SOURCE = re.compile(
    rf"{_NAME},?\s+(?:said|says|told|stated|reported|announced|confirmed)\b"
    rf"|\b(?:(?:[Aa]ccording to)\s+(?:the\s+)?(?:[a-z]+\s+){{0,3}}?|(?:said|says)\s+(?:the\s+)?)"
    rf"{_NAME}"
)
# rarity (8 - Zipf) above which a capitalised word opening a sentence is a name, not a common
# word ("Reuters reported", "Xinhua said"; not "Officials said", "Witnesses told")
_NAME_RARITY = 4.0


_DAY_WORDS = ("today", "yesterday", "tonight", "tomorrow")
# A day written where a name may stand ("officials said Saturday", "On Monday Reuters said"), or a
# month alone ("said March 3"): when a sentence was said, never who said it ("said May Smith" is).
_DAYS = "|".join(w.title() for w in (*WEEKDAYS, *_DAY_WORDS))
_CALENDAR = re.compile(
    rf"^(?:On|By|Since|Until|Last|This|Next)\s+(?:(?:{_DAYS})(?:['’]s)?\s*)+"
    rf"|(?:\s*\b(?:{_DAYS}))+$|^(?:{'|'.join(m.title() for m in MONTHS)})$"
)


def without_days(name: str) -> str:
    """A name without a day written after it or after "On" before it, nor a month written
    alone ("Saturday" -> "", "On Monday Reuters" -> "Reuters"; "Sunday Times" and "May Smith"
    stay)."""
    return _CALENDAR.sub("", name)


def credited_names(text: str) -> set[str]:
    """Capitalised names credited with the sentence's claim (without a leading 'The', nor a day
    or month before or after it)."""
    out = set()
    for m in _SOURCE.finditer(text):
        name = (m.group(1) or m.group(2)).strip()
        name = re.sub(r"^(?:The|A|An|But|And|In)\s+", "", without_days(name))
        name = re.sub(r"^On\s+", "", name)
        if not name:
            continue
        if m.group(2) and _ROLE_AFTER.match(text, m.end()):
            continue  # "according to Vancouver Police spokesperson ...": the body's speaker
        if m.start() > 0 or name.count(" ") or _a_name_alone(name):
            out.add(name)
    return out


# a role in lower case after a body's name ("Vancouver Police spokesperson", "Navy officials"):
# the speaker is one of the body's people, whom the other report may name
_ROLE_AFTER = re.compile(
    r"['’]?s?\s+(?:[a-z]+\s+)?(?:spokes\w+|officials?|officers?|sources?|chief|director|"
    r"head|representatives?|commander|captain|investigators?)\b"
)


def _a_name_alone(word: str) -> bool:
    """Whether one capitalised word is a name even where a sentence opens: an acronym ("BBC",
    "AP") or a word rare as a common word ("Reuters", "Xinhua")."""
    if len(word) >= 2 and word.isupper():
        return True
    return word.isalpha() and rarity(word.lower()) > _NAME_RARITY
