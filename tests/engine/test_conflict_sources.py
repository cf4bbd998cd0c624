"""One source credited with two figures (issue 10, item 3: the same claim attributed to different
sources): whose figure each part of a sentence gives, and the disagreement when the two reports
have one source give two figures of one measure. Made-up sentences."""

from __future__ import annotations

from conflict_helpers import conflicts, sents

from index.compare.figure_sources import credited
from index.compare.readings import read_all


def _credits(text: str) -> list[tuple[list[str], list[str]]]:
    (r,) = read_all(sents(text))
    return [(sorted(names), [f.text for f in figs]) for names, figs in credited(r)]


def test_each_part_of_a_sentence_credits_its_own_figure() -> None:
    told = (
        "The Meridian Observatory put the quake's magnitude at 6.3, but the Pacific Warning "
        "Centre in Hilo, Hawaii, said it was 6.6."
    )
    # (a place the source is in is no source; "it was 6.6" restates the magnitude)
    assert _credits(told) == [
        (["Meridian Observatory"], ["6.3"]),
        (["Pacific Warning Centre"], ["6.6"]),
    ]
    # the source is the verb's subject, not a name counted before it
    assert _credits("Six Kestrel rifles and 12 magazines were found, the officer said.") == []


def test_one_source_credited_with_two_figures() -> None:
    found = conflicts(
        [
            "The national seismic bureau and the Pacific Warning Centre said the quake had a magnitude of 6.3."
        ],
        [
            "The Meridian Observatory put the quake's magnitude at 6.3, but the Pacific Warning Centre said it was 6.6."
        ],
    )
    assert [(f.kind, f.detail) for f in found] == [
        (
            "attribution",
            "magnitude: A has Pacific Warning Centre give '6.3'; B has Pacific Warning Centre give '6.6'",
        )
    ]


def test_one_source_with_one_figure_in_both_agrees() -> None:
    assert (
        conflicts(
            ["The Pacific Warning Centre said the quake had a magnitude of 6.3."],
            [
                "The Meridian Observatory put the quake's magnitude at 6.6, but the Pacific Warning Centre said it was 6.3."
            ],
        )
        == []
    )


def test_a_decimal_cut_at_a_clause_end_is_read_with_its_claim() -> None:
    # tokenised text: "6. 3." split after "6."; the figure belongs to the sentence before
    reads = read_all(sents("The Pacific Warning Centre said the quake had a magnitude of 6.", "3."))
    assert [(f.text, f.dim) for f in reads[0].figs] == [("6.3", "magnitude")]
    assert reads[1].figs == []


def _sources(a: str, b: str) -> list[str]:
    return [f.detail for f in conflicts([a], [b]) if f.kind == "attribution"]


def test_the_same_claim_credited_to_two_sources() -> None:
    # a role in lower case between "according to" and the name
    assert _sources(
        "The warehouse fire was started deliberately, fire chief Tom Reyes said.",
        "The warehouse fire was started deliberately, according to police spokesman Dan Ortiz.",
    ) == ["source: A credits Tom Reyes; B credits Dan Ortiz"]
    # "According to" opening the sentence
    assert _sources(
        "According to the Red Cross, 40 people died in the flood.",
        "According to the Interior Ministry, 40 people died in the flood.",
    ) == ["source: A credits Red Cross; B credits Interior Ministry"]
    # an outlet opening the sentence: an acronym, or a word rare as a common word
    assert _sources(
        "Reuters reported that the minister had resigned on Tuesday.",
        "The minister resigned on Tuesday, the BBC reported.",
    ) == ["source: A credits Reuters; B credits BBC"]


def test_other_figures_make_another_claim_and_common_words_no_source() -> None:
    # the same words around other figures: two claims, each of its source
    assert (
        _sources(
            "The Kestrel Institute reported the quake was centred 206 km west of Talca.",
            "The quake was centred 64 km west of Navidad, the Marlow Survey reported.",
        )
        == []
    )
    # a common word opening the sentence is no name
    assert (
        _sources(
            "Officials said the bridge would reopen on Friday.",
            "The bridge would reopen on Friday, Mayor Ruth Kale said.",
        )
        == []
    )


def test_a_day_after_said_is_no_source() -> None:
    # "officials said Saturday": when it was said, not who said it; a day beside a name is cut
    assert (
        _sources(
            "The deputy was shot in the head at the door, said Carl Wendt of the sheriff's office.",
            "The deputy was shot in the head at the door, officials said Saturday.",
        )
        == []
    )
    assert _sources(
        "On Monday the Kestrel Institute said the quake was centred near Talca.",
        "The quake was centred near Talca, the Marlow Survey said Tuesday.",
    ) == ["source: A credits Kestrel Institute; B credits Marlow Survey"]
    # ... nor is a day before the source's name credited with its figure
    assert _credits("On Saturday the Meridian Survey said the quake had a magnitude of 6.1.") == [
        (["Meridian Survey"], ["6.1"])
    ]
