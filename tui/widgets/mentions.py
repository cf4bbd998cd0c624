"""The reader's entity mentions and in-article matches, as plain data (no widgets)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

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
    width: int = 0,
) -> Content:
    """The reader's legend: per label its toggle key, its name in its own colour, its mentions.

    Args:
        counts: Mentions per label.
        shown: The labels whose colours are on (the others are struck through).
        style_of: The style of a label's entities.
        explain: Add a second line saying what the keys do.
        width: The cells the legend has (0: not known yet); an entry that does not fit goes to
            the next line whole ("... 6" ending one line and "Figures 0" starting the next,
            beside the entity list in a 100-column terminal).
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
    rows: list[list[Content]] = [[]]
    used = 0
    for item in [*parts, Content("e all").stylize("$text-muted")]:
        need = item.cell_length + (2 if rows[-1] else 0)
        if width > 0 and rows[-1] and used + need > width:
            rows.append([])
            used, need = 0, item.cell_length
        rows[-1].append(item)
        used += need
    line = Content("\n").join(Content("  ").join(row) for row in rows)
    if not explain or len(rows) > 1:  # the legend shows two lines at most (#legend's max-height)
        return line
    hint = "keys 1-6 switch a colour on or off, e all of them; i lists the entities"
    return Content("\n").join([line, Content(hint).stylize("$text-muted")])


class LegendLine(Static):
    """The reader's legend, which its screen lays out again at each width it is given (the panel
    shown or hidden, the terminal resized, the layout settled after the first draw)."""

    class Resized(Message):
        """The legend's width changed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.laid_out_for = -1  # the width of the entries' last layout

    def on_resize(self) -> None:
        if self.content_region.width != self.laid_out_for:
            self.post_message(self.Resized())
