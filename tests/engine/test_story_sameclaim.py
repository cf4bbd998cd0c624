"""index.story: the same event is not the same claim (index/story/sameclaim.py), and a story lists
its reports in publication order."""

from __future__ import annotations

from pathlib import Path

from index.compare.matching import Judged
from index.compare.preparation import prepare
from index.ingest.formats import read_paths
from index.models import Article
from index.story import STATES, story_map
from index.story.sameclaim import coverage, headline, own_words, said, same_claim

SEEDS = Path(__file__).parents[2] / "seeds"
EVENT = Judged(same=0.08, similarity=0.48, event=0.84)
"""A same-event judgement that is neither a paraphrase nor strong (the seed pair's)."""
STRONG = Judged(same=0.9, similarity=0.9, event=0.95)


def _said(text: str, factor: dict[str, float] | None = None):  # type: ignore[no-untyped-def]
    return said(prepare(text), factor)


def test_the_seed_pairs_support_and_troops_sent_are_two_claims() -> None:
    """The Washington Post's "Kim Jong-un pledging full support" and "The troops have been sent by
    Kim Jong-un to support Russian forces" tell one event and were one claim "made by both"."""
    arts = [a for a in read_paths([str(SEEDS)]) if isinstance(a, Article)]
    m = story_map(arts)
    for c in m.claims:
        said_ = [s.text for s in c.statements if s.stance == STATES]
        assert not (
            any("pledging full support" in t for t in said_)
            and any("sent by Kim Jong-un" in t for t in said_)
        )
    pledge = next(c for c in m.claims if "pledging full support" in c.text)
    assert pledge.support == 1


def test_a_claim_in_other_words_is_one_claim() -> None:
    a = _said("Many doctors believe the new drug helps patients recover faster from the fever.")
    b = _said("The drug is believed by many doctors to help patients recover from the fever.")
    assert coverage(a.words, b.words) >= 0.5
    assert same_claim(EVENT, a, b)


def test_one_event_told_two_ways_is_two_claims() -> None:
    a = _said(
        "The Ardent Post analyzed that Norland has consistently supported Vesta's campaign, "
        "with Ivo Marek-von pledging full support for the war."
    )
    b = _said("The troops have been sent by Ivo Marek-von to support Vestan forces in the region.")
    assert not same_claim(EVENT, a, b)
    assert same_claim(STRONG, a, b)  # a paraphrase for the comparison, or a strong judgement


def test_a_statement_and_its_revision_are_two_claims() -> None:
    first = _said("The ministry initially gave the position of the crash as inside the park.")
    again = _said("The ministry initially gave the location of the crash as inside the park.")
    revised = _said("The ministry gave a revised position of the crash, now outside the park.")
    assert same_claim(STRONG, first, again)
    assert not same_claim(STRONG, first, revised)
    assert not same_claim(STRONG, revised, first, apart=True)


def test_reports_of_different_days_share_more_than_the_setting() -> None:
    setting = {"sailor": 0.05, "detain": 0.05, "releas": 0.05}
    a = _said("The council will suspend the release of the detained sailors.", setting)
    b = _said("Business deals are frozen until the detained sailors are released.", setting)
    assert same_claim(STRONG, a, b)  # one day: a strong judgement will do
    assert not same_claim(STRONG, a, b, apart=True)
    c = _said("The council has suspended the release of the detained sailors.", setting)
    assert same_claim(EVENT, a, c, apart=True)


def test_names_and_headlines() -> None:
    words = own_words(prepare("Troops were sent by Kim Jong-un to the Kursk region."))
    assert "un" not in words and "kursk" not in words and "troop" in words
    assert headline("Singer Checks Into Rehab Center In Malibu")
    assert headline("WLADIMIR KLITSCHKO RETAINS HEAVYWEIGHT BELTS")
    assert not headline("The singer checked into a rehab center in Malibu on Friday.")


def test_reports_in_publication_order_undated_last() -> None:
    text = "Flood in Riverton\n\nA flash flood swept through Riverton on Monday, police said.\n"
    # Each report says one thing of its own as well: one text four times is one report's copies.
    own = {
        "a": "Schools stayed closed across the valley.",
        "b": "The mayor asked for army help with the clean-up.",
        "c": "Insurers began counting the damage to farms.",
        "u": "Volunteers handed out blankets at the church hall.",
    }
    arts = [
        Article(k, f"/x/{k}", k, text + own[k] + "\n", source, date)
        for k, source, date in [
            ("c", "Post", "2025-03-05"),
            ("u", "Gazette", None),
            ("a", "Star", "2025-03-03"),
            ("b", "Courier", "Tuesday, March 4, 2025"),
        ]
    ]
    m = story_map(arts)
    assert [r.id for r in m.reports] == ["a", "b", "c", "u"]
    claim = next(c for c in m.claims if c.support == 4)
    assert [s.report for s in claim.statements] == [0, 1, 2, 3]


def test_a_sentence_disputed_on_one_claim_still_states_another() -> None:
    """ "Over 10,000 DPRK soldiers have been sent to eastern Russia, ... where they have begun
    engaging in combat" disputes "over 10,000 North Korean soldiers are undergoing training" and
    states "North Korea has sent 10,000 soldiers": the dispute no longer swallows the claim."""
    from index.story import DISAGREES

    arts = [a for a in read_paths([str(SEEDS)]) if isinstance(a, Article)]
    m = story_map(arts)
    sent = [c for c in m.claims if c.support == 2]
    assert any("sent 10,000 soldiers" in c.text for c in sent), [c.text for c in m.claims]
    training = next(c for c in m.claims if "undergoing training" in c.text)
    assert [s.stance for s in training.statements] == [STATES, DISAGREES]
    assert "engaging in combat" in training.statements[1].text
