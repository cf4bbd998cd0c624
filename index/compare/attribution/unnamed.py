"""Unnamed sources described as such ("a senior U.S. official", "sources close to the talks")."""

from __future__ import annotations

import re
from functools import lru_cache

from index.compare.attribution.lexicon import _NEGATION, _NOT_NAMES, _VERBS, _Cite, _lowered, _words

# words before "spokesman" that say not whose: "said a spokesperson for ..."
_NOT_WHOSE = r"(?:a|an|the|one|his|her|their|its|and|or|of|for|to|by|from|with|said|says|told|that)"
# Optional determiner, up to five modifiers (capitalised words such as "U.S.", "Western", "South
# Korean", or ranks such as "senior"), a head noun for a kind of informant, and what it is close to.
_MODIFIER = (
    r"(?:senior|top|high-ranking|former|local|military|intelligence|government|defen[cs]e|security|"
    r"police|administration|anonymous|unnamed|unidentified|ministry|navy|army|embassy|"
    r"humanitarian|aid|rescue|relief|rights|"
    r"health|medical|hospital|foreign|diplomatic|industry|company|market|bank|banking|trade|"
    r"financial|opposition|rebel|party|palace|official|dealer|shipping|oil|federal|state|city|"
    r"county|provincial|regional|national|municipal|border|airport|school|union|ministry|naval|"
    r"committee|congressional|environmental|piracy|"
    # whose ("the ferry's owner", "the company's spokesman"), and any word that says whose
    # spokesman ("an airline spokeswoman", "a fire department spokesman")
    r"[a-z]+['’]s|(?!"
    + _NOT_WHOSE
    + r"\b)[a-z]+(?=\s+(?:(?!"
    + _NOT_WHOSE
    + r"\b)[a-z]+\s+)?[Ss]pokes)|"
    r"[A-Z][\w.’'-]*)"
)


_HEAD_WORDS = [
    "officials?",
    "diplomats?",
    "sources?",
    "officers?",
    "spokes(?:man|woman|person)",
    "analysts?",
    "experts?",
    "witnesse?s?",
    "insiders?",
    "aides?",
    "investigators?",
    "scientists",
    "researchers",
    "doctors",
    "residents",
    "agencies",
    "media",
    "regulators",
    "staff",
    "monitors?",
    "groups",
    "friends?",
    "relatives?",
    "reps?",
    "owners?",
    "representatives?",
    "dealers",
    "traders",
    "bankers",
    "economists",
    "people\\s+familiar",
    "people\\s+close",
]


# Case-sensitive with both cases of the first letter: an (?i:) group makes the scan 5 times slower.
_HEAD = "(?:" + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in _HEAD_WORDS) + ")"


# "according to her official site", "an official report which concluded": "official" is an
# adjective of a thing there, no one who speaks ("officials report" and "agencies estimate" are
# verbs of saying)
_THING_AFTER = (
    r"(?:site|website|web\s+site|biography|report|statement|page|account|figures?|results?|"
    r"count|toll|records?|data|estimates?|documents?|announcement|release|languages?|visit|"
    r"residence|name|title|channels?)"
)


_UNNAMED = re.compile(
    r"\b(?P<det>(?:a|an|one|two|three|several|some|the|anonymous|unnamed|unidentified|his|her|"
    r"their|its)\s+)?(?P<mods>(?:" + _MODIFIER + r"(?:\s+and\s+" + _MODIFIER + r")?\s+){0,5})"
    r"(?P<head>" + _HEAD + r")\b(?!\s+[A-Z])(?!(?<=fficial)\s+" + _THING_AFTER + r"\b)"
    r"(?P<tail>\s+(?:close to|familiar with|for|of|at|with|in|from)\s+(?:the\s+)?"
    r"(?:[\w.’'-]+)(?:(?:,?\s+and\s+(?:the\s+)?|,\s+|\s+)[A-Z][\w.’'-]*){0,5})?"
)


_CUE_BEFORE = re.compile(
    r"(?:according to|citing|cited by|quoted by|quotes|quoted|(?:reported|confirmed|said|told) by|"
    r"(?:statement|report|information|word) from|(?:[,\"“”’]\s*(?:" + _VERBS + r")))\s*$",
    re.IGNORECASE,
)


_VERB_AFTER = re.compile(
    r"\s*(?:\[\w+\]\s*)?(?:,\s*)?(?:who\s+)?(?:(?:ha(?:s|ve|d)|also|previously|later|earlier|"
    r"reportedly|recently|privately|publicly)\s+)*(?:" + _VERBS + r")\b"
)


_ANON = frozenset(["anonymous", "unnamed", "unidentified"])


_DETERMINERS = _words(
    "a an one two three several some the anonymous unnamed unidentified his her their its"
)


_NOT_MODIFIERS = (_NOT_NAMES - _DETERMINERS) | _words(
    "citing according furthermore moreover also meanwhile however"
)


_HEAD_QUICK = re.compile(r"\b(?:" + "|".join(_HEAD_WORDS) + r")\b")


def _unnamed(text: str, start: int, end: int, low: str = "") -> list[_Cite]:
    low = low or _lowered(text)
    out: list[_Cite] = []
    matches: dict[int, re.Match[str]] = {}
    for h in _HEAD_QUICK.finditer(low, start, end):
        # The slow pattern runs only just before a head noun ("officials", "sources", ...).
        for m in _UNNAMED.finditer(text, max(start, h.start() - 120), min(end, h.end() + 80)):
            if m.start("head") == h.start():
                matches.setdefault(m.start(), m)
    last_end = -1
    for m in (matches[k] for k in sorted(matches)):
        s0 = m.start()
        words = text[s0 : m.end("head")].split()
        # "Citing unnamed officials": a capitalised first word may be the cue, not a modifier.
        while len(words) > 1 and words[0].lower() in _NOT_MODIFIERS:
            s0 = text.index(words[1], s0 + len(words[0]))
            words = words[1:]
        det = words[0].lower() if words[0].lower() in _DETERMINERS else ""
        mods = words[1 if det else 0 : -1]
        tail = m.group("tail") or ""
        close = re.match(r"\s+(?:close to|familiar with)", tail) is not None
        ref = not mods and not close and det == "the"  # "the spokesman said", met before
        one = det == "one" and not m.group("head").lower().endswith("s")  # "one source said"
        # "officials from the U.S., Ukraine and South Korea": the places say whose
        named = re.match(r"\s+from\s+(?:the\s+)?[A-Z]", tail) is not None
        # "some analysts suggest", "several witnesses said": vague, which is what a reader checking
        # the claim wants to see; a bare "officials said" says nothing about who
        vague = det in ("some", "two", "three", "several") and m.group("head")[0].islower()
        if (
            not mods
            and not close
            and not one
            and not named
            and not vague
            and det in ("", "some", "two", "three", "several", "one")
        ):
            continue  # "officials", "staff": says nothing about who
        if not mods and m.group("head") in ("agencies", "groups", "friends", "relatives"):
            continue
        e0 = m.end() if tail and (close or _VERB_AFTER.match(text, m.end(), end)) else m.end("head")
        before = text[max(start, s0 - 24) : s0]
        coordinated = last_end >= 0 and re.fullmatch(r"\s+and\s+", text[last_end:s0]) is not None
        if not (coordinated or _CUE_BEFORE.search(before) or _VERB_AFTER.match(text, e0, end)):
            continue  # a described informant only counts where the report attributes to it
        if _NEGATION.search(text[e0 : e0 + 30].split(",")[0]) or re.match(
            r"\s*(?:would|did|could)\s+not|\s*declined", text[e0:end]
        ):
            continue
        if det == "the" and not any(re.search(r"['’]s$", w) for w in words[1:-1]):
            words = ["a", *words[1:]]  # (but "the ferry's owner": whose says which one)
        elif det:
            words[0] = det
        phrase = " ".join([*words, *text[m.end("head") : e0].split()])
        if not _ANON & {w.lower() for w in words}:
            phrase += " (unnamed)"
        out.append(_Cite(phrase, s0, e0, "unnamed-ref" if ref else "unnamed", None))
        last_end = e0
    return out


@lru_cache(maxsize=4096)
def _description(name: str) -> frozenset[str]:
    """The words that describe an unnamed source (cached: every cite of an article is set against
    every source found before it)."""
    return frozenset(
        {
            w.lower()
            for w in name.removesuffix(" (unnamed)").split()
            if w.lower() not in ("a", "an", "the", "one", "some", "anonymous", "unnamed")
        }
    )


def _same_description(full: str, part: str) -> bool:
    """True when ``part`` describes no more than ``full`` ("Ukrainian official", "a senior ...")."""
    return _description(part) <= _description(full)
