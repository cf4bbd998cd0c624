"""Offices are no organisations and places no people: "Indonesian Energy Minister Subroto" was
the organisation "Indonesian Energy", "Minister of Mines and Energy Subroto" the person "Energy
Subroto"; "Abu Ghraib" and "Bío Bío" were people (WikiNews)."""

from __future__ import annotations

import pytest

from index.analysis.entities import extract


def _ents(text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label, e.canonical) for e in extract(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Prices will hold, Indonesian Energy Minister Subroto said on Monday.",
        "Prices will hold, Indonesian Minister of Mines and Energy Subroto said.",
        "Prices will hold, Indonesia's Minister of Energy and Mines Subroto said.",
    ],
)
def test_an_office_before_a_name(text: str) -> None:
    ents = _ents(text)
    assert ("Subroto", "PERSON", "subroto") in ents
    assert not [e for e in ents if e[1] == "ORG"]


def test_a_firm_before_its_officer_and_a_department_stay() -> None:
    assert ("Bell Petroleum", "ORG", "bell petroleum") in _ents(
        "Shares rose, Bell Petroleum President John Kearns said."
    )
    assert ("U.S. Department of Energy", "ORG", "us department of energy") in _ents(
        "U.S. Department of Energy Secretary John Herrington said so."
    )


def test_places_are_no_people() -> None:
    assert ("Abu Ghraib", "PLACE", "abu ghraib") in _ents(
        "Officers at Guantanamo Bay and Abu Ghraib facilities declined to testify."
    )
    assert ("Bío Bío", "PLACE", "bio bio") in _ents(
        "The earthquake was felt between Santiago and Bío Bío. The scale was high."
    )


def test_a_name_written_as_a_town_stays_a_person() -> None:
    # "Beavercreek" is a town of the gazetteer: two words that spell it are no place.
    ents = _ents("Mr Beaver Creek said he would sell. A theory of Kawasumi Hiroshi states it.")
    assert ("Beaver Creek", "PERSON", "beaver creek") in ents
    assert ("Kawasumi Hiroshi", "PERSON", "kawasumi hiroshi") in ents
