"""The sidebar links names across articles as a comparison does (``link_across``): a "person" that
another article names with a firm's suffix is counted as that firm, and Enter on the firm lists
those articles too (Reuters' "Merrill Lynch", a person in 5 of 2,000 stories' sidebar)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.analysis.entities import extract
from index.search import facets, search
from index.search.execute import run_query
from index.search.facet_counts import corpus_facets, entity_clause, narrowed_facets

FULL = "Halvorsen Keane and Co is issuing a 100 mln Ecu eurobond due 1990, the lead manager said."
SHORT = "A sinking fund starts in 1998. Halvorsen Keane co-managed the deal, dealers said."
PAPER = "The official Northfield Data newspaper said trade would grow, dealers said."
ACRONYM = "Northfield Data Machines Corp <NDM> sold its printer unit for 20 mln dlrs."


def _corpus(root: Path) -> Path:
    root.mkdir()
    for n, text in enumerate([FULL, SHORT, PAPER, ACRONYM]):
        (root / f"{n}.txt").write_text(f"Report {n}\n\n{text}\n", "utf-8")
    return root


def _rows(found: list[Any]) -> dict[tuple[str, str], int]:
    return {(f.label, f.canonical): f.count for f in found}


def test_the_fixture_makes_a_person_of_the_short_form() -> None:
    # What the sidebar must mend: alone, the article cannot tell.
    assert ("Halvorsen Keane", "PERSON") in [(e.text, e.label) for e in extract(SHORT)]


def test_a_short_form_taken_for_a_person_is_counted_with_its_firm(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    store = make_store(_corpus(tmp_path / "c"))
    store.update()
    rows = _rows(facets(store, None, limit=200))
    assert rows[("ORG", "halvorsen keane and co")] == 2
    assert ("PERSON", "halvorsen keane") not in rows
    # A name that merely shares the first words of a firm its acronym spells stays apart.
    assert rows[("ORG", "northfield data machines corp")] == 1
    assert rows[("PERSON", "northfield data")] == 1
    assert search(store, entity_clause("ORG", "northfield data machines corp")).total == 1
    # The sidebar's numbers are what Enter lists, and Enter lists both articles.
    clause = entity_clause("ORG", "halvorsen keane and co")
    assert search(store, clause).total == 2
    assert _rows(corpus_facets(store, 200))[("ORG", "halvorsen keane and co")] == 2
    with run_query(store, "dealers") as run:
        narrowed = _rows(narrowed_facets(run, 200))
    assert narrowed[("ORG", "halvorsen keane and co")] == 1  # the short form's article only
    assert ("PERSON", "halvorsen keane") not in narrowed
