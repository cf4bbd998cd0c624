"""A ``quantity:`` value is keyed as the index keys the quantity it names.

``quantity:"3.6 billion dlrs"`` found nothing on Reuters (the query dropped the decimal point: "36
billion dlrs"), ``quantity:"10,000 troops"`` nothing either (the comma split the number in two), and
the sidebar's quantities therefore listed no result on Enter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from index.analysis.entities import extract
from index.analysis.entity_keys import query_key

SURFACES = [
    "3.6 billion dlrs",
    "10,000 troops",
    "200 mln",
    "5.50 dlrs",
    "6.5 pct",
    "seven",
    "1.5 mln tonnes",
    "over 10,000",
    "More than 2,500 people",
]


@pytest.mark.parametrize("surface", SURFACES)
def test_query_key_is_the_index_key(surface: str) -> None:
    found = [
        e
        for e in extract(f"The company said it had {surface} in the year.")
        if e.label == "QUANTITY"
    ]
    assert len(found) == 1
    assert query_key("QUANTITY", surface) == found[0].canonical


def test_a_decimal_quantity_is_found_by_its_own_words(tmp_path: Path) -> None:
    from index.search import search
    from index.store.core import Store

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "The bank said its assets rose to 3.6 billion dlrs in the year, and that 10,000 troops "
        "guarded the border during the talks.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "The bank said its assets rose to 36 billion dlrs in the year, a record for the group and "
        "the highest in the region.\n",
        encoding="utf-8",
    )
    store = Store([str(folder)], str(tmp_path / "index"))
    store.update()

    def ids(query: str) -> list[str]:
        return [h.id for h in search(store, query, limit=None, snippets=0).hits]

    assert ids('quantity:"3.6 billion dlrs"') == ["a.txt"]
    assert ids('quantity:"10,000 troops"') == ["a.txt"]
    assert ids("quantity:10000") == ["a.txt"]
    assert ids('quantity:"36 billion dlrs"') == ["b.txt"]


def test_versus_is_no_unit() -> None:
    """Reuters' results tables: "Net 55,513,000 vs 48,741,000" named "55,513,000 vs" (959 of 10,690
    quantities in 2,000 stories ended so), shown and searched under that key."""
    text = "Shr 80 cts vs 72 cts\nNet 55,513,000 vs 48,741,000\nRevs 1.12 billion vs 992.9 mln\n"
    got = [e.text for e in extract(text) if e.label == "QUANTITY"]
    assert got == ["80 cts", "72 cts", "55,513,000", "48,741,000", "1.12 billion", "992.9 mln"]
