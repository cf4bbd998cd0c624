"""A hedge and a confirmation disagree only when they are of one thing, however close the two
sentences' other words: "a fire that was deliberately set" does not confirm what "reportedly
apologized" hedges. Made-up sentences, aligned as the comparison would align them."""

from __future__ import annotations

from conflict_helpers import sents

from index.compare.conflicts import find


def _certainty(a: str, b: str) -> list[str]:
    found = find(sents(a), sents(b), {(0, 0): 0.9}, {(0, 0): 0.9})
    return [f.detail for f in found if f.kind == "certainty"]


def test_a_hedge_of_another_act_does_not_disagree() -> None:
    a = "The Glenmore chapel of Mayor Ruth Oskin was badly burned in a fire deliberately set."
    b = "Mayor Ruth Oskin reportedly apologized for the possibility the chapel fire was her fault."
    assert _certainty(a, b) == []


def test_what_is_unclear_is_not_what_was_confirmed() -> None:
    a = "Her agent confirmed that the singer Dara Vell was at the same clinic in Glenmore."
    b = "It is unclear what she is being treated for."
    assert _certainty(a, b) == []


def test_a_confirmation_past_its_agent_still_disagrees() -> None:
    a = "The debris is suspected to have come from Kestrel Airways Flight 12, a jet lost at sea."
    b = "Debris from a jet has been confirmed by the coast guard to be from Kestrel Airways Flight 12."
    assert len(_certainty(a, b)) == 1
