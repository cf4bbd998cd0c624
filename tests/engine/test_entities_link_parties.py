"""Cross-article linking of firms' short forms: a key the recognizer made of a man and a firm joined
by "and" ("Asher Edelman and Dominion Textile Ltd", Reuters) gives its key to neither, where a
partnership ("Sears Roebuck and Co", "Donaldson Lufkin and Jenrette Securities Corp") still gives
its key to its short form; made-up names."""

from __future__ import annotations

import pytest

from index.analysis.entity_keys import link_across
from index.models import Entity


def _one(surface: str, label: str) -> list[Entity]:
    return [Entity(0, len(surface), label, surface, " ".join(surface.lower().split()))]


def _linked(firm: str, short: str) -> tuple[str, str]:
    out = link_across([_one(firm, "ORG"), _one(short, "PERSON")])[1][0]
    return out.label, out.canonical


@pytest.mark.parametrize(
    ("firm", "short"),
    [
        ("Halden Weiss and Northfield Textile Ltd", "Halden Weiss"),
        ("Marten Sosby and Msb Acquisition Corp", "Marten Sosby"),
        ("Linden Harbour International and Kestrel Handelsbank Plc", "Linden Harbour"),
    ],
)
def test_a_man_and_a_firm_joined_by_and_give_their_key_to_neither(firm: str, short: str) -> None:
    assert _linked(firm, short) == ("PERSON", short.lower())


@pytest.mark.parametrize(
    ("firm", "short"),
    [
        ("Halden Roebuck and Co", "Halden Roebuck"),
        ("Halden Lufkin and Jenrette Securities Corp", "Halden Lufkin"),
        ("Halden Transport and Trading Plc", "Halden Transport"),
        ("Halden Weiss Inc", "Halden Weiss"),
    ],
)
def test_a_partnership_gives_its_key_to_its_short_form(firm: str, short: str) -> None:
    assert _linked(firm, short) == ("ORG", firm.lower())


def test_a_short_form_of_letters_alone_is_no_firm() -> None:
    # "U. S" (a person to the recognizer) was "U S West Inc" across Reuters.
    assert _linked("U S Westerly Inc", "U S") == ("PERSON", "u s")
    assert _linked("N Pakard Stores Inc", "N Pakard") == ("ORG", "n pakard stores inc")
