"""How the story view names its reports: by outlet when that is unique, else by number."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from index.models import Article


def labels(articles: Sequence[Article]) -> list[str]:
    """Each report's outlet when no other report has it, else ``report N``."""
    count: dict[str, int] = defaultdict(int)
    for a in articles:
        if a.source:
            count[a.source.strip().lower()] += 1
    return [
        a.source.strip()
        if a.source and a.source.strip() and count[a.source.strip().lower()] == 1
        else f"report {n}"
        for n, a in enumerate(articles, 1)
    ]


_SIDE = re.compile(
    r"(?<![\w'])([AB])(?= (?:says|reports|as|credits|denies|states)\b)|(?<=; )([AB])(?= )"
)


def named(detail: str, a: str, b: str) -> str:
    """A conflict's detail with "A" and "B" replaced by the two reports' labels."""
    return _SIDE.sub(lambda m: a if (m.group(1) or m.group(2)) == "A" else b, detail)
