"""Who did one act (conflicts_dev's "which inmate was stabbed"): one report's doer is the one the
other report's doer acted upon. Made-up sentences; no alignment to lean on."""

from __future__ import annotations

from conflict_helpers import conflicts


def test_the_doer_is_whom_the_other_doer_visited() -> None:
    found = conflicts(
        ["Marsh also wounded a man who was visiting another patient and tried to stop the attack."],
        ["His sister survived, but another patient who tried to break up the attack was wounded."],
    )
    assert [(f.kind, f.detail.split(";")[0]) for f in found] == [
        ("status", "who did it: A says 'a man' (was visiting another patient)")
    ]


def test_one_doer_named_by_two_roles_does_not_disagree() -> None:
    # a nurse may be a woman: nothing says the two are two people
    assert (
        conflicts(
            ["Marsh also wounded a woman who tried to stop the attack in the corridor."],
            ["A nurse who tried to break up the attack in the corridor was wounded."],
        )
        == []
    )


def test_two_acts_do_not_disagree() -> None:
    # the visitor called for help, the patient broke up the attack: two doers of two acts
    assert (
        conflicts(
            ["A man who was visiting another patient called the nurses to the ward."],
            ["Another patient who tried to break up the attack was wounded on the ward."],
        )
        == []
    )


def test_the_same_doer_does_not_disagree() -> None:
    assert (
        conflicts(
            ["Another patient who was visiting the ward tried to stop the attack and was hurt."],
            ["Another patient who tried to break up the attack was hurt on the ward."],
        )
        == []
    )
