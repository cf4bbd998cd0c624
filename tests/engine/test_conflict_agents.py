"""Two agents named by one head and other words ("The Indian navy has captured 23 pirates" /
"the British Royal Navy had captured eight pirates"): each agent's own figure, no disagreement
(ECB+ 12_14 / 12_5 and 12_15 / 12_5). One agent named more fully ("the Navy" / "the Indian
Navy") still disagrees with itself. Made-up sentences, aligned as the comparison aligned the real
ones."""

from __future__ import annotations

from conflict_helpers import aligned_figures as _figures

_BRITISH = (
    "Early November, the British Royal Navy had captured eight pirates, who were handed over "
    "to Kenya to face trial in the port town of Mombasa."
)


def test_two_navies_capture_their_own_pirates() -> None:
    assert _figures("The Indian navy has captured 23 pirates in the Gulf of Aden.", _BRITISH) == []


def test_an_agent_told_by_a_claim_is_still_the_agent() -> None:
    text = "The Indian Navy claims they have captured 23 pirates in the Gulf of Aden."
    assert _figures(text, _BRITISH) == []


def test_one_navy_named_more_fully_still_disagrees() -> None:
    assert _figures(
        "The Indian navy has captured 23 pirates in the Gulf of Aden.",
        "The navy has captured 26 pirates in the Gulf of Aden.",
    ) == ["number of pirates: A says '23'; B says '26'; they differ"]
