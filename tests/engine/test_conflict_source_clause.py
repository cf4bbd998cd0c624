"""Whom a figure is credited to: the subject of the verb of saying, after the clause's last comma
when one is written there ("..., police said"), not every name before the verb. ECB+ 18_1 / 18_5
had "A has Detroit give 'one'; B has Detroit give 'two'" for "at the suburban Detroit accounting
firm ..., police said". Made-up sentences, aligned as the comparison aligned the real ones."""

from __future__ import annotations

from conflict_helpers import sents

from index.compare.conflicts import find
from index.compare.figure_sources import credited
from index.compare.readings import read_all


def _credited(text: str) -> list[set[str]]:
    (r,) = read_all(sents(text))
    return [set(names) for names, _ in credited(r)]


def test_a_place_before_the_clause_of_the_speaker_is_no_source() -> None:
    text = (
        "A Kenton man shot to death one person and injured two others Monday at the suburban "
        "Dayton accounting firm from which he was fired last week, police said."
    )
    assert _credited(text) == []
    other = (
        "A fired employee shot and killed a woman and wounded three men Monday at the suburban "
        "Dayton building where he worked, police said."
    )
    found = find(sents(text), sents(other), {(0, 0): 0.7}, {(0, 0): 0.7})
    assert [f.detail for f in found if f.kind == "attribution"] == []


def test_the_named_speaker_after_the_comma_is_the_source() -> None:
    assert _credited(
        "Two people died in the blast at the Dayton plant, fire chief Ann Moss said."
    ) == [{"Ann Moss"}]


def test_a_speaker_named_before_a_place_and_its_comma_is_still_the_source() -> None:
    assert _credited("The Survey in Golden, Colo., said the quake had a magnitude of 6.1.") == [
        {"Survey"}
    ]
