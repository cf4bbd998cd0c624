"""Firms the other rules missed: a name opened by its trade ("Air France") and a maker named before
a model ("Airbus A330"), as the reader, the comparison's sources and the story's sources see them."""

from __future__ import annotations

from index.analysis.entities import extract
from index.compare.attribution import sources


def _labels(text: str) -> list[tuple[str, str, str]]:
    return [(e.label, e.text, e.canonical) for e in extract(text) if e.label in {"ORG", "PERSON"}]


def _places(text: str) -> list[str]:
    return [e.text for e in extract(text) if e.label == "PLACE"]


def test_a_trade_word_before_a_place_or_a_name_opens_a_firm() -> None:
    text = (
        "Air Chile said on Monday that its flight from Lima had landed safely.\n"
        "The air was cold. Air Chile has set up a telephone line, a spokeswoman for Air Chile "
        "said. An Air Zephyr pilot saw the plane, and Radio Moldova reported it."
    )
    got = _labels(text)
    assert got.count(("ORG", "Air Chile", "air chile")) == 3  # one at a sentence start
    assert ("ORG", "Air Zephyr", "air zephyr") in got  # was a person
    assert ("ORG", "Radio Moldova", "radio moldova") in got
    assert "Chile" not in _places(text) and "Moldova" not in _places(text)


def test_a_maker_named_before_its_model_is_a_firm_at_every_mention() -> None:
    text = (
        "Vantor offers funding for the search.\n"
        "The Vantor V220 crashed into the sea on Monday. Vantor said it would pay for the search, "
        "and Vantor spokesman Tom Reed said the company was sorry."
    )
    got = _labels(text)
    assert got.count(("ORG", "Vantor", "vantor")) == 4
    assert ("PERSON", "Tom Reed", "tom reed") in got
    # A maker's short name takes the article's full name of the firm.
    full = "Vantor Aircraft Corp said it would deliver the planes.\nThe Vantor V220 costs more."
    assert ("ORG", "Vantor", "vantor aircraft corp") in _labels(full)


def test_no_firm_without_the_signs() -> None:
    # A figure alone is no model, a common noun is no maker, a name before a model that follows
    # another name is no maker, and a place after a compass word or a title stays what it was.
    assert _labels("Total M2 rose 3.3 pct to 535 billion dlrs.") == []
    assert _labels("Flight 447 left from Terminal 2 on time.") == []
    assert _labels("Low vitamin levels are common. Vitamin B12 helps.") == []
    assert ("ORG", "France", "france") not in _labels("The Air France A330 was lost.")
    assert _labels("Storms hit Southern France and Northern Ireland.") == []
    assert _labels("Air Marshal John Reed said the search went on.") == [
        ("PERSON", "John Reed", "john reed")
    ]


def test_the_comparison_and_the_story_call_a_firm_an_institution() -> None:
    """The comparison's sources read the entity labels: "Air Chile" speaking was a person there
    and an institution in the story (which recast it by the place inside)."""
    from index.models import Article
    from index.story import story_map

    a = (
        "Flight lost over the ocean\n\nA plane with 200 people on board was lost over the ocean "
        'on Monday. "We have no news of the flight," said Air Chile in a statement.\n'
        "Vantor said the V220 had flown for ten years. The Vantor V220 is a long-range jet.\n"
    )
    b = (
        "Search for lost plane goes on\n\nShips searched the ocean on Tuesday for the plane lost "
        "on Monday with 200 people on board.\nAir Chile said the plane had sent no distress call.\n"
    )
    kinds = {s.name: s.kind for s in sources(a, extract(a))}
    assert kinds == {"Air Chile": "institution", "Vantor": "institution"}
    m = story_map(
        [
            Article("a.txt", "/x/a.txt", "a", a, "Star", "2025-03-03"),
            Article("b.txt", "/x/b.txt", "b", b, "Post", "2025-03-04"),
        ]
    )
    assert {(s.name, s.kind) for s in m.sources} >= {
        ("Air Chile", "institution"),
        ("Vantor", "institution"),
    }
