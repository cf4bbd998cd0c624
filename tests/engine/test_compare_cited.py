"""A pair sharing only the outlet or person both sentences cite is loose (``loose.cited_pairs``)."""

from __future__ import annotations

from index.analysis.sentences import split_sentences
from index.compare.candidates import judge_candidates, prepare_report
from index.compare.loose import cited, cited_pairs
from index.compare.words import stem


def test_cited_names() -> None:
    said = cited("She is getting help, according to Harbour Weekly magazine, friends said.")
    assert said == {stem(w) for w in ("harbour", "weekly", "magazine")}
    assert cited("The mayor told The Coastal Herald on Monday.") >= {
        stem("coastal"),
        stem("herald"),
    }
    assert cited("The mayor told reporters nothing.") == frozenset()


def test_a_pair_sharing_only_the_cited_outlet_is_loose() -> None:
    # Made-up reports: sentence 0 of each shares only "Harbour Weekly", the outlet both cite, and
    # tells another fact (a rehab stay / a plea for privacy); sentences 1 share the clinic too.
    a = (
        "Okafor is getting treatment for exhaustion, according to Harbour Weekly. "
        "Okafor checked into the Linden Clinic in Port Elsin on Tuesday."
    )
    b = (
        "Please respect the family's privacy, the singer's agent Tove Marlow tells Harbour Weekly. "
        "Okafor entered the Linden Clinic, a private rehab centre, this week."
    )
    pa, boiler_a = prepare_report(split_sentences(a))
    pb, boiler_b = prepare_report(split_sentences(b))
    found = judge_candidates(pa, pb, boiler_a, boiler_b)
    got = cited_pairs(found, pa, pb)
    assert (0, 0) in found.judged and (0, 0) in got
    assert (1, 1) in found.judged and (1, 1) not in got  # the clinic is what is told
