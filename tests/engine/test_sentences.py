"""Sentence splitting: hand-checked boundaries on news text, seeds, and properties on any text."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.analysis.sentences import split_sentences

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "seeds"


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Senate voted on Monday. The bill passed.",
            ["The U.S. Senate voted on Monday.", "The bill passed."],
        ),
        (
            "Troops arrived in the U.S. The talks failed.",
            ["Troops arrived in the U.S.", "The talks failed."],
        ),
        (
            "Gen. Smith met Lt. Col. Barry Johnson. They spoke.",
            ["Gen. Smith met Lt. Col. Barry Johnson.", "They spoke."],
        ),
        ("George W. Bush signed it. He left.", ["George W. Bush signed it.", "He left."]),
        ("It was No. 5 on the list. Then it fell.", ["It was No. 5 on the list.", "Then it fell."]),
        (
            "They met on Jan. 5 in Paris. Nothing came of it.",
            ["They met on Jan. 5 in Paris.", "Nothing came of it."],
        ),
        (
            "The Kremlin called it “fake news.” White House officials disagreed.",
            ["The Kremlin called it “fake news.”", "White House officials disagreed."],
        ),
        (
            'He said "we will win." Nobody believed him.',
            ['He said "we will win."', "Nobody believed him."],
        ),
        ("It fell (see chart.) Prices rose.", ["It fell (see chart.)", "Prices rose."]),
        ("Why now? Because it is late! Fine.", ["Why now?", "Because it is late!", "Fine."]),
        (
            "North Korea.According to officials, troops moved.",
            ["North Korea.", "According to officials, troops moved."],
        ),
        ("Shares rose 5.93 pct. Bonds fell.", ["Shares rose 5.93 pct.", "Bonds fell."]),
        ("Visit example.com for more. Or not.", ["Visit example.com for more.", "Or not."]),
        (
            "He flew to L. A. Superior Court. Then home.",
            ["He flew to L. A. Superior Court.", "Then home."],
        ),
        (
            'They chanted "Thieves! " as they ran. Police came.',
            ['They chanted "Thieves! " as they ran.', "Police came."],
        ),
        ("It ended at 4 p.m. The crowd left.", ["It ended at 4 p.m.", "The crowd left."]),
        ("We waited... Then it came.", ["We waited...", "Then it came."]),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_headline_and_every_line_end_a_sentence() -> None:
    text = "Quake hits Chile\nMarch 3, 2010\nA strong quake hit. Buildings fell.\n\n- first item\n- second item"
    assert texts(text) == [
        "Quake hits Chile",
        "March 3, 2010",
        "A strong quake hit.",
        "Buildings fell.",
        "- first item",
        "- second item",
    ]


def test_hard_wrapped_newswire_keeps_wrapped_lines_together() -> None:
    text = (
        "Showers continued throughout the week in\n"
        "the Bahia cocoa zone, alleviating the drought since early\n"
        "January and improving prospects for the coming temporao,\n"
        "although normal humidity levels have not been restored,\n"
        "Comissaria Smith said in its weekly review.\n"
        "    The dry period means the temporao will be late this year.\n"
        "    Arrivals for the week ended February 22 were 155,221 bags\n"
        "of 60 kilos making a cumulative total for the season of 5.93\n"
        "mln against 5.81 at the same stage last year.\n"
    )
    got = texts(text)
    assert len(got) == 3
    assert got[0].startswith("Showers") and got[0].endswith("weekly review.")
    assert got[2].startswith("Arrivals") and got[2].endswith("last year.")


def test_seed_000_headline_is_its_own_sentence() -> None:
    text = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    got = split_sentences(text)
    assert got[0].text.endswith("U.S. concerned")  # the "_1" residue is no part of it
    assert got[1].text.startswith("Recent reports reveal")
    assert len(got) == 25  # counted by hand
    assert any(s.text == "The Kremlin has dismissed these claims as “fake news.”" for s in got)


def test_seed_004_sentence_count() -> None:
    text = next(SEEDS.glob("004_*.txt")).read_text(encoding="utf-8")
    got = split_sentences(text)
    assert len(got) == 25  # counted by hand
    assert got[-1].text.endswith("between their nations.")


def test_offsets_and_trimming() -> None:
    text = "  First one.   Second one.\n\n  Third  "
    got = split_sentences(text)
    assert [s.text for s in got] == ["First one.", "Second one.", "Third"]
    for s in got:
        assert text[s.start : s.end] == s.text


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t\r\n ") == []


def test_long_text() -> None:
    # Speed is measured in tests/benchmarks (no timing asserts here); this checks a long input.
    text = "The U.S. envoy met Gen. Smith on Jan. 5. Talks failed, officials said. " * 20_000
    assert len(split_sentences(text)) == 40_000


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_never_raises_and_offsets_valid(text: str) -> None:
    got = split_sentences(text)
    last = 0
    for s in got:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        last = s.end


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Ab. .!?\n”“\"'()U.S.Mr 5,0…")), max_size=200))
def test_punctuation_soup(text: str) -> None:
    got = split_sentences(text)
    covered = "".join("".join(s.text.split()) for s in got)
    # No non-space character is lost or duplicated between sentences.
    assert covered == "".join(text.split())


def test_a_military_rank_does_not_end_a_sentence() -> None:
    from index.analysis.sentences import split_sentences

    text = "The soldier, Army Spc. Charles Graner, was sentenced. He appealed."
    assert [s.text for s in split_sentences(text)] == [
        "The soldier, Army Spc. Charles Graner, was sentenced.",
        "He appealed.",
    ]


def test_a_headline_residue_is_no_part_of_its_sentence() -> None:
    """The title shown drops a headline's "_1" (index.ingest.titles); its sentence, which the
    comparison and the story print, dropped it too ("U.S. concerned_1" in ``newsdesk compare``)."""
    text = (
        "Troops sent to aid Russia, U.S. concerned_1\nRecent reports reveal a pact. More follows."
    )
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Troops sent to aid Russia, U.S. concerned",
        "Recent reports reveal a pact.",
        "More follows.",
    ]
    # Only a headline: a last line, or a number of its own ("kills 12"), is kept whole.
    assert [s.text for s in split_sentences("Body text.\nfile_1")] == ["Body text.", "file_1"]
    assert [s.text for s in split_sentences("Fire kills 12\nMore.")] == ["Fire kills 12", "More."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Her lifestyle led to her short lived E! -series, Taradise, that followed her. "
            "Somehow she went on.",
            [
                "Her lifestyle led to her short lived E! -series, Taradise, that followed her.",
                "Somehow she went on.",
            ],
        ),
        (
            '"She was professional," he told E! News. She came prepared.',
            ['"She was professional," he told E! News.', "She came prepared."],
        ),
        ("She watched E! The show was over.", ["She watched E!", "The show was over."]),
        (
            "Stop! Police are coming. Help! I am stuck.",
            ["Stop!", "Police are coming.", "Help!", "I am stuck."],
        ),
        (
            "He shouted at Plan B! The crowd cheered.",
            ["He shouted at Plan B!", "The crowd cheered."],
        ),
        ("What now? -ish answers came. Fine.", ["What now? -ish answers came.", "Fine."]),
    ],
)
def test_exclamation_inside_a_name(text: str, expected: list[str]) -> None:
    """A one-letter name with an exclamation mark ("E!") goes on; real exclamations still end."""
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A quake measuring magnitude - 5. 9 shook the coast. Nobody was hurt.",
            ["A quake measuring magnitude - 5. 9 shook the coast.", "Nobody was hurt."],
        ),
        ("Stocks fell 3. 9 percent on Friday.", ["Stocks fell 3. 9 percent on Friday."]),
        # a year, or a figure before a capital, still ends the sentence
        ("He left in 1950. 3 days later he died.", ["He left in 1950.", "3 days later he died."]),
        ("The vote was 3. Two members abstained.", ["The vote was 3.", "Two members abstained."]),
    ],
)
def test_a_spaced_decimal_ends_no_sentence(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected
