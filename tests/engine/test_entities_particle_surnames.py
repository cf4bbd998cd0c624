"""A full name and the surname after its particle are one person (``entity_foreign``), and the
name a Portuguese or Spanish surname goes by, before the particle, is that person
(``entity_keys._name_columns``): "Luiz Inácio Lula da Silva" was "Luiz Inácio Lula" and a lone
"Silva" in a WikiNews article."""

from __future__ import annotations

from index.analysis.entities import extract


def _people(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.canonical) for e in extract(text) if e.label == "PERSON"]


def test_a_long_name_keeps_its_surname_after_the_particle() -> None:
    text = "Brazilian president Luiz Inácio Lula da Silva said that. Lula added, and Silva agreed."
    assert _people(text) == [
        ("Luiz Inácio Lula da Silva", "luiz inacio lula da silva"),
        ("Lula", "luiz inacio lula da silva"),
        ("Silva", "luiz inacio lula da silva"),
    ]
    assert _people("Gonzalo Sanchez de Lozada told reporters. Sanchez said so.") == [
        ("Gonzalo Sanchez de Lozada", "gonzalo sanchez de lozada"),
        ("Sanchez", "gonzalo sanchez de lozada"),
    ]


def test_two_words_after_the_particle_are_no_surname() -> None:
    text = "Caisse Nationale de Credit Agricole said it would issue bonds."
    assert not any(" de " in key for _, key in _people(text))
