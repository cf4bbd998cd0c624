"""The shared tokenisation (index.analysis.tokens) gives exactly what Whoosh's analyzers give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.analysis import STOP_WORDS, StemmingAnalyzer

from index.analysis import tokens
from index.analysis.features import key_terms

BODY = StemmingAnalyzer(stoplist=STOP_WORDS | {"s", "t"}, minsize=1)
DEFAULT = StemmingAnalyzer()

TRICKY = (
    "U.S. officials said Russia's forces didn't cross the Dnipro; 3.5 pct of I.B.M. stock "
    "rose to $12.50 on Sept. 4, 1987 -- a* wild*card, Zelenskyy’s naïve café, x y z, "
    "running runners ran. A 1st-quarter loss of 12 mln dlrs vs 8 mln."
)


def test_body_stems_match_the_index_analyzer() -> None:
    stems, words = tokens.analyse_body(TRICKY)
    assert stems == [t.text for t in BODY(TRICKY)]
    assert "s" not in words and "t" not in words and "the" not in words
    assert "russia" in words and "zelenskyy" in words
    assert words == sorted(set(words))


def test_stems_match_the_default_analyzer() -> None:
    assert tokens.stems(TRICKY) == [t.text for t in DEFAULT(TRICKY)]
    assert "x" not in tokens.stems(TRICKY)  # one-letter words go before stemming


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_same_tokens_as_whoosh_on_any_text(text: str) -> None:
    assert tokens.analyse_body(text)[0] == [t.text for t in BODY(text)]
    assert tokens.stems(text) == [t.text for t in DEFAULT(text)]


def test_key_terms_order_ties_by_first_mention_headline_first() -> None:
    terms = key_terms("Storm hits coast", "The coast road flooded. Flood water rose; storm moved.")
    assert terms[:3] == [("storm", 2), ("coast", 2), ("flood", 2)]  # "flooded", "Flood"
    assert [w for w, _ in terms[3:]] == ["hit", "road", "water", "rose", "move"]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=300))
def test_key_terms_same_from_the_indexers_stems_or_the_text(title: str, text: str) -> None:
    given_stems = tokens.analyse_body(text)[0]
    assert key_terms(title, text, text_stems=given_stems) == key_terms(title, text)


def test_one_letter_stems_are_no_terms() -> None:
    assert key_terms("ies", "ies b cc", text_stems=tokens.analyse_body("ies b cc")[0]) == [
        ("cc", 1)
    ]
