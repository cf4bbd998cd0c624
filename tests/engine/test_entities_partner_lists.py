"""Partnerships (``index.analysis.entity_firms.partnerships``): a firm named after partners with
commas is one firm, but a list of firms is not one ("McDonnell Douglas, and United Technologies
Corp" was the one key "mcdonnell douglas and united technologies corp" in a Reuters story)."""

from __future__ import annotations

from index.analysis.entities import extract


def _orgs(text: str) -> list[str]:
    return [e.canonical for e in extract(text) if e.label == "ORG"]


def test_a_comma_before_and_lists_firms() -> None:
    text = "Textron Inc, coupled with McDonnell Douglas, and United Technologies Corp, won."
    assert "united technologies corp" in _orgs(text)
    assert not any("douglas and" in k for k in _orgs(text))


def test_initials_after_the_comma_open_a_firm_of_its_own() -> None:
    text = "The managers are Schroder Wagg, S.G. Warburg and Co Ltd and others, dealers said."
    assert _orgs(text) == ["sg warburg and co"]  # its last legal form dropped (firm_key)
    # its "and" before the initials: one firm
    assert _orgs("Tucker, Anthony and R.L. Day Inc said it bought shares.") == [
        "tucker anthony and rl day inc"
    ]


def test_a_partner_before_a_partnership_joins_it() -> None:
    text = "Merrill Lynch, Pierce, Fenner and Smith Inc said it sold the shares."
    assert _orgs(text) == ["merrill lynch pierce fenner and smith inc"]
    assert _orgs("Goldman, Sachs and Co said it sold.") == ["goldman sachs and co"]
