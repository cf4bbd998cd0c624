"""A count joined to its noun by a hyphen ("a six-storey building", "a two-car crash") is an
adjective, no count of people: it took the sentence's only role word ("died", "victims") and a
building's storeys were set against each other as a death toll (a made-up probe pair: "death
toll: A says 'seven'; B says 'six'")."""

from __future__ import annotations

from conflict_helpers import aligned_figures

from index.compare.figures import clean, figures


def _roles(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.role) for f in figures(clean(text))]


def test_a_joined_count_counts_no_people() -> None:
    assert _roles("Three people died when fire swept through a six-storey building.") == [
        ("Three", "dead"),
        ("six", ""),
    ]
    assert _roles("The victims were trapped on the top floor of the seven-storey block.") == [
        ("seven", "")
    ]
    # "-strong" says how many people
    assert _roles("A 500-strong crowd gathered where 12 people died.")[1] == ("12", "dead")


def test_storeys_are_no_death_toll() -> None:
    assert (
        aligned_figures(
            "Three people died when fire swept through a six-storey building.",
            "Three people died when fire swept through a seven-storey block.",
        )
        == []
    )
