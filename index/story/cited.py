"""The sources map of a story: who the reports cite, one entry per source across reports.

The attribution reader (:mod:`index.compare.attribution`) finds each report's sources; here they
are told apart and merged across reports:

- a person by surname, spellings within 0.85 of each other as one ("Zelensky" / "Zelenskyy"),
  unless their given names differ ("Diego Grez" and "Mauricio Grez" are two people);
- an organisation by name, or by its initials ("USGS", "US Geological Survey" and "United
  States Geological Survey" are one);
- a "person" that is no person: a newspaper or station ("La Nación", "Radio Cooperativa"), an
  organisation ("Airbus", "Air France"), or a title alone ("Executive Clerk"), and the title before
  a name is not part of it ("Policeman José Arévalo");
- one word capitalised at a sentence's start that the reports write in lower case elsewhere
  ("Authorities said") is an unnamed source;
- each entry named the way most reports name it ("Tony Blair", not once "Kingdom Tony Blair").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from rapidfuzz.distance import Indel

from index.compare.attribution.kinds import recast, recast_by_name
from index.models import Entity, Sentence
from index.story.engine import Source
from index.story.models import CitedSource

SAME_SPELLING = 0.85
"""Similarity from which two surnames (or two given names) are one spelt two ways."""
_PARTICLES = frozenset("le la de du da di del della van von der den ter st".split())
_LINKS = frozenset("of the and for on de del des du la le".split())


def _words(name: str) -> list[str]:
    return re.sub(r"[.,]", " ", name).split()


def _initials(name: str) -> str:
    """An organisation's initials ("United States Geological Survey", "US Geological Survey" and
    "USGS" all give ``usgs``), or "" when it has fewer than three."""
    words = [w for w in _words(name) if w.lower() not in _LINKS]
    if len(words) == 1:
        w = words[0]
        return w.lower() if w.isupper() and 3 <= len(w) <= 6 else ""
    if not all(w[:1].isupper() for w in words):
        return ""
    out = "".join(w if w.isupper() and len(w) <= 3 else w[0] for w in words).lower()
    return out if len(out) >= 3 else ""


class _Keys:
    """One key per source across reports."""

    def __init__(self) -> None:
        self.given: dict[str, set[str]] = defaultdict(set)  # person key -> given names seen
        self.surnames: dict[str, tuple[str, str]] = {}  # person key -> (last word, with particle)
        self.count = 0

    def key(self, s: Source) -> str:
        low = re.sub(r"^the\s+", "", s.name.lower()).replace(".", "")
        if s.kind != "person":
            initials = _initials(s.name) if s.kind in ("institution", "outlet") else ""
            return f"org:{initials}" if initials else f"{s.kind}:{low}"
        words = low.split()
        if not words:
            return f"person:{low}"
        # "Le Roy" and "LeRoy", "de Boer" and "DeBoer": a particle and the name as one word too.
        cut = len(words) - 2 if len(words) >= 2 and words[-2] in _PARTICLES else len(words) - 1
        surname, compact = words[-1], "".join(words[cut:])
        given = words[cut - 1] if cut >= 1 else ""
        for other, names in self.given.items():
            last, joined = self.surnames[other]
            if (
                Indel.normalized_similarity(last, surname) < SAME_SPELLING
                and Indel.normalized_similarity(joined, compact) < SAME_SPELLING
            ):
                continue
            if not given or all(_same_given(given, g) for g in names):
                if given:
                    names.add(given)
                return other
        self.count += 1
        new = f"person:{compact}#{self.count}"
        self.given[new] = {given} if given else set()
        self.surnames[new] = (surname, compact)
        return new


def _same_given(a: str, b: str) -> bool:
    """Two given names of one person: equal, one an initial of the other, or spelt alike."""
    a, b = a.rstrip("."), b.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return Indel.normalized_similarity(a, b) >= SAME_SPELLING


def source_map(
    found: Sequence[Sequence[Source]],
    sentences: Sequence[Sequence[Sentence]],
    claims_of: Mapping[tuple[int, int], Sequence[int]],
    entities: Sequence[Sequence[Entity]] = (),
) -> list[CitedSource]:
    """Who the reports cite, merged across reports, with the claims each is cited for.

    Args:
        found: Each report's sources (:func:`index.compare.attribution.sources`).
        sentences: Each report's sentences.
        claims_of: ``(report, sentence) -> claims`` holding that sentence.
        entities: Each report's entities, to tell an organisation the attribution reader took for
            a person (none given: only the name's own words tell).
    """
    keys = _Keys()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, str] = {}
    reports: dict[str, set[int]] = defaultdict(set)
    claims: dict[str, set[int]] = defaultdict(set)
    mentions: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    common = _common_words(sentences)
    for r, sources in enumerate(found):
        starts = {s.start: n for n, s in enumerate(sentences[r])}
        mine = entities[r] if r < len(entities) else None
        for s in sources:
            s = recast(s, mine) if mine is not None else recast_by_name(s)
            if " " not in s.name and s.name.istitle() and s.name.lower() in common:
                # "Authorities said", "News of the deal": one word capitalised at a sentence's
                # start that the reports write in lower case elsewhere names no one (an acronym,
                # "WHO" or "US", does).
                s = replace(s, name=f"{s.name.lower()} (unnamed)", kind="unnamed", unnamed=True)
            key = keys.key(s)
            if r not in reports[key]:
                forms[key][s.name] += 1
            kinds.setdefault(key, s.kind)
            reports[key].add(r)
            mentions[key].setdefault(r, (s.start, s.end))
            for start, _ in s.claims:
                n = starts.get(start)
                if n is not None:
                    claims[key].update(claims_of.get((r, n), ()))
    out = [
        CitedSource(
            # The form most reports use; on a tie the fullest.
            max(forms[k], key=lambda name: (forms[k][name], len(name), name)),
            kinds[k],
            tuple(sorted(reports[k])),
            tuple(sorted(claims[k])),
            tuple((r, a, b) for r, (a, b) in sorted(mentions[k].items())),
        )
        for k in forms
    ]
    out.sort(key=lambda s: (-len(s.reports), -len(s.claims), s.name.lower()))
    return out


def _common_words(sentences: Sequence[Sequence[Sentence]]) -> frozenset[str]:
    """The words the reports write in lower case (after a sentence's first word)."""
    return frozenset(
        w
        for sents in sentences
        for sent in sents
        for w in re.findall(r"(?<=\s)[a-z][a-z-]+", sent.text)
    )
