"""Firm names the sidebar listed as people: a short form of a firm, a firm cut short, an acronym in
title case (made-up firms; Reuters' "Merrill Lynch", "Cambridge Energy Research Associates", "Opec")."""

from __future__ import annotations

from index.analysis.entities import extract
from index.analysis.entity_keys import link_across


def _found(text: str) -> list[tuple[str, str]]:
    return [(" ".join(e.text.split()), e.label) for e in extract(text)]


def test_a_firm_named_with_capital_markets_is_a_firm_and_so_is_its_short_form() -> None:
    text = (
        "The agency received a 150 mln dlr loan, said Halvorsen Keane Capital Markets as arranger.\n"
        "    Halvorsen Keane said the loan backs a note issue. Halvorsen added it was oversubscribed."
    )
    found = extract(text)
    assert [(e.text, e.label) for e in found if "Halvorsen" in e.text] == [
        ("Halvorsen Keane Capital Markets", "ORG"),
        ("Halvorsen Keane", "ORG"),
        ("Halvorsen", "ORG"),
    ]
    assert {e.canonical for e in found if "Halvorsen" in e.text} == {
        "halvorsen keane capital markets"
    }


def test_a_short_form_the_corpus_names_with_a_firm_suffix_is_a_firm() -> None:
    full = extract("Halvorsen Keane and Co is issuing a 100 mln Ecu eurobond due 1990.")
    short = extract("A sinking fund starts in 1998. Halvorsen Keane co-managed the deal.")
    fund = extract("The Dana Whitcombe Foundation gave a grant to the school.")
    person = extract("A sinking fund starts in 1998. Dana Whitcombe said so.")
    assert [(e.text, e.label) for e in short if "Keane" in e.text] == [
        ("Halvorsen Keane", "PERSON")
    ]  # alone, the article cannot tell
    linked = link_across([full, short, fund, person])
    assert [(e.text, e.label, e.canonical) for e in linked[1] if "Keane" in e.text] == [
        ("Halvorsen Keane", "ORG", "halvorsen keane and co")
    ]
    # A person's name that no firm of the corpus opens stays a person.
    assert ("Dana Whitcombe", "PERSON") in [(e.text, e.label) for e in linked[3]]


def test_a_firm_whose_name_ends_on_associates_is_not_cut_into_a_person() -> None:
    text = (
        '"It is never easy," said Dana Whitcombe, director of Northfield Energy\n'
        "Research Associates, NERA."
    )
    found = _found(text)
    assert ("Northfield Energy Research Associates", "ORG") in found
    assert not [t for t, label in found if label == "PERSON" and "Associates" in t]


def test_a_known_body_acronym_written_in_title_case_is_that_body() -> None:
    text = "Saudi Arabia has an Opec quota of 4.1 mln bpd. OPEC met in Vienna; Nato troops left."
    found = extract(text)
    assert [
        (e.text, e.label, e.canonical) for e in found if e.text in {"Opec", "OPEC", "Nato"}
    ] == [
        ("Opec", "ORG", "opec"),
        ("OPEC", "ORG", "opec"),
        ("Nato", "ORG", "nato"),
    ]


def test_a_title_case_word_that_is_no_known_acronym_is_left_as_it_was() -> None:
    # "Ocat" is no body's acronym: title case alone makes nothing an organisation.
    assert ("Ocat", "ORG") not in _found("Saudi Arabia has an Ocat quota of 4.1 mln bpd.")


def test_a_firm_named_after_partners_with_commas_is_one_firm() -> None:
    text = (
        "The issue was priced at par, said lead manager Halvorsen Keane, Pryce Dunmore and Co Inc.\n"
        "    The issue sold out, said Dana Whitcombe, Whitcombe and Co Inc president."
    )
    found = _found(text)
    assert ("Halvorsen Keane, Pryce Dunmore and Co Inc.", "ORG") in found
    assert ("Dana Whitcombe", "PERSON") in found  # a partner named before his firm
    keys = {e.canonical for e in extract(text) if e.text.startswith("Halvorsen")}
    assert keys == {"halvorsen keane pryce dunmore and co"}
