"""``stemmed_tokens`` analyses each distinct word once and gives what the analyzer gives over the
whole text (its tokenizer's pattern copied: a text where the two differ fails here)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from index.search.highlight import _analysed_tokens, highlight_terms, stemmed_tokens

_PIECES = st.sampled_from(
    [
        "Soldiers",
        "soldier's",
        "U.S.",
        "3.5",
        "up*",
        "* ",
        "p*er",
        "concerned_1",
        "_",
        "é",
        "Ünïcode",
    ]
    + ["naïve", "A320", "...", " ", "\n", "-", "—", "'", "1,000", "x.y.z", "ﬁne", "İstanbul"]
)


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_each_word_once_gives_the_whole_text_analysis(text: str) -> None:
    assert stemmed_tokens(text) == _analysed_tokens(text)


@given(st.text(max_size=60))
def test_any_text_gives_the_whole_text_analysis(text: str) -> None:
    assert stemmed_tokens(text) == _analysed_tokens(text)


def test_terms_found_in_a_long_text_of_repeated_words() -> None:
    text = "Soldiers moved near Kursk. " * 2000
    found = highlight_terms(text, ["soldier"])
    assert len(found) == 2000 and text[found[-1][0] : found[-1][1]] == "Soldiers"
