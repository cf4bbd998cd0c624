"""Words as the comparison reads them: Porter stems, stop words, kinds of counted nouns, and names
folded across two reports (demonyms onto their place, spelling variants merged).
"""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import Indel

from index.analysis.tokens import stem as _porter  # the index's own Porter stemmer

__all__ = [
    "CLASSES",
    "IRREGULAR_PARTICIPLES",
    "STOP",
    "american",
    "proper_map",
    "stem",
    "tokens",
    "zipf_table",
]

# Past participles not ending in -ed that news deny or tell done ("no ransom had been paid", "no
# shots were fired" is regular), as one alternation for patterns
IRREGULAR_PARTICIPLES = (
    "paid|made|given|taken|found|seen|told|held|sent|built|sold|won|lost|shot|caught|bought|"
    "brought|kept|left|hit|struck|done|known|shown|thrown|broken|stolen|spoken|written|driven|"
    "hidden|beaten|chosen|fallen|drawn|flown|spent|hurt|sought|met"
)


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

# British spelling endings and their American form, longest first within a family. The Porter
# stemmer keeps them apart ("kilometres" -> "kilometr", "kilometers" -> "kilomet"), so a BBC and an
# AP report of one quake would share neither "centre" nor "kilometres" nor "organised".
_BRITISH_ENDINGS: tuple[tuple[str, str], ...] = (
    ("isations", "izations"),
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("isers", "izers"),
    ("iser", "izer"),
    ("ises", "izes"),
    ("ise", "ize"),
    ("ysing", "yzing"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("yse", "yze"),
    ("ourable", "orable"),
    ("ouring", "oring"),
    ("oured", "ored"),
    ("ours", "ors"),
    ("our", "or"),
    ("tres", "ters"),
    ("tred", "tered"),
    ("tre", "ter"),
    ("bres", "bers"),
    ("bre", "ber"),
    ("ences", "enses"),
    ("ence", "ense"),
    ("ogues", "ogs"),
    ("ogue", "og"),
    ("elled", "eled"),
    ("elling", "eling"),
    ("ellers", "elers"),
    ("eller", "eler"),
)
# The endings whose word needs three letters before them: "hour", "flour", "pouring", "scoured",
# "kaiser" and "rogue" are no British spellings.
_LONGER_STEM = ("our", "is", "ys", "og")
# Words that end like a British spelling and are none (read off the ~440 words of the rarity table
# the endings would change): foreign words, and "analyses", the plural of "analysis".
_NOT_BRITISH = frozenset({"entre", "sobre", "libre", "amour", "analyses"})
_BRITISH_WORDS = {
    "grey": "gray",
    "greys": "grays",
    "tyre": "tire",
    "tyres": "tires",
    "programme": "program",
    "programmes": "programs",
    "aluminium": "aluminum",
    "mould": "mold",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "jewellery": "jewelry",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
}


@lru_cache(maxsize=1)
def zipf_table() -> dict[str, float]:
    """Zipf frequency of ~76,000 English words (``index/data/wordfreq_en.txt.gz``, from the
    wordfreq package: ``scripts/build_wordfreq.py``)."""
    data = resources.files("index").joinpath("data/wordfreq_en.txt.gz").read_bytes()
    out: dict[str, float] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, _, z = line.partition("\t")
        out[word] = int(z) / 10.0
    return out


def american(word: str) -> str:
    """The American spelling of a lower-case British one ("centre" -> "center", "organised" ->
    "organized", "kilometres" -> "kilometers"), when the rarity table knows it as a word (Zipf 2
    or more); any other word unchanged."""
    found = _BRITISH_WORDS.get(word)
    if found is not None:
        return found
    if len(word) < 5 or word in _NOT_BRITISH:
        return word
    for british, us in _BRITISH_ENDINGS:
        if word.endswith(british):
            root = word[: -len(british)]
            if len(root) < (3 if british.startswith(_LONGER_STEM) else 2):
                return word
            spelled = root + us
            return spelled if zipf_table().get(spelled, 0.0) >= 2.0 else word
    return word


def stem(word: str) -> str:
    """Porter stem of a lower-case word in its American spelling (cached)."""
    s = _stems.get(word)
    if s is None:
        s = _stems[word] = _porter(american(word))
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
        from index.analysis.gazetteer import derive_demonyms, load_gazetteer
        from index.analysis.lexicon import IRREGULAR_DEMONYMS

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


def proper_map(
    vocab_a: set[str], vocab_b: set[str], variants: dict[str, str] | None = None
) -> dict[str, str]:
    """Demonyms onto places, and spelling variants of names merged across the two articles
    (``variants``: :func:`name_variants` of the two, when the caller has them already)."""
    if variants is None:
        variants = name_variants(vocab_a, vocab_b)
    return {**_places()[0], **variants}


SPELLED_ALIKE = 0.85
"""Indel similarity from which two names of six letters or more are one name spelled two ways."""


def spelled_alike(a: str, b: str) -> bool:
    """Whether two lower-case names (or their stems) are one name spelled two ways: "zelenskyi" /
    "zelenski", "klitschko" / "klitchsko"."""
    return min(len(a), len(b)) >= 6 and Indel.normalized_similarity(a, b) >= SPELLED_ALIKE


def name_variants(vocab_a: set[str], vocab_b: set[str]) -> dict[str, str]:
    """Spelling variants of names across two articles: B's stem -> A's ("zelenski" -> "zelenskyi",
    "klitchsko" -> "klitschko")."""
    fold: dict[str, str] = {}
    # (A's spelling may be in B too: B writes "Klitchsko" once and "Klitschko" elsewhere)
    stems_a = {stem(w) for w in vocab_a}
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for s in {stem(w) for w in vocab_b} - stems_a:
        by_prefix[s[:4]].append(s)
    for s in stems_a:
        for t in by_prefix.get(s[:4], ()):
            if spelled_alike(s, t):  # "Zelenskyy" / "Zelensky": same start, nearly the same letters
                fold[t] = s
    return fold
