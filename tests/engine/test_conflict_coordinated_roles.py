"""A count after "and" that has a role word of its own after it takes that role, not the one told
of others before it: "left a clerk dead and two managing partners wounded" counts two wounded, no
dead. Made-up sentences, aligned as the comparison would align them."""

from __future__ import annotations

from conflict_helpers import aligned_figures

from index.compare.figures import figures


def test_the_role_after_a_coordinated_count_is_its_own() -> None:
    text = "The shooting left a clerk dead and two managing partners wounded in Dalton."
    (two,) = [f for f in figures(text) if f.value == 2]
    assert two.role == "injured"


def test_a_toll_is_not_set_against_the_wounded() -> None:
    a = "Gunman kills 1, wounds 2 at a Dalton accounting office"
    b = "A jury convicted the man of a shooting at a Dalton firm that left a clerk dead and two managing partners wounded."
    assert aligned_figures(a, b) == []


def test_a_count_with_no_role_of_its_own_keeps_the_one_before() -> None:
    text = "The quake killed 12 in Dalton and 30 in Ferncliff."
    assert [f.role for f in figures(text)] == ["dead", "dead"]
