"""Numbers of the sentence-pair judgement by kind: a date, a year, a clock time and a count are no
two readings of one figure, so only numbers of one kind can differ. Made-up sentences."""

from __future__ import annotations

from index.compare.pair_features import FEATURES, features
from index.compare.preparation import prepare


def _numbers(a: str, b: str) -> dict[str, float]:
    found = features(prepare(a), prepare(b))
    return {k: v for k, v in zip(FEATURES, found, strict=True) if k.startswith("numbers")}


def test_each_number_has_its_kind() -> None:
    assert prepare("The blasts of March 4, 2009 in Marlow.").numbers == {"d4", "y2009"}
    assert prepare("Police released two photographs at 15:30 today.").numbers == {"n2", "t15:30"}
    assert prepare("It struck at 3 p.m. on 12 May, killing 40.").numbers == {"t3", "d12", "n40"}
    assert prepare("The 08:30 BST train and the 9.15am train.").numbers == {"t08:30", "t9.15"}


def test_numbers_of_other_kinds_do_not_differ() -> None:
    # a date and a year against a count and a clock time: nothing differs, each adds detail
    got = _numbers(
        "Profiles of the suspects in the March 4, 2009 bombings in Marlow have been released.",
        "Marlow police released two photographs of the bombers at 15:30 today.",
    )
    assert got["numbers_both"] == 0.0 and got["numbers_differ"] == 0.0
    assert got["numbers_across"] == 1.0
    # two counts differ, a year the other lacks is across
    got = _numbers(
        "Some 10,000 soldiers were sent to Marlow in 2009.",
        "Some 12,000 soldiers were sent to Marlow.",
    )
    assert got["numbers_both"] == 1.0 and got["numbers_same"] == 0.0
    assert 0.0 < got["numbers_differ"] < 1.0 and 0.0 < got["numbers_across"] < 1.0
    # the same figures of the same kinds
    got = _numbers("Marlow counted 40 dead on 12 May.", "On 12 May Marlow counted 40 dead.")
    assert got["numbers_same"] == 1.0 and got["numbers_differ"] == got["numbers_across"] == 0.0
