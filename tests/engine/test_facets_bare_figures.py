"""The library's and a search's top figures (``index.search.facets``): a small figure with no unit
and no kind ("two", "3") has no place in a top list. On the 19,043 Reuters stories the library's two
most named figures were "2" (578 stories) and "3" (415), above "10 pct" (387)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.search.facet_counts import corpus_facets
from index.search.facets import facets

TEXTS = [
    "The two companies said profits rose 10 pct to 5 mln dlrs in three months.",
    "Two banks and three brokers said rates fell 10 pct in the year.",
    "Shares of the two firms rose 10 pct after three of them merged, 2 said.",
    "Over 10,000, police said, came to the square to hear the three speakers.",
]


def test_bare_numbers_have_no_place_in_the_figures(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    root = tmp_path / "c"
    root.mkdir()
    for n, text in enumerate(TEXTS):
        (root / f"{n}.txt").write_text(f"Report {n}\n\n{text}\n", "utf-8")
    store = make_store(root)
    store.update()
    named = {
        e.canonical for n in range(4) for e in store.entities(f"{n}.txt") if e.label == "QUANTITY"
    }
    assert {"2", "3", "10 pct"} <= named  # the recognizer keeps them in the text
    for found in (facets(store, None, 50), corpus_facets(store, 50, 5)):
        figures = {f.canonical: f.count for f in found if f.label == "QUANTITY"}
        assert figures["10 pct"] == 3
        assert not {"2", "3"} & set(figures)
        assert figures["10000"] == 1  # a large count stays
