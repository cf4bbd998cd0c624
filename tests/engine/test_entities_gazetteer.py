"""The recognizer's gazetteer look-ups: the longest key the words spell, found by a word-prefix walk."""

from __future__ import annotations

from index.analysis.entities import extract
from index.analysis.gazetteer import Gazetteer
from index.analysis.recognizer import RuleRecognizer


def found(text: str, rec: RuleRecognizer | None = None) -> list[tuple[str, str, str]]:
    ents = rec.extract(text) if rec else extract(text)
    return [(e.text, e.label, e.canonical) for e in ents if e.label != "DATE"]


def test_longest_multiword_key_wins() -> None:
    assert found("He flew to the United Arab Emirates on Monday.") == [
        ("United Arab Emirates", "PLACE", "united arab emirates")
    ]


def test_possessive_on_the_last_word_of_a_multiword_place() -> None:
    assert found("Officials in New South Wales' capital said so.") == [
        ("New South Wales", "PLACE", "new south wales")
    ]


def test_a_hand_made_gazetteer_gets_its_prefixes() -> None:
    gz = Gazetteer(
        places={"upper moravia": ("upper moravia", "region"), "lower end": ("lower end", "region")},
        max_words=2,
    )
    rec = RuleRecognizer(gz)
    assert found("Troops reached Upper Moravia on Monday.", rec) == [
        ("Upper Moravia", "PLACE", "upper moravia")
    ]
    assert gz.prefixes == frozenset({"upper", "lower"})


def test_no_key_past_the_longest_window() -> None:
    gz = Gazetteer(places={"a b c": ("a b c", "region")}, max_words=2)
    gz.fill_prefixes()
    assert gz.prefixes == frozenset({"a"})  # "a b" would lead to a key longer than max_words
