"""Helpers shared by the disagreement tests (imported by name: ``tests/engine`` is on ``sys.path``)."""

from __future__ import annotations

from index.compare.conflicts import Finding, find
from index.models import Sentence


def sents(*texts: str) -> list[Sentence]:
    """Sentences laid end to end, one space apart, with their offsets."""
    out, pos = [], 0
    for t in texts:
        out.append(Sentence(pos, pos + len(t), t))
        pos += len(t) + 1
    return out


def conflicts(a: list[str], b: list[str]) -> list[Finding]:
    """The disagreements of two reports, without any alignment to lean on."""
    return find(sents(*a), sents(*b), {}, {})


def aligned(a: str, b: str, kind: str) -> list[str]:
    """The details of the ``kind`` findings ("figure", "date"...) of two one-sentence reports whose
    sentences the comparison aligned (as it aligned the real ones: similarity 0.6)."""
    found = find(sents(a), sents(b), {(0, 0): 0.6}, {(0, 0): 0.6})
    return [f.detail for f in found if f.kind == kind]


def aligned_figures(a: str, b: str) -> list[str]:
    """``aligned``'s figure findings."""
    return aligned(a, b, "figure")


def aligned_dates(a: str, b: str) -> list[str]:
    """``aligned``'s date findings."""
    return aligned(a, b, "date")
