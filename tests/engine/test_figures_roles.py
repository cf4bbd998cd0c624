"""What a count of people counts (issue 10): a relative clause after a carrier's complement tells
of the carrier, not of those aboard. Made-up sentences."""

from __future__ import annotations

from index.compare.figures import figures


def _roles(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.role) for f in figures(text)]


def test_a_clause_after_those_aboard_tells_of_the_carrier() -> None:
    told = "The Northwind ferry carrying 140 passengers and 9 crew members that vanished was found."
    assert _roles(told) == [("140", ""), ("9", "")]
    assert _roles("A coach with 31 tourists on board that disappeared overnight.") == [("31", "")]


def test_a_clause_of_the_counted_people_keeps_its_role() -> None:
    # not a carrier's complement: the clause tells of the count
    assert _roles("Rangers found the 3 climbers that disappeared last week.") == [("3", "missing")]
    # "who" tells of people, aboard or not
    assert _roles("A ferry carrying 40 passengers who died in the storm.") == [("40", "dead")]
    assert _roles("A ferry carrying 40 people sank and 12 people were killed.")[-1] == (
        "12",
        "dead",
    )


def _nouns(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.noun) for f in figures(text)]


def test_a_participle_inside_a_compound_noun_does_not_end_it() -> None:
    # "one rocket propelled grenade launcher" counts launchers, not rockets
    told = "The haul held one rocket propelled grenade launcher, grenades and three rifles."
    assert _nouns(told)[0] == ("one", "rocket grenade launcher")
    # a verb after a count of people, or a participle followed by when it happened, ends it
    assert _nouns("Two officers suffered minor injuries.") == [("Two", "officers")]
    assert _nouns("One man arrested yesterday morning.") == [("One", "man")]
