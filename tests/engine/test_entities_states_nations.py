"""US states and the UK's nations are places, never shadowed by smaller towns of the same name.

Florida, Arizona, Colorado, Delaware, Montana, Oregon, Virginia and Wyoming are also the names of
towns abroad (Florida, Cuba: 63,000); a town under a million people kept the key as a town, which a
lone word must be large to be, so "the hurricane hit Florida" found no place and "Officials in
Colorado said" found a person. England, Scotland and Wales (pycountry's kind "Country") were not in
the gazetteer at all, nor Kosovo (not in ISO 3166).
"""

from __future__ import annotations

import pytest

from index.analysis.entities import extract
from index.analysis.gazetteer import _subdivision_names


def places(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.canonical) for e in extract(text) if e.label == "PLACE"]


@pytest.mark.parametrize(
    "text, place",
    [
        ("The hurricane hit Florida on Monday.", "florida"),
        ("Officials in Colorado said it was calm.", "colorado"),
        ("He moved to Oregon last year.", "oregon"),
        ("The Delaware senator spoke.", "delaware"),
        ("Police in England said it was calm.", "england"),
        ("Scotland voted against it.", "scotland"),
        ("Officials in Kosovo said it was calm.", "kosovo"),
    ],
)
def test_a_state_or_nation_alone_is_a_place(text: str, place: str) -> None:
    assert [k for _, k in places(text)] == [place]


@pytest.mark.parametrize(
    "text, person",
    [
        ("Joe Montana said it was over.", "joe montana"),
        ("Virginia Woolf wrote it.", "virginia woolf"),
        ("George Washington said so.", "george washington"),
    ],
)
def test_a_state_glued_to_a_name_is_still_part_of_the_name(text: str, person: str) -> None:
    ents = extract(text)
    assert [(e.label, e.canonical) for e in ents] == [("PERSON", person)]


def test_a_big_city_keeps_its_name() -> None:
    assert places("He flew to New York and Washington.") == [
        ("New York", "new york"),
        ("Washington", "washington"),
    ]


def test_subdivision_alternate_names() -> None:
    assert _subdivision_names("Wales [Cymru GB-CYM]") == ["Wales", "Cymru"]
    assert _subdivision_names("Catalunya [Cataluña]") == ["Catalunya", "Cataluña"]
    assert _subdivision_names("England") == ["England"]


@pytest.mark.parametrize(
    "text, org",
    [
        ("Texas Instruments said profits rose.", "texas instruments"),
        ("Scotland Yard said it was investigating.", "scotland yard"),
        ("In a statement, Ohio Edison said it would pay.", "ohio edison"),
    ],
)
def test_a_body_named_after_its_region_speaks(text: str, org: str) -> None:
    """A region's name, one or two more capitalised words, then "said": an organisation, where
    the region and a "person" (Instruments, Yard, Edison) were found."""
    assert [(e.label, e.canonical) for e in extract(text)] == [("ORG", org)]


def test_a_region_before_a_party_or_after_a_title_stays_a_place() -> None:
    ents = extract("The Texas Democrat told reporters he agreed.")
    assert ("PLACE", "texas") in [(e.label, e.canonical) for e in ents]
    assert not [e for e in ents if e.label == "ORG"]


def test_a_chinese_province_is_named_without_sheng() -> None:
    """ISO names China's provinces "Sichuan Sheng"; news writes "Sichuan" ("Henan" was the key
    of a city that lists it among its other names, Hengyang)."""
    assert _subdivision_names("Sichuan Sheng") == ["Sichuan", "Sichuan Sheng"]
    assert places("Rain fell in Henan and Sichuan on Monday.") == [
        ("Henan", "henan"),
        ("Sichuan", "sichuan"),
    ]


def test_a_word_after_in_before_said_is_where_the_speakers_are() -> None:
    """ "Officials in Crimea said": Crimea was a person (the one who said); after "from" or "at"
    the word is a body or a place, which one word does not tell, and no person."""
    assert places("Officials in Crimea said the situation was calm.") == [("Crimea", "crimea")]
    ents = extract("A spokesperson from Waitrose explained that no one was hurt.")
    assert not [e for e in ents if e.label == "PERSON"]


def test_a_party_word_alone_is_no_person() -> None:
    """ "the Texas Democrat said", "Republicans said": 85 "persons" of all Reuters stories (Democrat
    19 times); a party word links to the party an article names ("another Conservative victory")."""
    assert not [e for e in extract("Republicans said they would block it.") if e.label == "PERSON"]
    ents = extract("The Conservative Party won. Another Conservative victory is likely, he said.")
    assert [(e.label, e.canonical) for e in ents] == [("ORG", "conservative party")] * 2


def test_an_organisation_named_after_of_runs_to_the_end_of_its_name() -> None:
    """ "Organization of Petroleum Exporting Countries" was the organisation "Organization of
    Petroleum" ("Petroleum" is a head word too) and the person "Exporting Countries"."""
    ents = extract("The Organization of Petroleum Exporting Countries said output would fall.")
    assert [(e.label, e.canonical) for e in ents] == [
        ("ORG", "organization of petroleum exporting countries")
    ]
    ents = extract("A filing with the Securities and Exchange Commission said so.")
    assert [(e.label, e.canonical) for e in ents] == [("ORG", "securities and exchange commission")]
