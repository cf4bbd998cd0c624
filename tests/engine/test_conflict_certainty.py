"""A hedge against a confirmation (issue 10, item 3: status and certainty): a hedge whose object
follows it ("thought to be the missing jet") disagrees only with a confirmation that tells that
object, two of its words at least. Made-up sentences, aligned as the comparison would align them."""

from __future__ import annotations

from conflict_helpers import sents

from index.compare.conflicts import Finding, find

_HEDGED = "Debris thought to be the missing Kestrel Airways jet found off the coast"


def _aligned(a: str, b: str) -> list[Finding]:
    return find(sents(a), sents(b), {(0, 0): 0.9}, {(0, 0): 0.9})


def test_a_confirmation_of_what_was_hedged_disagrees() -> None:
    found = _aligned(
        _HEDGED, "Officials confirmed the debris is from the missing Kestrel Airways jet."
    )
    assert [f.kind for f in found] == ["certainty"] and "thought to" in found[0].detail


def test_a_confirmation_of_something_else_does_not() -> None:
    # one word in common ("Kestrel") is a coincidence of names, not the hedged claim
    told = "The Kestrel Air base confirmed that a seat and a life vest were found in the water."
    assert _aligned(_HEDGED, told) == []
