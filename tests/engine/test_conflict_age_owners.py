"""An age written beside a name is that person's ("16-year-old Kimani Gray", "Orozco, 27,"): two
names' ages are two people's, and so is an age a sentence gives to someone else while naming the
other's person (ECB+ topics 7, 16 and 19: 19 false "age" disagreements between a victim, an
officer, a protester and a sister). Made-up names, aligned as the comparison aligned the real
sentences."""

from __future__ import annotations

from conflict_helpers import aligned_figures


def test_ages_of_two_names_are_two_people_s() -> None:
    assert (
        aligned_figures(
            "Protests followed the death of 15-year-old Alex Dimas in the capital.",
            "Protests will go on, said 32-year-old protester Paris Kyros in the capital.",
        )
        == []
    )
    assert (
        aligned_figures(
            "Rioting broke out after 16-year-old Kevin Gale was shot and killed by police.",
            "A year before, a detective shot and killed an unarmed 23-year-old woman, Sara Dunn.",
        )
        == []
    )
    # two first names of one family are two people
    assert (
        aligned_figures(
            "16-year-old Kevin Gale was shot by police on Saturday night.",
            "His older sister, Maya Gale, 19, said police shot him on Saturday night.",
        )
        == []
    )


def test_an_age_given_to_someone_else_beside_the_named_person() -> None:
    assert (
        aligned_figures(
            "The 30-year-old sergeant and 26-year-old fired 11 shots into Gale's body.",
            "16-year-old Kevin Gale was shot 11 times by two officers.",
        )
        == []
    )


def test_one_person_s_two_ages_still_disagree() -> None:
    found = aligned_figures(
        "The 29-year-old gang member killed the deputy, and Rivas also tried to kill a man.",
        "Rivas, 27, a known gang member, was suspected of violating parole.",
    )
    assert len(found) == 1 and "'29'" in found[0] and "'27'" in found[0]
    found = aligned_figures(
        "16-year-old Kevin Gale was shot by police on Saturday.",
        "Kevin Gale, 17, was shot by police on Saturday.",
    )
    assert len(found) == 1 and "'16'" in found[0] and "'17'" in found[0]
