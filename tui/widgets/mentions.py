"""The reader's entity mentions and in-article matches, as plain data (no widgets)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.style import Style

from index.models import ENTITY_LABELS, Entity
from tui.engine import entity_kind

SHORT_NAMES = {label: entity_kind(label).short for label in ENTITY_LABELS}
"""The legend's names ("Orgs": the legend must fit one 80-column line), from the vocabulary."""


@dataclass(frozen=True)
class EntityItem:
    """One entity of the article for the panel: all mentions of ``label|canonical``."""

    label: str
    canonical: str
    name: str
    count: int


def entity_items(entities: list[Entity], names: dict[str, str]) -> list[EntityItem]:
    """Group mentions by entity, named by the corpus's display name, most mentioned first; ties in
    the order the article first names them (a results table's figures read "80 cts", "72 cts",
    "55,513,000"..., not "1.12 billion", "184,649,000", "2.72 dlrs" as sorted by name)."""
    first = sorted(entities, key=lambda e: e.start)
    counts = Counter((e.label, e.canonical) for e in first)  # keys in order of first mention
    surface: dict[tuple[str, str], str] = {}
    for e in first:
        surface.setdefault((e.label, e.canonical), " ".join(e.text.split()))
    items = [
        EntityItem(label, canon, names.get(f"{label}|{canon}", surface[(label, canon)]), n)
        for (label, canon), n in counts.items()
    ]
    return sorted(items, key=lambda i: -i.count)  # stable: ties keep the order of first mention


def find_ranges(text: str, query: str, tokens: Any = None) -> list[tuple[int, int]]:
    """Where ``query`` occurs in ``text``: by stemmed words, else as a plain substring."""
    from tui.engine import highlight_terms, query_words

    words = query_words(query)
    found = highlight_terms(text, words, tokens) if words else []
    if found or not query.strip():
        return found
    needle, hay, out, pos = query.strip().lower(), text.lower(), [], 0
    while (pos := hay.find(needle, pos)) >= 0:
        out.append((pos, pos + len(needle)))
        pos += len(needle)
    return out


def legend(
    counts: Counter[str],
    shown: Collection[str],
    style_of: Callable[[str], Style],
    explain: bool = False,
) -> Content:
    """The reader's legend: per label its toggle key, its name in its own colour, its mentions.

    Args:
        counts: Mentions per label.
        shown: The labels whose colours are on (the others are struck through).
        style_of: The style of a label's entities.
        explain: Add a second line saying what the keys do.
    """
    parts: list[Content] = []
    for n, label in enumerate(ENTITY_LABELS, 1):
        name = Content(SHORT_NAMES[label])
        name = (
            name.stylize(style_of(label)) if label in shown else name.stylize("$text-muted strike")
        )
        parts.append(
            Content.assemble(
                (f"{n}", "bold"), " ", name, (f" {counts.get(label, 0)}", "$text-muted")
            )
        )
    line = Content("  ").join([*parts, Content("e all").stylize("$text-muted")])
    if not explain:
        return line
    hint = "keys 1-6 switch a colour on or off, e all of them; i lists the entities"
    return Content("\n").join([line, Content(hint).stylize("$text-muted")])
