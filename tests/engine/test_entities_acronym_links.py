"""Cross-article linking and acronyms: a "person" that merely shares the first words of a firm that
an article names by an acronym spelling more words ("International Business" newspaper and
"International Business Machines Corp <IBM>", Reuters) does not take the firm's key; made-up names."""

from __future__ import annotations

from index.analysis.entity_keys import link_across
from index.models import Entity


def _ents(text: str, *spans: tuple[str, str, str]) -> list[Entity]:
    out = []
    for surface, label, key in spans:
        start = text.index(surface)
        out.append(Entity(start, start + len(surface), label, surface, key))
    return out


def _linked(ents: list[Entity]) -> list[tuple[str, str, str]]:
    return [(e.text, e.label, e.canonical) for e in ents]


FIRM = "Northfield Data Machines Corp <NDM> sold its unit."
FIRM_ENTS = [
    ("Northfield Data Machines Corp", "ORG", "northfield data machines corp"),
    ("NDM", "ORG", "ndm"),
]


def test_a_name_cut_inside_a_firms_acronym_is_not_that_firm() -> None:
    firm = _ents(FIRM, *FIRM_ENTS)
    paper = "The official Northfield Data newspaper said so."
    news = _ents(paper, ("Northfield Data", "PERSON", "northfield data"))
    whole = "Northfield Data Machines said so."
    short = _ents(whole, ("Northfield Data Machines", "PERSON", "northfield data machines"))
    linked = link_across([firm, news, short])
    assert _linked(linked[1]) == [("Northfield Data", "PERSON", "northfield data")]
    # the name the acronym spells, all of it, is the firm
    assert _linked(linked[2]) == [
        ("Northfield Data Machines", "ORG", "northfield data machines corp")
    ]


def test_without_the_acronym_the_short_form_is_the_firm_as_before() -> None:
    firm = _ents(FIRM, FIRM_ENTS[0])
    news = _ents("Northfield Data said so.", ("Northfield Data", "PERSON", "northfield data"))
    assert _linked(link_across([firm, news])[1]) == [
        ("Northfield Data", "ORG", "northfield data machines corp")
    ]


def test_an_acronym_of_another_article_does_not_cut_a_firm() -> None:
    # "CCC" is the Commodity Credit Corp's, not "Chrysler Credit Canada Ltd"'s (Reuters).
    firm = _ents(
        "Castle Credit Canada Ltd priced a bond.",
        ("Castle Credit Canada Ltd", "ORG", "castle credit canada ltd"),
    )
    other = _ents("The CCC accepted bids.", ("CCC", "ORG", "ccc"))
    short = _ents("Castle Credit said so.", ("Castle Credit", "PERSON", "castle credit"))
    assert _linked(link_across([firm, other, short])[2]) == [
        ("Castle Credit", "ORG", "castle credit canada ltd")
    ]


def test_an_acronym_of_the_whole_name_with_its_ending_cuts_nothing() -> None:
    # "HMC" of "Hyundai Motor Co": "Hyundai Motor" is all of the name before "Co".
    firm = _ents(
        "Halden Motor Co <HMC> said.",
        ("Halden Motor Co", "ORG", "halden motor co"),
        ("HMC", "ORG", "hmc"),
    )
    short = _ents("Halden Motor said.", ("Halden Motor", "PERSON", "halden motor"))
    assert _linked(link_across([firm, short])[1]) == [("Halden Motor", "ORG", "halden motor co")]


def test_a_name_cut_before_an_organisation_noun_the_acronym_spells_is_the_firm() -> None:
    # "London International" of "London International Group Plc" whose article says "LIG".
    firm = _ents(
        "Linden Harbour Group Plc <LHG> sold a unit. LHG said so.",
        ("Linden Harbour Group Plc", "ORG", "linden harbour group plc"),
        ("LHG", "ORG", "lhg"),
    )
    short = _ents("Linden Harbour gained 14p.", ("Linden Harbour", "PERSON", "linden harbour"))
    assert _linked(link_across([firm, short])[1]) == [
        ("Linden Harbour", "ORG", "linden harbour group plc")
    ]
