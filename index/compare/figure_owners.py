"""Whose figure it is: the person, owner or event a figure is said of, so that two figures of
two of them are not set against each other (:mod:`index.compare.figure_conflicts`).

Each rule was met on report pairs and measured on conflicts_dev and the 450 same-story WikiNews
pairs (README, "How the comparison decides"): two sentences opening with two people's names
("Jordan will stand trial on eight counts" / "Cardona ... nine counts"), a figure said of a name
after it ("a $70 million contract for J. D. Drew") or owned by a word before it ("the corps's five
members"), two degrees of harm ("four villages destroyed" / "7 damaged"), and the quake against its
aftershock. Lexicons are generic, never the words of one story.
"""

from __future__ import annotations

import re

from index.compare.figures import Figure
from index.compare.readings import Reading
from index.compare.words import stem

__all__ = [
    "a_rule",
    "bracketed_owner",
    "other_agents",
    "other_brackets",
    "other_harm",
    "other_stage",
    "other_subjects",
    "owned_elsewhere",
    "possessed",
    "shock",
    "span",
]


def span(r: Reading, f: Figure) -> tuple[int, int]:
    """Where figure ``f`` is written in its sentence (the number and its unit)."""
    m = re.match(
        r"[\w.,$%€£¥-]+(?:\s+(?:[a-z]+\s+)?(?:miles?|km|kilomet\w+|years?|months?|"
        r"weeks?|days?|hours?|minutes?|million|billion|feet|metres?|meters?))?",
        r.text[f.start :],
    )
    return f.start, f.start + (len(m.group(0)) if m else 1)


_FOR = re.compile(r"[^.;:]{0,40}?\b(?:for|with)\s+((?:[A-Z][\w'-]*\.?\s*)*[A-Z][a-z][\w'-]*)")


_POSSESSOR = re.compile(r"([^\W\d_]{3,})['’]s?\s+$")


def possessed(r: Reading, f: Figure, other: Reading) -> bool:
    """Whether a figure is owned by a word right before it ("the corps's five members") that the
    other sentence does not name."""
    lo = max(0, f.start - 30)
    if r.text.find("'", lo, f.start) < 0 and r.text.find("’", lo, f.start) < 0:
        return False  # (no apostrophe: no possessive)
    m = _POSSESSOR.search(r.text, lo, f.start)
    return m is not None and stem(m.group(1).lower()) not in other.stems


def owned_elsewhere(r: Reading, f: Figure, other: Reading) -> bool:
    """Whether a figure is said of a name right after it ("a $70 million contract for J. D.
    Drew") that the other sentence does not name, while that one names someone of its own."""
    m = _FOR.match(r.text, span(r, f)[1])
    if not m:
        return False
    owner = stem(m.group(1).split()[-1].lower())
    return owner not in other.stems and bool((other.names | {other.subject}) - r.names - {""})


_HARM = frozenset(
    stem(w)
    for w in "destroyed damaged hit affected flattened razed collapsed levelled leveled".split()
)


def _harm(f: Figure) -> frozenset[str]:
    return frozenset(s for s in map(stem, f.context[:7]) if s in _HARM)


def other_harm(x: Figure, y: Figure) -> bool:
    """Two counts of things each told with another degree of harm ("four villages had been
    destroyed" / "7 Villages Damaged", "badly hit"): two measures, not one."""
    if x.dim != "count" or x.role:
        return False
    hx, hy = _harm(x), _harm(y)
    return bool(hx and hy and not hx & hy)


def shock(r: Reading) -> int:
    """1 when a sentence tells an aftershock and not the quake, -1 the quake and no aftershock,
    else 0: a span or distance of one is not the other's."""
    after = not r.words.isdisjoint(_AFTER)
    main = not r.words.isdisjoint(_MAIN)
    return (after and not main) - (main and not after)


_AFTER = frozenset(["aftershock", "aftershocks"])
_MAIN = frozenset(["quake", "earthquake", "earthquakes", "quakes"])


# a sentence that opens with its speaker ("Roesler said", "State media reported")
_SPEAKS = re.compile(
    r"\W*[A-Z][\w'-]*\s+(?:[\w'-]+\s+){0,2}(?:said|says|told|reported|reports|added)\b"
)


def other_subjects(ra: Reading, rb: Reading) -> bool:
    """Whether two sentences open with two names, each absent from the other sentence: a span,
    an age or a count of things said of each is said of someone else (two defendants' counts)."""
    x, y = ra.subject, rb.subject
    if x and y:
        return x != y and x not in rb.stems and y not in ra.stems
    # one opens with a name the other lacks, the other names someone else and no name is shared
    # ("Jordan faces a maximum sentence of 22 years" / "The jury sentenced Graner to ten years")
    opener, other = (ra, rb) if x else (rb, ra)
    return bool(
        opener.subject
        and not _SPEAKS.match(opener.text)
        and opener.subject not in other.stems
        and other.names
        and not other.names & (opener.names | {opener.subject})
        and not other.names & opener.stems
    )


# the stages of a case: "charged with nine counts" and "convicted on two counts" are two measures
_STAGE = re.compile(
    r"\b(charged|indicted|accused|convicted|acquitted|cleared|sentenced|faces|facing|pleaded|"
    r"admitted)\b",
    re.IGNORECASE,
)
_STAGE_WORDS = frozenset(
    "charged indicted accused convicted acquitted cleared sentenced faces facing pleaded "
    "admitted".split()
)  # (every match of ``_STAGE`` and of ``_OWN_STAGE`` holds one as a whole run of letters)
_STAGE_OF = {"indicted": "charged", "accused": "charged", "cleared": "acquitted", "facing": "faces"}


def _stage(r: Reading, f: Figure) -> str:
    if r.runs is not None and r.runs.isdisjoint(_STAGE_WORDS):
        return ""  # (a plain text without any of the verbs)
    # a count with a verb of its own ("eleven soldiers were previously sentenced") takes that one
    after = _OWN_STAGE.match(r.text, f.start + len(f.text))
    hits = [after.group(1)] if after else _STAGE.findall(r.text, max(0, f.start - 40), f.start)
    word = hits[-1].lower() if hits else ""
    return _STAGE_OF.get(word, word)


_OWN_STAGE = re.compile(
    r"(?:\s+[\w-]+){0,6}?\s+(?:were|was|are|is|have been|has been|stand|stands)\s+(?:\w+ly\s+)?"
    + r"(charged|indicted|accused|convicted|acquitted|cleared|sentenced)\b",
    re.IGNORECASE,
)


def other_stage(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether two counts or spans are told at two stages of a case, the nearest such verb before
    each ("convicted on two counts" / "charged with nine counts")."""
    sx, sy = _stage(ra, x), _stage(rb, y)
    return bool(sx and sy and sx != sy)


# a figure in brackets after a name is that name's: "the Col du Lac (17 km at 7.2%)"
_BRACKETED = re.compile(r"([A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}|[A-Z][\w'’-]*)){0,4})\s*\(([^()]*)$")


def bracketed_owner(r: Reading, f: Figure) -> frozenset[str]:
    """The stem of the name a figure is bracketed after ("Port de Pailhères (17 km at 7.2%)"),
    or nothing when it is not in brackets after a name."""
    at = r.text.rfind("(", max(0, f.start - 40), f.start)
    if at < 0:
        return frozenset()
    m = _BRACKETED.search(r.text, max(0, at - 40), f.start)
    if not m or m.start(2) != at + 1:
        return frozenset()
    # (its last capitalised word: "Port de Pailhères" and "Port de Balès" share "Port")
    last = [w for w in m.group(1).split() if w[0].isupper() and len(w) > 2][-1:]
    return frozenset(stem(w.lower()) for w in last)


def other_brackets(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether two figures are each bracketed after its own name, the two names sharing nothing
    ("the Port de Pailhères (17 km at 7.2%)" / "the Col de Menté (7.0 km climb at 8.1%)"): a
    list of things, each with its own measure."""
    ox = bracketed_owner(ra, x)
    oy = bracketed_owner(rb, y) if ox else frozenset()
    return bool(ox and oy and not ox & oy)


# the agent of an act right before a figure: "the Nationals have offered Teixeira an 8-year",
# "The Orioles, according to reports, have offered Teixeira a seven-year deal", "The Indian navy
# has captured 23 pirates", "the Indian Navy claims they have captured 23 pirates" (a name, its
# capitalised words before it, and a body's lower-case head after them)
_AGENT = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+(?:\s+(?:navy|army|police|military|government|"
    r"forces|troops|coast\s+guard))?)(?:,[^,.;]{1,40},)?"
    r"(?:\s+(?:claims|says|said)\s+(?:that\s+)?(?:they|it))?"
    r"\s+(?:(?:have|has|had|was|were|is|are|will)\s+)?"
    r"([a-z]{3,}ed|(?:(?<=is )|(?<=are )|(?<=was )|(?<=were ))[a-z]{3,}ing|made|gave|paid|sought|won)"
    # (the act's object may hold a short appositive: "offered Teixeira, 28, an eight-year deal")
    r"\b(?:[^.;:,]|,[^,.;:]{1,12},){0,60}$"
)
# verbs that credit a figure to a source, not an act of its own (two outlets reporting two
# figures of one thing disagree: see figure_sources)
_SAYING = frozenset(
    stem(w) for w in "reported announced stated confirmed estimated quoted cited claimed".split()
)


def _agent(r: Reading, f: Figure) -> tuple[frozenset[str], str] | None:
    """The stems of the name doing the act a figure is the object of, and the act's stem, when
    the clause before the figure names them ("the Nationals have offered Teixeira an 8-year")."""
    # the agent of the act nearest the figure ("ESPN is reporting that the Nationals have offered
    # ... an 8-year": the Nationals), named in full ("the Indian Navy", not "Navy")
    m, at = None, max(0, f.start - 90)
    while (found := _AGENT.search(r.text, at, f.start)) is not None:
        if m is None or found.start(2) > m.start(2):
            m = found
        at = found.start() + 1
    if not m:
        return None
    words = [w.lower() for w in m.group(1).split()]
    while words and words[0] in _NO_AGENT:
        words = words[1:]  # ("The Indian navy": the article opens no name)
    if not words:
        return None
    act = stem(m.group(2))
    return None if act in _SAYING else (frozenset(stem(w) for w in words), act)


_OFFER_BY = re.compile(
    r"[\s-]*(?:years?|year\s*-\s*old)?[^.;:]{0,25}?\b(?:offers?|deals?|contracts?|bids?|proposals?)"
    r"\b[^.;:]{0,25}?\b(?:from|by)\s+(?:the\s+)?((?:[A-Z][\w'’-]+\s+){0,3}[A-Z][\w'’-]+)"
)
_JOINED = re.compile(r"\s*(?:and|or|to|-)\s*$")


def _agent_of(r: Reading, f: Figure) -> tuple[frozenset[str], str] | None:
    """:func:`_agent`, or that of the figure a range or a pair joins it to ("worth between $140
    million and $150 million": the Orioles' both)."""
    found = _agent(r, f)
    if found is not None:
        return found
    # an offer whose agent follows it ("an eight-year offer on the table from the Red Sox",
    # "the eight-year offers by the Angels")
    after = _OFFER_BY.match(r.text, span(r, f)[1])
    if after is not None:
        words = [w.lower() for w in after.group(1).split()]
        return frozenset(stem(w) for w in words), stem("offer")
    for g in r.figs:
        if g.dim == f.dim and g.start < f.start:
            gap = r.text[span(r, g)[1] : f.start]
            if len(gap) <= 8 and _JOINED.match(gap.lstrip(" ,")) is not None:
                return _agent(r, g)
    return None


_NO_AGENT = frozenset(["the", "a", "an", "it", "he", "she", "they", "early", "late", "on", "in"])


def other_agents(ra: Reading, x: Figure, rb: Reading, y: Figure) -> bool:
    """Whether two figures are the objects of acts done by two named agents: two acts
    ("Teixeira is seeking a 10-year contract" / "the Nationals made Teixeira an eight-year
    offer": a demand and an offer), or one act by agents each absent from the other sentence
    ("the Nationals have offered ... an 8-year" / "The Orioles ... have offered ... a seven-year
    deal"; "The Indian navy has captured 23 pirates" / "the British Royal Navy had captured eight
    pirates": the words that tell the two apart)."""
    ax = _agent_of(ra, x)
    ay = _agent_of(rb, y) if ax else None
    if not (ax and ay) or ax[0] == ay[0]:
        return False
    own_x, own_y = ax[0] - ay[0], ay[0] - ax[0]
    if ax[0] & ay[0] and not (own_x and own_y):
        return False  # "the Navy" / "the Indian Navy": one agent, named more fully
    return ax[1] != ay[1] or (not own_x & rb.stems and not own_y & ra.stems)


# a rule's number, not an event's: "elections can only be declared valid with a turnout of more
# than 50 percent", "it is required to be in touch ... within a 15-nautical-mile radius", "under
# Turkmen law", "the legal limit" (not "a minimum of 10 died", a hedge, nor "we must help", a wish)
_RULE = re.compile(
    r"\b(?:can only|could only|may only|only (?:be )?valid|(?:is|are|be|was|were) required|"
    r"requires?|threshold|quorum|legal limit|by law|under (?:\w+ ){0,2}laws?|"
    r"must be (?:at least|more|less|no|within|above|below))\b",
    re.IGNORECASE,
)


def a_rule(r: Reading) -> bool:
    """Whether a sentence states a rule, a requirement or a legal threshold (its figures are the
    rule's: a turnout "more than 50 percent" required, against a turnout of 93.87 percent)."""
    return bool(_RULE.search(r.text))
