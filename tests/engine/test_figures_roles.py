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
