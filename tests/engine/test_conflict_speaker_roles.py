"""One claim, told near word for word, credited to two speakers each report describes by a role
("said agency spokesman Yusuf Latif" / "the ferry's owner told reporters"): the named sources
read only capitalised names, so a described speaker was no source and the pair was no
disagreement (a made-up probe pair's quotation)."""

from __future__ import annotations

from conflict_helpers import aligned

from index.compare.speaker_roles import described_speakers


def test_a_quotation_told_by_two_described_speakers_is_a_disagreement() -> None:
    assert aligned(
        '"The weather was very bad and the waves were high," said agency spokesman Yusuf Latif.',
        '"The weather was very bad and the waves were high," the ferry\'s owner told reporters.',
        "attribution",
    ) == [
        "source: A credits agency spokesman Yusuf Latif; B credits the ferry's owner",
    ]
    assert aligned(
        "The driver ran the red light before the crash, the bus company's manager told police.",
        "The driver ran the red light before the crash, a witness said.",
        "attribution",
    ) == ["source: A credits the bus company's manager; B credits a witness"]


def test_speakers_who_may_be_one_person_are_no_disagreement() -> None:
    # one role, whoever's: "an airline spokeswoman" may speak for Alaska Airlines
    assert (
        aligned(
            '"Everyone was evacuated safely," an airline spokeswoman said.',
            '"Everyone was evacuated safely," said a spokesman for Alaska Airlines.',
            "attribution",
        )
        == []
    )
    # an officer or an official may be anyone the other names
    assert (
        aligned(
            "The suspect fled on foot towards the river, a police officer said.",
            "The suspect fled on foot towards the river, the victim's father said.",
            "attribution",
        )
        == []
    )
    # a word of one description in the other: the owner's spokesman speaks for the owner
    assert (
        aligned(
            "The ferry had passed its safety inspection in March, the owner's spokesman said.",
            "The ferry had passed its safety inspection in March, the owner said.",
            "attribution",
        )
        == []
    )


def test_a_role_is_read_only_beside_a_verb_of_saying() -> None:
    assert described_speakers("The ferry's captain, Budi Santoso, was among those rescued.") == ()
    assert [
        d for _, _, d in described_speakers("Her lawyer, Ann Roe, said she would appeal.")
    ] == []
    assert [
        d for _, _, d in described_speakers("She would appeal, her lawyer told reporters.")
    ] == ["her lawyer"]
