"""Entities that hold on newswire text: boilerplate, time zones and clock times are not entities."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index.analysis.entities import extract
from index.search import search

WIRE = (
    "Cocoa prices rose in London on Monday, traders said.\n"
    "    NOTE: 1986 figures are provisional.\n"
    "    The results will be released at 1630 EST (2130 GMT), and the talks resume at 14:00 UTC.\n"
    "\n REUTER\n"
)


def _pairs(text: str) -> set[tuple[str, str]]:
    return {(e.label, e.text) for e in extract(text)}


def test_signoff_notes_and_time_zones_are_not_entities() -> None:
    found = _pairs(WIRE)
    assert not {text for _, text in found} & {"REUTER", "NOTE", "EST", "GMT", "UTC"}
    assert ("PLACE", "London") in found and ("DATE", "1986") in found


@pytest.mark.parametrize(
    "text",
    [
        "The vote ends at 8:00 p.m. local time.",
        "Markets in Perth (UTC+8) opened.",
        "We meet at half eight.",
        "It starts at 8 a.m. sharp.",
        "Doors open at 8 pm.",
        "Trading closes at 0800 GMT.",
        "It was quarter past eight.",
    ],
)
def test_clock_times_and_offsets_are_not_quantities(text: str) -> None:
    assert not [e for e in extract(text) if e.label == "QUANTITY"], extract(text)


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("They shipped 8 tonnes.", "8 tonnes"),
        ("Half the 8 ships sank.", "8 ships"),
        ("In the past 10 years, 3 firms closed.", "3 firms"),
    ],
)
def test_real_quantities_stay(text: str, quantity: str) -> None:
    assert ("QUANTITY", quantity) in _pairs(text)


def test_roman_numerals_are_no_organisations() -> None:
    # WikiNews M0052: the Mercalli intensities were three organisations named in both reports
    found = _pairs(
        "It was felt at intensity IV in Santiago, III in Valparaiso and II further south."
    )
    assert not {label for label, text in found if text in {"IV", "III", "II"}}
    assert ("PERSON", "John Paul II") in _pairs("Pope John Paul II visited Rome.")


def test_acronyms_still_name_organisations_and_places() -> None:
    found = _pairs("NATO and OPEC met in the USA with the EU.")
    assert {("ORG", "NATO"), ("ORG", "OPEC"), ("ORG", "EU"), ("PLACE", "USA")} <= found


def test_quantity_query_never_matches_a_clock(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "clock.txt").write_text(
        "Polls close\nPolls close at 8:00 p.m. in Perth (UTC+8), or half eight.\n", "utf-8"
    )
    (corpus / "tonnes.txt").write_text("Cargo lands\nThe ship landed 8 tonnes of wheat.\n", "utf-8")
    store = make_store(corpus)
    store.update()
    assert [h.id for h in search(store, "quantity:8").hits] == ["tonnes.txt"]
    assert search(store, "org:reuter").total == 0


def test_plural_common_nouns_that_speak_are_no_people() -> None:
    """ "Officials said" at a sentence's start was the person "Officials" (all of Reuters: Dealers
    47, Analysts 47, Officials 27); a surname that speaks stays a person."""
    text = (
        "Officials said the bridge fell on Monday. Dealers said prices rose. Analysts said the "
        "rise would last. Smithers said he agreed."
    )
    people = {e.text for e in extract(text) if e.label == "PERSON"}
    assert people == {"Smithers"}
