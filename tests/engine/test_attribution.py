"""Who a report cites: outlets, institutions, people with their role, unnamed sources, and the
sentences that rest on each (index.compare.attribution)."""

from __future__ import annotations

import pytest

from index.compare import Comparison
from index.compare.attribution import Source, sentence_sources, sources
from index.compare.report import comparison_to_json, comparison_to_markdown, comparison_to_text
from index.models import Article, Entity


def by_name(text: str, entities: list[Entity] | None = None) -> dict[str, Source]:
    return {s.name: s for s in sources(text, entities or [])}


def claim_texts(text: str, s: Source) -> list[str]:
    return [text[a:b] for a, b in s.claims]


# --- the forms news uses --------------------------------------------------------------------------

LIST_REPORT = (
    "Nearly a week after the flood, the confirmed death toll is over 4,000. "
    "Ruritania reports it has stopped counting the missing.\n"
    "Reports of the toll\n"
    '* AP - "the confirmed toll passed 4,100 and 50,000 people were homeless."\n'
    '* BBC - "at least 4,300 ... The UN says the toll is nearing 5,000."\n'
    '* United Nations - "UN Emergency Relief Coordinator Maria Olsen said the final toll could '
    'climb beyond 5,000. Humanitarian agencies estimate that 60,000 people need relief."\n'
)


def test_list_of_outlets_and_institutions() -> None:
    at = LIST_REPORT.index("Ruritania")
    found = by_name(LIST_REPORT, [Entity(at, at + 9, "PLACE", "Ruritania", "ruritania")])
    assert found["AP"].kind == "outlet" and found["BBC"].kind == "outlet"
    assert found["United Nations"].kind == "institution"  # "The UN says" folds into it
    assert "UN" not in found
    olsen = found["Maria Olsen"]
    assert olsen.kind == "person" and olsen.role == "UN Emergency Relief Coordinator"
    assert found["Ruritania"].kind == "institution"  # a country speaking, not an adjective
    assert any(s.unnamed and "agencies" in s.name for s in found.values())


@pytest.mark.parametrize(
    ("text", "name", "kind", "role"),
    [
        (
            "Jan Olsen, the UN's emergency relief coordinator, said the toll would rise.",
            "Jan Olsen",
            "person",
            "the UN's emergency relief coordinator",
        ),
        (
            "The toll will rise, said Jan Olsen, the UN's emergency relief coordinator.",
            "Jan Olsen",
            "person",
            "the UN's emergency relief coordinator",
        ),
        (
            "U.S. State Department spokesperson Ann Reyes said the troops had left.",
            "Ann Reyes",
            "person",
            "U.S. State Department spokesperson",
        ),
        (
            "“We will not stop,” said Prime Minister Jane Doe.",
            "Jane Doe",
            "person",
            "Prime Minister",
        ),
        (
            "Mark Hale with Greenpeace in Brazil says the plan is needed.",
            "Mark Hale",
            "person",
            "Greenpeace in Brazil",
        ),
        (
            "Carla Venn, the director of Climate Watch, a Dutch group, said investors worry.",
            "Carla Venn",
            "person",
            "the director of Climate Watch",
        ),
        (
            "The quake measured 7.1, the U.S. Geological Survey said.",
            "U.S. Geological Survey",
            "institution",
            None,
        ),
        ("Police said 20 people had died.", "Police", "institution", None),
        (
            "The State Department said the embassy would stay open.",
            "State Department",
            "institution",
            None,
        ),
        ("The New York Times reported that the talks failed.", "New York Times", "outlet", None),
        ("The deal is off, according to the Associated Press.", "Associated Press", "outlet", None),
        ("RussiaToday reported the strike on Monday.", "RussiaToday", "outlet", None),
        (
            "Spanish paper El Diario has quoted a pilot who saw a flash.",
            "El Diario",
            "outlet",
            "Spanish paper",
        ),
        (
            "A Defence Ministry statement said two boats had fled.",
            "Defence Ministry",
            "institution",
            None,
        ),
    ],
)
def test_forms(text: str, name: str, kind: str, role: str | None) -> None:
    found = by_name(text)
    assert name in found, list(found)
    assert (found[name].kind, found[name].role) == (kind, role)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("But Clark defended the rules, saying the agency had a duty to lend.", "Clark", None),
        ("The agency may lose money, the General Accounting Office, GAO, said.", "GAO", None),
        (
            "Lt. Col. Barry Holm, military spokesman, says the camp will close.",
            "Barry Holm",
            "Lt. Col., military spokesman",
        ),
        (
            "Bernard Reed, manager of the London options exchange said growth would come.",
            "Bernard Reed",
            "manager of the London options exchange",
        ),
        (
            "No one was hurt, said the Central Mat-Su fire chief, James Steel.",
            "James Steel",
            "Central Mat-Su fire chief",
        ),
        ("Mr Steel said the blaze was set.", "Steel", None),
        ("The Hollywood Reporter says Ross will meet the studio.", "Hollywood Reporter", None),
        (
            "The DOT acted after the U.S. Department of Justice disclosed its view.",
            "U.S. Department of Justice",
            None,
        ),
        ("The deal is done, his agent Marc Korn, told ESPN on Friday.", "Marc Korn", "agent"),
    ],
)
def test_more_forms(text: str, name: str, role: str | None) -> None:
    found = by_name(text)
    assert name in found, list(found)
    assert found[name].role == role


def test_a_role_is_not_also_an_unnamed_source() -> None:
    text = "Nicoleta Dragusin, a spokeswoman for the network, claims that it was a success."
    assert [s.name for s in sources(text)] == ["Nicoleta Dragusin"]


def test_a_quotation_is_not_its_speaker() -> None:
    text = '"We have received no news from flight AF447," said Air France in a statement.'
    assert [s.name for s in sources(text)] == ["Air France"]


def test_told_an_outlet() -> None:
    text = "A senior U.S. official told CNN the strike was over."
    found = by_name(text)
    assert found["CNN"].kind == "outlet"
    assert found["a senior U.S. official (unnamed)"].kind == "unnamed"
    assert "U.S." not in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Sources close to the negotiations said a deal was near.",
            "Sources close to the negotiations (unnamed)",
        ),
        ("Citing unnamed officials, the paper said talks stalled.", "unnamed officials"),
        (
            "Brazilian officials previously said the boxes could be deep.",
            "Brazilian officials (unnamed)",
        ),
        (
            "Officials from Ruritania, Osterlich, and Freedonia have noted that the border held.",
            "Officials from Ruritania, Osterlich, and Freedonia (unnamed)",
        ),
        ("Foreign officials suggest that the talks could resume.", "Foreign officials (unnamed)"),
        ("Western sources have hinted at a deal.", "Western sources (unnamed)"),
        ("Some analysts suggest that the move was aimed at voters.", "some analysts (unnamed)"),
        (
            "A spokesman for the Harbour Board speculated that the toll could rise.",
            "a spokesman for the Harbour Board (unnamed)",
        ),
        (
            "Two witnesses testified that the driver had run the light.",
            "two witnesses (unnamed)",
        ),
    ],
)
def test_unnamed(text: str, name: str) -> None:
    found = by_name(text)
    assert name in found and found[name].unnamed and found[name].kind == "unnamed"


def test_a_rejection_cites_only_when_words_are_rejected() -> None:
    assert "Kremlin" in by_name("The Kremlin has dismissed these claims as fabricated.")
    assert "Kremlin" in by_name("The Kremlin rejected the accusations, calling them baseless.")
    assert not by_name("The judge dismissed the case on Monday.")
    assert not by_name("The Senate rejected the bill by a wide margin.")
    assert not by_name("Officials from the ministry said the plan would go ahead.")  # no one named
    # the officials are a described source; the countries they come from are not cited
    assert list(
        by_name("He said it was over. Officials from France and Spain have noted a change.")
    ) == ["Officials from France and Spain (unnamed)"]


# --- what is not a source -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Smith would not say what the treatment was for.",
        "WASHINGTON (Reuters) - Troops crossed the river on Monday.\nReuter",
        "By Jane Smith, Associated Press Writer\nThe river rose overnight.",
        "The prices rose, according to U.S. intelligence reports.",
        "Recent reports reveal that the two countries signed a pact.",
        "The rains damaged roads, officials said.",
        "Around 25 arrests have been made by Metropolitan Police officers in London.",
        "The quake was 6.1, the survey in Golden, Colo., said.",
        "Workers alleged the firm broke the deal. About 20 workers were idled.",
    ],
)
def test_no_false_sources(text: str) -> None:
    assert sources(text) == []


def test_place_as_adjective_is_not_the_source() -> None:
    text = "Supplies arrived, according to U.S. and South Korean officials."
    assert [s.name for s in sources(text)] == ["U.S. and South Korean officials (unnamed)"]


# --- which claims rest on which source ------------------------------------------------------------


def test_claims_are_sentence_offsets_of_every_citation() -> None:
    text = (
        "Spokesman Sean Smith commented on Monday. The talks went on. "
        "Smith stated that talks had failed. He added that a new round was planned."
    )
    [smith] = sources(text)
    assert smith.name == "Sean Smith" and smith.role == "Spokesman"
    assert claim_texts(text, smith) == [
        "Spokesman Sean Smith commented on Monday.",
        "Smith stated that talks had failed.",
        "He added that a new round was planned.",
    ]
    assert text[smith.start : smith.end] == "Sean Smith"


def test_quotation_over_several_sentences_rests_on_its_speaker() -> None:
    text = (
        "The plan was debated.\n"
        '"We want action now. We will not wait to 2030," said Ana Cruz.\n'
        "Delegates left."
    )
    found = by_name(text)
    assert claim_texts(text, found["Ana Cruz"]) == [
        '"We want action now.',
        'We will not wait to 2030," said Ana Cruz.',
    ]


def test_it_said_goes_to_the_last_organisation() -> None:
    text = (
        "Pentland Industries PLC said profit rose. It said sales fell. Pentland said it would buy."
    )
    [p] = sources(text)
    assert p.name == "Pentland Industries PLC" and p.kind == "institution"
    assert len(p.claims) == 3


def test_entities_give_the_full_name() -> None:
    text = 'Frances Seymour is concerned. "It could do harm," said Seymour.'
    ents = [Entity(0, 15, "PERSON", "Frances Seymour", "frances seymour")]
    [s] = sources(text, ents)
    assert s.name == "Frances Seymour" and text[s.start : s.end] == "Frances Seymour"


# --- compatibility --------------------------------------------------------------------------------


def test_source_keeps_its_old_shape() -> None:
    s = Source("Reuters", 0, 7)
    assert (s.name, s.start, s.end, s.unnamed, s.kind, s.role, s.claims) == (
        "Reuters",
        0,
        7,
        False,
        "person",
        None,
        (),
    )
    assert Source("a diplomat (unnamed)", 0, 10, unnamed=True).kind == "unnamed"


def test_sentence_sources_names_only() -> None:
    text = "At least 40 people died, according to the Red Cross, a senior official said."
    assert [s.name for s in sentence_sources(text, 0, len(text))] == ["Red Cross"]


def test_offsets_index_the_text() -> None:
    for s in sources(LIST_REPORT):
        for a, b in s.claims:
            assert 0 <= a < b <= len(LIST_REPORT)
        if not s.unnamed:
            assert LIST_REPORT[s.start : s.end] == s.name


# --- rendered in the reports ----------------------------------------------------------------------


def _comparison(text_a: str, text_b: str) -> Comparison:
    a, b = Article("a", "a", "A", text_a), Article("b", "b", "B", text_b)
    return Comparison(
        a, b, (), (), (), (), (), (), (), tuple(sources(text_a)), tuple(sources(text_b))
    )


def test_reports_show_kind_role_and_claims() -> None:
    text_a = (
        "The toll could pass 5,000, said Jan Olsen, the UN's emergency relief coordinator. "
        "He added that aid was late."
    )
    c = _comparison(text_a, "Roads were closed.")
    d = comparison_to_json(c)
    assert d["sources"] == {"a": ["Jan Olsen"], "b": []}
    [olsen] = d["sources_detail"]["a"]  # type: ignore[index]
    assert (olsen["kind"], olsen["role"]) == ("person", "the UN's emergency relief coordinator")
    assert [x["text"] for x in olsen["claims"]] == [
        "The toll could pass 5,000, said Jan Olsen, the UN's emergency relief coordinator.",
        "He added that aid was late.",
    ]
    md = comparison_to_markdown(c)
    assert "- A cites: Jan Olsen (the UN's emergency relief coordinator)" in md
    assert "    - He added that aid was late." in md and "- B cites: nobody named" in md
    text = comparison_to_text(c, 100)
    assert "A cites: Jan Olsen (the UN's emergency relief coordinator)" in text
