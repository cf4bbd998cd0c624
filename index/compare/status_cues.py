"""Cues of a sentence's status and certainty, the fates it tells, whom it credits (read by
:mod:`index.compare.credits`), and what it denies.

``read_cues`` reads them from one sentence (for :func:`index.compare.readings.cues`, on first use);
``FATES`` and ``denials`` serve the claim rules of :mod:`index.compare.claim_conflicts`.
Each cue's search runs only when a word it needs is there. Lexicons are generic, never the words of one story.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache

from index.compare.credits import credited_names
from index.compare.words import IRREGULAR_PARTICIPLES, STOP, stem

__all__ = ["FATES", "Cues", "denials", "read_cues"]

# --- status and certainty cues ------------------------------------------------------------------------

_PROSPECTIVE = re.compile(
    # (not a negated one: "the death toll was not expected to rise" says nothing will happen)
    r"(?<!\bnot )(?<!\bnever )(?<!\bno longer )\b(?:undergoing training|being trained|in training|training|to be deployed|could (?:\w+ )?be "
    r"deployed|potential deployment|preparing|prepare|plans? to|set to|rumou?red to|expected to|"
    r"will be sent|would be sent)\b",
    re.IGNORECASE,
)
_ACTUAL = re.compile(
    r"\b(?:ha(?:ve|s) joined|joined the (?:conflict|war|fighting|battle)|fought|fighting alongside|"
    r"engag(?:ed|ing) in (?:combat|battle|fighting|their first)|combat operations|first (?:clash|"
    r"battles?)|clash(?:ed)? with|were killed)\b"
    r"|\b(?:ha(?:ve|s) been (?:sent|deployed)|ha(?:ve|s) sent|arrived|began (?:their|fighting|"
    r"arriving)|begun)\b",
    re.IGNORECASE,
)


def _actual(text: str) -> re.Match[str] | None:
    """The strongest cue that a prospective event has happened (fighting before arriving)."""
    hits = list(_ACTUAL.finditer(text))
    strong = [
        h
        for h in hits
        if h.lastindex is None
        and not re.match(
            r"ha(?:ve|s) (?:been )?(?:sent|deployed)|arrived|began|begun", h.group(0), re.IGNORECASE
        )
    ]
    return strong[0] if strong else (hits[0] if hits else None)


_HEDGED = re.compile(
    r"\b(?:rumou?red|reportedly|allegedly|alleged|unconfirmed|unverified|if verified|suspected|"
    r"believed to|thought to|possibl[ey]|potentially|considering|could have|may have|might have|"
    r"speculat\w*|unclear|not yet (?:known|confirmed))\b",
    re.IGNORECASE,
)
_CONFIRMED = re.compile(
    r"\b(?:confirmed|confirms|verified|officially|acknowledged|deliberately|intentionally)\b",
    re.IGNORECASE,
)
# Two accounts of one fate: (cue of one side, cue of the other, how to say it).
FATES = [
    (
        # (not "rescue teams", "rescue workers", "rescue efforts": who rescues, not who was)
        re.compile(
            r"\brescu\w+(?!\s+(?:teams?|workers?|efforts?|operations?|crews?|services?|"
            r"missions?|officials?|helicopters?|dogs?|personnel|squads?|units?|boats?|ships?|"
            r"vessels?|cent(?:er|re)s?|equipment|work)\b)",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:captur\w+|apprehend\w*|arrest\w*|detain\w*|nabb\w+|seiz\w+ the)\b", re.IGNORECASE
        ),
        "rescued",
        "captured",
    ),
    (
        re.compile(r"\b(?:at|on) the scene\b|\bkilled instantly\b", re.IGNORECASE),
        re.compile(
            r"\b(?:on the way to|en route to|later (?:at|in)|at|in) (?:the |a )?hospital\b",
            re.IGNORECASE,
        ),
        "died at the scene",
        "died on the way to or in hospital",
    ),
    (
        # someone let go, against someone held: "was released without charge" / "was arrested"
        # (a passive or "freed": "police released the names" lets no one go)
        re.compile(
            r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+|later\s+|then\s+)?"
            r"(?:released|freed|let\s+go)\b|\bfreed\b",
            re.IGNORECASE,
        ),
        re.compile(
            r"\b(?:was|were|been|being|is|are|remains?|remained)\s+(?:\w+ly\s+|later\s+|then\s+)?"
            r"(?:arrested|detained|held|jailed|taken\s+into\s+custody)\b|\bin\s+custody\b",
            re.IGNORECASE,
        ),
        "released",
        "held",
    ),
    (
        # one charge's verdict: "acquitted him of money laundering" / "was convicted of money
        # laundering" (compared only where the charges meet: :mod:`index.compare.act_conflicts`)
        re.compile(r"\b(?:acquitt\w+|found\s+not\s+guilty|cleared)\s+(?:\w+\s+)?(?:of|on)\b", re.I),
        re.compile(r"\b(?:convict\w+|found\s+guilty)\s+(?:\w+\s+)?(?:of|on)\b", re.I),
        "acquitted",
        "convicted",
    ),
    (
        # a defeat conceded, against a refusal to concede it ("refused to concede", "has not
        # conceded"; one person's: :mod:`index.compare.act_conflicts`)
        re.compile(r"(?<!\bnot )(?<!\bnever )(?<!\byet )\bconceded\b", re.I),
        re.compile(
            r"\b(?:refus\w*|declin\w*|(?:has|have|had|did)\s+not|never|yet)\s+(?:to\s+)?"
            r"conced(?:e|ed)\b",
            re.I,
        ),
        "conceded",
        "refused to concede",
    ),
]


# A denial of an act: "no tsunami warning was issued", "she never entered the clinic".
_DENIAL = re.compile(
    r"\b(?:[Nn]o|[Nn]ever|[Nn]ot|[Nn]either)\s+((?:[a-z]+\s+){0,3}?)(?:was|were|been|be|have|has|had)?\s*"
    rf"([a-z]{{3,}}ed|{IRREGULAR_PARTICIPLES})\b"
)


@lru_cache(maxsize=8192)
def denials(text: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    """Each denied act of a sentence: its verb's stem, the stems of what it denies, as written
    (a sentence meets many others: read once)."""
    out = []
    for m in _DENIAL.finditer(text):
        what = frozenset(stem(w) for w in m.group(1).split() if w not in STOP and len(w) > 2)
        if not what and not (
            _AUX.search(m.group(0)) or _AUX_BEFORE.search(text, max(0, m.start() - 8), m.start())
        ):
            # "she never entered Morningside": a place or person named after an active verb
            after = _OBJECT.match(text, m.end())
            if after:
                what = frozenset(stem(w.lower()) for w in after.group(1).split())
        out.append((stem(m.group(2)), what, m.group(0)))
    return tuple(out)


# the object of a denied act, up to three words before a stop word or a mark ("entered the
# clinic", "entered Morningside")
_OBJECT = re.compile(r"\s+(?:the\s+)?((?:[A-Z][\w'-]{2,}\s*){1,3})")
# a passive ("were not released", "has not been confirmed") names what it denies before it
_AUX = re.compile(r"\b(?:was|were|been|be|is|are)\s+[a-z]+ed$")
_AUX_BEFORE = re.compile(r"\b(?:was|were|been|be|is|are)\s+$")

ACTS: dict[str, re.Pattern[str]] = {
    # one act in other words: to check into a place, or be admitted to it, is to enter it
    "enter": re.compile(
        r"\b(?:check(?:ed|s)\s+(?:\w+self\s+)?in(?:to)?|(?:was|were|been)\s+admitted\s+to)\b",
        re.IGNORECASE,
    ),
}
"""Denied verbs (stems) -> the same act told in other words."""


# Word beginnings of which every match of a cue holds one: without any, the search is skipped.
# the words that can tell a fate (rescued, captured, at the scene, in hospital, released, held):
# stems any word may start with, and whole words
_FATE_STEMS = (
    "rescu",
    "captur",
    "apprehend",
    "arrest",
    "detain",
    "nabb",
    "seiz",
    "releas",
    "jail",
    "charg",
    "custod",
    "acquit",
    "convict",
    "guilt",
    "clear",
    "conced",
)
_FATE_WORDS = ("scene", "instantly", "hospital", "freed", "let", "held")
_GATES = {
    "prospective": ("train", "deploy", "prepar", "plan", "set", "rumo", "expect", "sent"),
    "actual": (
        "join",
        "fought",
        "fight",
        "engag",
        "combat",
        "clash",
        "battle",
        "kill",
        "sent",
        "deploy",
        "arriv",
        "began",
        "begun",
    ),
    "hedged": (
        "rumo",
        "report",
        "alleg",
        "unconfirm",
        "unverif",
        "verifi",
        "suspect",
        "believ",
        "thought",
        "possib",
        "potential",
        "consider",
        "have",
        "speculat",
        "unclear",
        "known",
        "confirm",
    ),
    "confirmed": ("confirm", "verifi", "official", "acknowledg", "deliberate", "intentional"),
    "fate": (*_FATE_STEMS, *_FATE_WORDS),
    "source": ("said", "says", "told", "stated", "reported", "announced", "confirmed", "according"),
}

# every word beginning, longest first, and the gates it opens (a longer one opens the shorter's)
_PREFIXES = sorted({p for ps in _GATES.values() for p in ps}, key=len, reverse=True)
_GATE_OF = {
    p: frozenset(k for k, ps in _GATES.items() for q in ps if p.startswith(q)) for p in _PREFIXES
}
_GATE_RX = re.compile(r"\b(?:" + "|".join(_PREFIXES) + ")")


class Cues:
    """The status, certainty, fate and source cues of one sentence's text, each searched on first
    use and only when a word it needs is there (most sentences meet a claim rule that reads one
    or two of them: a status against a status, a fate against a fate)."""

    __slots__ = ("_certainty", "_fates", "_has", "_sources", "_status", "_text")

    def __init__(self, text: str, runs: AbstractSet[str] | None = None) -> None:
        self._text = text
        self._has: _Gates
        if runs is None:
            opened: set[str] = set()
            for m in _GATE_RX.finditer(text.lower()):
                opened |= _GATE_OF[m.group(0)]
            self._has = opened
        else:
            self._has = _WordGates(runs)
        self._status: tuple[re.Match[str] | None, re.Match[str] | None] | None = None
        self._fates: tuple[tuple[re.Match[str] | None, re.Match[str] | None], ...] | None = None
        self._certainty: tuple[re.Match[str] | None, re.Match[str] | None] | None = None
        self._sources: frozenset[str] | None = None

    def _read_status(self) -> tuple[re.Match[str] | None, re.Match[str] | None]:
        if self._status is None:
            t, has = self._text, self._has
            self._status = (
                _PROSPECTIVE.search(t) if "prospective" in has else None,
                _actual(t) if "actual" in has else None,
            )
        return self._status

    @property
    def prospective(self) -> re.Match[str] | None:
        """A cue that the event has not happened yet ("undergoing training", "set to")."""
        return self._read_status()[0]

    @property
    def actual(self) -> re.Match[str] | None:
        """The strongest cue that it has happened ("have joined", "fought")."""
        return self._read_status()[1]

    @property
    def fates(self) -> tuple[tuple[re.Match[str] | None, re.Match[str] | None], ...]:
        """For each of ``FATES``, the cue of its one side and of its other side."""
        if self._fates is None:
            t = self._text
            self._fates = tuple(
                (one.search(t), other.search(t)) if "fate" in self._has else (None, None)
                for one, other, _, _ in FATES
            )
        return self._fates

    @property
    def any_fate(self) -> bool:
        """Whether any fate (rescued, captured, dead at the scene ...) is told."""
        return "fate" in self._has and any(one or other for one, other in self.fates)

    def _read_certainty(self) -> tuple[re.Match[str] | None, re.Match[str] | None]:
        if self._certainty is None:
            t, has = self._text, self._has
            self._certainty = (
                _HEDGED.search(t) if "hedged" in has else None,
                _CONFIRMED.search(t) if "confirmed" in has else None,
            )
        return self._certainty

    @property
    def hedged(self) -> re.Match[str] | None:
        """A hedge ("reportedly", "suspected", "may have")."""
        return self._read_certainty()[0]

    @property
    def confirmed(self) -> re.Match[str] | None:
        """A confirmation ("confirmed", "officially", "deliberately")."""
        return self._read_certainty()[1]

    @property
    def sources(self) -> frozenset[str]:
        """The names the sentence credits with its claim."""
        if self._sources is None:
            self._sources = (
                frozenset(credited_names(self._text)) if "source" in self._has else frozenset()
            )
        return self._sources


def read_cues(t: str, runs: AbstractSet[str] | None = None) -> Cues:
    """The status, certainty, fate and source cues of one sentence's text (each searched on first
    use, and only when a word it needs is there). ``runs``, when given, are the text's maximal
    runs of letters in lower case, for a text whose other characters are ASCII or typographic
    punctuation (:func:`index.compare.readings.letter_runs`): each cue is then searched only when
    one of the very words its matches hold is there, a narrower test than word beginnings."""
    return Cues(t, runs)


# For each cue, the words one of which every match holds as a whole run of letters, and the
# beginnings of such a run (a match of "\\brescu\\w+" begins a run with "rescu"): in a text of
# ASCII letters a pattern's word boundaries fall exactly where these runs begin and end.
_WORD_GATES: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "prospective": (
        frozenset(
            "training trained deployed deployment preparing prepare plan plans set rumored "
            "rumoured expected sent".split()
        ),
        (),
    ),
    "actual": (
        frozenset(
            "joined fought fighting engaged engaging combat first clash clashed killed sent "
            "deployed arrived began begun".split()
        ),
        (),
    ),
    "hedged": (
        frozenset(
            "rumored rumoured reportedly allegedly alleged unconfirmed unverified verified "
            "suspected believed thought possible possibly potentially considering could may "
            "might unclear yet".split()
        ),
        ("speculat",),
    ),
    "confirmed": (
        frozenset(
            "confirmed confirms verified officially acknowledged deliberately intentionally".split()
        ),
        (),
    ),
    "fate": (frozenset(_FATE_WORDS), _FATE_STEMS),
    "source": (
        frozenset("said says told stated reported announced confirmed according".split()),
        (),
    ),
}
if _WORD_GATES.keys() != _GATES.keys():
    raise ValueError("every cue needs its word gate (see _WORD_GATES)")


class _WordGates:
    """The cues a text's runs of letters open, each tested on first use."""

    __slots__ = ("_known", "_runs")

    def __init__(self, runs: AbstractSet[str]) -> None:
        self._runs = runs
        self._known: dict[str, bool] = {}

    def __contains__(self, kind: object) -> bool:
        if not isinstance(kind, str):
            return False
        found = self._known.get(kind)
        if found is None:
            words, starts = _WORD_GATES[kind]
            found = not words.isdisjoint(self._runs) or bool(
                starts and any(w.startswith(starts) for w in self._runs)
            )
            self._known[kind] = found
        return found


_Gates = set[str] | _WordGates
