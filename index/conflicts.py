"""Disagreements between two aligned reports: figures, status, certainty, dates, attribution.

A disagreement must be about one thing: the two sentences must be an aligned pair (or a strong
candidate) and share their subject (an entity, a figure's counted noun, or the content words around
it). Cues are generic lexicons (prospective against actual, hedged against confirmed), never words of
one story. Each finding gets a strength; ``find`` returns the strong ones, strongest first, and each
detail says in words what differs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from index.align import CLASSES, STOP, Features, is_place_word, stem
from index.attribution import same_names, sentence_sources
from index.models import Sentence

__all__ = ["Finding", "find"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Finding:
    """A disagreement between sentence ``i`` of A and ``j`` of B."""

    kind: str
    i: int
    j: int
    detail: str
    strength: float


_MAG = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "billion": 1e9, "bln": 1e9}
_VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "tens of thousands": (2e4, 99999.0),
    "hundreds of thousands": (2e5, 999999.0),
    "millions": (2e6, 9.99e6),
    "a dozen": (12.0, 12.0),
    "a hundred": (100.0, 100.0),
    "a thousand": (1000.0, 1000.0),
}
_QTY = re.compile(
    r"(?P<mod>\b(?:over|more than|at least|nearly|almost|about|around|roughly|approximately|some|"
    r"up to|fewer than|less than|under)\s+)?[\"“‘']?(?:(?P<num>(?<![\w.,:])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?:\s*(?P<mag>thousand|million|billion|mln|bln)\b)?(?![\w%:]|\.\d)"
    r"|(?P<vague>\b(?:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions|a dozen|a hundred|a thousand)\b))",
    re.IGNORECASE,
)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_DATE = re.compile(
    r"\b(?P<m>(?:" + "|".join(_MONTHS) + r"))\s+(?P<d>\d{1,2})\b(?:,?\s+(?P<y>\d{4}))?"
    r"|\b(?P<d2>\d{1,2})\s+(?P<m2>(?:" + "|".join(_MONTHS) + r"))\b(?:\s+(?P<y2>\d{4}))?",
    re.IGNORECASE,
)
# Kinds of counted things: two figures are comparable when their nouns fall in one class.
# inside one claim, since a story holds many distances. Counts of people or money are compared
# across the articles.
_MEASURES = frozenset(["distance", "area"])
# A clock time or a duration is not a count.
_NOT_COUNTED = _words("local time gmt utc cet est am pm hour minut second")
# Status cues: a prospective or hedged claim against an actual or confirmed one.
_PROSPECTIVE = re.compile(
    r"\b(?:undergoing training|being trained|in training|training|to be deployed|could (?:\w+ )?be "
    r"deployed|potential deployment|preparing|prepare|plans? to|set to|rumou?red to|expected to|"
    r"will be sent|would be sent)\b",
    re.IGNORECASE,
)
_ACTUAL_STRONG = re.compile(
    r"\b(?:ha(?:ve|s) joined|joined the (?:conflict|war|fighting|battle)|fought|fighting alongside|"
    r"engag(?:ed|ing) in (?:combat|battle|fighting|their first)|combat operations|first (?:clash|"
    r"battles?)|clash(?:ed)? with|were killed)\b",
    re.IGNORECASE,
)
_ACTUAL = re.compile(
    r"\b(?:ha(?:ve|s) been (?:sent|deployed)|ha(?:ve|s) sent|arrived|began (?:their|fighting|"
    r"arriving)|begun)\b",
    re.IGNORECASE,
)
_HEDGED = re.compile(
    r"\b(?:rumou?red|reportedly|allegedly|alleged|unconfirmed|unverified|if verified|claims? that|"
    r"could|might|possibly|potentially|suggest(?:s|ed)?|hinted|speculat\w*|unclear|denied)\b",
    re.IGNORECASE,
)
_CONFIRMED = re.compile(
    r"\b(?:confirmed|confirms|verified|officially|acknowledged|announced)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Quantity:
    text: str  # the figure as written, with its modifier
    noun: str  # the words after it up to the counted noun
    low: float
    high: float
    kinds: frozenset[str]  # stems of the counted noun, and its class


def _quantities(text: str) -> list[_Quantity]:
    out: list[_Quantity] = []
    for m in _QTY.finditer(text):
        if m.group("num"):
            raw = m.group("num").replace(",", "")
            try:
                v = float(raw)
            except ValueError:
                continue
            before = text[max(0, m.start() - 12) : m.start()].lower()
            if (1900 <= v <= 2100 and "," not in m.group("num")) or any(
                mo in before for mo in _MONTHS
            ):
                continue  # a year or a day of the month, not a count
            v *= _MAG.get((m.group("mag") or "").lower(), 1.0)
            low, high = v * 0.95, v * 1.05
        else:
            low, high = _VAGUE[m.group("vague").lower()]
        mod = (m.group("mod") or "").strip().lower()
        if mod in ("over", "more than", "at least"):
            low, high = max(low, high / 1.05), high * 1.5
        elif mod in ("nearly", "almost", "up to", "fewer than", "less than", "under"):
            low, high = low * 0.8, high / 1.05
        elif mod in ("about", "around", "roughly", "approximately", "some"):
            low, high = low * 0.9, high * 1.1
        tail = re.match(
            r"[\"”’']?\s*(?:of\s+)?((?:[\w’'-]+\s+){0,3}?)([a-z][\w-]*(?:\s+[a-z][\w-]*)?)",
            text[m.end() :],
        )
        if not tail:
            continue
        noun_words = (tail.group(1) + tail.group(2)).split()
        if len(noun_words) > 1 and noun_words[-1] in STOP:
            noun_words.pop()
        stems = {stem(w.lower()) for w in noun_words if w.lower() not in STOP}
        kinds = set(stems) | {c for c, members in CLASSES.items() if stems & members}
        figure = text[m.start() : m.end()].strip("\"“”‘’' ")
        out.append(_Quantity(figure, " ".join(noun_words), low, high, frozenset(kinds)))
    return out


def _dates(text: str) -> set[str]:
    out = set()
    for m in _DATE.finditer(text):
        month = (m.group("m") or m.group("m2")).lower()
        day = m.group("d") or m.group("d2")
        if month == "may" and not day:
            continue
        out.add(f"{month.capitalize()} {int(day)}")
    return out


def _cues(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """Prospective, actual, hedged and confirmed cue found in a sentence (or None each)."""
    return (
        _cue(_PROSPECTIVE, text),
        _cue(_ACTUAL_STRONG, text) or _cue(_ACTUAL, text),
        _cue(_HEDGED, text),
        _cue(_CONFIRMED, text),
    )


def _cue(rx: re.Pattern[str], text: str) -> str | None:
    m = rx.search(text)
    return m.group(0) if m else None


_VAGUE_WORDS = frozenset(w for k in _VAGUE for w in k.split()) - {"a", "of"}
_STRONG_PAIR = 0.16  # a candidate this close needs no alignment to be checked
_STRONG = 0.5  # findings below this strength are not shown
_MOST = 6  # and never more than this many: a reader checks each one


def _describe(q: _Quantity) -> str:
    vague = bool(_VAGUE_WORDS & set(q.text.lower().split()))
    return f"'{q.text}' {q.noun}" + (" (vague)" if vague else "")


def _figure(
    qa: list[_Quantity], qb: list[_Quantity], aligned: bool
) -> tuple[str, float] | None:
    """Two figures for the same counted thing that do not agree, if any."""
    found: tuple[str, float] | None = None
    agree = False
    for x in qa:
        for y in qb:
            common = x.kinds & y.kinds
            if not common or (x.kinds | y.kinds) & _NOT_COUNTED:
                continue
            if not (x.high < y.low or y.high < x.low):
                agree = True  # "126 men" of a crew the other side counts as "a dozen" crew members
                continue
            same_noun = bool(common - set(CLASSES))
            if common & _MEASURES and not same_noun:
                continue
            strength = (0.6 if same_noun else 0.45) + (0.2 if aligned else 0.0)
            xv = bool(_VAGUE_WORDS & set(x.text.lower().split()))
            yv = bool(_VAGUE_WORDS & set(y.text.lower().split()))
            how = (
                "a vague figure against a precise one"
                if xv != yv
                else "different figures"
            )
            detail = f"{how} for the same count: A says {_describe(x)}; B says {_describe(y)}"
            if found is None or strength > found[1]:
                found = (detail, strength)
    return None if agree else found


def _subject(fa: Features, fb: Features) -> float:
    """How much the two sentences share their subject: entities, figures, counted nouns, words."""
    names = sum(1 for t in fa if t[0] == "@" and t in fb)
    figures = sum(1 for t in fa if t[0] == "#" and t in fb)
    words = sum(1 for t in fa if t[0] not in "@#^" and t in fb)
    kinds = sum(1 for t in fa if t[0] == "^" and t in fb)
    return min(1.0, 0.25 * names + 0.3 * figures + 0.15 * words + 0.1 * kinds)


def find(
    sa: Sequence[Sentence],
    sb: Sequence[Sentence],
    sims: Mapping[tuple[int, int], float],
    aligned: Mapping[tuple[int, int], float],
    fa: Sequence[Features],
    fb: Sequence[Features],
) -> list[Finding]:
    """The strong disagreements between aligned (or strongly similar) sentences, strongest first.

    Args:
        sa: Sentences of A.
        sb: Sentences of B.
        sims: Similarity of sentence pairs (``align.similarities``).
        aligned: The pairs shown to the reader, with their score.
        fa: Weighted features of A's sentences.
        fb: Weighted features of B's sentences.
    """
    qa: dict[int, list[_Quantity]] = {}
    qb: dict[int, list[_Quantity]] = {}
    cues_a: dict[int, tuple[str | None, ...]] = {}
    cues_b: dict[int, tuple[str | None, ...]] = {}
    found: list[Finding] = []
    # Candidates: aligned or strongly similar pairs, and pairs counting the same kind of thing
    # ("^people") about the same named subject, however differently worded the rest.
    kinds_a = [{t for t in f if t[0] == "^"} for f in fa]
    kinds_b = [{t for t in f if t[0] == "^"} for f in fb]
    where_a = [{t for t in f if t[0] == "@" or is_place_word(t)} for f in fa]
    where_b = [{t for t in f if t[0] == "@" or is_place_word(t)} for f in fb]
    pairs = {
        (i, j)
        for (i, j), s in sims.items()
        if s >= _STRONG_PAIR
        or (kinds_a[i] & kinds_b[j] and where_a[i] & where_b[j])
    } | set(aligned)
    dates_a: dict[int, set[str]] = {}
    dates_b: dict[int, set[str]] = {}
    for i, j in sorted(pairs):
        s = sims.get((i, j), 0.0)
        subject = _subject(fa[i], fb[j])
        if subject < 0.5:
            continue  # not about the same thing
        is_aligned = (i, j) in aligned
        base = 0.5 * subject + min(0.5, s)
        if i not in qa:
            qa[i] = _quantities(sa[i].text)
            cues_a[i] = _cues(sa[i].text)
        if j not in qb:
            qb[j] = _quantities(sb[j].text)
            cues_b[j] = _cues(sb[j].text)
        fig = _figure(qa[i], qb[j], is_aligned)
        if fig:
            found.append(Finding("figure", i, j, fig[0], base * 0.5 + fig[1]))
        pa, aa, ha, ca = cues_a[i]
        pb, ab, hb, cb = cues_b[j]
        strong_a = bool(_ACTUAL_STRONG.search(sa[i].text))
        strong_b = bool(_ACTUAL_STRONG.search(sb[j].text))
        if pa and not aa and ab and not pb:
            found.append(Finding(
                "status", i, j,
                f"A says it has not happened yet ('{pa}'); B says it has ('{ab}')",
                base + (0.3 if strong_b else 0.1),
            ))
        elif pb and not ab and aa and not pa:
            found.append(Finding(
                "status", i, j,
                f"A says it has happened ('{aa}'); B says it has not yet ('{pb}')",
                base + (0.3 if strong_a else 0.1),
            ))
        elif not is_aligned:
            pass  # hedging is everywhere in news: only compared inside an aligned pair
        elif ha and not ca and cb and not hb:
            found.append(Finding(
                "certainty", i, j,
                f"A reports it as uncertain ('{ha}'); B as confirmed ('{cb}')", base,
            ))
        elif hb and not cb and ca and not ha:
            found.append(Finding(
                "certainty", i, j,
                f"A reports it as confirmed ('{ca}'); B as uncertain ('{hb}')", base,
            ))
        if not is_aligned:
            continue
        if i not in dates_a:
            dates_a[i] = _dates(sa[i].text)
        if j not in dates_b:
            dates_b[j] = _dates(sb[j].text)
        da, db = dates_a[i], dates_b[j]
        if da and db and not da & db:
            found.append(Finding(
                "date", i, j,
                f"A dates it {', '.join(sorted(da))}; B dates it {', '.join(sorted(db))}",
                base + 0.1,
            ))
        if s >= 0.6:
            # The same claim, near word for word, credited to different people.
            na = {x.name for x in sentence_sources(sa[i].text, 0, len(sa[i].text))}
            nb = {x.name for x in sentence_sources(sb[j].text, 0, len(sb[j].text))}
            if na and nb and not same_names(na, nb):
                found.append(Finding(
                    "attribution", i, j,
                    f"A credits {', '.join(sorted(na))}; B credits {', '.join(sorted(nb))}",
                    base,
                ))
    found.sort(key=lambda f: -f.strength)
    out: list[Finding] = []
    used: set[tuple[str, int]] = set()
    per_kind: dict[str, int] = {}
    for f in found:
        if f.strength < _STRONG or len(out) >= _MOST:
            break
        if per_kind.get(f.kind, 0) >= 2:
            continue  # the same disagreement seen in a third pair of sentences adds nothing
        per_kind[f.kind] = per_kind.get(f.kind, 0) + 1
        # One finding of a kind per sentence: the strongest counterpart explains it best.
        if ("a" + f.kind, f.i) in used or ("b" + f.kind, f.j) in used:
            continue
        used |= {("a" + f.kind, f.i), ("b" + f.kind, f.j)}
        out.append(f)
    return out
