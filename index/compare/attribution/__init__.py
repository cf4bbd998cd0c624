"""Who a report cites, in the forms news uses, and which of its sentences rest on each source.

A citation is a speaker next to a reporting cue: the subject of a reporting verb ("the UN said",
"Jan Egeland, the UN's emergency relief coordinator, said", "U.S. State Department spokesperson
Vedant Patel stated"), a speaker after one ("..., said Prime Minister Jane Doe"), the object of
"according to", "citing", "a report from", "in an interview with", the outlet a source "told", and
a list line ``AP - "..."``. Each speaker is split into a name and a role and sorted into a kind:
an ``outlet`` (news agencies, papers, broadcasters: a lexicon plus head words such as "Times",
"News"), an ``institution`` (bodies, agencies, governments, "police"), a ``person``, or an
``unnamed`` source described as such ("a senior U.S. official", "sources close to the talks"),
listed because fact-checkers want them. "He said" and "it said" give the sentence to the last
person, or outlet or institution, cited in the four sentences before.

What is not a citation: a capitalised word used as an adjective ("U.S. officials"), a name after a
preposition ("officials from France and Spain have noted": those officials are an unnamed source, not
France), a denial of speech ("would not say"), a rejection of something other than words ("the judge
dismissed the case"; "the Kremlin dismissed these claims" cites the Kremlin),
datelines, bylines and "Reuter" sign-offs (no reporting cue touches them).

The package: ``lexicon`` (reporting verbs, outlets, institutions, roles), ``speakers`` (a name, its
role and its kind from the words around a cue), ``cues`` (the reporting cues of one sentence),
``unnamed`` (described informants); this module merges what they find over an article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from index.analysis.sentences import split_sentences
from index.compare.attribution.cues import _cites, _list_cites
from index.compare.attribution.kinds import recast, recast_by_name
from index.compare.attribution.lexicon import (
    _ALIASES,
    _PRONOUNS,
    _TOKEN,
    _Cite,
    _is_cap,
    _is_role,
    _lowered,
    _outlet_key,
)
from index.compare.attribution.offices import fold_offices
from index.compare.attribution.unnamed import _description, _same_description, _unnamed
from index.models import Entity, Sentence

__all__ = ["KINDS", "Source", "same_names", "sentence_sources", "sources"]

KINDS = ("person", "outlet", "institution", "unnamed")


@dataclass(frozen=True, slots=True)
class Source:
    """Someone a report cites.

    Attributes:
        name: The source as the report names it ("Jan Egeland", "BBC", "a senior U.S. official
            (unnamed)"); a person's fullest spelling in the report.
        start: Where the mention of ``name`` starts in the article text.
        end: Where it ends.
        unnamed: True for a described but unnamed source.
        kind: ``person``, ``outlet``, ``institution`` or ``unnamed``.
        role: What the report says the source is ("the UN's emergency relief coordinator"), if it
            says.
        claims: ``(start, end)`` of every sentence that cites the source, in text order.
    """

    name: str
    start: int
    end: int
    unnamed: bool = False
    kind: str = ""
    role: str | None = None
    claims: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if not self.kind:
            object.__setattr__(self, "kind", "unnamed" if self.unnamed else "person")


def _same_person(full: str, part: str) -> bool:
    """True when ``part`` is ``full`` or a trailing part of it ("Savett" of "Sean Savett")."""
    f, p = full.lower().split(), part.lower().split()
    return len(p) <= len(f) and f[-len(p) :] == p


def _org_key(name: str) -> str:
    low = re.sub(r"^the\s+", "", name.lower())
    out = _outlet_key(name)
    if out:
        return out.lower()
    return _ALIASES.get(low, low.replace(".", ""))


_LINKS = frozenset("of the and for on de du la del des".split())


def _initials(name: str) -> str:
    """The capitals of a name's words, its links left out ("Federal Aviation Administration":
    "FAA", "Bank of England": "BE")."""
    return "".join(w[0] for w in re.sub(r"^the\s+", "", name).split() if w.lower() not in _LINKS)


def _labels(entities: Sequence[Entity]) -> dict[int, str]:
    out: dict[int, str] = {}
    for e in entities:
        for m in _TOKEN.finditer(e.text):
            out[e.start + m.start()] = e.label
    return out


@dataclass
class _Group:
    """One source while the article is read: its best name so far and the sentences citing it."""

    name: str
    start: int
    end: int
    kind: str
    role: str | None
    first: int
    claims: set[tuple[int, int]]

    def matches(self, c: _Cite) -> bool:
        if c.kind == "unnamed" or self.kind == "unnamed":
            return c.kind == self.kind and (
                _same_description(self.name, c.name) or _same_description(c.name, self.name)
            )
        if c.kind == "person" or self.kind == "person":
            org, other = (self, c) if self.kind != "person" else (c, self)
            if org.kind != "person" and " " not in other.name:
                return org.name.split()[0] == other.name  # "Pentland" said, after "Pentland PLC"
            return c.kind == self.kind and (
                _same_person(self.name, c.name) or _same_person(c.name, self.name)
            )
        if _org_key(self.name) == _org_key(c.name):
            return True
        # "the ministry" after "the French foreign ministry": a generic name folds into the full.
        short, full = sorted((c.name, self.name), key=lambda n: len(n.split()))
        if short.isupper() and len(full.split()) > 1 and short.replace(".", "") == _initials(full):
            return True  # "FAA" after "Federal Aviation Administration"
        if short.islower():
            return _same_person(full, short)
        # "Pentland" after "Pentland Industries PLC": a company's short name.
        return len(short.split()) == 1 and full.split()[0] == short and len(full.split()) > 1

    def take(self, c: _Cite, claims: list[tuple[int, int]]) -> None:
        longer = len(c.name.split()) > len(self.name.split())
        if c.kind == "unnamed":
            longer = len(_description(c.name)) > len(_description(self.name))
        if longer:
            self.name, self.start, self.end, self.kind = c.name, c.start, c.end, c.kind
        self.role = self.role or c.role
        self.first = min(self.first, c.start)
        self.claims.update(claims)


def _quote_open(text: str, s: int, pos: int) -> int | None:
    """Where the quotation that closes in ``text[s:pos]`` opened, when it opened before ``s``."""
    para = text.rfind("\n", 0, s) + 1
    if not re.search(r"[”\"]", text[s:pos]):
        return None
    seg = text[para:s]
    if seg.count('"') % 2:
        return para + seg.rfind('"')
    if seg.rfind("“") > seg.rfind("”"):
        return para + seg.rfind("“")
    return None


def _quote_runs_on(text: str, sents: Sequence[Sentence], i: int, cue: int) -> list[tuple[int, int]]:
    """The sentences after ``sents[i]`` that a quotation opened in it, after the citation at
    ``cue``, runs on into (He noted, “We are observing ... Not only ... Given this ...”)."""
    para = text.rfind("\n", 0, sents[i].start) + 1
    seg = text[para : sents[i].end]
    curly = seg.rfind("“") > seg.rfind("”")
    if not curly and seg.count('"') % 2 == 0:
        return []
    if para + max(seg.rfind("“"), seg.rfind('"')) < cue:
        return []  # the citation is inside the quotation: it does not own what follows
    out: list[tuple[int, int]] = []
    for x in sents[i + 1 : i + 9]:
        if "\n\n" in text[sents[i].end : x.start]:
            return []  # a quotation left open at a paragraph's end is not followed
        out.append((x.start, x.end))
        if ("”" if curly else '"') in x.text:
            return out
    return []  # never closed: too unsure to give it anyone


def sources(
    text: str,
    entities: Sequence[Entity] = (),
    sentences: Sequence[Sentence] | None = None,
    other: tuple[str, Sequence[Entity]] | None = None,
) -> list[Source]:
    """Who a text cites, named or not, and which sentences cite each.

    Args:
        text: Plain article text.
        entities: Entities of ``text``; their labels help tell a person ("Smith said") from an
            organisation or a country speaking ("Indonesia reports"), and a person's full name
            from the recogniser replaces a bare surname cited alone.
        sentences: ``split_sentences(text)`` when the caller has it already.
        other: The text and entities of the report this one is compared with: an office cited
            alone ("the Alaska Governor said") is the person this report names whom the other
            writes beside that office ("Alaska Gov. Sarah Palin").

    Returns:
        Sources in order of first mention, one per source, each of the kind its whole name tells
        (:func:`index.compare.attribution.kinds.recast`): a bare surname folds into the full
        name, "UN" into "United Nations", and a shorter description of an unnamed source ("the
        Ukrainian official") into the fuller one ("a senior Ukrainian official"). ``claims`` holds
        the offsets of every sentence citing the source: "he said" and "it said" included, and
        every sentence of a quotation whose attribution follows it.
    """
    ents = _labels(entities)
    fulls: dict[str, tuple[int, int, str]] = {}
    for e in entities:
        w = e.text.split()
        if e.label == "PERSON" and 1 < len(w) <= 3 and all(_is_cap(x) for x in w):
            fulls.setdefault(w[-1], (e.start, e.end, e.text))
    sents = list(sentences) if sentences is not None else split_sentences(text)
    low = _lowered(text)
    listed = _list_cites(text, ents)
    groups: list[_Group] = []
    recent: dict[str, tuple[int, _Group]] = {}  # "person" or "org" -> (sentence index, group)

    # A full name opening a sentence ("Sheriff's Deputy Timothy Brennan, who ..., called ...") is
    # who a "He explained" in the next two sentences most likely means.
    starts = [x.start for x in sents]
    openers: dict[int, Entity] = {}
    for e in entities:
        k = bisect_right(starts, e.start) - 1
        w = e.text.split()
        if (
            e.label == "PERSON"
            and k >= 0
            and 1 < len(w) <= 3
            and all(
                # only titles before it: "Sheriff's Deputy Timothy Brennan", "The pastor, X"
                _is_cap(x) or _is_role(x) or x.lower() == "the"
                for x in text[starts[k] : e.start].split()
            )
        ):
            openers.setdefault(k, e)

    def add(c: _Cite, claims: list[tuple[int, int]], i: int) -> None:
        if c.kind == "unnamed-ref":  # "the spokesman said": only a source described before
            c = _Cite(c.name, c.start, c.end, "unnamed", None)
            g = next((g for g in groups if g.kind == "unnamed" and g.matches(c)), None)
            if g is None:
                return
        else:
            g = next((g for g in groups if g.matches(c)), None)
        if g is None:
            g = _Group(c.name, c.start, c.end, c.kind, c.role, c.start, set())
            groups.append(g)
        g.take(c, claims)
        if c.kind != "unnamed":
            recent["person" if c.kind == "person" else "org"] = (i, g)
        elif not re.search(r"s(?: \(unnamed\))?$", c.name.split(" close to")[0]):
            recent["person"] = (i, g)  # "a Kepco spokesman said ... He told Reuters"

    li = 0
    for i, sent in enumerate(sents):
        while li < len(listed) and listed[li][0] < sent.end:
            ls, le, c = listed[li]
            add(c, [(x.start, x.end) for x in sents if x.start < le and ls < x.end], i)
            li += 1
        found = _cites(text, sent.start, sent.end, ents, low)
        named = [c for c in found if c.kind not in _PRONOUNS]
        found += [
            u
            for u in _unnamed(text, sent.start, sent.end, low)
            # "Nicoleta Drăguşin, a spokeswoman for the network, claims": her role, not a source
            if not any(0 <= u.start - n.end <= 3 for n in named)
        ]
        for c in sorted(found, key=lambda c: c.start):
            claims = [(sent.start, sent.end)]
            opened = _quote_open(text, sent.start, c.start)
            if opened is not None:  # "...,” said Furtado: the whole quotation rests on him
                claims += [(x.start, x.end) for x in sents[max(0, i - 8) : i] if x.end > opened]
            elif c.kind != "unnamed":
                claims += _quote_runs_on(text, sents, i, c.start)
            if c.kind == "unnamed-ref":
                add(c, [(sent.start, sent.end)], i)
                continue
            if c.kind in _PRONOUNS:
                last = recent.get(_PRONOUNS[c.kind])
                k = max((k for k in (i - 1, i - 2) if k in openers), default=-1)
                if c.kind == "he" and k >= 0 and (not last or last[0] < k):
                    e = openers[k]
                    add(_Cite(e.text, e.start, e.end, "person", None), claims, i)
                elif last and i - last[0] <= 4:
                    last[1].claims.update(claims)
                    recent[_PRONOUNS[c.kind]] = (i, last[1])
                continue
            if c.kind == "person" and c.name in fulls:
                st, en, full = fulls[c.name]
                c = _Cite(full, st, en, c.kind, c.role)
            add(c, claims, i)
    found_sources = [
        Source(
            " ".join(g.name.split()),
            g.start,
            g.end,
            g.kind == "unnamed",
            g.kind,
            " ".join(g.role.split()) if g.role else None,
            tuple(sorted(g.claims)),
        )
        for g in sorted(groups, key=lambda g: g.first)
    ]
    # What each name is, read against every entity it covers: the story's sources read the same.
    found_sources = [recast(s, entities) if entities else recast_by_name(s) for s in found_sources]
    # "the Alaska Governor said" in a report naming "Alaska Gov. Sarah Palin": one person
    return fold_offices(found_sources, text, entities, other) if entities else found_sources


def sentence_sources(text: str, start: int, end: int) -> list[Source]:
    """Named sources cited in ``text[start:end]`` (one sentence), without pronouns resolved."""
    return [
        Source(c.name, c.start, c.end, False, c.kind, c.role, ((start, end),))
        for c in _cites(text, start, end, {})
        if c.kind not in _PRONOUNS
    ]


def same_names(na: set[str], nb: set[str]) -> bool:
    """True when two sets of source names share a person or outlet (by last word, any spelling)."""
    from rapidfuzz.distance import Indel

    return any(
        Indel.normalized_similarity(x.split()[-1].lower(), y.split()[-1].lower()) >= 0.85
        for x in na
        for y in nb
    )
