"""Sentence similarity and alignment for ``index.compare``.

Similarity sees through wording with cheap features only: Porter-stemmed content words weighted by
rarity (idf over the sentences of both articles, blended with an optional corpus idf), demonyms
folded onto their place with the gazetteer's own tables ("North Korean", "DPRK" and "North Korea"
all meet), near-identical proper names merged ("Zelenskyy" / "Zelensky"), shared canonical
entities, shared numbers and "number + counted noun" figures. A sparse weighted cosine over an
inverted index keeps two 2,000-word articles well under 100 ms.

The cosine alone undervalues long news sentences that make the same claim in other words (a shared
figure and three shared content words among thirty are the same claim to a reader, 0.15 to a
cosine), so the score also weighs how much of the *shorter* sentence the longer one covers; and it
gives up on pairs held together only by names or a word or two (two sentences about "North Korean
troops" in a story about North Korean troops are not thereby about the same thing).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

from rapidfuzz.distance import Indel
from whoosh.lang.porter import stem as _porter

from index.models import Entity, Sentence

__all__ = [
    "CLASSES", "STOP", "Features", "proper_map", "select", "similarities", "stem", "tokens"
]

Features = dict[str, float]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP = _words(
    "a an and are as at be been being but by can could did do does for from had has have "
    "he her his how i if in into is it its may might more most much must no not of on or "
    "our over she should so some such than that the their them then there these they this "
    "those through to too under until up us very was we were new what when where which "
    "while who whom why will with would you your also after before about said says say "
    "told stated according just one both any all other its it's he's she's there's "
    "however"
)
# Kinds of counted things: two figures are comparable when their nouns fall in one class.
CLASSES = {
    "people": _words(
        "soldier troop infantri forc personnel peopl men women fighter servicemen worker "
        "civilian resid person refuge victim casualti die dead death injur wound killed "
        "militari troops marin sailor offic staff member passeng crew child"
    ),
    "distance": frozenset(["kilomet", "km", "mile", "meter", "metr", "feet", "yard"]),
    "area": frozenset(["squar", "hectar", "acr"]),
    "money": frozenset(["dollar", "dlr", "usd", "euro", "pound", "yen", "yuan", "rubl"]),
}
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:['’][^\W\d_]+)*")
_stems: dict[str, str] = {}


def stem(word: str) -> str:
    """Porter stem of a lower-case word (cached)."""
    s = _stems.get(word)
    if s is None:
        s = _stems[word] = _porter(word)
    return s


def tokens(text: str) -> list[tuple[str, bool]]:
    """Lower-cased tokens with a flag for capitalised (proper-noun-like) words."""
    out: list[tuple[str, bool]] = []
    for m in _TOKEN.finditer(text):
        w = m.group(0)
        if w[0].isdigit():
            out.append((w.rstrip(".,").replace(",", ""), False))
            continue
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        out.append((w.lower(), w[0].isupper()))
    return out


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """From the gazetteer: demonym word stem -> place word stem, demonym key -> place key, and
    acronym -> place key. Derived from its own tables, never listed here."""
    try:
        from index.gazetteer import IRREGULAR_DEMONYMS, derive_demonyms, load_gazetteer

        gz = load_gazetteer()
    except Exception:
        return {}, {}, {}
    dem_place: dict[str, str] = {}
    for key, (canonical, kind) in gz.places.items():
        if kind == "country" or key == canonical:
            for dem in derive_demonyms(key):
                if dem in gz.groups:
                    dem_place.setdefault(dem, canonical)
    try:
        import pycountry

        for dem, code in IRREGULAR_DEMONYMS.items():
            country = pycountry.countries.get(alpha_2=code)
            for name in (getattr(country, "common_name", None), getattr(country, "name", None)):
                entry = gz.places.get((name or "").lower())
                if entry:
                    dem_place.setdefault(dem, entry[0])
                    break
    except Exception:
        pass
    word: dict[str, str] = {}
    for dem, place in dem_place.items():
        dw, pw = dem.split(), place.split()
        if dw[:-1] == pw[:-1]:  # "north korean" -> "north korea": fold the last word
            word[stem(dw[-1])] = stem(pw[-1])
        elif len(dw) == 1:  # "american" -> "united states": fold onto the place key
            word[stem(dw[0])] = "@" + place
    groups = {g: dem_place[d] for g, d in gz.groups.items() if d in dem_place}
    acronyms = {a: p for a, p in gz.acronyms.items() if len(a) >= 3}
    return word, groups, acronyms


def is_place_word(term: str) -> bool:
    """True for a feature that names a place (what demonyms fold onto)."""
    return term in _place_stems()


@lru_cache(maxsize=1)
def _place_stems() -> frozenset[str]:
    return frozenset(v for v in _places()[0].values() if v[0] != "@")


def entity_key(e: Entity) -> str:
    """The key an entity is compared by: a group named by its demonym meets its place."""
    return _places()[1].get(e.canonical, e.canonical) if e.label == "GROUP" else e.canonical


def proper_map(vocab_a: set[str], vocab_b: set[str]) -> dict[str, str]:
    """Demonyms onto places, and spelling variants of names merged across the two articles."""
    fold = dict(_places()[0])
    only_a = {stem(w) for w in vocab_a} - {stem(w) for w in vocab_b}
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for s in {stem(w) for w in vocab_b} - {stem(w) for w in vocab_a}:
        by_prefix[s[:4]].append(s)
    for s in only_a:
        for t in by_prefix.get(s[:4], ()):
            # "Zelenskyy" / "Zelensky": same start, nearly the same letters.
            if len(s) >= 6 and Indel.normalized_similarity(s, t) >= 0.85:
                fold[t] = s
    return fold


_CONNECTORS = _words("de la le du von van al bin of")
# Feature kinds: "@" entity, "#" number, "#n>" number with its counted noun, "^" class of noun.
_BOOST = {"@": 1.2, "#": 1.6, "^": 0.5}


def _features(
    sents: Sequence[Sentence],
    entities: Sequence[Entity],
    fold: Mapping[str, str],
    names: set[str],
) -> list[Features]:
    """Features of each sentence; ``names`` receives the terms met inside multi-word names."""
    acronyms = _places()[2]
    feats: list[Features] = []
    names.clear()
    ents = sorted(entities, key=lambda e: e.start)
    k = 0
    for s in sents:
        f: Features = {}
        toks = tokens(s.text)
        runs = _run_lengths(toks)
        number, pending = "", 0
        for (w, cap), run in zip(toks, runs, strict=True):
            pending -= 1
            if w[0].isdigit():
                key = number = "#" + w
                pending = 4  # "10,000 North Korean soldiers": the noun may come a few words on
                weight = 1.0
            elif cap and w.upper() in acronyms and len(w) <= 5:
                key, weight = "@" + acronyms[w.upper()], 1.0  # "DPRK"
                for part in acronyms[w.upper()].split():
                    f[stem(part)] = max(f.get(stem(part), 0.0), 0.5)
            elif w in STOP or len(w) < 2:
                continue
            else:
                st = stem(w)
                key = fold.get(st, st)
                if cap and run > 1:
                    names.add(key)
                # A long name ("Charles de Gaulle Airport") is one fact, not four shared words.
                weight = 1.0 / math.sqrt(run)
                for cls, members in CLASSES.items():
                    if st in members:
                        # "troops" and "infantry" count the same kind of thing: a weak feature.
                        f["^" + cls] = 1.0
                        if number and pending > 0:
                            # "10,000 soldiers" on both sides is stronger evidence than 10,000
                            # and soldiers apart.
                            f[number + ">" + cls] = 1.0
                            f[number + ">" + key] = 1.0
                            number = ""
                if number and pending > 0 and not cap:
                    f[number + ">" + key] = 1.0
                    number = ""
            f[key] = max(f.get(key, 0.0), weight)
        while k < len(ents) and ents[k].end <= s.start:
            k += 1
        j = k
        while j < len(ents) and ents[j].start < s.end:
            if ents[j].canonical and ents[j].label not in ("DATE", "QUANTITY"):
                f["@" + entity_key(ents[j])] = 1.0
            j += 1
        feats.append(f)
    return feats


def _run_lengths(toks: Sequence[tuple[str, bool]]) -> list[int]:
    """For each token, the length of the run of capitalised words it belongs to (1 if none)."""
    out = [1] * len(toks)
    i = 0
    while i < len(toks):
        if not toks[i][1]:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and (
            toks[j][1] or (toks[j][0] in _CONNECTORS and j + 1 < len(toks) and toks[j + 1][1])
        ):
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out


def _weigh(
    fa: list[Features], fb: list[Features], idf: Mapping[str, float] | None
) -> set[str]:
    """Weigh features by rarity; return the story's common terms (in many sentences)."""
    n = len(fa) + len(fb)
    df: dict[str, int] = defaultdict(int)
    for f in (*fa, *fb):
        for t in f:
            df[t] += 1
    mean_corpus = sum(idf.values()) / len(idf) if idf else 1.0
    for f in (*fa, *fb):
        for t, tf in f.items():
            w = math.log(1.0 + n / df[t])
            if idf and t in idf and mean_corpus > 0:
                # The corpus knows which words are common in news at large; the pair knows which
                # are common in this story. Both matter, so blend them.
                w = 0.5 * w + 0.5 * w * idf[t] / mean_corpus
            f[t] = tf * w * _BOOST.get(t[0], 1.0)
    # What the story is about ("North Korea", "troops") says nothing about which claim it is.
    return {t for t, d in df.items() if d >= max(3, 0.15 * n)}


def _is_name(t: str) -> bool:
    return t[0] == "@"


def similarities(
    sa: Sequence[Sentence],
    sb: Sequence[Sentence],
    ents_a: Sequence[Entity],
    ents_b: Sequence[Entity],
    caps: tuple[set[str], set[str]],
    idf: Mapping[str, float] | None = None,
) -> tuple[dict[tuple[int, int], float], list[Features], list[Features]]:
    """Score every pair of sentences that share a feature.

    Returns:
        ``{(i, j): score}`` in [0, 1] for sentence ``i`` of A and ``j`` of B, and both articles'
        weighted features.
    """
    fold = proper_map(*caps)
    names: set[str] = set()
    fa = _features(sa, ents_a, fold, names)
    names_a = set(names)
    fb = _features(sb, ents_b, fold, names)
    names |= names_a
    story = _weigh(fa, fb, idf)
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, f in enumerate(fb):
        for t, w in f.items():
            postings[t].append((j, w))
    norm_b = [math.sqrt(sum(w * w for w in f.values())) or 1.0 for f in fb]
    mass_b = [_mass(f, story) for f in fb]
    out: dict[tuple[int, int], float] = {}
    for i, f in enumerate(fa):
        dot: dict[int, float] = defaultdict(float)
        common: dict[int, float] = defaultdict(float)
        evidence: dict[int, float] = defaultdict(float)
        for t, w in f.items():
            for j, wb in postings.get(t, ()):
                dot[j] += w * wb
                if t[0] == "^" or t in story:
                    continue
                common[j] += min(w, wb)
                # Distinctive shared words and figures tell which claim; names only where.
                evidence[j] += 2.0 if ">" in t else 0.5 if t[0] in "@#" or t in names else 1.0
        na = math.sqrt(sum(w * w for w in f.values())) or 1.0
        mass_a = _mass(f, story)
        for j, d in dot.items():
            cos = min(1.0, d / (na * norm_b[j]))
            # Coverage of the shorter sentence's distinctive content by the longer one.
            cover = min(1.0, common[j] / min(mass_a, mass_b[j]))
            score = max(cos, math.sqrt(cos * cover))
            e = evidence[j]
            if e < 2:
                score *= 0.3  # names and one word in common: chance in a story about them
            elif e < 3:
                score *= 0.7
            out[(i, j)] = min(1.0, score)
    return out, fa, fb


def _mass(f: Features, story: set[str]) -> float:
    return sum(w for t, w in f.items() if t[0] != "^" and t not in story) or 1.0


def select(
    sims: Mapping[tuple[int, int], float], floor: float
) -> list[tuple[int, int, float]]:
    """Keep pairs from ``floor`` that are the best, or close to the best, for one of their sentences;
    a sentence joins at most three pairs."""
    best_a: dict[int, float] = defaultdict(float)
    best_b: dict[int, float] = defaultdict(float)
    for (i, j), s in sims.items():
        best_a[i] = max(best_a[i], s)
        best_b[j] = max(best_b[j], s)
    chosen = [
        (i, j, s)
        for (i, j), s in sims.items()
        if s >= floor and (s >= 0.8 * best_a[i] or s >= 0.8 * best_b[j])
    ]
    chosen.sort(key=lambda x: -x[2])
    count_a: dict[int, int] = defaultdict(int)
    count_b: dict[int, int] = defaultdict(int)
    kept: list[tuple[int, int, float]] = []
    for i, j, s in chosen:
        if count_a[i] < 3 and count_b[j] < 3:
            kept.append((i, j, s))
            count_a[i] += 1
            count_b[j] += 1
    return sorted(kept)
