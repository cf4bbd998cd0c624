"""A pair whose shared words are only those naming who says one of them is loose
(``loose.speaker_pairs``): an age or a role in "the 41-year-old singer's agent told the magazine"
is no facet of the claim before it."""

from __future__ import annotations

from index.analysis.sentences import split_sentences
from index.compare.candidates import judge_candidates, prepare_report
from index.compare.loose import speaker_pairs, speaker_terms
from index.compare.preparation import prepare
from index.compare.words import stem


def test_speaker_terms() -> None:
    p = prepare('"Please respect her privacy," the 41-year-old singer\'s agent told the magazine.')
    assert {"#41", stem("singer"), stem("agent"), stem("magazine")} <= speaker_terms(p)
    # the claim follows the verb: no speaker's words after a claim
    assert speaker_terms(prepare("Later, the police explained that officers shot him.")) == set()
    assert speaker_terms(prepare("Okafor, 41, checked into the Linden Clinic.")) == set()


def test_a_pair_sharing_only_the_speaker_s_age_is_loose() -> None:
    # Made-up reports: sentences 0 share only "41", A's claim and the words of B's speaker;
    # sentences 1 share the clinic, what is told
    a = (
        "The singer, 41, reportedly headed to a lakeside retreat in Port Elsin on Tuesday. "
        "Okafor checked into the Linden Clinic for exhaustion."
    )
    b = (
        "\"We ask you to respect the family's privacy,\" the 41-year-old singer's agent Tove "
        "Marlow told the magazine. "
        "Okafor entered the Linden Clinic, a private rehab centre, this week."
    )
    pa, boiler_a = prepare_report(split_sentences(a))
    pb, boiler_b = prepare_report(split_sentences(b))
    found = judge_candidates(pa, pb, boiler_a, boiler_b)
    got = speaker_pairs(found, pa, pb)
    assert (0, 0) in found.judged and (0, 0) in got
    assert (1, 1) in found.judged and (1, 1) not in got
