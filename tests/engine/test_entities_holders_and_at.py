"""A person run into the organisation of his office is split off it (``entity_offices``), and a
full "person" after "at" is a place unless a verb aims at him or a role or a name says he works
there (``entity_things``). Found on WikiNews ("at Abu Ghraib" a person in 3 articles) and Reuters
("Bank of England Governor Robin Leigh-Pemberton" one organisation)."""

from __future__ import annotations

from index.analysis.entities import extract


def _ents(text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label, e.canonical) for e in extract(text) if e.label != "DATE"]


def test_an_office_holder_is_split_off_his_organisation() -> None:
    assert _ents("Bank of England Governor Robin Leigh-Pemberton said rates would stay.") == [
        ("Bank of England", "ORG", "bank of england"),
        ("Robin Leigh-Pemberton", "PERSON", "robin leigh-pemberton"),
    ]
    assert _ents("The Social Democratic Party of Prime Minister Kalevi Sorsa won.") == [
        ("Social Democratic Party", "ORG", "social democratic party"),
        ("Kalevi Sorsa", "PERSON", "kalevi sorsa"),
    ]
    # no name after the title: one organisation
    text = "The Joint Economic Committee on the Justice Department met."
    assert [label for _, label, _ in _ents(text)] == ["ORG"]


def test_an_organisation_head_and_of_end_before_a_name() -> None:
    text = "He met Governor of the Bank of England Robin Leigh-Pemberton in London."
    found = _ents(text)
    assert ("Bank of England", "ORG", "bank of england") in found
    assert ("Robin Leigh-Pemberton", "PERSON", "robin leigh-pemberton") in found
    assert ("Paris Hilton", "PERSON", "paris hilton") in _ents("A friend of Paris Hilton said.")


def test_a_name_after_at_is_a_place() -> None:
    text = "Two dog handlers at Abu Ghraib stand accused, said the former warden of Abu Ghraib."
    assert {(label, key) for _, label, key in _ents(text)} == {
        ("PLACE", "abu ghraib"),
        ("QUANTITY", "2 dog handlers"),  # a number word opening the sentence
    }


def test_a_name_after_at_stays_a_person_or_a_firm() -> None:
    assert ("Paul Riva", "PERSON", "paul riva") in _ents("He fired at Paul Riva, hitting him.")
    assert ("John Smith", "PERSON", "john smith") in _ents("They met at John Smith's home.")
    # a role or a name before "at": a firm, whose short form the links make the firm's
    text = "Stephen Roach, economist at Morgan Stanley, said so. Scott Merlis at Morgan Stanley agreed."
    assert {label for t, label, _ in _ents(text) if t == "Morgan Stanley"} == {"PERSON"}
    text = "Thousands of workers at Lowen Telecom went on strike."
    assert ("Lowen Telecom", "PERSON", "lowen telecom") in _ents(text)
    # the article names the firm: the firm
    text = "Harris Graphics Corp said the backlog at Harris Graphics rose."
    assert _ents(text)[1] == ("Harris Graphics", "ORG", "harris graphics corp")
