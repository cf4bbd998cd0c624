"""One source spelled two ways is one source: "spokeswoman Ilene Wolfe said" / "spokeswoman
Ilene Wolff said" (ECB+ 18_3 / 18_7 credited the same statement to "two" sources), while two
surnames one letter apart that open differently stay two people. Made-up sentences."""

from __future__ import annotations

from conflict_helpers import sents

from index.compare.conflicts import find
from index.compare.figure_sources import same_source

_SAID = "The families of the two wounded men asked for privacy, hospital spokeswoman {} said."


def _sources(a: str, b: str) -> list[str]:
    found = find(sents(a), sents(b), {(0, 0): 0.9}, {(0, 0): 0.9})
    return [f.detail for f in found if f.kind == "attribution"]


def test_one_surname_spelled_two_ways_is_one_source() -> None:
    assert _sources(_SAID.format("Ilene Wolfe"), _SAID.format("Ilene Wolff")) == []
    assert same_source({"Wolfe"}, {"Ilene Wolff"})


def test_two_people_still_differ() -> None:
    assert not same_source({"Robert Gates"}, {"Anne Bates"})
    assert _sources(_SAID.format("Ilene Wolfe"), _SAID.format("Mary Stone")) == [
        "source: A credits Ilene Wolfe; B credits Mary Stone"
    ]
