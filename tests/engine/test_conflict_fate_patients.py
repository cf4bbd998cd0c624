"""Whom a rescue or a capture is done to is told by its nouns and large counts, not by a few: "rescued
two cargo vessels" and "pirates captured two Yemeni fishing boats" are two acts (ECB+ topic 12:
false "rescued / captured" disagreements that shared only "two"), while "nabbed 26 Somali pirates"
and "rescued 26 Somali crewmembers" (or "capturing 26 Somani brigands") still tell one fate two
ways."""

from __future__ import annotations

from conflict_helpers import aligned


def test_two_acts_sharing_only_a_count_are_two() -> None:
    assert (
        aligned(
            "Last month, marine commandos were reported to have rescued two cargo vessels that "
            "were being attacked.",
            "Just this month, pirates captured two fishing boats and 22 fishermen in the Gulf.",
            "status",
        )
        == []
    )


def test_one_fate_told_two_ways_still_disagrees() -> None:
    assert aligned(
        "The warship intercepted the remaining three boats and nabbed 26 Somali pirates.",
        "The warship thwarted a multiple-boat attack on Thursday and rescued 26 Somali crewmembers.",
        "status",
    ) == ["A says captured ('nabbed'); B says rescued ('rescued')"]
    assert aligned(
        "An Indian warship foiled a five-boat attack on Friday, capturing 26 Somani brigands.",
        "The warship thwarted a multiple-boat attack on Thursday and rescued 26 Somali crewmembers.",
        "status",
    ) == ["A says captured ('capturing'); B says rescued ('rescued')"]
