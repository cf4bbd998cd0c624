"""Towns named with their state or country, Portuguese names' particles, firms' national arms, and
numbers written in words at a sentence's start. Found by comparing made-up reports of a flood in
Brazil and a shooting in Texas: "Rio Grande do Sul" was the places "Rio Grande" and "Sul", "in
Allen, Texas" the police's "Allen", and "Eight people were killed" no quantity at all."""

from __future__ import annotations

from index.analysis.entities import extract


def _ents(text: str) -> set[tuple[str, str, str]]:
    return {(e.text, e.label, e.canonical) for e in extract(text)}


def test_a_number_word_opening_a_sentence_is_a_quantity() -> None:
    found = _ents("Eight people were killed. Twenty-two others were hurt. Three years ago it shut.")
    assert ("Eight people", "QUANTITY", "8 people") in found
    assert ("Twenty-two others", "QUANTITY", "twenty-two others") in found
    assert ("Three years ago", "DATE", "three years ago") in found
    # as the lowercase word is: "one" alone is no figure
    assert not any(label == "QUANTITY" for _, label, _ in _ents("One of them ran away."))


def test_a_quantity_leaves_the_date_after_it_alone() -> None:
    """ "1,025 last month" was the quantity "1,025 last" (its unit "last"), and the date gone."""
    found = _ents("Exports were 1,100 tonnes, against 1,025 last month.")
    assert ("1,025", "QUANTITY", "1025") in found
    assert ("last month", "DATE", "last month") in found
    # "U.S." opens a unit, as before
    assert ("1.2 billion U.S. dlrs", "QUANTITY", "1.2 billion u.s. dlrs") in _ents(
        "Reserves rose 1.2 billion U.S. dlrs in March."
    )


def test_portuguese_particles_join_a_name() -> None:
    found = _ents("Floods hit Rio Grande do Sul. José Eduardo dos Santos said the port was shut.")
    assert ("Rio Grande do Sul", "PLACE", "rio grande do sul") in found
    assert ("José Eduardo dos Santos", "PERSON", "jose eduardo dos santos") in found
    assert not any(text in {"Sul", "Santos"} for text, _, _ in found)


def test_a_town_before_its_state_or_country_is_a_place() -> None:
    found = _ents(
        "A gunman opened fire in Allen, Texas, on Saturday. The mine near Gympie, Queensland."
    )
    assert ("Allen", "PLACE", "allen") in found
    assert ("Gympie", "PLACE", "gympie") in found
    found = _ents("The plant in Cedar Rapids, Iowa, closed.")
    assert ("Cedar Rapids", "PLACE", "cedar rapids") in found


def test_a_speaker_or_a_firm_before_a_country_is_no_town() -> None:
    assert not any(
        label == "PLACE" and text == "Gaviria"
        for text, label, _ in _ents("According to Gaviria, Colombia can hope to earn more.")
    )
    found = _ents("It is a subsidiary of Svenska Handelsbanken, Sweden.")
    assert not any(label == "PLACE" and "Handelsbanken" in text for text, label, _ in found)


def test_a_firms_national_arm_is_an_organisation() -> None:
    found = _ents("Wolfgang Sauer, president of Volkswagen do Brasil, said sales fell.")
    assert ("Volkswagen do Brasil", "ORG", "volkswagen do brasil") in found
    assert ("Credit Suisse", "ORG", "credit suisse") in _ents("Credit Suisse said it would sell.")
