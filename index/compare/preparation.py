"""A sentence prepared once for the sentence-pair judgement (:mod:`index.compare.judge`).

Words are weighed by their rarity in English at large (Zipf frequencies from wordfreq, shipped in
``index/data/wordfreq_en.txt.gz``), so sharing "Kursk" says more than sharing "troops", which says
more than sharing "said"; the comparison adds the rarity within the two reports (a word every
sentence of the story uses says little about which claim it is).
:func:`prepare` reads its content stems with their rarity, numbers, names, negation and hedges.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from index.compare.numbers import UNITS
from index.compare.vectors import sentence_vector, word_vector
from index.compare.words import STOP, stem, zipf_table
from index.vocabulary import MONTHS

__all__ = [
    "Prepared",
    "prepare",
    "rarity",
]

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
# ECB+ and other tokenised sources write "1, 500", "2: 56", "9. 25": glue the parts back.
_SPACED_NUMBER = re.compile(r"(?<=\d)([,.:]) (?=\d{2,3}\b)")
# Number words up to twenty from the one table the engine keeps (index.compare.numbers), and a few round ones.
_NUMBER_WORDS = {w: str(n) for w, n in UNITS.items()} | {
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "dozen": "12",
}
_NEGATION = frozenset(
    ["not", "no", "never", "n't", "nobody", "nothing", "none", "neither", "nor", "without"]
)
_HEDGES = frozenset(
    [
        "may",
        "might",
        "could",
        "would",
        "reportedly",
        "allegedly",
        "possibly",
        "probably",
        "likely",
        "expected",
        "rumored",
        "rumoured",
        "unconfirmed",
        "suspected",
        "believed",
    ]
)


_zipf = zipf_table


_RARE_ZIPF = 1.5  # words below the table's cut (Zipf ~2.1)


def rarity(word: str) -> float:
    """Information weight of a lower-case word: ``8 - Zipf frequency`` (rare words weigh most)."""
    return max(0.3, 8.0 - _zipf().get(word, _RARE_ZIPF))


@dataclass(frozen=True, slots=True)
class Prepared:
    """One sentence, analysed once for every pair it takes part in."""

    text: str
    seq: tuple[str, ...]  # content stems in order (numbers included)
    weights: Mapping[str, float]  # content stem -> rarity weight
    mass: float
    norm: float
    bigrams: frozenset[tuple[str, str]]
    numbers: frozenset[str]
    names: frozenset[str]  # stems of capitalised words inside the sentence, and entity keys
    negated: bool
    hedged: bool
    lower: str
    codes: tuple[int, ...] = ()  # ``seq`` as integers (fast sequence comparison)
    vector: tuple[float, ...] | None = None  # rarity-weighted word vectors, unit length


_NUMBER, _SKIP, _CONTENT = 0, 1, 2
_Word = tuple[int, str, float, bool, bool, bool, tuple[float, ...] | None]
_WORDS: dict[str, _Word] = {}


def _word(w: str) -> _Word:
    """What a token is, once per distinct token: kind, key (``#n`` for a number, else its stem),
    Zipf frequency, capitalised, negation, hedge, and a content word's vector weighed by its rarity
    (:mod:`index.compare.vectors`)."""
    found = _WORDS.get(w)
    if found is not None:
        return found
    if w[0].isdigit():
        found = (_NUMBER, "#" + w.rstrip(".,:").replace(",", ""), 0.0, False, False, False, None)
    else:
        low = w.lower()
        neg = False
        if low.endswith(("'s", "’s")):
            low = low[:-2]
        elif low.endswith(("n't", "n’t")):
            neg = True
        neg = neg or low in _NEGATION
        hedge = low in _HEDGES
        if low in _NUMBER_WORDS:
            found = (_NUMBER, "#" + _NUMBER_WORDS[low], 0.0, False, neg, hedge, None)
        elif low in STOP or len(low) < 2:
            found = (_SKIP, "", 0.0, False, neg, hedge, None)
        else:
            z = _zipf().get(low, _RARE_ZIPF)
            vector = word_vector(low, max(0.3, 8.0 - z))
            found = (_CONTENT, stem(low), z, w[0].isupper(), neg, hedge, vector)
    if len(_WORDS) < 200_000:
        _WORDS[w] = found
    return found


_MONTH_WORDS = frozenset(MONTHS) | frozenset(m[:3] for m in MONTHS) | {"sept"}
_CLOCK_AFTER = frozenset(["am", "pm", "gmt", "utc", "bst", "est", "edt", "hours", "hrs"])


def _number_kind(value: str, tokens: Sequence[str], n: int) -> str:
    """What kind of number token ``n`` is, as one letter: ``t`` a clock time ("15:30", "8.26am",
    "08:30 BST"), ``y`` a year, ``d`` a day of a month ("July 7", "7 July"), ``n`` anything else.
    Numbers of two kinds are not two readings of one figure: "July 7, 2005" and "two photographs
    at 15:30" give no number that differs."""
    after = tokens[n + 1].lower() if n + 1 < len(tokens) else ""
    if (
        ":" in value
        or after in _CLOCK_AFTER
        or (after in ("a", "p") and n + 2 < len(tokens) and tokens[n + 2].lower() == "m")
    ):  # "3 p.m."
        return "t"
    if len(value) == 4 and value.isdecimal() and 1800 <= int(value) <= 2100:
        return "y"
    before = tokens[n - 1].lower().rstrip(".") if n else ""
    if value.isdecimal() and int(value) <= 31 and (before in _MONTH_WORDS or after in _MONTH_WORDS):
        return "d"
    return "n"


def prepare(
    text: str,
    fold: Mapping[str, str] | None = None,
    keys: Sequence[str] = (),
) -> Prepared:
    """Analyse a sentence: content stems weighed by rarity, numbers, names, negation, hedges.

    Args:
        text: The sentence.
        fold: Optional stem -> stem map applied to content stems (demonyms onto places, spelling
            variants of names across two reports).
        keys: Canonical entity keys named in the sentence (they count as names and as content).
    """
    clean = _SPACED_NUMBER.sub(r"\1", text)
    seq: list[str] = []
    weights: dict[str, float] = {}
    numbers: set[str] = set()
    names: set[str] = set()
    rows: list[tuple[float, ...]] = []
    negated = hedged = False
    first = True
    known = _WORDS.get
    tokens = _TOKEN.findall(clean)
    for n, w in enumerate(tokens):
        kind, key, z, cap, neg, hedge, vector = known(w) or _word(w)
        negated = negated or neg
        hedged = hedged or hedge
        if kind == _NUMBER:
            numbers.add(_number_kind(key[1:], tokens, n) + key[1:])
            seq.append(key)
            weights[key] = 3.0
        elif kind == _CONTENT:
            if fold:
                key = fold.get(key, key)
            if cap and (not first or z < 4.0):
                names.add(key)
            seq.append(key)
            if key not in weights:
                weights[key] = max(0.3, 8.0 - z)
            if vector is not None:
                rows.append(vector)
        first = False
    for k in keys:
        names.add("@" + k)
    mass = sum(weights.values())
    norm = math.sqrt(sum(v * v for v in weights.values()))
    bigrams = frozenset(itertools.pairwise(seq))
    return Prepared(
        text,
        tuple(seq),
        weights,
        mass,
        norm,
        bigrams,
        frozenset(numbers),
        frozenset(names),
        negated,
        hedged,
        clean.lower(),
        # an integer per distinct term, the same in every sentence of a process: rapidfuzz
        # compares integer sequences faster than string ones
        tuple(map(hash, seq)),
        sentence_vector(rows),
    )
