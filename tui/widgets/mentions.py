"""The reader's entity mentions and in-article matches, as plain data (no widgets)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from index.models import Entity


@dataclass(frozen=True)
class EntityItem:
    """One entity of the article for the panel: all mentions of ``label|canonical``."""

    label: str
    canonical: str
    name: str
    count: int


def entity_items(entities: list[Entity], names: dict[str, str]) -> list[EntityItem]:
    """Group mentions by entity, named by the corpus's display name, most mentioned first."""
    counts = Counter((e.label, e.canonical) for e in entities)
    surface: dict[tuple[str, str], str] = {}
    for e in entities:
        surface.setdefault((e.label, e.canonical), " ".join(e.text.split()))
    items = [
        EntityItem(label, canon, names.get(f"{label}|{canon}", surface[(label, canon)]), n)
        for (label, canon), n in counts.items()
    ]
    return sorted(items, key=lambda i: (-i.count, i.name.lower()))


def find_ranges(text: str, query: str, tokens: Any = None) -> list[tuple[int, int]]:
    """Where ``query`` occurs in ``text``: by stemmed words, else as a plain substring."""
    from index.highlight import highlight_terms, query_words

    words = query_words(query)
    found = highlight_terms(text, words, tokens) if words else []
    if found or not query.strip():
        return found
    needle, hay, out, pos = query.strip().lower(), text.lower(), [], 0
    while (pos := hay.find(needle, pos)) >= 0:
        out.append((pos, pos + len(needle)))
        pos += len(needle)
    return out
