"""A person who lends a firm his name stays a person where a role names him, in his article and
across the reports a comparison or a story links (``link_across``); a firm's short form still
joins its firm, commas or not."""

from __future__ import annotations

from index.analysis.entities import extract
from index.analysis.entity_keys import link_across, query_key

HEAD = (
    "Mario Gabelli, head of New York investment firm Mario Gabelli and Co, said he sold "
    "some shares of GenCorp Inc.\n    Regarding the meeting, Gabelli told Reuters nothing was new."
)
FIRM = "Mario Gabelli and Co said it holds 9.8 pct of Di Giorgio Corp, a filing showed."
PERSON = "Shareholder activist Mario Gabelli said he would vote against the plan.\n    Gabelli said so again."


def _people(ents: list) -> set[tuple[str, str, str]]:
    return {(e.text, e.label, e.canonical) for e in ents if "Gabelli" in e.text}


def test_the_man_is_no_firm_in_his_article() -> None:
    assert _people(extract(HEAD)) == {
        ("Mario Gabelli", "PERSON", "mario gabelli"),
        ("Mario Gabelli and Co", "ORG", "mario gabelli and co"),
        ("Gabelli", "PERSON", "mario gabelli"),
    }


def test_a_firm_short_form_still_joins_its_firm() -> None:
    text = "Morgan Stanley and Co Inc said it would buy. Morgan Stanley said the deal was done."
    assert {(e.text, e.canonical) for e in extract(text) if e.text.startswith("Morgan")} == {
        ("Morgan Stanley and Co Inc", "morgan stanley and co"),
        ("Morgan Stanley", "morgan stanley and co"),
    }


def test_link_across_keeps_the_man_apart_from_his_firm() -> None:
    # The reports where the recognizer kept him apart from his firm tell that he is a person.
    firm, head, person = link_across([extract(FIRM), extract(HEAD), extract(PERSON)])
    assert ("Mario Gabelli and Co", "ORG", "mario gabelli and co") in _people(firm)
    assert ("Mario Gabelli", "PERSON", "mario gabelli") in _people(head)
    assert _people(person) == {
        ("Mario Gabelli", "PERSON", "mario gabelli"),
        ("Gabelli", "PERSON", "mario gabelli"),
    }


def test_link_across_still_makes_a_firm_of_its_short_form() -> None:
    _, short = link_across(
        [
            extract("Merrill Lynch Capital Markets said it sold the notes."),
            extract("A dealer at Merrill Lynch said prices fell."),
        ]
    )
    assert [(e.label, e.canonical) for e in short if e.text == "Merrill Lynch"] == [
        ("ORG", "merrill lynch capital markets")
    ]


def test_a_firm_written_with_a_comma_takes_its_short_forms() -> None:
    text = "Goldman, Sachs and Co told the SEC it sold its stake.\n    Goldman Sachs said it kept some."
    assert {(e.text, e.label, e.canonical) for e in extract(text) if "Goldman" in e.text} == {
        ("Goldman, Sachs and Co", "ORG", "goldman sachs and co"),
        ("Goldman Sachs", "ORG", "goldman sachs and co"),
    }


def test_a_firm_with_and_without_its_last_legal_form_is_one_key() -> None:
    text = "Gabelli and Co Inc said it holds 9.8 pct. Gabelli and Co bought more. Hongkong Land Co Ltd sold."
    keys = [(e.text, e.canonical) for e in extract(text) if e.label == "ORG"]
    assert keys == [
        ("Gabelli and Co Inc", "gabelli and co"),
        ("Gabelli and Co", "gabelli and co"),
        ("Hongkong Land Co Ltd", "hongkong land co"),
    ]
    assert query_key("ORG", "Gabelli and Co Inc") == "gabelli and co"  # as the index keys it
    assert query_key("ORG", "Wells Fargo Co") == "wells fargo co"  # one form: kept
