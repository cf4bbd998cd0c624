"""An age among several of one sentence is one of a group's: without a name beside both ages it is
not set against another sentence's age. Made-up sentences, aligned as the comparison would align
them."""

from __future__ import annotations

from conflict_helpers import aligned_figures


def test_ages_of_a_group_are_not_the_gunman_s() -> None:
    a = "Police identified the victims as a 52-year-old man and a 57-year-old man, both wounded."
    b = "Prosecutors said the 41-year-old Dalton man shot the two men after he was fired."
    assert aligned_figures(a, b) == []


def test_two_officers_ages_are_not_the_victim_s() -> None:
    a = "The 34-year-old sergeant and 28-year-old fired nine shots at the youth in Ferncliff."
    b = "Two officers shot and killed a 17-year-old Ferncliff resident on Friday."
    assert aligned_figures(a, b) == []


def test_one_person_s_age_told_twice_still_differs() -> None:
    a = "The man accused of the shooting is Carl Medway, a 38-year-old Dalton resident."
    b = "Prosecutors said the 39-year-old Dalton man shot his former co-workers."
    assert aligned_figures(a, b) == ["age: A says '38'; B says '39'; they differ"]
