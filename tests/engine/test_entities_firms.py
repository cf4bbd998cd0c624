"""Firms, offices and table headers on newswire are not people; shown names are readable (issue 11)."""

from __future__ import annotations

import pytest

from index.analysis.entities import extract
from index.store.tables import fullest


def _found(text: str) -> list[tuple[str, str]]:
    return [(" ".join(e.text.split()), e.label) for e in extract(text)]


def test_table_headers_apart_by_a_column_gap_are_not_a_person() -> None:
    text = (
        "Differentials were fixed as follows,\n Country       Differential stg/tonne\n"
        " Malaysia           0\n Brazil            55\n"
    )
    assert not [t for t, label in _found(text) if label == "PERSON"]


def test_a_name_the_article_calls_its_is_a_firm_in_every_mention() -> None:
    text = (
        "Rains fell in the Bahia cocoa zone, Comissaria Smith said in its weekly review.\n"
        "    Comissaria Smith said spot bean prices rose. Smith added that arrivals fell."
    )
    found = extract(text)
    assert [(e.text, e.label) for e in found if "Smith" in e.text] == [
        ("Comissaria Smith", "ORG"),
        ("Comissaria Smith", "ORG"),
        ("Smith", "ORG"),
    ]
    assert {e.canonical for e in found if "Smith" in e.text} == {"comissaria smith"}


def test_which_after_a_name_is_no_cue() -> None:
    text = "The radio was Entre Olas, directed by Jorge Nasser, which also helped people."
    assert ("Jorge Nasser", "PERSON") in _found(text)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Finance Ministry officials said the government would act.", "Finance Ministry"),
        ("A Justice Department lawyer said so.", "Justice Department"),
        ("General Motors Corp said sales fell.", "General Motors Corp"),
        ("Treasury balances at the Federal Reserve rose on Feb 25.", "Federal Reserve"),
        ("The Treasury said so.", "Treasury"),
    ],
)
def test_a_title_word_opening_an_organisation_is_part_of_it(text: str, org: str) -> None:
    found = _found(text)
    assert (org, "ORG") in found
    assert not [t for t, label in found if label == "PERSON"]


def test_titles_still_announce_people() -> None:
    text = (
        "President Reagan met Defense Secretary Caspar Weinberger. Belgian Foreign Trade "
        "Minister Herman De Croo said trade grew."
    )
    people = [t for t, label in _found(text) if label == "PERSON"]
    assert people == ["Reagan", "Caspar Weinberger", "Herman De Croo"]


def test_bracketed_company_names_are_organisations_stock_codes_are_not_names() -> None:
    text = (
        "IEL has mandated <Merrill Lynch Capital Markets> to arrange a credit. Shares of "
        "Skanska AB <SKBS ST> rose."
    )
    found = _found(text)
    assert ("Merrill Lynch Capital Markets", "ORG") in found
    assert "SKBS ST" not in {t for t, _ in found}


def test_one_letter_is_never_a_person() -> None:
    assert not [t for t, label in _found("S and P said PACCAR has improved.") if label == "PERSON"]


def test_short_form_of_a_firm_named_in_full_is_that_firm() -> None:
    text = (
        "The notes yield 8.2 pct, said lead manager Morgan Stanley and Co Inc. Morgan Stanley "
        "said demand was strong."
    )
    firms = [(e.text, e.label, e.canonical) for e in extract(text) if "Morgan" in e.text]
    assert firms == [
        ("Morgan Stanley and Co Inc.", "ORG", "morgan stanley and co"),
        ("Morgan Stanley", "ORG", "morgan stanley and co"),
    ]


def test_shown_names_are_mixed_case_and_figures_plain() -> None:
    assert fullest("THE GULF", "Gulf", "PLACE|gulf")
    assert not fullest("Gulf", "THE GULF", "PLACE|gulf")
    assert fullest("Gulf", "the Gulf", "PLACE|gulf")
    assert fullest("more than two", "two", "QUANTITY|2")
    assert not fullest("two", "more than two", "QUANTITY|2")
    assert fullest("Tuesday, March 31", "March 31", "DATE|--03-31")


def test_named_agreements_regions_and_the_signoff_are_not_people() -> None:
    text = (
        "Talks under the General Agreement on Tariffs and Trade resumed. Oil from the Middle "
        "East and the Far East rose, the Reuter report said.\n Reuter"
    )
    found = _found(text)
    assert not [t for t, label in found if label == "PERSON"]
    assert ("Middle East", "PLACE") in found and ("Far East", "PLACE") in found


def test_bodies_models_and_lone_offices_are_not_people() -> None:
    text = (
        "The United Nations and the Intergovernmental Panel on Climate Change met. An Airbus "
        "A330 landed. Labour wants the Prime Minister to be elected by parliament. Ausimont NV "
        "on May Six said so."
    )
    found = _found(text)
    assert not [t for t, label in found if label == "PERSON"]
    assert ("United Nations", "ORG") in found
    assert ("Intergovernmental Panel on Climate Change", "ORG") in found
    assert ("Ausimont NV", "ORG") in found


def test_and_joins_one_firm_and_separates_two() -> None:
    text = (
        "Nippon Telegraph and Telephone Corp, Ranger Oil Co and Ranger Inc, and National Bank "
        "and Trust Co of Washington agreed."
    )
    assert [t for t, label in _found(text) if label == "ORG"] == [
        "Nippon Telegraph and Telephone Corp",
        "Ranger Oil Co",
        "Ranger Inc",
        "National Bank and Trust Co of Washington",
    ]


def test_an_institution_named_by_its_first_word_keeps_the_full_key() -> None:
    text = "The Treasury Department said so. The Treasury also said bills fell."
    keys = {e.text: e.canonical for e in extract(text) if e.label == "ORG"}
    assert keys == {"Treasury Department": "treasury department", "Treasury": "treasury department"}
