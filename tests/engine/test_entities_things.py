"""A capitalised name the article writes as a place or a thing is not a person, at every mention.

On 100 WikiNews articles "Abu Ghraib" was a person 30 times, and so were "Red Cross", "Bali
Roadmap", "Piccadilly Line", "Kings Cross", "Old Bailey" and "Royal Marines". Two cues, read over
the whole article: a lowercase place noun after a mention ("Abu Ghraib prison": a place), "the"
before one ("the Red Cross": an organisation); a title or role before any mention keeps a person.
"""

from __future__ import annotations

import pytest

from index.analysis.entities import extract


def labels(text: str, name: str) -> list[str]:
    return [e.label for e in extract(text) if e.text == name]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        (
            "Photos relating to the on-going Abu Ghraib prison abuse case were released. Two dog "
            "handler soldiers at Abu Ghraib stand accused in the hearing.",
            "Abu Ghraib",
            "PLACE",
        ),
        (
            "Passengers left the train at Kings Cross station. Police closed Kings Cross for an "
            "hour while the line was checked.",
            "Kings Cross",
            "PLACE",
        ),
        (
            "Aid arrived on Monday, the Red Cross said. Red Cross workers handed out blankets and "
            "food to hundreds of families.",
            "Red Cross",
            "ORG",
        ),
        (
            "Trains on the Piccadilly Line were stopped after the blast. Piccadilly Line services "
            "resumed in the evening.",
            "Piccadilly Line",
            "ORG",
        ),
    ],
)
def test_every_mention_takes_the_label_its_cue_gives(text: str, name: str, label: str) -> None:
    found = labels(text, name)
    assert found and set(found) == {label}


def test_a_title_keeps_a_person_whatever_else_the_article_writes() -> None:
    text = (
        "Prime Minister Gordon Brown visited the flooded town on Friday. Critics of the Gordon "
        "Brown government said help came late, and Gordon Brown promised more money."
    )
    assert set(labels(text, "Gordon Brown")) == {"PERSON"}


def test_people_without_cues_stay_people() -> None:
    text = (
        "Tony Blair met Jacques Chirac in Paris on Monday. Tony Blair said the talks went well, "
        "and Chirac agreed."
    )
    assert set(labels(text, "Tony Blair")) == {"PERSON"}
    assert set(labels(text, "Jacques Chirac")) == {"PERSON"}


def test_a_fort_or_a_camp_is_a_place() -> None:
    """ "Camp Nama", "Fort Meade", "Ft. Bragg" were people on WikiNews (a title-less two-word run)."""
    text = "He was held at Camp Nama, then flown to Fort Meade and later to Ft. Bragg for trial."
    got = {e.text: e.label for e in extract(text)}
    assert got == {"Camp Nama": "PLACE", "Fort Meade": "PLACE", "Ft. Bragg": "PLACE"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Reuters, 2,000 stories: "West Berlin" 10 people, "Class A"/"Class B" 17, "Third World" 8.
        ("West Berlin officials said the talks failed.", {"West Berlin": "PLACE"}),
        ("It issued Class A shares and Class B shares.", {}),
        ("Third World debt rose again.", {}),
        ("Southern Baptist leaders met on Monday.", {}),  # a compass word and no place: nothing
        ("Kanye West and Malcolm X were named.", {"Kanye West": "PERSON", "Malcolm X": "PERSON"}),
    ],
)
def test_compass_ordinal_and_label_words_open_no_person(
    text: str, expected: dict[str, str]
) -> None:
    got = {e.text: e.label for e in extract(text) if e.label in {"PERSON", "PLACE", "ORG"}}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Reuters' 5,000 first stories, entities --top: "Soviet Union" an ORG in 68 articles (its
        # last word is an organisation head), "Europeans" a group in 198 ("European Community").
        ("The Soviet Union said it would buy grain.", {"Soviet Union": "PLACE"}),
        ("The Russian Federation agreed.", {"Russian Federation": "PLACE"}),
        ("European Community ministers met.", {"European Community": "ORG"}),
        ("The White House said so.", {"White House": "ORG"}),  # a town too: only a country wins
    ],
)
def test_a_country_ending_on_a_head_word_is_a_place(text: str, expected: dict[str, str]) -> None:
    got = {e.text: e.label for e in extract(text) if e.label in {"PERSON", "PLACE", "ORG", "GROUP"}}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Canadian" was a person 12 times in 2,000 Reuters stories; "Latin" 6 ("Latin American").
        ("The deal altered the Canadian unit of the firm.", {"Canadian": "GROUP"}),
        ("Major Latin American nations agreed.", {"Latin American": "GROUP"}),
        ("Egyptian and Korean officials met.", {"Egyptian": "GROUP", "Korean": "GROUP"}),
    ],
)
def test_demonyms_the_regular_rules_missed(text: str, expected: dict[str, str]) -> None:
    got = {e.text: e.label for e in extract(text) if e.label in {"PERSON", "PLACE", "ORG", "GROUP"}}
    assert got == expected
