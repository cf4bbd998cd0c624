"""A denial of an act whose past participle is irregular ("no ransom had been paid") against the
act stated: the denial pattern read participles ending in -ed only."""

from __future__ import annotations

from conflict_helpers import aligned


def test_a_denied_payment_against_a_stated_one() -> None:
    found = aligned(
        "State governor Uba Sani said no ransom had been paid for the pupils.",
        "A security source said a ransom had been paid to the gang for the pupils.",
        "status",
    )
    assert found == ["A denies it ('no ransom had been paid'); B states it"], found


def test_the_act_must_be_told_of_what_is_denied() -> None:
    assert (
        aligned(
            "State governor Uba Sani said no ransom had been paid for the pupils.",
            "A security source said the pupils had been paid a visit by the governor.",
            "status",
        )
        == []
    )


def test_a_denial_so_far_is_against_nothing_later() -> None:
    # ("yet": not so far; a later report may tell it done, the story moving)
    assert (
        aligned(
            "The Interior Department said no decision had yet been made on the rule.",
            "The Interior Department made a decision on the rule on Friday, officials said.",
            "status",
        )
        == []
    )
