"""Figures of events told on two days are two events' ("On Saturday, more than a dozen people
were killed by a quake in eastern China" / "A powerful earthquake hit southern Iran on Sunday,
killing 10 people": ECB+ 20_7 against 20_3, 20_4, 20_8), unless a day is told of another clause
("suspicions intensified Wednesday when an autopsy revealed Gray was hit by seven bullets" / "was
shot 11 times by police on Saturday": the bullets still disagree). Made-up sentences, aligned as
the comparison aligned the real ones."""

from __future__ import annotations

from conflict_helpers import aligned_figures as _figures


def test_tolls_of_two_days_are_two_events() -> None:
    assert (
        _figures(
            "On Saturday, more than a dozen people were killed by a quake in the north.",
            "A powerful earthquake hit the south on Sunday, killing 10 people and injuring 80.",
        )
        == []
    )


def test_a_day_of_another_clause_leaves_the_figures_compared() -> None:
    assert _figures(
        "The boy was shot 11 times by police on Saturday, his family said.",
        "Anger grew Wednesday when an autopsy report revealed the boy was hit by seven bullets.",
    ) == ["bullets that hit: A says '11 times'; B says 'seven'; they differ"]
