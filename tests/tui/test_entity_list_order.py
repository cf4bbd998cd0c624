"""The reader's entity list: most mentioned first, ties in the order the article names them.

A Reuters results table ("Shr 80 cts vs 72 cts / Net 55,513,000 vs 48,741,000") listed its figures
sorted as strings: "1.12 billion", "184,649,000", "2.72 dlrs", ... unrelated to the text.
"""

from __future__ import annotations

from index.models import Entity
from tui.widgets.mentions import entity_items


def ent(start: int, label: str, text: str) -> Entity:
    return Entity(start, start + len(text), label, text, text.lower())


def test_ties_keep_the_order_of_first_mention() -> None:
    entities = [
        ent(40, "QUANTITY", "184,649,000"),
        ent(4, "QUANTITY", "80 cts"),
        ent(14, "QUANTITY", "72 cts"),
        ent(60, "PERSON", "Zoe Adams"),
        ent(70, "PERSON", "Zoe Adams"),
        ent(25, "QUANTITY", "1.12 billion"),
    ]
    got = [i.name for i in entity_items(entities, {})]
    assert got == ["Zoe Adams", "80 cts", "72 cts", "1.12 billion", "184,649,000"]
