"""One act named in other words, told as a fact by one report and as a possibility (or denied)
by the other: "a fire that was deliberately set" / "investigators were considering arson".

The two sentences may share no word ("arson" is not "deliberately set"), so the pair-by-pair
closeness of :mod:`index.compare.conflicts` never brings them together. Each report's mentions of
an act are read at once instead: each mention is a *fact*, a *possibility* (a hedge before it,
"considering arson", "possible arson", "may have been deliberately set", or after it, "arson is
suspected", "arson has not been ruled out") or a *denial* ("was not arson", "ruled out arson"); a
charge ("charged with arson", "on suspicion of arson") says what someone is accused of and is
none of them. A report that tells an act both as a fact and as a possibility tells the story
moving, and is set against nothing: only a report that tells it one way throughout disagrees with
one that tells it the other way throughout. The acts are few and generic (arson, suicide, wreckage
found: "search teams had recovered ... wreckage" / "neither have recovered any debris"); each is
matched by its name and the phrases news use for it, never the words of one story. A mention told
as past news ("had previously said", "a statement on June 2 saying") is the other report's, not
this one's.

Measured on conflicts_dev (2026-11-29): the arson, debris gold found, no agreement flagged; on the
450 WikiNews pairs two debris findings (both true); on the 2,437 same-story ECB+ pairs of topics
1-20, arson as a fact against arson as a possibility across one story's reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.compare.readings import Reading

__all__ = ["named_act_conflicts"]

# act -> a pattern of the ways news name it
_ACTS = {
    "arson": re.compile(
        r"\barson(?:ist)?s?\b"
        r"|\b(?:deliberately|intentionally|purposely|purposefully|wilfully|willfully)\s+"
        r"(?:been\s+)?(?:set|started|lit)\b"
        r"|\b(?:set|started|lit)\s+(?:deliberately|intentionally|on purpose)\b",
        re.IGNORECASE,
    ),
    # (not "suicide bombers", "suicide watch": another act, or none)
    "suicide": re.compile(
        r"\bsuicide\b(?!\s*[-]?\s*(?:bomb\w*|attack\w*|watch|vests?|belts?|missions?|"
        r"prevention|hotlines?|risks?|rates?|notes?|squads?|pacts?|attempts?|bids?))"
        r"|\bkill(?:ed|ing)\s+(?:him|her|them)sel(?:f|ves)\b"
        r"|\b(?:took|taken|taking|take)\s+(?:his|her|their)\s+own\s+li(?:fe|ves)\b",
        re.IGNORECASE,
    ),
    # wreckage recovered, or identified as the craft's ("confirmed ... to be from Flight 447"):
    # debris as the object or subject of the verb, not where something else was found ("bodies
    # recovered from the debris"); spotting it from the air is not finding it
    "finding wreckage": re.compile(
        r"\b(?:recovered|retrieved|found|located|collected|picked up|confirmed|identified)\s+"
        r"(?:(?!(?:from|in|under|beneath|among|amid|inside|into|through|on|at|near|to)\b)"
        r"[\w'-]+\s+){0,4}?(?:debris|wreckage)\b"
        r"|(?<!\bin the )(?<!\bfrom the )(?<!\bunder the )(?<!\bthe rubble and )"
        r"\b(?:debris|wreckage)\s+(?:[\w'-]+\s+){0,16}?(?:has|have|had|was|were|is|are)\s+"
        r"(?:not\s+)?(?:been\s+)?(?:recovered|retrieved|found|located|collected|confirmed|"
        r"identified)\b",
        re.IGNORECASE,
    ),
}
# every match of an act's pattern holds one of these words (the sentence is read only then)
_GATE = frozenset(
    "arson arsonist arsonists deliberately intentionally purposely purposefully wilfully "
    "willfully purpose debris wreckage suicide himself herself themselves own".split()
)
_HEDGE_BEFORE = re.compile(
    r"\b(?:consider\w*|possibl[ey]|potential(?:ly)?|suspect\w*|suspicious|may|might|could|"
    r"believe\w*|thinks?|thought|whether|if|unclear|unknown|apparent(?:ly)?|probable|probably|"
    r"likely|assum\w+|appears?|seems?|alleged(?:ly)?|"
    r"(?:investigat|treat)\w+\s+(?:\w+\s+){0,3}as(?:\s+an?)?|ruled? out|rule out|ruling out)\b"
    r"[^.;,]{0,30}$",
    re.IGNORECASE,
)
_HEDGE_AFTER = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:(?:is|was|are|were|has|had|have)\s+(?:not\s+)?(?:being\s+|been\s+)?"
    r"(?:suspected|considered|investigated|a possibility|possible|likely|probable|one possibility|"
    r"ruled out|examined|probed)|suspected|considered|investigated|ruled out|probed|"
    r"(?:may|might|could)\s+have)\b",
    re.IGNORECASE,
)
# a charge says what someone is accused of: no fact, no possibility either
_CHARGE_BEFORE = re.compile(
    r"\b(?:charged|accused|suspicion|arrested|convicted|charges?|counts?|trial|guilty|"
    r"den(?:y|ies|ied|ying))\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# ... and the act's name before a noun names who looks into it ("arson investigators")
_NAMING_AFTER = re.compile(
    r"\s*(?:investigat\w+|unit|squad|teams?|detectives?|specialists?|experts?|dogs?|"
    r"probes?|inquir\w+|laws?|statistics|cases)\b",
    re.IGNORECASE,
)
_DENIED_BEFORE = re.compile(
    r"\b(?:no|not|never|neither|nor|none|without|nothing)\s+(?:\w+\s+){0,3}$|\bruled out\s+$",
    re.IGNORECASE,
)
# "has not been ruled out", "you can't call it arson yet": no denial, a possibility
_HEDGED_DENIAL = re.compile(
    r"(?:\bnot|n't|\bcannot|\bnever)\s+(?:\w+\s+){0,2}(?:rul|call|say|confirm)", re.IGNORECASE
)

_EARLIER = re.compile(r"\b(?:previously|earlier|initially|originally|at first)\b", re.IGNORECASE)
_NOT_INSIDE = re.compile(r"\b(?:not|no|never)\b", re.IGNORECASE)  # "was not found"
_NAME_AFTER = re.compile(r"\s+[A-Z]")

Mention = tuple[int, str, str]  # (sentence, how it is told: fact / possible / denied, as written)


def _mentions(rs: Sequence[Reading], act: str) -> list[Mention]:
    out: list[Mention] = []
    pattern = _ACTS[act]
    for k, r in enumerate(rs):
        if r.words.isdisjoint(_GATE) or r.text.rstrip(" \"”’'").endswith("?") or r.when:
            continue  # (a month or year named: another fire, another death)
        for m in pattern.finditer(r.text):
            if m.start() and m.group(0)[0].isupper() and _NAME_AFTER.match(r.text, m.end()):
                continue  # "the Suicide Girls": a name
            head = r.text[max(0, m.start() - 60) : m.start()]
            clause = re.split(r"[.;,:]", head)[-1]
            written = " ".join([*clause.split()[-4:], m.group(0)])
            if _CHARGE_BEFORE.search(clause) or _NAMING_AFTER.match(r.text, m.end()):
                continue
            if r.dates or _EARLIER.search(clause):
                continue  # "a statement on June 2 saying debris had been found": told as past news
            if _HEDGED_DENIAL.search(clause) or _HEDGE_BEFORE.search(clause):
                how = "possible"
            elif after := _HEDGE_AFTER.match(r.text, m.end()):
                how = "possible"
                written = r.text[m.start() : after.end()]
            elif _DENIED_BEFORE.search(clause) or _NOT_INSIDE.search(m.group(0)):
                how = "denied"
            else:
                how = "fact"
            out.append((k, how, written))
    return out


def named_act_conflicts(
    ra: Sequence[Reading], rb: Sequence[Reading]
) -> list[tuple[str, int, int, str, float]]:
    """Acts told as a fact by one report and as a possibility or denied by the other, as
    ``(kind, i, j, detail, strength)``: one finding for each sentence of the report that doubts
    or denies it, set against the first sentence of the other that tells it as a fact."""
    out: list[tuple[str, int, int, str, float]] = []
    for act in _ACTS:
        ma, mb = _mentions(ra, act), _mentions(rb, act)
        if not (ma and mb):
            continue
        how_a, how_b = {h for _, h, _ in ma}, {h for _, h, _ in mb}
        if len(how_a) != 1 or len(how_b) != 1 or how_a == how_b:
            continue  # told both ways in one report, or the same way in both
        (ha,), (hb,) = how_a, how_b
        if "fact" not in (ha, hb):
            continue  # a possibility against a denial: neither is sure
        facts, doubts = (ma, mb) if ha == "fact" else (mb, ma)
        told_in = ra if facts is ma else rb
        # (the body's sentence, with its context, rather than a headline's)
        k_fact, _, said = ([m for m in facts if not told_in[m[0]].headline] or facts)[0]
        seen: set[int] = set()
        for k, how, written in doubts:
            if k in seen:
                continue
            seen.add(k)
            kind = "certainty" if how == "possible" else "status"
            doubt = (
                f"as a possibility ('{written}')"
                if how == "possible"
                else f"denies it ('{written}')"
            )
            sure, other = ("A", "B") if facts is ma else ("B", "A")
            detail = f"{act}: {sure} states it as a fact ('{said}'); {other} {doubt}"
            i, j = (k_fact, k) if facts is ma else (k, k_fact)
            out.append((kind, i, j, detail, 0.75))
    return out
