"""The learned sentence-pair judgement and the many-to-many matching built on it."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
from compare_gold import M0006, M0008

from index import compare_texts
from index.compare.boilerplate import is_boilerplate
from index.compare.judge import floors, judge
from index.compare.pair_features import CONTEXT_FEATURES, EVENT_INPUTS, FEATURES, features
from index.compare.preparation import prepare, rarity


def _judge(a: str, b: str) -> tuple[float, float, float]:
    pa, pb = prepare(a), prepare(b)
    # The context of an isolated pair: the two sentences themselves.
    from index.compare.pair_features import context_features, local_idf

    idf, story = local_idf([pa, pb])
    return judge(features(pa, pb), context_features(pa, pb, idf, story))


def test_model_file_matches_the_features() -> None:
    raw = json.loads(resources.files("index").joinpath("data/judge_model.json").read_text())
    assert raw["features"] == list(FEATURES)
    assert raw["context_features"] == list(CONTEXT_FEATURES)
    n = len(FEATURES) + len(CONTEXT_FEATURES)
    assert len(raw["same"]["coef"]) == n and len(raw["similarity"]["coef"]) == n
    # The same-event model reads a named subset of the inputs (the judgements and positions too).
    assert len(raw["event"]["coef"]) == len(raw["event"]["inputs"])
    assert set(raw["event"]["inputs"]) <= set(EVENT_INPUTS)
    assert 0 < floors().event < 1


def test_rarity_orders_words() -> None:
    assert rarity("the") < rarity("said") < rarity("troops") < rarity("kursk")


_BASE = "North Korea has sent about 10,000 soldiers to Russia, officials said."
_PARA = "Officials said that roughly 10,000 North Korean troops have been sent to Russia."
_TOPICAL = "North Korea and Russia signed a defence pact in Pyongyang in June."


def test_paraphrase_beats_topical_overlap() -> None:
    same_p, sim_p, event_p = _judge(_BASE, _PARA)
    same_t, sim_t, event_t = _judge(_BASE, _TOPICAL)
    assert same_p > same_t and sim_p > sim_t and event_p > event_t
    assert same_p > 0.5 > same_t


def test_paraphrase_is_the_same_event_more_than_topical_overlap_within_reports() -> None:
    # The same-event model reads the reports around a pair (their own idf, positions, each
    # sentence's centrality towards the other report): it is judged as compare judges it.
    from index.analysis.sentences import split_sentences
    from index.compare.matching import match

    a = f"{_BASE} The soldiers are being trained in the far east. The Kremlin declined to comment."
    b = f"{_PARA} {_TOPICAL} The United States called the deployment dangerous."
    sa, sb = split_sentences(a), split_sentences(b)
    m = match(sa, sb)
    para = m.judge(0, 0)
    topical = m.judge(0, 1)
    assert para.event > topical.event and para.similarity > topical.similarity
    assert m.pairs[(0, 0)][0] == "shared"


def test_centrality_finds_what_the_other_report_is_about() -> None:
    from index.compare.pair_features import centrality, local_idf, weigh

    own = [prepare(_BASE), prepare("The weather in Paris was mild on Tuesday.")]
    other = [prepare(_PARA), prepare("Seoul says the soldiers were sent to Russia in October.")]
    idf, _ = local_idf(own + other)
    central = centrality([weigh(p, idf) for p in own], [weigh(p, idf) for p in other])
    assert central[0] > 0.3 > central[1] == 0.0


def _judged(a: str, b: str) -> tuple[Any, list[Any], list[Any]]:
    """Two made-up reports' judged candidates, with each report's prepared sentences."""
    from index.analysis.sentences import split_sentences
    from index.compare.candidates import judge_candidates, prepare_report

    pa, boiler_a = prepare_report(split_sentences(a))
    pb, boiler_b = prepare_report(split_sentences(b))
    return judge_candidates(pa, pb, boiler_a, boiler_b), pa, pb


def test_a_pair_sharing_only_the_story_setting_is_loose() -> None:
    # Every sentence of both reports names the setting (North Korea, troops, Russia); two asides
    # that share only it and a common word ("significant") are loose; two sharing a rare word
    # ("desperation") or a figure are not, whatever their place in the reports.
    from index.compare.loose import loose_pairs

    a = (
        "North Korea has sent 10,000 troops to Russia. North Korean troops are training in Russia. "
        "Russia and North Korea signed a pact on troops last year. "
        "The troops mark a significant moment for Russia, said an analyst at a think tank in Seoul "
        "who follows the fragile economy of Pyongyang and its trade with Beijing. "
        "Russia shows desperation in taking North Korean troops, said a diplomat."
    )
    b = (
        "North Korean troops fought in Russia's Kursk region. Some 10,000 North Korean troops are "
        "in Russia. Russia did not confirm the North Korean troops. The autumn weather on the "
        "plains was significant for troops, forecasters at the Moscow bureau said on Friday. Officials read desperation in Russia's call "
        "for North Korean troops."
    )
    found, pa, pb = _judged(a, b)
    loose = loose_pairs(found, pa, pb)
    assert {"north", "troop", "russia"} <= found.story
    assert (3, 3) in found.judged and (3, 3) in loose  # "significant" and the setting
    assert (4, 4) in found.judged and (4, 4) not in loose  # "desperation"
    assert (0, 1) not in loose  # the figure 10,000
    # "it remains unclear" is how a report tells something, not what
    a2 = a.replace("said an analyst", "though it remains unclear, said an analyst")
    b2 = b.replace("forecasters at", "it remains unclear, forecasters at")
    found2, pa2, pb2 = _judged(a2, b2)
    assert (3, 3) in loose_pairs(found2, pa2, pb2)


def test_a_pair_sharing_only_names_and_figures_is_loose() -> None:
    # The same people or numbers in two other facts: loose (kept only as the same claim); a pair
    # that shares a name and what is said of it is not.
    from index.compare.loose import namesake_pairs

    a = (
        "Marlow pledged full support for the harbour plan of Okafor, praising its cranes, "
        "warehouses and dredging schedule at a crowded summit of coastal mayors last spring. "
        "Fishermen protested on the quay for three hours against the new quotas. "
        "Okafor opened the new ferry terminal in Port Elsin on Monday."
    )
    b = (
        "Nobody yet knows what Okafor may have offered Marlow in return for votes on the disputed "
        "budget, critics wrote in a letter to the regional newspaper. "
        "Three lorries were stuck at the border crossing overnight in the snow. "
        "Okafor opened a ferry terminal in Port Elsin, the mayor said."
    )
    found, pa, pb = _judged(a, b)
    names = namesake_pairs(found, pa, pb)
    assert (0, 0) in found.judged and (0, 0) in names  # Marlow and Okafor, nothing else
    assert (1, 1) in found.judged and (1, 1) in names  # "three" hours, "three" lorries
    assert (2, 2) in found.judged and (2, 2) not in names  # the terminal opened


def test_numbers_are_read_through_tokenisation() -> None:
    # (each number its kind's letter and its value: "n" a count or other figure)
    assert prepare("Some 1, 500 people fled").numbers == frozenset({"n1500"})
    assert prepare("Fifty-two were hurt and three died").numbers >= {"n3"}


@pytest.mark.parametrize(
    "text",
    [
        "Reuter",
        "REUTER",
        "By Jane Smith",
        "Monday, March 11, 2013 23: 51",
        "(c) 2024 Example Media",
        "According to The New York Times.",
        "Posted 11 / 27 / 2005 7: 21 AM",
        "First Published: June 13, 2013 4: 59 PM EDT",
        "Last updated at 22: 46 GMT",
        "04 / 28 / 09 07: 35 PM ET",
        "Tuesday 28 April 2009 22.",
        "Wladimir Klitschko 19 - 2",
    ],
)
def test_boilerplate(text: str) -> None:
    assert is_boilerplate(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tsunami Death Toll Passes 80,000",
        "Police arrested 12 people.",
        "Kim Jong-un sent troops.",
        "The figures were last updated on Monday at 10 a.m. by the ministry.",
        # names and a figure, or one common word, in a sentence with its final stop: a claim
        "Hasib Hussain, 18, from Leeds.",
        '"No one was hurt," he said.',
        "He will be sentenced May 3.",
    ],
)
def test_not_boilerplate(text: str) -> None:
    assert not is_boilerplate(text)


def test_sign_offs_are_never_aligned_nor_claims() -> None:
    a = "Cocoa prices rose 3 pct in London on Monday on fears of a poor crop.\nReuter\n"
    b = "Steel output in Japan fell in March, the ministry said.\nReuter\n"
    c = compare_texts(a, b, "Cocoa", "Steel")
    assert not c.pairs
    assert all("Reuter" not in p.text for p in (*c.only_a, *c.only_b))


def test_compare_texts_offsets_and_confidence() -> None:
    a = "Quake kills 80\nAn earthquake killed at least 80 people in the north on Sunday, officials said."
    b = "Deadly quake\nOfficials said an earthquake on Sunday killed at least 80 people in the north."
    c = compare_texts(a, b)
    assert c.pairs
    for p in c.pairs:
        assert a[p.a.start : p.a.end] == p.a.text and b[p.b.start : p.b.end] == p.b.text
        assert 0.0 <= p.score <= 1.0 and p.kind in ("shared", "related")
    assert any(p.kind == "shared" and "killed at least 80" in p.a.text for p in c.pairs)


def test_unrelated_reports_share_nothing() -> None:
    a = "The central bank raised interest rates by half a point to curb inflation."
    b = "The home team won the cup final after extra time in front of 80,000 fans."
    c = compare_texts(a, b, "Rates", "Cup")
    assert not c.pairs and not c.conflicts


def test_folded_weights_belong_to_their_own_model() -> None:
    # A model loaded after another was dropped may get the dropped one's id: its folded weights
    # must be its own, never the other's (train_judge.py swaps model files fold after fold).
    from index.compare.judge import _FOLDED, _folded, _Linear

    old = _Linear((0.0,) * 9, (1.0,) * 9, (1.0,) * 9, 0.0, True)
    new = _Linear((0.0, 0.0), (2.0, 2.0), (1.0, 3.0), 0.5, True)
    _FOLDED[id(new)] = (old, (1.0,) * 9, 0.0)  # what a reused id left behind
    try:
        assert _folded(new) == ((0.5, 1.5), 0.5)
        assert 0.0 < new([1.0, 1.0]) < 1.0
    finally:
        _FOLDED.pop(id(new), None)


def test_reversed_roles() -> None:
    from index.compare.loose import reversed_roles

    a = prepare("North Korea is rumored to send troops to aid Russia, U.S. concerned.")
    b = prepare("There are concerns that Russia could offer military aid to North Korea.")
    assert reversed_roles(a, b)
    same_way = prepare("Officials say North Korea will aid Russia with troops.")
    assert not reversed_roles(a, same_way)
    passive = prepare("Russia was aided by North Korea, officials said.")
    assert not reversed_roles(a, passive)  # the passive tells the same act


def test_further_partners_only_for_sentences_central_to_the_other_report() -> None:
    from index.compare.matching import _CENTRAL, Judged, select

    f = floors()
    best = Judged(0.1, 0.5, 0.9, 0.3)
    second = Judged(0.1, 0.3, max(f.event, f.extra_event) + 0.05, 0.2)
    judged = {(0, 0): best, (0, 1): second, (1, 1): best}
    # B's sentence 1 has a better partner (A's 1), A's sentence 0 a better one (B's 0)
    aside = select(judged, central=([_CENTRAL / 2] * 2, [_CENTRAL / 2] * 2))
    assert set(aside) == {(0, 0), (1, 1)}
    lead = select(judged, central=([_CENTRAL, 0.0], [0.0, 0.0]))
    assert set(lead) == {(0, 0), (0, 1), (1, 1)}
    assert set(select(judged)) == {(0, 0), (1, 1)}  # no centrality known: best partners only


def test_headline_is_the_first_line_past_datelines_without_a_final_stop() -> None:
    from index.analysis.sentences import split_sentences
    from index.compare.matching import headline, prepare_report

    dated = split_sentences(
        "Posted 11 / 27 / 2005 7: 21 AM\nPowerful Quake in Iran Kills 10\nA quake hit Iran."
    )
    _, boiler = prepare_report(dated)
    assert headline(dated, boiler) == 1
    assert headline(split_sentences("A quake hit Iran on Sunday.\nTen died.")) is None


def test_two_headlines_sharing_only_the_story_setting_are_counterparts() -> None:
    # WikiNews (CC BY 2.5) tsunami reports with their headlines: "toll passes 80,000" and "deaths
    # mount to more than 120,000" share only "tsunami", the story's setting, yet each sums up its
    # report, and their figures disagree.

    a = "\n".join(["Tsunami toll passes 80,000 people as relief effort continues", *M0006])
    b = "\n".join(["Tsunami deaths mount to more than 120,000", *M0008])
    c = compare_texts(a, b)
    heads = [p for p in c.pairs if p.a.start == 0 and p.b.start == 0]
    assert heads, [(p.a.text[:30], p.b.text[:30]) for p in c.pairs]
    assert any(x.a.start == 0 and x.b.start == 0 and x.kind == "figure" for x in c.conflicts)


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("kilometres", "kilometers"),
        ("centre", "center"),
        ("organised", "organized"),
        ("defence", "defense"),
        ("rumoured", "rumored"),
        ("travelled", "traveled"),
        ("grey", "gray"),
    ],
)
def test_british_and_american_spellings_meet(british: str, american: str) -> None:
    assert prepare(f"The {british} was cited.").weights.keys() == (
        prepare(f"The {american} was cited.").weights.keys()
    )


@pytest.mark.parametrize("word", ["hours", "flour", "scoured", "pouring", "kaiser", "analyses"])
def test_words_that_only_look_british_keep_their_stem(word: str) -> None:
    from index.compare.words import american

    assert american(word) == word
