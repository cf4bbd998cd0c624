"""Who a report cites: named people and outlets, and unnamed sources described as such.

Names come after "according to", "citing", "told", "a report from", or right before or after a
reporting verb ("Savett stated", "stated ... spokesperson Vedant Patel", "told the Kyiv
Independent"). Unnamed sources ("a Western diplomat", "anonymous Ukrainian military intelligence
officials", "a senior U.S. official") matter to fact-checkers, so they are listed too, under their
description with "(unnamed)" added unless the description already says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.models import Entity
from index.sentences import split_sentences

__all__ = ["Source", "same_names", "sentence_sources", "sources"]


@dataclass(frozen=True, slots=True)
class Source:
    """Someone a report cites; ``start``/``end`` locate the mention in the article text.

    ``unnamed`` is True for a described but unnamed source ("a senior U.S. official").
    """

    name: str
    start: int
    end: int
    unnamed: bool = False


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTHS = (
    "january february march april may june july august september october november december"
)
_VERBS = (
    "said|says|say|stated|states|told|tells|noted|notes|added|commented|emphasized|emphasised|"
    "disclosed|announced|reported|reports|wrote|claimed|claims|analyzed|analysed|suggested|warned|"
    "explained|confirmed|insisted|argued|revealed|cited|quoted"
)
_ATTRIB = re.compile(
    r"\b(?:according to|citing|cited by|quoted by|(?:a |the )?reports? (?:from|by|in)|told|(?:"
    + _VERBS
    + r")(?: to)?)\s+",
    re.IGNORECASE,
)
_BEFORE_VERB = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+){1,5})(?:has |have |had )?(?:"
    + _VERBS.replace("reports|", "").replace("claims|", "")
    + r")\b"
)
_GAP = re.compile(
    r"(?:(?:to|the|a|an|[A-Z][\w’'.-]*|spokes\w+|official|minister|secretary|president|analyst|"
    r"director|chief|ambassador|envoy|correspondent|reporter)\s+)*"
)
_RUN = re.compile(r"(?:(?:[Tt]he\s+)?[A-Z][\w’'.-]*)(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'.-]*)*")
# Words that may follow a name; any other lower-case word makes the capitalised word an adjective
# ("Ukrainian officials", "U.S. State Department spokesperson").
_AFTER_NAME = _words(
    "to at on in and that said says stated who which as of the a an it he she they this his her "
    "their was is were had has have would will last earlier by for with from"
)
_TITLE_WORDS = _words(
    "president prime minister secretary spokesman spokeswoman spokesperson gen general "
    "col colonel lt mr mrs ms dr sen senator rep gov governor chief director minister "
    "ambassador officer official deputy king queen pope chancellor mayor judge"
)
_NOT_NAMES = _words(
    "he she they it we i you this that these those there a an the his her their its our but and however meanwhile on in "
    + _MONTHS
    + " monday tuesday wednesday thursday friday saturday sunday"
)


def _clean(run: str) -> str | None:
    words = run.strip().rstrip(".,").split()
    while words and (
        words[0].lower() in _NOT_NAMES or words[0].lower().rstrip(".") in _TITLE_WORDS
    ):
        words = words[1:]
    # Drop a leading demonym or office before a title ("Ukrainian President X", "U.S. State ...").
    for k in range(len(words) - 1, 0, -1):
        if words[k].lower() in _TITLE_WORDS:
            words = words[k + 1 :]
            break
    if not words or all(w.lower().rstrip(".") in _NOT_NAMES for w in words):
        return None
    if len(words) == 1 and ("." in words[0] or words[0].isupper() and len(words[0]) <= 3):
        return None  # "U.S.", "UN": a place or body named as an adjective, not who said it
    if words[0].lower() in _NOT_NAMES:
        return None
    return " ".join(words)


def sources(text: str, entities: Sequence[Entity] = ()) -> list[Source]:
    """Who a text cites, named or not.

    Args:
        text: Plain article text.
        entities: Entities of ``text``; a PERSON or ORG entity overlapping a found name replaces it,
            so that the entity recogniser's spelling wins.

    Returns:
        Sources in order of first mention, one per name; a bare surname folds into the full name,
        and a shorter description of an unnamed source ("the Ukrainian official") into the
        fuller one ("a senior Ukrainian official").
    """
    found: list[Source] = []
    for sent in split_sentences(text):
        found.extend(sentence_sources(text, sent.start, sent.end))
        found.extend(_unnamed(text, sent.start, sent.end))
    found.sort(key=lambda s: s.start)
    spans = [(e.start, e.end, e.text) for e in entities if e.label in ("PERSON", "ORG")]
    out: list[Source] = []
    for s in found:
        if not s.unnamed:
            for st, en, et in spans:
                if st < s.end and s.start < en:
                    s = Source(et, st, en)
                    break
        same = _same_description if s.unnamed else _same_person
        if any(o.unnamed == s.unnamed and same(o.name, s.name) for o in out):
            continue
        out = [o for o in out if o.unnamed != s.unnamed or not same(s.name, o.name)]
        out.append(s)
    return sorted(out, key=lambda s: s.start)


# An unnamed source: optional determiner, up to five modifiers (capitalised words such as "U.S.",
# "Western", "South Korean", or ranks such as "senior"), and a head noun for a kind of informant.
_MODIFIER = (
    r"(?:senior|top|high-ranking|former|local|military|intelligence|government|defen[cs]e|security|"
    r"police|administration|anonymous|unnamed|unidentified|[A-Z][\w.’'-]*)"
)
_HEAD = (
    r"(?:officials?|diplomats?|sources?|officers?|spokes(?:man|woman|person)|analysts?|experts?|"
    r"witnesse?s?|insiders?|aides?|investigators?)"
)
_UNNAMED = re.compile(
    r"\b(?P<det>(?:a|an|one|two|three|several|some|the|anonymous|unnamed|unidentified)\s+)?"
    r"(?P<mods>(?:" + _MODIFIER + r"(?:\s+and\s+" + _MODIFIER + r")?\s+){0,5})"
    r"(?P<head>" + _HEAD + r")\b(?!\s+[A-Z])",
)
_CUE_BEFORE = re.compile(
    r"(?:according to|citing|cited by|quoted by|by|from)\s*$", re.IGNORECASE
)
_VERB_AFTER = re.compile(
    r"\s*(?:\[\w+\]\s*)?(?:,\s*)?(?:who\s+)?(?:ha(?:s|ve|d)\s+)?(?:also\s+)?(?:" + _VERBS + r")\b"
)
_ANON = frozenset(["anonymous", "unnamed", "unidentified"])


def _unnamed(text: str, start: int, end: int) -> list[Source]:
    out: list[Source] = []
    last_end = -1
    for m in _UNNAMED.finditer(text, start, end):
        s0 = m.start()
        words = m.group(0).split()
        # "Citing unnamed officials": a capitalised word at the start may be the cue, not a modifier.
        while len(words) > 1 and words[0].lower() in _NOT_MODIFIERS:
            s0 = text.index(words[1], s0 + len(words[0]))
            words = words[1:]
        det = words[0].lower() if words[0].lower() in _DETERMINERS else ""
        mods = words[1 if det else 0 : -1]
        if not mods and det in ("", "the", "some", "two", "three", "several", "one"):
            continue  # "officials", "the official": says nothing about who
        before = text[max(start, s0 - 24) : s0]
        coordinated = last_end >= 0 and re.fullmatch(r"\s+and\s+", text[last_end:s0]) is not None
        if not (coordinated or _CUE_BEFORE.search(before) or _VERB_AFTER.match(text, m.end(), end)):
            continue  # a described informant only counts where the report attributes to it
        if det in ("a", "an", "the"):
            words[0] = det
        if det == "the":
            words = ["a", *words[1:]]
        phrase = " ".join(words)
        if not _ANON & {w.lower() for w in words}:
            phrase += " (unnamed)"
        out.append(Source(phrase, s0, m.end(), unnamed=True))
        last_end = m.end()
    return out


_DETERMINERS = frozenset(
    "a an one two three several some the anonymous unnamed unidentified".split()
)
_NOT_MODIFIERS = (_NOT_NAMES - _DETERMINERS) | frozenset(
    "citing according furthermore moreover also meanwhile however".split()
)


def _description(name: str) -> set[str]:
    return {
        w.lower()
        for w in name.removesuffix(" (unnamed)").split()
        if w.lower() not in ("a", "an", "the", "one", "some", "anonymous", "unnamed")
    }


def _same_description(full: str, part: str) -> bool:
    """True when ``part`` describes no more than ``full`` ("Ukrainian official" of "a senior ...")."""
    return _description(part) <= _description(full)


def sentence_sources(text: str, start: int, end: int) -> list[Source]:
    found: list[Source] = []
    for m in _ATTRIB.finditer(text, start, end):
        window = text[m.end() : min(end, m.end() + 90)]
        for r in _RUN.finditer(window):
            if not _GAP.fullmatch(window[: r.start()]):
                break  # the name must follow the cue, possibly after an office or a title
            after = window[r.end() : r.end() + 20]
            nxt = re.match(r"\s+([a-z]+)", after)
            if nxt and nxt.group(1) not in _AFTER_NAME:
                continue  # an adjective such as "Ukrainian officials", or an office before a name
            name = _clean(r.group(0))
            if name:
                found.append(Source(name, m.end() + r.start(), m.end() + r.end()))
                if not re.search(r"\bto\s*$", window[r.end() : r.end() + 4]):
                    break
    for m in _BEFORE_VERB.finditer(text, start, end):
        if re.search(r"\b(?:and|from|of|with|in|by|for|between)\s*$", text[start : m.start()]):
            continue  # "officials from ... South Korea have noted": the place is not the speaker
        name = _clean(m.group(1))
        if name:
            found.append(Source(name, m.start(1), m.start(1) + len(m.group(1).rstrip())))
    return found


def same_names(na: set[str], nb: set[str]) -> bool:
    """True when two sets of source names share a person or outlet (by last word, spelling aside)."""
    from rapidfuzz.distance import Indel

    return any(
        Indel.normalized_similarity(x.split()[-1].lower(), y.split()[-1].lower()) >= 0.85
        for x in na
        for y in nb
    )


def _same_person(full: str, part: str) -> bool:
    """True when ``part`` is ``full`` or a trailing part of it ("Savett" of "Sean Savett")."""
    f, p = full.lower().split(), part.lower().split()
    return len(p) <= len(f) and f[-len(p) :] == p


