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
