"""Numbers as news writes them: digits, number words ("Fifty-two", "a dozen", "half a billion"),
vague amounts ("thousands"), and the ECB+ tokenisation artefacts that split them ("1, 500").

``clean`` undoes the artefacts of a sentence; ``scan`` finds where its numbers are, for
``index.compare.figures`` to read what each one measures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

__all__ = [
    "NUMBER_WORDS",
    "SCALE",
    "SCALE_ABBR",
    "SCALE_AFTER",
    "VAGUE",
    "VAGUE_REACH",
    "clean",
    "number_value",
    "scan",
]

# --- artefacts ------------------------------------------------------------------------------------

# (a substring without which the fix cannot apply, the fix): the guard keeps ``clean`` cheap
_FIXES = [
    (", ", re.compile(r"(?<![\d.])(\d{1,3}), (?=\d{3}\b)"), r"\1,"),  # "1, 500" -> "1,500"
    (": ", re.compile(r"(?<=\d): (?=\d\d\b)"), ":"),  # "2: 56" -> "2:56"
    (". ", re.compile(r"(?<=\b\d)\. (?=\d\d?\b)|(?<=\b\d\d)\. (?=\d\d?\b)"), "."),  # "9. 25"
    ("m", re.compile(r"\b([ap])\. ?m\b\.?", re.IGNORECASE), r"\1.m."),  # "a. m." -> "a.m."
    (
        ". ",
        re.compile(
            r"(?<=[a-z])\. (?=\d{2,3}\s*-?\s*(?:calib|revolver|pistol|handgun|magnum))",
            re.IGNORECASE,
        ),
        " .",
    ),  # "a. 357 revolver" -> "a .357 revolver"
    ("$US", re.compile(r"\$US(?=\s?\d)"), "US$"),  # "$US1 million" -> "US$1 million"
    (" - ", re.compile(r"(?<=\w) - (?=(?:and|or|to)\b)"), "- "),  # "8 - and 10": "8- and 10"
    # "5.9 - magnitude", "47 - year - old"; not a dash before a number ("two sisters - 8- and")
    (" - ", re.compile(r"(?<=\w) - (?=\w)(?<![^\W\d_] - (?=\d))"), "-"),
]


def clean(text: str) -> str:
    """The sentence with ECB+ tokenisation artefacts undone ("1, 500" -> "1,500")."""
    digits = _ANY_DIGIT.search(text) is not None
    for guard, rx, rep in _FIXES:
        if guard in text and (digits or guard == " - "):  # all but the hyphen fix need a digit
            after = _DIGIT_AFTER.get(guard)
            if after is None or after.search(text):
                text = rx.sub(rep, text)
    return text


# the fixes at ", ", ": " and ". " each join a digit after the mark: found fast (a literal start)
_DIGIT_AFTER = {mark: re.compile(re.escape(mark) + r"\d") for mark in (", ", ": ", ". ")}


# --- number words ---------------------------------------------------------------------------------

_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
UNITS: dict[str, int] = _UNITS
"""Number words zero to nineteen and their values (shared with ``index.compare.judge``)."""
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
SCALE = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9}
# a scale only after a number: "three dozen" is 36 ("a dozen" alone is a number word)
SCALE_AFTER = {"dozen": 12.0}
_SMALL = r"(?:" + "|".join(sorted(list(_UNITS) + list(_TENS), key=len, reverse=True)) + r")"
_WORDNUM = (
    rf"(?:{_SMALL}(?:[- ]{_SMALL})?(?:[- ]hundred(?:[- ](?:and[- ])?{_SMALL}(?:[- ]{_SMALL})?)?)?"
    r"|a[- ]dozen|dozen|a[- ]hundred|a[- ]thousand|half[- ]a|half)"
)
# What a vague amount most often names: its figure's range, so that "thousands" told in one claim
# and "over 10,000" told in another are two estimates.
VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "tens of thousands": (2e4, 99999.0),
    "hundreds of thousands": (2e5, 999999.0),
    "millions": (2e6, 9.99e6),
}
VAGUE_REACH = {
    VAGUE[word][0]: reach
    for word, reach in (
        ("dozens", 199.0),
        ("scores", 199.0),
        ("hundreds", 1999.0),
        ("thousands", 199999.0),
        ("tens of thousands", 199999.0),
        ("hundreds of thousands", 1999999.0),
        ("millions", 1.999e9),
    )
}
"""A vague amount's least count (its figure's value) -> the largest count it is consistent with
when the statement it tells is told again with a figure: every count its word names as a
multiple, up to the next vague amount news writes instead ("thousands" of homes holds "more than
20,000", since tens of thousands are thousands, not 200,000, "hundreds of thousands"; "hundreds"
holds 1,500, not 2,000)."""


def number_value(words: str) -> float | None:
    """Value of a number in words ("Fifty-two" -> 52, "a dozen" -> 12), or None."""
    w = words.lower().replace("-", " ").split()
    if not w:
        return None
    if w[0] in ("a", "an", "another"):
        w = ["one", *w[1:]]
    if w == ["dozen"] or w == ["one", "dozen"]:
        return 12.0
    if w[0] == "half":
        return 0.5
    total = 0.0
    for word in w:
        if word in _UNITS:
            total += _UNITS[word]
        elif word in _TENS:
            total += _TENS[word]
        elif word == "hundred":
            total = max(total, 1.0) * 100
        elif word != "and":
            return None
    return total


_NUM = re.compile(
    r"(?P<cur>(?:\$us|us\$|au?\$|c\$|nz\$|hk\$|\$|€|£)\s?)?"
    r"(?P<num>(?<![\w.,:/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])|(?<![\w.])\.\d+"
    rf"|\b(?:{_WORDNUM}|an?|another)\b(?=[- ](?:{'|'.join(SCALE)})\b)|\b{_WORDNUM}\b)"
    r"(?:[- ]?(?P<scale>hundred|thousand|million|billion|trillion|dozen|mln|bln|bn|mn|k|m)\b)?"
    r"|(?P<times>\b(?:once|twice|thrice)\b)"
    r"|(?P<vague>\b(?:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands"
    r"|millions)\b)",
    re.IGNORECASE,
)
# Digits only: most sentences hold no number word, and this pattern is far cheaper.
_DIGITS = re.compile(
    r"(?P<cur>(?:\$us|us\$|au?\$|c\$|nz\$|hk\$|\$|€|£)\s?)?"
    r"(?P<num>(?<![\w.,:/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d])|(?<![\w.])\.\d+)"
    r"(?:[- ]?(?P<scale>hundred|thousand|million|billion|trillion|dozen|mln|bln|bn|mn|k|m)\b)?"
    r"(?P<times>(?!))?(?P<vague>(?!))?",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[a-z]+")
_ANY_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(
    [
        *_UNITS,
        *_TENS,
        *SCALE,
        "dozen",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "once",
        "twice",
        "thrice",
        "half",
    ]
)
NUMBER_WORDS = _NUMBER_WORDS  # "two", "dozens", "million": a number, not what it counts
_TOKEN = re.compile(r"[A-Za-z]+|[$€£]|\.?\d+")
_STARTS = _NUMBER_WORDS | {"a", "an", "another", "tens", "us"}


def _matches(text: str) -> list[re.Match[str]]:
    """Matches of ``_NUM`` tried only where a number may start: a regex scan of every position
    with that many alternatives costs more than the rest of reading a sentence."""
    out: list[re.Match[str]] = []
    done = 0
    for tok in _TOKEN.finditer(text):
        if tok.start() < done:
            continue
        w = tok.group(0)
        if w[0].isalpha() and w.lower() not in _STARTS:
            continue
        m = _NUM.match(text, tok.start())
        if m and m.end() > m.start():
            out.append(m)
            done = m.end()
    return out


def scan(text: str, words: AbstractSet[str] | None = None) -> Iterable[re.Match[str]]:
    """The numbers of a sentence, as matches whose groups ``cur``, ``num``, ``scale``, ``times``
    and ``vague`` say what was written. ``words``, when given, are the sentence's lower-case
    runs of letters (a caller that has them spares the search)."""
    if not _NUMBER_WORDS.isdisjoint(_LETTERS.findall(text.lower()) if words is None else words):
        return _matches(text)
    if _ANY_DIGIT.search(text):
        return _digit_matches(text)
    return ()


_NUMBER_START = re.compile(r"[\d.]")
_MARK_WIDTH = 4  # the most characters a currency mark takes before its number ("$us ")


def _digit_matches(text: str) -> list[re.Match[str]]:
    """What ``_DIGITS.finditer(text)`` finds, tried only where a match can begin: at most
    ``_MARK_WIDTH`` characters before a digit or point. Scanning every position of a sentence
    with a pattern that opens with a case-blind currency mark costs more than the rest of it."""
    out: list[re.Match[str]] = []
    pos = 0
    for d in _NUMBER_START.finditer(text):
        q = d.start()
        if q < pos:
            continue
        for p in range(max(pos, q - _MARK_WIDTH), q + 1):
            m = _DIGITS.match(text, p)
            if m:
                out.append(m)
                pos = m.end()
                break
    return out
