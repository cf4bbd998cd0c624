"""Canonical keys of entities and the names shown for them.

Person keys that unify transliterations, the in-article resolution of candidates (a surname takes
the full name the article wrote, a "person" called "its" is a firm), cross-article linking
(:class:`AliasTable`, :func:`link_across`), display names, and :func:`query_key`, the key a search
value stands for.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from operator import attrgetter
from typing import Any

from index.analysis.entity_firms import named_firms, partnerships
from index.analysis.entity_foreign import (
    HONORIFIC_BEFORE,
    foreign_heads,
    foreign_titles,
    joined_particles,
)
from index.analysis.entity_links import AliasTable as AliasTable  # re-exported
from index.analysis.entity_links import firm_key
from index.analysis.entity_links import link_across as link_across  # re-exported
from index.analysis.entity_offices import split_offices
from index.analysis.entity_spans import APPROX, TRANSLIT_RE, Cand, date_key, quantity_key
from index.analysis.entity_things import things as person_things
from index.analysis.gazetteer import key_of, load_gazetteer
from index.analysis.lexicon import (
    INSTITUTIONS,
    ROLE_NOUNS,
)
from index.models import Entity
from index.pattern_cache import compiled


# ---------------------------------------------------------------- keys and linking
@lru_cache(maxsize=65536)
def _person_key(surface: str) -> str:
    """Folded name with transliteration variants unified ("Zelenskyy", "Zelenskiy" -> "zelensky").

    Cached as ``key_of`` is: a name is said many times (3% of the recognizer's CPU uncached)."""
    return " ".join(TRANSLIT_RE.sub("y", w) for w in key_of(surface).split())


def _match_person(
    token: str, fulls: list[tuple[int, str, list[str]]], columns: _Columns
) -> str | None:
    """The most frequent full name in which ``token`` is the last, else the first, word (else the
    word before its particle: :func:`_name_columns`).

    A word matches when it is ``token`` or, for a token of five letters or more, when their
    similarity (rapidfuzz ``ratio``) is at least 88; rapidfuzz scores every column's words in one
    call, and the first column holding a hit decides (a call a column took 17 us a lone name, one
    call 7 us; an article of ~500 words has ~26 lone names).

    Args:
        token: A lone name's key.
        fulls: (count, key, words) of the article's full names.
        columns: The names' last words, then their first words... (:func:`_name_columns`).
    """
    if not fulls:
        return None  # no full name in the article (half of Reuters' calls)
    n = len(token)
    size = len(fulls)
    if n >= 5:
        near = columns.near.get(n)
        if near is None:
            # ratio is 200 * (longest common subsequence) / (both lengths): at most 200 * the
            # shorter length / both, so no word of these lengths reaches 88 (checked with a
            # margin below 88 so that no rounding can hide a hit) and rapidfuzz is not asked.
            near = any(200 * min(n, m) >= 87.9 * (n + m) for m in columns.lengths)
            columns.near[n] = near
        if not near:
            return None
        ratio, extract = _fuzz()
        found = extract(token, columns.words, scorer=ratio, score_cutoff=88, limit=None)
        if not found:
            return None
        first = min(i for _, _, i in found) // size
        hits: list[int] = [i - first * size for _, _, i in found if i // size == first]
    else:  # an equal word scores 100; a shorter one nothing else
        words = columns.words
        for start in range(0, len(words), size):
            hits = [i - start for i in range(start, start + size) if words[i] == token]
            if hits:
                break
        else:
            return None
    return max((fulls[i][0], fulls[i][1]) for i in hits)[1]


@lru_cache(maxsize=1)
def _fuzz() -> tuple[Any, Any]:
    """rapidfuzz's ``fuzz.ratio`` and ``process.extract``, imported on first use (~20 ms; an
    article without a lone name or two full names never needs them). Kept here: an ``import``
    statement in the function that calls them took 2.7% of the recognizer's CPU."""
    from rapidfuzz.fuzz import ratio
    from rapidfuzz.process import extract

    return ratio, extract


class _Columns:
    """The words :func:`_match_person` compares a lone name with, column after column (each as
    long as the article's full names), their distinct lengths, and for each token length whether
    any of them is near enough to be scored (``near``, filled as tokens are matched)."""

    __slots__ = ("lengths", "near", "words")

    def __init__(self, columns: list[list[str]]) -> None:
        self.words = [w for column in columns for w in column]
        self.lengths = sorted(set(map(len, self.words)))
        self.near: dict[int, bool] = {}


def _name_columns(fulls: list[tuple[int, str, list[str]]]) -> _Columns:
    """The full names' last words and first words; then, when a name holds a particle after its
    second word, the word before it ("Lula" of "Luiz Inácio Lula da Silva", the name a
    Portuguese or Spanish surname goes by; "" for the others)."""
    out = [[w[-1] for _, _, w in fulls], [w[0] for _, _, w in fulls]]
    if any(len(w) > 3 and not _PARTICLES.isdisjoint(w[2:-1]) for _, _, w in fulls):
        out.append(
            [
                next((w[i - 1] for i in range(2, len(w) - 1) if w[i] in _PARTICLES), "")
                for _, _, w in fulls
            ]
        )
    return _Columns(out)


_PARTICLES = frozenset("da de do dos das del di du".split())


def _first_with_prefix(ordered: list[str], prefix: str) -> str | None:
    """The first of the sorted ``ordered`` that starts with ``prefix`` (a binary search: a scan
    of every organisation for every person was quadratic in a long text's length)."""
    i = bisect_left(ordered, prefix)
    return ordered[i] if i < len(ordered) and ordered[i].startswith(prefix) else None


def _named_people(text: str, kept: list[Cand]) -> frozenset[str]:
    """The full names of people the article gives a role or an honorific at one of their mentions
    ("analyst Arvid Jauppi", "Mr Boesky", "Mario Gabelli, head of")."""
    out: set[str] = set()
    for c in kept:
        if c.label == "PERSON" and " " in c.canonical and c.canonical not in out:
            before = text[max(0, c.start - 40) : c.start]
            if (
                _ROLE_BEFORE.search(before)
                or HONORIFIC_BEFORE.search(before)
                or _ROLE_AFTER.match(text, c.end)
            ):
                out.add(c.canonical)
    return frozenset(out)


_PERSON_ROLES = sorted(
    (
        ROLE_NOUNS
        | set(
            """investor financier arbitrager arbitrageur speculator tycoon magnate industrialist
        entrepreneur trader late""".split()
        )
    )
    - set(
        """senior manager agent officer chief deputy vice field general major foreign defence
        defense interior finance supreme""".split()
    )
)
"""Role nouns that only a person holds ("inside trader Ivan Boesky", "the late Conrad Hilton"):
a firm is a "lead manager", a "transfer agent", and
"senior", "chief", "foreign" open longer titles ("Another senior Morgan Grenfell executive")."""
_ROLE_BEFORE = compiled(r"\b(?:" + "|".join(_PERSON_ROLES) + r")[ \t\n]+\Z", re.I)
"""Before a name: its role ("inside trader Ivan Boesky", "analyst Arvid Jauppi"); no full stop
("chief executive officer.\n    Hoechst Celanese said")."""
_ROLE_AFTER = compiled(
    r",[ \t\n]+(?:the[ \t\n]+)?(?:" + "|".join([*_PERSON_ROLES, "head"]) + r")\b"
)
"""After a name: its role in apposition ("Mario Gabelli, head of ...", ", chairman of")."""


_START = attrgetter("start")
_END = attrgetter("end")


def finish_candidates(text: str, cands: list[Cand]) -> list[Entity]:
    # By start, a longer one first (two stable sorts with C keys, no Python call a candidate).
    cands.sort(key=_END, reverse=True)
    cands.sort(key=_START)
    kept: list[Cand] = []
    for c in cands:
        if not kept or c.start >= kept[-1].end:
            kept.append(c)
    kept = partnerships(text, named_firms(text, split_offices(text, joined_particles(text, kept))))
    fulls: Counter[str] = Counter()
    for c in kept:
        if c.label == "PERSON":
            c.canonical = _person_key(text[c.start : c.end])
    # A "person" the article writes as a place or a thing is one at every mention.
    things = person_things(text, kept)
    things.update(foreign_heads(kept))  # "Cassa di Risparmio", "Punta de Lobos"
    foreign = foreign_titles(text, kept)
    for c in kept:
        if c.label == "PERSON" and c.canonical in things:
            c.label, c.canonical = things[c.canonical], key_of(text[c.start : c.end])
    # Commas dropped: "Goldman, Sachs and Co" is the firm of the "person" "Goldman Sachs".
    orgs = sorted(
        {
            " ".join(key_of(text[c.start : c.end]).replace(",", " ").split())
            for c in kept
            if c.label == "ORG"
        }
    )
    # A person who lends a firm his name stays a person where a role names him: "Mario Gabelli,
    # head of ... Mario Gabelli and Co", "inside trader Ivan Boesky" of "Ivan Boesky and Co".
    named: frozenset[str] | None = None
    for c in kept:
        if c.label == "PERSON" and " " in c.canonical:
            # "Morgan Stanley" in an article that also names "Morgan Stanley and Co Inc": a firm,
            # settled before the full names are counted, else a lone "Merrill" took the "person"
            # "Merrill Lynch" of an article that names "Merrill Lynch Capital Markets".
            org = _first_with_prefix(orgs, c.canonical + " ")
            if org and named is None:
                named = _named_people(text, kept)
            if org and named is not None and c.canonical not in named:
                c.label, c.canonical = "ORG", org
            elif c.canonical not in foreign:
                fulls[c.canonical] += 1
    _merge_fuzzy(fulls, kept)
    if fulls:
        _surnames_as_towns(text, kept, fulls)
    full_words = [(n, k, k.split()) for k, n in fulls.items()]
    columns = _name_columns(full_words)
    matched: dict[str, str | None] = {}  # a surname said ten times is matched once
    # A "person" the article refers to as "its" is a firm: "Comissaria Smith said in its
    # weekly review". One such mention decides for every mention of the name in the article.
    firms = {c.canonical for c in kept if c.label == "PERSON" and _FIRM_AFTER.match(text, c.end)}
    org_heads: dict[str, str] = {}  # an organisation of several words by its first word
    for o in orgs:
        if " " in o and o.split():
            org_heads.setdefault(o.split()[0], o)
    out: list[Entity] = []
    for c in kept:
        surface = text[c.start : c.end]
        if c.label == "PERSON" and " " in c.canonical:
            if c.canonical in firms:
                c.label = "ORG"
            elif c.canonical in foreign:
                c.label, c.canonical = "ORG", key_of(surface)
        if c.label in {"?", "PERSON"} and " " not in c.canonical.strip():
            token = _person_key(surface)
            if c.hint == "party":
                full: str | None = None  # "Democrats" is no short form of a person's name
            else:
                if token not in matched:
                    matched[token] = _match_person(token, full_words, columns)
                full = matched[token]
            if full:
                c.label, c.canonical = "PERSON", full
            elif c.label == "?":
                key = key_of(surface)
                org = org_heads.get(key)
                if org:
                    c.label, c.canonical = "ORG", org
                elif c.hint == "said" and key in _SPEAKING_NOUNS:
                    continue  # "Officials said", "Analysts said": no one named
                elif c.hint in {"person", "said"}:
                    c.label, c.canonical = "PERSON", _person_key(surface)
                elif c.hint == "place":
                    c.label, c.canonical = "PLACE", key
                elif c.hint == "org":
                    c.label, c.canonical = "ORG", key
                else:
                    continue
        if c.label == "PERSON" and c.canonical in firms:
            c.label = "ORG"  # "Smith" of "Comissaria Smith"
        if c.label == "ORG" and key_of(surface) in INSTITUTIONS:
            # "the Treasury" of an article that names the "Treasury Department".
            full = _first_with_prefix(orgs, key_of(surface) + " ")
            c.canonical = full or c.canonical
        if not c.canonical:
            c.canonical = key_of(surface)
        if c.label == "ORG":
            c.canonical = firm_key(c.canonical)  # "gabelli and co inc" is "gabelli and co"
        out.append(Entity(c.start, c.end, c.label, surface, c.canonical))
    return out


_SPEAKING_NOUNS = frozenset(
    {w + "s" for w in ROLE_NOUNS}
    | {w + "es" for w in ROLE_NOUNS}
    | set(
        """dealers traders bankers brokers investors sources residents witnesses experts
        observers critics authorities officers workers farmers producers exporters importers
        buyers sellers operators shippers planners negotiators delegates economists analysts
        officials executives industrialists participants""".split()
    )
)
"""Plural common nouns that open a sentence before a reporting verb ("Officials said", "Dealers
said"): no one named. Each was a person (Dealers 47 times, Analysts 47, Officials 27 in all of
Reuters)."""


_IN_PLACE = r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside|[Aa]round)[ \t\n]+"


def _surnames_as_towns(text: str, kept: list[Cand], fulls: Counter[str]) -> None:
    """A lone surname the gazetteer knows as a town is the person the article names in full
    ("Bush" after "George W. Bush", "Lowell" after "Mike Lowell", "Moreno" after "Arte Moreno"),
    unless the article writes it as a place somewhere ("in Lowell"). Found on ECB+: 39 mentions
    of six people were places."""
    last: dict[str, str] = {}
    for full, _ in fulls.most_common():
        last.setdefault(full.split()[-1], full)
    places = load_gazetteer().places
    seen: dict[str, bool] = {}
    after: dict[str, list[int]] | None = None
    for c in kept:
        if c.label != "PLACE" or c.canonical not in last:
            continue
        surface = text[c.start : c.end]
        if " " in surface or places.get(c.canonical, ("", ""))[1] != "city":
            continue
        if surface not in seen:
            if after is None:
                after = _after_in_place(text)
            seen[surface] = not _written_as_place(text, surface, after)
        if seen[surface]:
            c.label, c.canonical = "PERSON", last[c.canonical]


_IN_PLACE_RE = compiled(_IN_PLACE)
_WORD_RE = compiled(r"\w+")


def _after_in_place(text: str) -> dict[str, list[int]]:
    """Where a word follows "in", "at", "near"... (:data:`_IN_PLACE`), by that word's letters.

    One scan of the text: a search of the whole text for each surname was quadratic in a long
    text's length.
    """
    out: dict[str, list[int]] = {}
    for m in _IN_PLACE_RE.finditer(text):
        word = _WORD_RE.match(text, m.end())
        if word:
            out.setdefault(word.group(), []).append(m.end())
    return out


def _written_as_place(text: str, surface: str, after: dict[str, list[int]]) -> bool:
    """Whether ``text`` writes ``surface`` after "in", "at"... as a whole word."""
    head = _WORD_RE.match(surface)
    if head is None:  # no word character first: the plain search
        return re.search(_IN_PLACE + re.escape(surface) + r"\b", text) is not None
    end_ok = re.compile(re.escape(surface) + r"\b")
    return any(end_ok.match(text, p) for p in after.get(head.group(), ()))


_FIRM_AFTER = compiled(r"\s+(?:said|says|reported|reports)\s+(?:in\s+)?its\b")
"""After a name: the article calls it "its" ("X said in its weekly review"). ", which" is no cue:
in "directed by Jorge Nasser, which also helped" it is the radio."""


def _merge_fuzzy(fulls: Counter[str], cands: list[Cand]) -> None:
    """Merge near-identical full names of one article onto the most frequent spelling."""
    if len(fulls) < 2:
        return  # nothing to merge (and rapidfuzz, ~20 ms to import, not needed yet)
    ratio, extract = _fuzz()
    ranked = sorted(fulls, key=lambda k: (-fulls[k], -len(k)))
    alias: dict[str, str] = {}
    # Each name is merged onto the best ranked earlier name (not itself merged) with as many
    # words and a ratio of 90 or more. The earlier names are kept by word count and length, and
    # only lengths that can reach 90 are scored (ratio is at most 200 * the shorter length / both
    # lengths), each pool in one rapidfuzz call: comparing every pair in Python was quadratic in
    # a long text's length (2 s of a 2 MB file of Reuters stories).
    pools: dict[tuple[int, int], tuple[list[str], list[int]]] = {}
    for rank, k in enumerate(ranked):
        n, spaces = len(k), k.count(" ")
        best: tuple[int, str] | None = None
        for m in range(n // 2, 2 * n + 2):
            pool = pools.get((spaces, m))
            if pool is None or 200 * min(n, m) < 89.9 * (n + m):
                continue
            for _, _, i in extract(k, pool[0], scorer=ratio, score_cutoff=90, limit=None):
                if best is None or pool[1][i] < best[0]:
                    best = (pool[1][i], pool[0][i])
        if best is not None:
            alias[k] = best[1]
        else:
            names, ranks = pools.setdefault((spaces, n), ([], []))
            names.append(k)
            ranks.append(rank)
    for c in cands:
        if c.canonical in alias:
            fulls[alias[c.canonical]] += fulls.pop(c.canonical, 0)
            c.canonical = alias[c.canonical]


def display_name(entities: Iterable[Entity], canonical: str) -> str:
    """The most complete surface form of ``canonical`` among ``entities``, for display.

    Args:
        entities: Entities of one or several articles.
        canonical: A canonical key.

    Returns:
        The longest mixed-case surface form without a leading "the", or the key in title case.
    """
    return display_names(e for e in entities if e.canonical == canonical).get(
        canonical, canonical.title()
    )


def display_names(entities: Iterable[Entity]) -> dict[str, str]:
    """Each canonical key's most complete surface form among ``entities`` (see ``display_name``).

    Only forms these entities write are used: a report that writes "North Korea" is never shown
    as naming "DPRK", the alias another report used for the same key.
    """
    forms: dict[str, Counter[str]] = {}
    for e in entities:
        if e.canonical:
            form = " ".join(_LEADING_THE.sub("", e.text).split())
            forms.setdefault(e.canonical, Counter())[form] += 1
    return {
        key: max(seen, key=lambda f: (not f.isupper(), len(f.split()), seen[f], len(f), f))
        for key, seen in forms.items()
    }


_LEADING_THE = compiled(r"^the\s+", re.IGNORECASE)


def query_key(label: str, value: str) -> str:
    """The canonical key a search value stands for, so ``person:zelenskyy`` meets "Zelensky".

    Args:
        label: An entity label (``PERSON``, ``PLACE``, ...).
        value: What the user typed after the field, without quotes.

    Returns:
        The value folded the way canonical keys of that label are made (aliases such as "DPRK" or
        "U.S." resolved for places); unknown names come back folded, never dropped.
    """
    if label == "PERSON":
        return _person_key(value)
    if label == "DATE":
        return date_key(value)  # "October 13" -> "--10-13", as the index keys it
    if label == "QUANTITY":
        # As the index keys it: "10,000 troops" -> "10000 troops", "3.6 bln" -> "3.6 billion"
        # (key_of dropped the decimal point: "36 billion", and the comma split "10,000" in two).
        # An approximation is not part of the key: "over 10,000" is keyed "10000".
        bare = re.sub(rf"^{APPROX}\s+", "", " ".join(value.lower().split()))
        return quantity_key(bare)
    key = key_of(value)
    if label == "PLACE":
        gz = load_gazetteer()
        if key in gz.places:
            return gz.places[key][0]
        compact = value.replace(".", "").strip()
        if compact.isupper() and compact in gz.acronyms:
            return gz.acronyms[compact]
    if label == "GROUP":
        return load_gazetteer().groups.get(key, key)
    if label == "ORG":
        return firm_key(key)
    return key
