"""Copies of one report among a story's reports: the same text, or nearly, under two ids or files.

A story told twice by one text would state each of its claims twice and double every count, so
:func:`index.story.story_map` keeps the first copy given and names the others on it
(:attr:`~index.story.models.Report.copies`). Two texts are copies when their bodies (the text
without leading headline, dateline or "Updated:" lines, which copies reword) share
:data:`COPY_SIMILARITY` of their four-word sequences (Jaccard) and give the very same figures:
templated reports that differ only in a figure ("arrange two billion dlrs" / "1.5 billion dlrs",
"Record April 15" / "April 21") are two reports.

Measured (2026-11-28): the ten WikiNews stories' report pairs share at most 0.12; ECB+ holds six
pairs of one text under two outlets' headlines (1.0 for four, 0.91, 0.86 once the headlines are
left out) and its next pair shares 0.75 (two write-ups of one press release, with other detail);
Reuters-21578 stories that open alike: re-issues with spelling and punctuation changed (0.87-0.98)
are copies, the Fed's daily repurchase reports (0.81, other figures) are not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

COPY_SIMILARITY = 0.8
"""Share of four-word sequences two bodies need (Jaccard) to be one text."""
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,/:]\d+)*")
_ENDS = (".", "!", "?", '"', "”", "'", "’", ")")
_HEAD_LINES = 3
"""Leading lines without a sentence's final mark left out: headline, dateline, "Updated:"."""


def _body(text: str) -> str:
    lines = text.strip().split("\n")
    k = 0
    while k < min(_HEAD_LINES, len(lines) - 1) and not lines[k].rstrip().endswith(_ENDS):
        k += 1
    return "\n".join(lines[k:])


def _shingles(body: str) -> frozenset[tuple[str, ...]]:
    words = _WORD.findall(body.lower())
    if len(words) < 4:
        return frozenset([tuple(words)] if words else [])  # a text without words copies none
    return frozenset(tuple(words[i : i + 4]) for i in range(len(words) - 3))


def copies_of(texts: Sequence[str]) -> list[int | None]:
    """For each text, the index of the earlier text it is a copy of (None when it is no copy).

    Args:
        texts: The reports' texts, in the order given.

    Returns:
        One entry per text; a copy points at the first text of its kind, never at another copy.
    """
    bodies = [_body(t) for t in texts]
    shingles = [_shingles(b) for b in bodies]
    numbers = [frozenset(n.replace(",", "") for n in _NUMBER.findall(b)) for b in bodies]
    out: list[int | None] = []
    for j in range(len(texts)):
        found: int | None = None
        for i in range(j):
            if out[i] is not None or numbers[i] != numbers[j]:
                continue
            a, b = shingles[i], shingles[j]
            shared = len(a & b)
            if shared and shared >= COPY_SIMILARITY * (len(a) + len(b) - shared):
                found = i
                break
        out.append(found)
    return out
