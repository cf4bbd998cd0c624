"""A count given by a toll's verb of change takes its subject's role, however long the subject:
"The death toll from floods in Rio Grande do Sul has risen to 39" counts the dead (the role word
was 57 characters before the count, past the window, and the sentence named a second role, so
its only role could not be lent: a made-up probe pair's body toll was found only on headlines)."""

from __future__ import annotations

from conflict_helpers import aligned_figures

from index.compare.figures import clean, figures


def _roles(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.role) for f in figures(clean(text))]


def test_a_toll_that_has_risen_counts_the_dead_and_the_next_count_keeps_its_own() -> None:
    assert _roles(
        "The death toll from floods in Rio Grande do Sul has risen to 39, the state's civil "
        "defence said, with 68 people still unaccounted for."
    ) == [("39", "dead"), ("68", "missing")]
    assert _roles(
        "The number of people injured in the blast at the chemical plant now stands at 112."
    ) == [("112", "injured")]


def test_a_longer_subject_toll_disagrees_with_another_count_of_the_dead() -> None:
    assert aligned_figures(
        "Floods in the southern state of Rio Grande do Sul killed 45 people, officials said.",
        "The death toll from floods in Rio Grande do Sul has risen to 39, the state's civil "
        "defence said, with 68 people still unaccounted for.",
    ) == ["death toll: A says '45'; B says '39'; they differ"]


def test_no_role_is_lent_across_a_clause() -> None:
    # a comma ends the subject: the count of shelters is not the toll's
    assert _roles(
        "Three people died and 12 were injured, and the number of shelters has risen to 39."
    ) == [("Three", "dead"), ("12", "injured"), ("39", "")]
