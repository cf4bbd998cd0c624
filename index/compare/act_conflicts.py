"""Disagreements about an act told by two sentences: a person's fate told two ways (rescued or
captured, dead at the scene or on the way to hospital) and an act one report denies and the other
states ("no tsunami warning was issued" / "a tsunami alert was issued").

Each function answers ``(kind, detail, strength)`` findings for one pair of sentence readings at a
closeness ``c``, as :mod:`index.compare.claim_conflicts` does; :func:`index.compare.conflicts.find`
runs them only when both sentences can tell their kind (:func:`tells_fate`, :func:`may_deny`).
"""

from __future__ import annotations

import re

from index.compare.numbers import NUMBER_WORDS
from index.compare.readings import Reading, cues
from index.compare.status_cues import ACTS, FATES, denials
from index.compare.words import STOP, stem

__all__ = ["Told", "conditional", "denial_conflicts", "fate_conflicts", "may_deny", "tells_fate"]

Told = tuple[str, str, float]
"""A disagreement found in one pair of sentences: its kind, what it says, and its strength."""


_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PATIENT_WORD = re.compile(r"\d[\d,.]*|[^\W\d_]{3,}")


def _patient(r: Reading, cue: re.Match[str]) -> set[str]:
    """Whom an act is done to: the noun phrase after its verb ("rescued 26 Somali crewmembers"),
    or before it when the verb is passive ("the hostages were rescued"), up to a stop word; a
    count under ten left out (a few says not who; "26" does)."""
    before = r.text[: cue.start()]
    passive = _PASSIVE.search(before)
    if passive:
        words = _PATIENT_WORD.findall(before[: passive.start()])[::-1]
    else:
        words = _PATIENT_WORD.findall(r.text[cue.end() :])
    out: set[str] = set()
    for w in words[:6]:
        low = w.lower()
        if low in STOP:
            if out:
                break  # the phrase ends at its first stop word ("23 pirates in the Gulf")
            continue  # ("the hostages")
        if low in NUMBER_WORDS or (w.isdigit() and int(w) < 10):
            continue  # a few says not who: "rescued two cargo vessels" / "captured two boats"
        out.add(w if w[0].isdigit() else stem(low))  # ("26 Somali pirates": a count that says)
        if len(out) == 4:
            break
    return out


def _same_patient(
    x: Reading, cx: re.Match[str] | None, y: Reading, cy: re.Match[str] | None
) -> bool:
    """Whether two acts (rescued, captured) are done to the same people or thing."""
    if cx is None or cy is None:
        return True
    return bool(_patient(x, cx) & _patient(y, cy))


_IF = re.compile(r"^\W*(?:if|unless|whether)\b|\bif (?:it|they|he|she) (?:is|are|was|were)\b", re.I)


def conditional(r: Reading) -> bool:
    """Whether a sentence states a condition ("If it is proven that ..."), read once."""
    if r.conditional is None:
        r.conditional = _IF.search(r.text) is not None
    return r.conditional


_NEGATIONS = frozenset(["no", "not", "never", "neither", "nor", "none", "without", "nobody"])
_IF_BEFORE = re.compile(r"\b(?:if|unless|whether)\s+$", re.IGNORECASE)


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _negated(r: Reading, said: frozenset[str] | set[str]) -> bool:
    """Whether a negation stands within four words of a word of ``said`` in ``r`` (a "not"
    elsewhere, "she was not happy with the place", denies something else)."""
    if r.words.isdisjoint(_NEGATIONS) and "yet" not in r.words:
        return False
    words = [w.lower() for w in _TOKEN.findall(r.text)]
    near = [n for n, w in enumerate(words) if stem(w) in said]
    # ("the cause has yet to be determined" does not state a cause either)
    no = _NEGATIONS | {"yet"}
    return any(words[k] in no for n in near for k in range(max(0, n - 4), min(len(words), n + 5)))


_CAUSE = {
    w: family
    for family, words in {
        "quake": "quake quakes earthquake earthquakes tremor tremors",
        "aftershock": "aftershock aftershocks",
        "tsunami": "tsunami tsunamis wave waves",
        "rain": "rain rains rainfall downpour downpours",
        "storm": "storm storms hurricane typhoon cyclone winds",
        "flood": "flood floods flooding",
        "fire": "fire fires blaze blazes wildfire",
        "blast": "blast blasts explosion explosions bomb bombs",
    }.items()
    for w in words.split()
}


def _causes(r: Reading) -> frozenset[str]:
    """The kinds of event (quake, aftershock, tsunami, rain ...) a sentence names: a harm denied
    of one is not denied of another."""
    return frozenset(_CAUSE[w] for w in r.words & _CAUSE.keys())


_AUX_END = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+$", re.IGNORECASE)


def _passive_subject(text: str, written: str) -> frozenset[str]:
    """What a passive denial is said of: the content words of its clause before "was not ..."
    ("The urban centre of Pichilemu was not severely damaged"), else nothing."""
    at = text.find(written)
    if at < 0 or not _AUX_END.search(text, max(0, at - 12), at):
        return frozenset()
    clause = re.split(r"[,;:]", text[:at])[-1]
    return frozenset(
        stem(w.lower()) for w in _TOKEN.findall(clause)[-5:] if w.lower() not in STOP
    ) - {"wa", "were", "is", "are", "ha", "been", "had"}


def may_deny(r: Reading) -> bool:
    """Whether a sentence denies some act (``denial_conflicts`` finds nothing in a pair of
    sentences neither of which does)."""
    return not r.words.isdisjoint(_DENY_WORDS) and bool(denials(r.text))


_DENY_WORDS = frozenset(["no", "never", "not", "neither"])


def tells_fate(r: Reading) -> bool:
    """Whether a sentence tells a fate (``fate_conflicts`` needs one on both sides)."""
    return cues(r).any_fate


# an act denied so far ("no decision had yet been made"; "not yet certain what caused" states
# an uncertainty, against a certainty: kept)
_NOT_YET_DONE = re.compile(r"\byet\s+(?:been|be)\b", re.IGNORECASE)


def denial_conflicts(x: Reading, y: Reading, c: float) -> list[Told]:
    """One report denies an act the other states: the same verb, about the same thing."""
    out: list[Told] = []
    for side, r, other in (("A", x, y), ("B", y, x)):
        if r.words.isdisjoint(_DENY_WORDS):
            continue
        denied = denials(r.text)
        if not denied:
            continue  # (the cheapest test first: most negations deny no act)
        if conditional(other):
            continue  # "If science can not draw a link between an action and an effect": no act
        causes, other_causes = _causes(r), _causes(other)
        if causes and other_causes and not causes & other_causes:
            continue  # "no damage provoked by the aftershock" / "the tsunami provoked damage"
        for verb, what, written in denied:
            if _NOT_YET_DONE.search(written):
                continue  # "no decision had yet been made": not so far, a later telling may
            if _negated(other, what | {verb}):
                continue  # both deny it ("no damages reported" / "no reports of damage")
            subject = _passive_subject(r.text, written)
            if subject and not subject & other.stems:
                continue  # "Pichilemu was not severely damaged" / "Lolol was severely damaged"
            at = r.text.find(written)
            if _IF_BEFORE.search(r.text, max(0, at - 12), at if at >= 0 else 0):
                continue  # "if no agreement is reached": a condition, not a denial
            if at >= 0 and _other_time(r, at + len(written), other):
                continue  # "No shots were fired when Orozco was taken into custody"
            done = verb in other.stems or (verb in ACTS and ACTS[verb].search(other.text))
            if (
                done
                and what & other.stems
                and not denials(other.text)
                and _done_to(other, verb, what)
            ):
                said = "B" if side == "A" else "A"
                out.append(
                    (
                        "status",
                        f"{side} denies it ('{written}'); {said} states it",
                        0.35 + c,
                    )
                )
                return out
    return out


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NEAR = 5  # words from an act's verb to what it is done to ("reported that the storm had damaged")


def _done_to(r: Reading, verb: str, what: frozenset[str]) -> bool:
    """Whether a sentence tells the act ``verb`` of ``what``: a word of it within a few words of
    the verb, as a denial names it ("No damage was reported" is not told by "The rains have
    damaged some roads in Pichilemu, Wikinews' Diego Grez reported", nor "No shots were fired
    when Orozco was taken into custody" by "was fatally shot Friday when a gunman ... fired")."""
    words = [(m.start(), stem(m.group(0).lower())) for m in _WORD.finditer(r.text)]
    acts = [k for k, (_, s) in enumerate(words) if s == verb]
    if verb in ACTS:  # the act in other words ("checked into" for "entered")
        for m in ACTS[verb].finditer(r.text):
            acts += [k for k, (at, _) in enumerate(words) if m.start() <= at < m.end()][-1:]
    return any(s in what for k in acts for _, s in words[max(0, k - _NEAR) : k + _NEAR + 1])


# a clause that says when the denied act did not happen
_WHEN_CLAUSE = re.compile(
    r"\s*,?\s*(?:when|while|during|as|after|before)\s+([^,;.]+)", re.IGNORECASE
)


def _other_time(r: Reading, end: int, other: Reading) -> bool:
    """Whether a denial ending at ``end`` is told of a time its own clause names ("No shots were
    fired when Orozco was taken into custody") that the other sentence does not tell (no word of
    it but names): "He fired just one shot" is the killing's, not the arrest's."""
    m = _WHEN_CLAUSE.match(r.text, end)
    if m is None:
        return False
    told = {
        stem(w.lower())
        for w in _WORD.findall(m.group(1))
        if not w[0].isupper() and w.lower() not in STOP and len(w) > 2
    }
    return bool(told) and not told & other.stems


_THING_RELEASED = re.compile(
    r"\b(?:autops\w+|reports?|statements?|results?|videos?|footage|names?|details|data|figures|"
    r"findings|lists?|documents?|records?|stud(?:y|ies)|photos?|photographs?|images?|tapes?|"
    r"transcripts?|albums?|films?|movies?|books?|songs?|versions?|updates?|games?|funds?|"
    r"money|information|evidence|emails?|letters?|recordings?)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


def _a_thing_let_go(r: Reading, cue: re.Match[str] | None) -> bool:
    """Whether what "was released" is a thing made public, no one freed ("the autopsy report
    was released", "the names of the victims were released")."""
    return cue is not None and bool(_THING_RELEASED.search(r.text, 0, cue.start()))


# words that name no charge in particular ("a separate charge of", "two counts of")
_NO_CHARGE = frozenset(stem(w) for w in "charge charges count counts separate other all".split())
_CHARGE_WORD = re.compile(r"[^\W\d_]{3,}")
_NAME_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")


def _one_charge(x: Reading, cx: re.Match[str] | None, y: Reading, cy: re.Match[str] | None) -> bool:
    """Whether two verdicts are of one charge: a content word of the six after each verb's
    "of" in common ("acquitted him of a separate charge of money laundering" / "was convicted of
    money laundering as well as ...")."""

    def charge(r: Reading, cue: re.Match[str]) -> set[str]:
        words = _CHARGE_WORD.findall(r.text[cue.end() : cue.end() + 60])[:6]
        return {stem(w.lower()) for w in words if w.lower() not in STOP} - _NO_CHARGE

    return cx is not None and cy is not None and bool(charge(x, cx) & charge(y, cy))


def _one_doer(x: Reading, cx: re.Match[str] | None, y: Reading, cy: re.Match[str] | None) -> bool:
    """Whether two acts are told of one person: the last name before each verb ("Kos conceded
    defeat" / "Kos refused to concede"), the same in both."""
    if cx is None or cy is None:
        return False
    nx = _NAME_WORD.findall(x.text, 0, cx.start())
    ny = _NAME_WORD.findall(y.text, 0, cy.start())
    return bool(nx and ny and nx[-1] == ny[-1])


def fate_conflicts(x: Reading, y: Reading, c: float) -> list[Told]:
    """Two accounts of one fate (rescued or captured, dead at the scene or on the way)."""
    out: list[Told] = []
    cx, cy = cues(x), cues(y)
    if not (cx.any_fate and cy.any_fate):
        return out  # a fate told on one side only: nothing to set against it
    for n, ((_, _, say_one, say_other), (a1, a2), (b1, b2)) in enumerate(
        zip(FATES, cx.fates, cy.fates, strict=True)
    ):
        if n == 3:
            if not _one_charge(x, a1 or a2, y, b1 or b2):
                continue  # "acquitted of robbery" / "convicted of murder": two charges
        elif n == 4:
            if not _one_doer(x, a1 or a2, y, b1 or b2):
                continue  # "Kos conceded" / "Novak refused to concede": two candidates
        elif n != 1 and not _same_patient(x, a1 or a2, y, b1 or b2):
            continue  # "captured 23 pirates" and "rescued the ship" are two acts, both true
        if n == 2 and (_a_thing_let_go(x, a1) or _a_thing_let_go(y, b1)):
            continue  # "an autopsy of the 16-year-old was released": a report, no one freed
        if a1 and not a2 and b2 and not b1:
            out.append(
                (
                    "status",
                    f"A says {say_one} ('{a1.group(0)}'); B says {say_other} ('{b2.group(0)}')",
                    0.35 + c,
                )
            )
        elif a2 and not a1 and b1 and not b2:
            out.append(
                (
                    "status",
                    f"A says {say_other} ('{a2.group(0)}'); B says {say_one} ('{b1.group(0)}')",
                    0.35 + c,
                )
            )
    return out
