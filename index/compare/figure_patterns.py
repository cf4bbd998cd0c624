"""The words and patterns a figure is read with (:mod:`index.compare.figures` reads them).

The roles of a count of people (dead, injured, missing ...); hedges before a figure ("more than",
"as many as", "nearly") and the kind of range each makes; and the patterns around a figure that say
it is no count (a forecast, a superseded figure, a clock time, a record; telephone numbers and a
name's number are in :mod:`index.compare.figure_codes`) or only a part of one ("alone", "of
them"). Lexicons here are generic, never the words of one story.
"""

from __future__ import annotations

import re

__all__ = [
    "AFTER",
    "AGE_OF",
    "ALONE",
    "ANY_ROLE",
    "CUMULATIVE",
    "FILLER",
    "FORECAST",
    "FROM_LOCALITY",
    "HEDGE_KIND",
    "JOINED_NOUN",
    "LOWER_AFTER",
    "MODAL",
    "NAME_BEFORE",
    "NOT_A_COUNT",
    "OWNER",
    "PART",
    "PART_AFTER",
    "PART_BEFORE",
    "RECORD",
    "SEEN",
    "STOPWORDS",
    "SUPERSEDED",
    "VERBISH",
    "YEAR_OR_DAY",
    "may_count_people",
    "person_of",
    "split_hedge",
]

# Words that say what a count of people is a count of, whatever noun is counted.
_ROLES = [
    # "the death penalty", "put to death" and "a death sentence" count no dead
    (
        "dead",
        re.compile(
            r"\b(?:kill\w*|dead|deaths?(?! (?:penalty|sentence|row|warrant))|died|die|"
            r"dying|fatalit\w+|death toll|toll|lives|perished|victims|drown\w*)"
            r"\b(?<!to death)"
        ),
    ),
    ("shot", re.compile(r"\b(?:shot|shooting|gunned)\b")),
    ("injured", re.compile(r"\b(?:injur\w*|wound\w*|hurt|hospitali[sz]ed|treatment)\b")),
    ("missing", re.compile(r"\b(?:missing|unaccounted|disappeared|vanished)\b")),
    ("affected", re.compile(r"\b(?:affected|impacted)\b")),
    ("homeless", re.compile(r"\b(?:homeless|without (?:homes|shelter)|displaced)\b")),
    ("evacuated", re.compile(r"\bevacuat\w+\b")),
    ("arrested", re.compile(r"\b(?:arrest\w*|detain\w*|held)\b")),
]
# one word boundary before the alternatives, not one in each: the engine then tries them only where
# a word begins (three times faster over a report)
if not all(rx.pattern.startswith(r"\b") for _, rx in _ROLES):
    raise ValueError("each role pattern must open with a word boundary (see ANY_ROLE)")
ANY_ROLE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{rx.pattern[2:]})" for name, rx in _ROLES) + ")"
)
_HEDGES = [
    # (pattern before the figure, kind): ranges are widened in ``_range``
    (
        (
            r"more than|over|passing|passed|passes|past|exceeding|exceeded|exceeds|above|at least|"
            r"upwards of|in excess of|topping|topped|tops|surpassing|surpassed|surpasses|beyond"
        ),
        "lower",
    ),
    (r"nearly|almost|close to|just under|just below|approaching|nearing|closing in on", "near"),
    (r"as many as|up to|as much as|at most|no more than", "upper"),
    (r"fewer than|less than|under|below", "under"),
    (
        (
            r"about|around|roughly|approximately|some|an estimated|estimated|approx\.?|circa|nearly "
            r"about|more or less"
        ),
        "about",
    ),
]
# a noun joined to its count by a hyphen makes an adjective of both ("seven-storey", "two-car");
# "-strong", "-odd" and "-plus" say how many people or roughly how many
JOINED_NOUN = re.compile(r"-(?!(?:strong|odd|plus|year|old|time)\b)([A-Za-z]{3,})\b(?!-)")
SUPERSEDED = re.compile(
    r"\b(?:initial(?:ly)?|preliminary|originally|first reported|earlier estimate[sd]?|revised "
    r"(?:down|up)(?:ward)? from)\b[^.;]{0,30}$",
    re.IGNORECASE,
)
CUMULATIVE = re.compile(
    r"\b(?:so far|thus far|to date|a total of|in total|altogether|in all)\b", re.IGNORECASE
)
MODAL = re.compile(r"\b(?:could|may|might|would|will|to)\b", re.IGNORECASE)


def split_hedge(before: str) -> tuple[str, str]:
    """The hedge ending ``before`` ("more than ") and the text before it."""
    words = before.rstrip().rsplit(None, 4)
    for k in (4, 3, 2, 1):
        if len(words) >= k:
            phrase = " ".join(words[-k:]).lower().lstrip("\"“‘'(")
            if phrase in HEDGE_KIND:
                return phrase, " ".join(words[:-k]) + " "
    return "", before


HEDGE_KIND: dict[str, str] = {}
for _pat, _kind in _HEDGES:
    for _w in _pat.split("|"):
        HEDGE_KIND[_w.replace("\\.?", "").replace("\\", "")] = _kind

RECORD = re.compile(r"\s*-\s*(\d+)(?:\s*-\s*(\d+))?(?![\d-])")
# a record's owner: a name, not an origin ("the Ukrainian-born fighter to 52-3")
OWNER = re.compile(r"\b([A-Z][a-z]{2,})\b(?!-(?:born|based|bred|raised|led)\b)")
# ... else the name whose record it is, told as the sentence's possessive ("Klitschko's sixth
# defense ... improved the Ukrainian-born fighter to 52-3")
OWNER_POSSESSIVE = re.compile(r"\b([A-Z][a-z]{2,})['’]s\b")
NAME_BEFORE = re.compile(r"\w[\s-]+([A-Z][a-z]+|[A-Z]{1,4})\.? $")
LOWER_AFTER = re.compile(r"\s*(?:[a-z]|%)")
AFTER = re.compile(
    r"\s*-?\s*(?P<unit>nautical[- ]miles?|square[- ](?:feet|foot|metres?|meters?|kilometers?"
    r"|kilometres?|km|miles?)|sq km|per cent|%|[a-z]+)?",
    re.IGNORECASE,
)
ALONE = r"(?:\b(?:in|on|for)\s+)?(?:\b[A-Z][\w'’-]*\s+){0,3}(?:\b[a-z]+\s+)?alone\b"
PART_BEFORE = re.compile(ALONE + r"[^.;]{0,30}$|\b(?:including|among them)\s+(?:\S+\s+){0,2}$")
PART_AFTER = re.compile(r"[^;]{0,50}?(" + ALONE + ")")
FORECAST = re.compile(
    r"\b(?:could|may|might|would|will|expected to|likely to|feared to|set to|projected to)\s+"
    r"(?:\w+\s+)?(?:rise|increase|climb|grow|reach|top|exceed|double|soar|jump)\w*\s+(?:to\s+)?$",
    re.IGNORECASE,
)
PART = re.compile(r"[\s,]*(?:[a-z]+\s+)?of (?:them|whom|those|these)\b", re.IGNORECASE)
YEAR_OR_DAY = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)
NOT_A_COUNT = re.compile(
    r"^(?:\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt|utc|bst|est|cet|local|hours?\b(?!\s+(?:of|after|later|"
    r"before|ago|earlier))|o'clock|st\b|nd\b|rd\b|th\b))",
    re.IGNORECASE,
)
# adjectives and fillers between a figure and its counted noun
FILLER = frozenset(
    [
        "other",
        "more",
        "additional",
        "further",
        "new",
        "small",
        "large",
        "big",
        "young",
        "old",
        "some",
        "of",
        "the",
        "its",
        "their",
        "his",
        "her",
        "people's",
        "slightly",
        "seriously",
        "badly",
        "critically",
        "severely",
        "at",
        "least",
        "about",
    ]
)


STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "than",
        "then",
        "said",
        "says",
        "after",
        "before",
        "into",
        "per",
        "each",
        "outside",
        "inside",
        "near",
        "during",
        "across",
        "around",
        "within",
        "without",
        "against",
        "among",
        "under",
        "over",
        "behind",
        "along",
        "toward",
        "towards",
        "amid",
        "across",
        "off",
        "since",
        "while",
        "when",
        "where",
    ]
)
VERBISH = re.compile(
    r".{4,}(?:ed|ing)$|^(?:died|dead|hurt|left|lost|won|fled|held|tried|said|made|took|came|went)$"
)
AGE_OF = re.compile(r"[\s-]*(?:old\s+)?((?:[a-z]+\s+)?[a-z]+)")
_MALE = frozenset(["man", "men", "male", "boy", "boys", "father", "son", "husband", "brother"])
_FEMALE = frozenset(
    ["woman", "women", "female", "girl", "girls", "mother", "daughter", "wife", "sister"]
)


def person_of(words: str) -> str:
    """Whom an age is of, as far as a sex or a noun says ("woman", "man"); "" when unsaid."""
    for w in words.split():
        if w in _MALE:
            return "male"
        if w in _FEMALE:
            return "female"
    return ""


_PEOPLE = frozenset(
    [
        "people",
        "persons",
        "person",
        "men",
        "women",
        "children",
        "kids",
        "boys",
        "girls",
        "soldiers",
        "troops",
        "civilians",
        "residents",
        "villagers",
        "passengers",
        "crew",
        "members",
        "staff",
        "workers",
        "fighters",
        "victims",
        "dead",
        "injured",
        "wounded",
        "pirates",
        "police",
        "officers",
        "students",
        "protesters",
        "tourists",
        "miners",
        "sailors",
        "refugees",
        "man",
        "woman",
        "child",
        "kid",
        "boy",
        "girl",
        "soldier",
        "civilian",
        "resident",
        "villager",
        "passenger",
        "member",
        "worker",
        "fighter",
        "victim",
        "pirate",
        "officer",
        "student",
        "protester",
        "tourist",
        "miner",
        "sailor",
        "refugee",
    ]
)


def may_count_people(noun: str) -> bool:
    """True when a counted noun may be a count of people (or is not said)."""
    if not noun:
        return True
    for head in noun.split():
        if any(rx.fullmatch(head) for _, rx in _ROLES):
            return True  # "80,000 dead", "80,000 death"
        if head in _PEOPLE or head.endswith(("ers", "ians", "ists", "ees")):
            return True
    return False


# what one witness saw ("had seen \"dozens of dead\""): a part of the whole
SEEN = re.compile(r"\b(?:seen|saw|see|sees|witnessed)\s+[\"“']?$", re.IGNORECASE)
# a count of people from one named locality: a part of the event's whole
FROM_LOCALITY = re.compile(
    r"\s+(?:[a-z]+\s+)?(from\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,2}(?:village|town|city|district|"
    r"province|county|region|neighbou?rhood|hospital)|from\s+the\s+(?:village|town|city|district|"
    r"province|county|region)\s+of\s+[A-Z][\w'-]*)"
)
