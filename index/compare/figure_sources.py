"""Whose figure a sentence gives: the sources it credits each figure to, and one source credited
with two figures for one measure by the two reports.

"Tehran's seismologic center put the quake's magnitude at 5.9, but the U.S. Geological Survey
said it was 6.1" credits 5.9 to Tehran's center and 6.1 to the Survey; a report that has the
Survey say 5.9 disagrees with it about the Survey's figure, although both reports give 5.9 (the
figure rule sees 5.9 matched and finds nothing). A sentence is cut into the parts that a
contrast or a semicolon sets apart ("..., but ...", "...; ..."), and each part's figures are
credited to the names before its verb of saying or measuring.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from index.analysis.lexicon import TITLES
from index.compare.credits import without_days
from index.compare.figure_measures import measure_name, overlap, same_measure
from index.compare.figures import Figure
from index.compare.readings import Reading
from index.compare.words import STOP

__all__ = ["credited", "named_sources", "same_source", "source_figure_conflicts"]

_VERBS = frozenset(
    "said says reported reports put puts estimated estimates gave gives measured recorded "
    "registered counted".split()
)
_VERB = re.compile(r"\b(?:" + "|".join(sorted(_VERBS)) + r")\b")
# the parts of a sentence a contrast or a semicolon sets apart, each with its own source
_PART = re.compile(r",?\s+(?:but|while|whereas)\s+|;\s+")
# a capitalised name, initials included ("U. S. Geological Survey", "Tehran's")
_NAME = re.compile(r"(?:[A-Z][\w'’-]*\.?\s+)*[A-Z][\w'’-]+")
_POSSESSIVE = re.compile(r"['’]s$")
_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
# a place named after a preposition, or after a place and its comma ("in Golden, Colo.")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|from|of)\s+$|\b(?:in|at|near|from|of)\s+[A-Z][\w'’-]+,\s+$"
)


def credited(r: Reading) -> list[tuple[frozenset[str], list[Figure]]]:
    """Each part of ``r`` that credits figures to named sources: the names before its verb of
    saying or measuring, and the figures written in the part."""
    if r.words.isdisjoint(_VERBS) or not r.figs:
        return []
    out = []
    start = 0
    for end in [m.start() for m in _PART.finditer(r.text)] + [len(r.text)]:
        part = r.text[start:end]
        verb = _VERB.search(part)
        if verb:
            # (the source is the verb's subject: no figure between it and the verb, as in
            # "six AK-47 rifles, 12 magazines ... were found, the officer said")
            counted = [f.start - start for f in r.figs if start <= f.start < start + verb.start()]
            # ... and a subject after the clause's last comma is all of it: "shot one person at
            # the suburban Detroit firm, police said" credits police, not the place
            head = _subject_from(part, verb.start())
            found = (
                without_days(_POSSESSIVE.sub("", _ARTICLE.sub("", m.group(0))))
                for m in _NAME.finditer(part, head, verb.start())
                if m.group(0).lower() not in STOP
                and not any(m.end() <= at for at in counted)
                # (not a place the source is in: "the Survey in Golden, Colo., said")
                and not _PLACE_BEFORE.search(part, max(0, m.start() - 30), m.start())
            )
            names = frozenset(n for n in found if n)  # (a day is when, not who: "On Saturday")
            figs = [f for f in r.figs if start <= f.start < end]
            if names and figs:
                out.append((names, figs))
        start = end
    return out


# the break before a verb's subject: a comma, a colon or a quote mark ending a quotation
_BREAK = re.compile(r"[,:]\s*[\"”’']?\s*|[\"”]\s+")


def _subject_from(part: str, verb: int) -> int:
    """Where the subject of the verb of saying at ``verb`` begins: after the last comma (or
    quotation) before it when words are written between the two ("..., police said"), else at
    the part's start ("the Survey in Golden, Colo., said": the comma ends a place)."""
    breaks = [m.end() for m in _BREAK.finditer(part, 0, verb)]
    if breaks and part[breaks[-1] : verb].strip():
        return breaks[-1]
    return 0


def source_figure_conflicts(x: Reading, y: Reading) -> list[tuple[str, float]]:
    """One source credited with different figures of one measure, as (detail, base strength):
    in ``x`` it gives one figure, in ``y`` another, and ``y`` credits it with none that fits."""
    cx = credited(x)
    cy = credited(y) if cx else []
    out: list[tuple[str, float]] = []
    for names_x, figs_x in cx:
        for names_y, figs_y in cy:
            if not same_source(set(names_x), set(names_y)):
                continue
            for f in figs_x:
                if not (f.role or f.dim == "magnitude"):
                    continue  # (a distance or a sum is said of something: see figure_conflicts)
                ys = [g for g in figs_y if same_measure(f, g)]
                if not ys or any(overlap(f, g) for g in ys):
                    continue  # the source gives the same figure in both, or none of this measure
                g = ys[0]
                who_x, who_y = _shared(names_x, names_y), _shared(names_y, names_x)
                out.append(
                    (
                        f"{measure_name(f)}: A has {who_x} give '{f.text}'; "
                        f"B has {who_y} give '{g.text}'",
                        0.5,
                    )
                )
    return out


def _shared(names: frozenset[str], others: frozenset[str]) -> str:
    """The names of ``names`` that ``others`` also credit (by their last word), as written."""
    lasts = {o.split()[-1].lower() for o in others}
    return ", ".join(sorted(n for n in names if n.split()[-1].lower() in lasts))


def same_source(na: set[str], nb: set[str]) -> bool:
    """Two sets of sources share one (by their last word, as "Savett" and "Sean Savett" do, or
    one surname spelled two ways: "Ilene Wolfe" / "Ilene Wolff", ECB+ 18_3 / 18_7)."""

    def lasts(names: set[str]) -> set[str]:
        return {part.split()[-1].lower() for n in names for part in n.split(" and ")}

    la, lb = lasts(na), lasts(nb)
    return bool(la & lb) or any(_one_spelling(a, b) for a in la for b in lb)


def _one_spelling(a: str, b: str) -> bool:
    """Two surnames of one person spelled two ways: the same first four letters and one letter
    changed, added or dropped ("wolfe" / "wolff"; not "gates" / "bates")."""
    return (
        min(len(a), len(b)) >= 5
        and a[:4] == b[:4]
        and Indel.normalized_similarity(a, b) >= _ONE_SPELLING
    )


_ONE_SPELLING = 0.8  # one letter of two five-letter names changed


def named_sources(names: set[str]) -> set[str]:
    """The sources of ``names`` that name someone: not an office alone ("the Alaska Governor
    said", "the Prime Minister said"), which may be the person the other report names."""
    return {n for n in names if n.split()[-1].lower().rstrip(".") not in TITLES}
