"""Organisations the other entity rules miss, told by their trade or their products.

:func:`named_firms`, a step of the in-article resolution
(:func:`index.analysis.entity_keys.finish_candidates`): a name opened by a trade word ("Air France",
"Banque Paribas") is a firm, and a word before a model designation ("Airbus A330") its maker; and
:func:`partnerships`: a firm named after its partners with commas ("Goldman, Sachs and Co") is one firm.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from index.analysis.entity_rules import strip_poss
from index.analysis.entity_spans import Cand
from index.analysis.gazetteer import key_of
from index.analysis.lexicon import (
    EVENT_HEADS,
    EVENT_PREFIXES,
    FUNCTION_WORDS,
    MONTHS,
    ORG_HEADS,
    PLACE_HEADS,
    TITLES,
    WEEKDAYS,
)
from index.pattern_cache import compiled

TRADE_WORDS = frozenset("air aero radio telecom banco banca banque".split())
"""Words that open a firm's name before a place or another name, saying its trade: "Air France",
"Air Comet", "Radio Canada", "Telecom Italia", "Banco Santander". Without this the place alone was
found ("Air France": the place France, and the attribution reader called "Air France said" a
person)."""
_MAKER_RE = compiled(r"\b([A-Z][a-z]{2,})[ \t]+(?=[A-Z]{1,3}-?\d{2,4}(?:[a-z]{1,3})?\b)")
"""A capitalised word before a model designation: "Airbus A330", "Lockheed F-16", "Sukhoi
Su-27" is not (mixed case). Not "Flight 447" nor "Terminal 2" (figures alone: "Boeing 747" is
left to "Boeing Co"), nor "Total M2" (money supply: one figure)."""
_TRADE_CAPS = tuple(w.capitalize() for w in TRADE_WORDS)
_HINTS = compiled(
    r"[A-Z](?:(-?\d\d)|(?:" + "|".join(sorted(w[1:] for w in TRADE_WORDS)) + r")[ \n])"
)
"""What a model designation ("A330") or a trade word before a name holds: one scan of the text,
and a text with neither (most) is not searched further."""
_NOT_MAKERS = FUNCTION_WORDS | TITLES | ORG_HEADS | PLACE_HEADS | EVENT_PREFIXES | EVENT_HEADS
_NAMES = frozenset({"?", "PERSON"})


def named_firms(text: str, kept: list[Cand]) -> list[Cand]:
    """Organisations the other rules miss, told by their trade or their products.

    - A name opened by a trade word (:data:`TRADE_WORDS`) is a firm, the place or name after it
      included: "Air France" (was the place France), "Air Comet", "Banque Paribas" (were people),
      and a lone word that ends such a name in the article is that firm ("Paribas").
    - A one-word name before a model designation is its maker ("Airbus A330", "Boeing 747-400"),
      and so is every mention of that word in the article ("Airbus have announced"). The word is
      not one the article also writes in lower case ("Vitamin B12" / "vitamin"), and no
      capitalised word but "The" comes before it ("Air France A330": France is no maker).

    A firm so found takes the key of a longer name of the article that it opens ("Boeing" of
    "Boeing Co", "Air UK" of "Air UK Ltd").

    Args:
        text: The article's text.
        kept: Non-overlapping candidates sorted by offset.

    Returns:
        The candidates with those names made organisations, still sorted and non-overlapping.
    """
    hints = {m.group(1) is None for m in _HINTS.finditer(text)}  # True: a trade word
    trade = _trade_words(text) if True in hints else {}
    makers = _makers(text, kept) if False in hints else {}
    if not trade and not makers:
        return kept  # most articles: neither a trade word nor a model designation
    out: list[Cand] = []
    made: list[Cand] = []
    for c in kept if trade else ():
        first = text[c.start : c.end].split(maxsplit=1)[0].lower() if c.label in _NAMES else ""
        if first in TRADE_WORDS and c.end - c.start > len(first):
            c.label, c.canonical = "ORG", ""  # "Air Comet"
            made.append(c)
        elif c.label in _NAMES or c.label in {"PLACE", "GROUP"}:
            # "Air" + "France": the trade word is a lone candidate before it, or none at all at a
            # sentence start where the article also writes the word in lower case ("air force").
            at = trade.get(c.start, -1)
            if at >= 0:
                prev = out[-1] if out else None
                if prev is None or prev.end <= at:
                    c = Cand(at, c.end, "ORG", "")
                    made.append(c)
                elif prev.label == "?" and (prev.start, prev.end) == (at, c.start - 1):
                    out.pop()
                    c = Cand(at, c.end, "ORG", "")
                    made.append(c)
        out.append(c)
    out = out if trade else list(kept)
    ends = {key_of(text[c.start : c.end]).split()[-1] for c in made if c.end - c.start > 5}
    starts = {c.start for c in out}
    for c in out:
        if c.label in _NAMES and " " not in text[c.start : c.end].strip():
            key = key_of(strip_poss(text[c.start : c.end]))
            if key in makers or (c.label == "?" and key in ends):
                c.label, c.canonical = "ORG", ""
                made.append(c)
    added = [c for c in makers.values() if c.start not in starts]
    if added:
        out = sorted(out + added, key=lambda c: c.start)
    orgs = sorted({key_of(text[c.start : c.end]) for c in out if c.label == "ORG"})
    ending: dict[str, str] = {}  # the first name (in ``orgs``' order) that each tail of words ends
    for o in orgs if made or added else ():
        for at in (i for i, ch in enumerate(o) if ch == " "):
            ending.setdefault(o[at + 1 :], o)
    for c in made + added:
        key = key_of(strip_poss(text[c.start : c.end]))
        # The article's longer name that this one opens, else the trade name it ends: the first
        # of either in ``orgs``' order (a bisect and a dict: a scan of every name for every one
        # was quadratic in a long text's length).
        i = bisect_left(orgs, key + " ")
        opens = orgs[i] if i < len(orgs) and orgs[i].startswith(key + " ") else None
        found = [o for o in (opens, ending.get(key)) if o is not None]
        c.canonical = min(found) if found else ""
    return out


def _trade_words(text: str) -> dict[int, int]:
    """Where a capitalised trade word stands before a space or a line break: the offset of the
    word after it -> the word's own offset (string searches: a regex over every article cost a
    recognizer's 2%)."""
    out: dict[int, int] = {}
    for w in _TRADE_CAPS:
        at = text.find(w)
        while at >= 0:
            end = at + len(w)
            if text[end : end + 1] in (" ", "\n") and (at == 0 or not text[at - 1].isalnum()):
                out[end + 1] = at
            at = text.find(w, end)
    return out


def _makers(text: str, kept: list[Cand]) -> dict[str, Cand]:
    """Words named before a model designation, each with an organisation candidate at its first
    such mention (used when no candidate stands there)."""
    found: dict[str, Cand] = {}
    common: dict[str, bool] = {}
    for m in _MAKER_RE.finditer(text):
        word = m.group(1)
        low = word.lower()
        if low in _NOT_MAKERS or low in MONTHS or low in WEEKDAYS:
            continue
        before = text[max(0, m.start() - 30) : m.start()].split()
        if before and before[-1][:1].isupper() and before[-1].lower() not in FUNCTION_WORDS:
            continue  # "Air France A330", "Royal Air Force C17": the model of another name
        if low not in common:  # once a word: a search of the whole text for each mention
            common[low] = re.search(rf"\b{low}\b", text) is not None
        if common[low]:
            continue  # a common noun ("Vitamin B12" where the article writes "vitamin")
        s, e = m.span(1)
        over = next((c for c in kept if c.start < e and s < c.end), None)
        if over is not None and (over.label not in _NAMES or over.end - over.start != e - s):
            continue  # a part of a place, a date or a longer name
        found.setdefault(key_of(word), Cand(s, e, "ORG", ""))
    return found


_PARTNER_GAP = compiled(r",[ \t\n]+(?:[A-Z][A-Za-z]+,?[ \t\n]+)*(?:and[ \t\n]+)?\Z")
"""Between a partner's name and the rest of a partnership's name: ", ", more partners
(", Pierce, Fenner and ") and an "and"."""
_FIRM_LAST = frozenset("co inc ltd corp plc llc".split())
_LISTED = compiled(r",[ \t\n]+and[ \t\n]+\Z")
"""A comma right before the "and": a list of firms ("coupled with McDonnell Douglas, and United
Technologies Corp"), where a partnership has none ("Merrill Lynch, Pierce, Fenner and Smith")."""
_INITIALS = compiled(r"(?:[A-Z]\.){1,3}[ \t]?[A-Z][a-z]")
"""A firm named after one man by his initials right after the comma: a list ("Citicorp, J.P.
Morgan and Co", "Schroder Wagg, S.G. Warburg and Co Ltd"); "Tucker, Anthony and R.L. Day Inc" is
one firm, its "and" before them."""


def partnerships(text: str, kept: list[Cand]) -> list[Cand]:
    """A firm named after its partners, commas between them: "Merrill Lynch, Pierce, Fenner and
    Smith Inc", "Bear, Stearns and Co". The name before the first comma was a person and the rest a
    firm ("Pierce Fenner and Smith Inc"); now the whole is one firm. Only when the firm's part ends
    on Co, Inc, Ltd, Corp, Plc or Llc and the whole holds an "and".

    Args:
        text: The article's text.
        kept: Non-overlapping candidates sorted by offset.

    Returns:
        The candidates with each such person and firm made one organisation.
    """
    out: list[Cand] = []
    for c in kept:
        # "Merrill Lynch" + "Pierce, Fenner and Smith Inc", itself made of "Pierce" and the rest
        while out and _partners(text, out[-1], c):
            prev = out.pop()
            c = Cand(prev.start, c.end, "ORG", key_of(text[prev.start : c.end].replace(",", " ")))
        out.append(c)
    return out


def _partners(text: str, prev: Cand, c: Cand) -> bool:
    """Whether a name and the firm after it are one partnership's name."""
    return (
        c.label == "ORG"
        and prev.label in _NAMES
        and key_of(strip_poss(text[c.start : c.end])).split()[-1:] in ([w] for w in _FIRM_LAST)
        and _PARTNER_GAP.match(text, prev.end, c.start) is not None
        and not _LISTED.search(text, prev.end, c.start)
        and not (_INITIALS.match(text, c.start) and "and" not in text[prev.end : c.start])
        and " and " in " ".join(text[prev.start : c.end].split()) + " "
        and "\n\n" not in text[prev.start : c.end]
        # Not "Thomas McKiernan, McKiernan and Co": a partner named before his firm.
        and not set(key_of(text[prev.start : prev.end]).split())
        & set(key_of(text[c.start : c.end]).split())
    )
