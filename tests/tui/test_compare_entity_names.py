"""The compare screen's entity panel names each entity in the words of the report shown (issue 11)."""

from __future__ import annotations

from index.analysis.entities import extract
from index.analysis.entity_keys import display_names
from index.compare import compare
from index.models import Article
from tui.screens.compare_model import entity_panel

A = (
    "Pyongyang has sent troops. Over 10,000 DPRK soldiers have been sent to Russia, officials said. "
    "North Korea denied it."
)
B = "North Korea is rumored to send 10,000 troops to aid Russia. Analysts doubt that North Korea will."


def _article(name: str, text: str) -> Article:
    return Article(id=name, path=name, title=name, text=text)


def test_display_names_use_only_the_forms_the_report_writes() -> None:
    a, b = extract(A), extract(B)
    assert display_names(a)["north korea"] == "North Korea"  # "DPRK" too, but the fuller form wins
    only_dprk = [e for e in a if e.text == "DPRK"]
    assert display_names(only_dprk) == {"north korea": "DPRK"}
    assert display_names(b)["north korea"] == "North Korea"


def test_shared_entity_shows_each_reports_own_name() -> None:
    a_text = "Over 10,000 DPRK soldiers have been sent to Russia, officials said on Monday."
    ents_a, ents_b = extract(a_text), extract(B)
    result = compare(_article("a", a_text), _article("b", B), ents_a, ents_b)
    assert "north korea" in result.shared_entities
    panel = entity_panel(result, ents_a, ents_b).plain
    shared = panel.split("Named in both")[1].split("Named only in B")[0]
    assert "DPRK / North Korea" in shared
    # Swapped, B's report is shown first with its own words.
    swapped = compare(_article("b", B), _article("a", a_text), ents_b, ents_a)
    again = entity_panel(swapped, ents_b, ents_a).plain
    assert "North Korea / DPRK" in again.split("Named in both")[1].split("Named only in B")[0]


def test_shared_entity_written_alike_is_named_once() -> None:
    ents_a, ents_b = extract(B), extract(B.replace("Analysts", "Experts"))
    result = compare(_article("a", B), _article("b", B), ents_a, ents_b)
    shared = entity_panel(result, ents_a, ents_b).plain.split("Named in both")[1]
    assert "North Korea" in shared and "North Korea / North Korea" not in shared
