"""What a count of people counts, read past the window's edge and past the names of those counted:
"nine in favor and three against the death sentence" counts jurors, not the dead (the window had
cut "the death sentence" to "the death se", a toll's word: five false "death toll" disagreements in
ECB+ topic 3), and "two managers, Paul Riva and Alan Steinberg, were wounded" counts no dead
(ECB+ topic 18)."""

from __future__ import annotations

from conflict_helpers import aligned_figures

from index.compare.figures import clean, figures


def _roles(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.role) for f in figures(clean(text))]


def test_a_death_sentence_told_past_the_window_counts_no_dead() -> None:
    assert _roles("Jurors deadlocked with nine in favor and three against the death sentence.") == [
        ("nine", ""),
        ("three", ""),
    ]
    assert (
        aligned_figures(
            "The man who killed four people in a courthouse escape was sentenced to life.",
            "Jurors deadlocked with nine in favor and three against the death sentence.",
        )
        == []
    )
    # a toll's word past the window's edge still counts
    assert _roles(
        "The quake killed 10 people in the remote mountain villages of the province."
    ) == [("10", "dead")]


def test_those_counted_by_name_take_their_own_verb() -> None:
    assert _roles(
        "The receptionist was shot dead and two managers, Paul Riva and Alan Steinberg, were "
        "wounded."
    ) == [("two", "")]
    assert (
        aligned_figures(
            "The receptionist was shot dead and two managers, Paul Riva and Alan Steinberg, were "
            "wounded.",
            "One victim died in the Monday morning attack.",
        )
        == []
    )
