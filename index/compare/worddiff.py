"""Word-level differences inside an aligned pair of passages, as meld shows changed words in a line.

Two passages are compared as sets of stemmed content words, so a word the other passage has
anywhere (moved, inflected, capitalised otherwise) is not a difference; stop words, verbs of saying
("noted" / "said") and punctuation are ignored, and a name the other side writes as a demonym
("Russian" / "Russia") or a near spelling ("Zelenskyy" / "Zelensky") is the same name. What is left
on each side is marked with article offsets and a label a reader can act on:

- ``figure``: a number ("10,000", "1.5 million", "three") or a vague count ("thousands"); the same
  number written differently ("10,000" / "10000" / "10 thousand", ECB+'s "1, 500") is one figure;
- ``hedge``: a quantity modifier before a figure ("more than", "as many as", "passing") or a
  certainty cue ("reportedly", "rumored", "could", "confirmed");
- ``status``: what the subject is doing ("undergoing training", "engaging in combat", "deployed");
- ``name``: a capitalised name or entity ("Kim Jong Un", "Kursk");
- ``word``: any other content word.

Adjacent differing words of one label (only spaces, hyphens or up to two stop words between them;
for names only the connectors of one name, "Bank of England") merge into one span. Each passage is
tokenised once (cached by its text): on the seed pair, 2 cores shared with other work, ~70 us a
sentence, then ~50 us an aligned pair (``tests/benchmarks/bench_worddiff.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from rapidfuzz.distance import Indel
from rapidfuzz.process import extractOne

from index.compare.words import STOP, stem
from index.models import Span

__all__ = ["LABELS", "PassageLike", "differences"]

LABELS: tuple[str, ...] = ("figure", "name", "hedge", "status", "word")


class PassageLike(Protocol):
    """Anything with a passage's ``start`` offset in its article and its ``text``."""

    @property
    def start(self) -> int: ...

    @property
    def text(self) -> str: ...


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# A number or vague count follows: what makes "over", "some", "passing" a quantity modifier.
_COUNT_AHEAD = (
    r"(?=\s+[\"“‘']?[$€£]?(?:\d|(?:tens|hundreds)\s+of\s+thousands|dozens|hundreds|thousands|millions|"
    r"billions|scores|a\s+(?:dozen|hundred|thousand|million)|(?:two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b))"
)
_MODIFIERS = (
    r"more\s+than|fewer\s+than|less\s+than|as\s+many\s+as|as\s+few\s+as|at\s+least|at\s+most|"
    r"up\s+to|upwards\s+of|in\s+excess\s+of|an\s+estimated|over|under|nearly|almost|about|around|"
    r"roughly|approximately|some|passing|exceeding|surpassing|topping|just\s+over|just\s+under"
)
_CUES = (
    r"rumou?red|reportedly|allegedly|alleged|purportedly|apparently|unconfirmed|unverified|"
    r"possibly|potentially|probably|likely|could|might|believed\s+to|thought\s+to|said\s+to|"
    r"suspected|speculat\w*|confirmed|confirms?|verified|officially"
)
_MAG = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9}
_MAG |= {"bln": 1e9, "bn": 1e9}
_UNITS = _words("two three four five six seven eight nine ten eleven twelve")  # "one": a pronoun
_TENS = _words("twenty thirty forty fifty sixty seventy eighty ninety")
_NUMBER_WORDS = (
    {w: float(n) for n, w in enumerate(_UNITS, start=2)}
    | {w: 10.0 * n for n, w in enumerate(_TENS, start=2)}
    | {"dozen": 12.0, "hundred": 100.0}
)
_VAGUE = r"(?:tens|hundreds)\s+of\s+thousands|dozens|hundreds|thousands|millions|billions|scores"
# One fast pass finds numbers ("10,000", ECB+'s "1, 500", "2.5"; a full stop after one is not a
# decimal point) and words; hedges, counts and acronyms are then matched only where a word starts
# the way they do (the tokens of a comparison's sentences cost ~50 us each; one regex with every
# alternative tried at every character cost four times that).
_TOKEN = re.compile(
    r"(?P<num>(?<![\d.,])(?:\d{1,3}(?:,\s?\d{3})+(?!\d)|\d+)(?:\.\d+)?)|[^\W\d_]+(?:['’][^\W\d_]+)*"
)
_NUM_TAIL = re.compile(
    r"(?i:[\s-]*(?P<mag>thousand|million|billion|mln|bln|bn)\b|(?P<abbr>k|m|bn)\b|(?P<ord>st|nd|rd|th)\b)"
)
_HEDGE_AT = re.compile(
    rf"(?i:(?:{_MODIFIERS}){_COUNT_AHEAD}|(?:{_CUES})\b)|may\b"
)  # not "May" 2024
_HEDGE_FIRST = re.compile(
    "|".join(alt.split(r"\s+")[0] for alt in f"{_MODIFIERS}|{_CUES}|may".split("|")),
    re.IGNORECASE,
)
_VAGUE_AT = re.compile(rf"(?i:{_VAGUE})\b")
_VAGUE_FIRST = frozenset(_words("tens hundreds dozens thousands millions billions scores"))
_ACRONYM = re.compile(r"(?:[^\W\d_]\.){2,}")
# What the subject is doing, by Porter stem: prospective, actual and combat states.
_STATUS = frozenset(
    stem(w)
    for w in _words(
        "training trained train undergoing deploy deployed deployment fighting fought fight combat "
        "engaging engaged battle battles clash clashed joined join arrived arriving sent send "
        "dispatched stationed mobilised mobilized preparing prepare killed wounded injured "
        "captured attack attacked withdrew withdrawn retreat retreated advance advanced "
        "surrendered arrested detained released evacuated"
    )
)
# Verbs of saying: "noted" against "said" is how two outlets write, not what they report.
_REPORTING = frozenset(
    stem(w)
    for w in _words(
        "say says said tell told state stated note noted add added explain explained emphasize "
        "emphasized emphasise emphasised stress stressed remark remarked mention mentioned "
        "comment commented disclose disclosed indicate indicated write wrote observe observed"
    )
)
_CONNECTORS = frozenset(_words("of de la le du von van al bin"))
_SENTENCE_END = frozenset(".!?:;\n")
_PUNCT = re.compile(r"[,;:.!?()\[\]\"“”\n]")


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A passage tokenised once: its content words and what a comparison needs of them."""

    # (start, end, key, label, capitalised, joins): ``key`` is what is compared (a stem, ``#<value>``
    # for a figure, ``~<stems>`` for a hedge); ``joins`` says the word may extend a span that ends
    # at the content word before it (at most two stop words and no punctuation between them).
    words: tuple[tuple[int, int, str, str, bool, bool], ...]
    keys: frozenset[str]
    caps: frozenset[str]  # keys of the words written with a capital
    demonyms: dict[str, tuple[str, ...]]  # capitalised key -> its regular demonyms ("russia")
    aliases: frozenset[str]  # all of those demonyms
    expands: dict[str, frozenset[str]]  # an acronym's key -> the stems of its place ("dprk")
    expanded: frozenset[str]  # all of those stems, and their demonyms


def _number_key(num: str, mag: str | None, ordinal: str | None) -> str:
    value = float(re.sub(r"[,\s]", "", num))
    if mag:
        value *= _MAG.get(mag.strip(" -").lower(), 1.0)
    return "#" + (str(int(value)) if value.is_integer() else repr(value)) + (ordinal or "").lower()


def _initial(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence (so its capital says nothing)?"""
    before = text[max(0, start - 12) : start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in _SENTENCE_END


_CONTEXT = object()  # a word that may open a hedge or a count: its neighbours decide
_memo: dict[str, object] = {}


def _word(w: str) -> tuple[str, str, bool]:
    """Key, label and capital of a word ("" key for a stop word)."""
    if "." in w:  # an acronym written with full stops: "U.S." is "US"
        return w.replace(".", "").lower(), "word", True
    if w.isupper() and len(w) > 1:  # an acronym is never a stop word ("US", "IT")
        return w.lower(), "word", True
    low = w.lower()
    if low in STOP or len(low) < 2:
        return "", "", False
    key = stem(low)
    if key in _REPORTING and w.islower():  # "stated" is saying, "State Department" a name
        return "", "", False
    return key, "status" if key in _STATUS else "word", w[0].isupper()


def _match(text: str, s: int, w: str) -> tuple[int, str, str] | None:
    """A hedge or a vague count starting at word ``w`` (offset ``s``): its end, key and label."""
    low = w.lower()
    if _HEDGE_FIRST.fullmatch(w):
        m = _HEDGE_AT.match(text, s)
        if m:
            return m.end(), "~" + " ".join(stem(x) for x in m.group(0).lower().split()), "hedge"
    if low in _VAGUE_FIRST:
        m = _VAGUE_AT.match(text, s)
        if m:
            return m.end(), "#" + " ".join(m.group(0).lower().split()), "figure"
    if low in _NUMBER_WORDS:
        return s + len(w), "#" + str(int(_NUMBER_WORDS[low])), "figure"
    return None


@lru_cache(maxsize=4096)
def _prepare(text: str) -> _Prepared:
    raw: list[list[Any]] = []  # [start, end, key, label, capitalised, stops before, punct before]
    stops: list[str] = []
    acronyms: set[str] = set()
    prev_end = 0
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        if s < prev_end:  # inside a hedge, a count or an acronym already taken
            continue
        cap = False
        if m.lastgroup == "num":
            tail = _NUM_TAIL.match(text, e)
            mag, ordinal = (
                (tail.group("mag") or tail.group("abbr"), tail.group("ord"))
                if tail
                else (None, None)
            )
            e = tail.end() if tail else e
            key, label = _number_key(m.group(0), mag, ordinal), "figure"
        else:
            w = m.group(0)
            known = _memo.get(w)
            if known is None:
                if len(_memo) > 100_000:  # a corpus's vocabulary, not unbounded
                    _memo.clear()
                low = w.lower()
                context = _HEDGE_FIRST.fullmatch(w) or low in _VAGUE_FIRST or low in _NUMBER_WORDS
                context = context or (len(w) == 1 and w.isupper()) or w.endswith(("'s", "’s"))
                known = _memo[w] = _CONTEXT if context else _word(w)
            if known is _CONTEXT:
                found = _match(text, s, w)
                if found:
                    e, key, label = found
                else:
                    if len(w) == 1 and text.startswith(".", e):
                        acronym = _ACRONYM.match(text, s)
                        if acronym:
                            w, e = acronym.group(0), acronym.end()
                    elif w.endswith(("'s", "’s")):
                        w, e = w[:-2], e - 2
                    key, label, cap = _word(w)
            else:
                key, label, cap = known  # type: ignore[misc]
            if cap and len(w) > 1 and w.replace(".", "").isupper():
                acronyms.add(key)
            if not key:
                stops.append(w.lower())
                continue
        # Most gaps are one space: no need to search them for punctuation.
        punct = (
            bool(raw)
            and (s - prev_end != 1 or text[prev_end] != " ")
            and _PUNCT.search(text, prev_end, s) is not None
        )
        raw.append([s, e, key, label, cap, stops, punct])
        stops, prev_end = [], e
    # A capital says "name" unless it only opens a sentence; an opening capital is a name too when
    # a capitalised word follows ("Kim Jong Un") or the word is capitalised mid-sentence elsewhere.
    initial = [r[4] and _initial(text, r[0]) for r in raw]
    midcaps = {r[2] for r, first in zip(raw, initial, strict=True) if r[4] and not first}
    for n, r in enumerate(raw):
        if r[4] and r[3] in ("word", "status"):
            nxt = raw[n + 1] if n + 1 < len(raw) else None
            follows = nxt is not None and nxt[4] and not nxt[5] and not nxt[6]
            if not initial[n] or follows or r[2] in midcaps:
                r[3] = "name"
    caps = frozenset(r[2] for r in raw if r[4])
    demonyms = {k: d for k in caps if (d := _demonyms(k))}
    expands = {k: x for k in acronyms if (x := _acronym_stems(k))}
    expanded = {x for xs in expands.values() for x in xs}
    expanded.update(d for x in list(expanded) for d in _demonyms(x))
    return _Prepared(
        tuple((r[0], r[1], r[2], r[3], r[4], _joins(r[3], r[5], r[6])) for r in raw),
        frozenset(r[2] for r in raw),
        caps,
        demonyms,
        frozenset(x for d in demonyms.values() for x in d),
        expands,
        frozenset(expanded),
    )


@lru_cache(maxsize=4096)
def _acronym_stems(key: str) -> frozenset[str]:
    """The stems of the place an acronym names in the gazetteer ("dprk" -> north, korea)."""
    from index.analysis.gazetteer import load_gazetteer  # loaded late, and only for an acronym

    place = load_gazetteer().acronyms.get(key.upper())
    return frozenset(stem(w) for w in (place or "").split() if w not in STOP)


@lru_cache(maxsize=65536)
def _demonyms(key: str) -> tuple[str, ...]:
    """The demonyms the gazetteer's suffix rules derive from a stem ("ukrain" -> "ukrainian")."""
    from index.analysis.gazetteer import derive_demonyms  # loaded late: the engine may not need it

    return tuple(d for d in derive_demonyms(key) if " " not in d)


def _joins(label: str, stops: list[str], punct: bool) -> bool:
    """May a word extend the span of the differing word before it? Names join only across the
    connectors of one name ("Bank of England"), not across "to" ("Patel to US News")."""
    if punct or len(stops) > 2:
        return False
    return label != "name" or all(w in _CONNECTORS for w in stops)


def _present(mine: _Prepared, other: _Prepared) -> frozenset[str]:
    """The keys of ``mine`` that ``other`` states too: its own keys, and names it writes otherwise:
    a demonym for a place either way ("Russian" / "Russia"), a near spelling ("Zelenskyy")."""
    if mine.keys <= other.keys:
        return other.keys
    extra = set(mine.caps & other.aliases)
    extra.update(k for k, ds in mine.demonyms.items() if any(d in other.caps for d in ds))
    # An acronym and its place written out: "DPRK" / "North Korea" (or "North Korean").
    extra.update(
        k
        for k, xs in mine.expands.items()
        if all(x in other.keys or any(d in other.keys for d in _demonyms(x)) for x in xs)
    )
    extra.update(mine.keys & other.expanded)
    loose = [k for k in other.caps - mine.keys if len(k) >= 5]
    if loose:
        scorer = Indel.normalized_similarity
        extra.update(
            k
            for k in mine.caps - other.keys - extra
            if len(k) >= 5 and extractOne(k, loose, scorer=scorer, score_cutoff=0.85) is not None
        )
    return other.keys | extra


_spans: dict[tuple[int, int, str], Span] = {}  # one Span per value: making one costs ~1 us


def _side(offset: int, mine: _Prepared, theirs: frozenset[str]) -> tuple[Span, ...]:
    if mine.keys <= theirs:
        return ()
    runs: list[list[Any]] = []
    last = -2  # the index of the last differing word: the next one may extend its span
    for n, w in enumerate(mine.words):
        if w[2] in theirs:
            continue
        if last == n - 1 and w[5] and runs[-1][2] == w[3]:
            runs[-1][1] = w[1]
        else:
            runs.append([w[0], w[1], w[3]])
        last = n
    if len(_spans) > 100_000:
        _spans.clear()
    out: list[Span] = []
    for s, e, label in runs:
        key = (offset + s, offset + e, label)
        span = _spans.get(key)
        if span is None:
            span = _spans[key] = Span(*key)
        out.append(span)
    return tuple(out)


def differences(a: PassageLike, b: PassageLike) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """The spans of each passage that the other lacks or states differently.

    Args:
        a: A passage of article A (``a.text == article_a.text[a.start:a.start + len(a.text)]``).
        b: A passage of article B.

    Returns:
        ``(a_diff, b_diff)``: spans in article offsets (``a.start`` / ``b.start`` added), in text
        order, labelled ``figure``, ``name``, ``hedge``, ``status`` or ``word``.
    """
    pa, pb = _prepare(a.text), _prepare(b.text)
    return (
        _side(a.start, pa, _present(pa, pb)),
        _side(b.start, pb, _present(pb, pa)),
    )
