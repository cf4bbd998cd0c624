"""The recognizer's shortcuts find exactly what the plain forms they replace find.

Guards in front of the date, quantity and capitalised-run patterns, the date alternatives grouped
by their first character, word lists written as letter trees, string tests for the possessive
regex, an ASCII text lowercased whole, the scans that open with the character before a date or a
quantity: each is checked against the plain form on open-ended input.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from index.analysis import entity_scans as es
from index.analysis import tokens
from index.analysis.entity_rules import strip_poss
from index.analysis.entity_spans import POSS_RE

# The plain patterns: the same alternatives with no guard, in the list's order, their month,
# weekday and number words as plain alternations.
DATE_PLAIN, QTY_PLAIN = (re.compile(p) for p in es.plain_patterns())
# The guarded ones as single patterns (the recognizer scans with their character-before forms).
DATE_GUARDED = re.compile(
    r"(?<!\w)(?=\w)" + es._openers(es._DATE_OPENERS) + es._dispatch(es._DATE_ALTERNATIVES)
)
QTY_GUARDED = re.compile(r"(?:(?<!\w)|(?=\d))" + es._openers(es._QTY_OPENERS) + es._QTY_BODY)
SEQ_PLAIN = re.compile(es._SEQ_BODY)
LOWER_PLAIN = re.compile(es._LOWER_PLAIN)

WORDS = (
    "The the In in Since by of early late mid last Last this next past week weeks month years "
    "ago days hours summer spring of end beginning rest Monday Friday January March May MAY "
    "Jan. Sept Sep. JUNE December 1987 2004 1990s 12 3rd 4th 31 15/10/1987 1986/87 2001/02 "
    "$ $12 3.5 10,000 % pct mln bln million billion dozen several a few one two twenty hundred "
    "six sixty sixteen seven seventy nine ninety ten tens eight eighty Mar Mar. March MARCH Jun "
    "Thousands hundreds Tens thousands More more than less Over over About about Up up to At "
    "at least nearly Almost roughly and or A320 F-16 U.S. Bank of England Mr. Gen. Lt. St. "
    "don't it's o'clock well-known x-ray ’tis 'em "
    "de la van der al-Sabah bin Reuters REUTER Opec OPEC said élan École Åland Ünal x Q y9 _"
).split()
SEPARATORS = [
    " ",
    "  ",
    "   ",
    "\n",
    " \n",
    ", ",
    ". ",
    "-",
    "/",
    "(",
    "<",
    ">",
    "'s ",
    "’ ",
    "",
    ".",
]


@st.composite
def news_like(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS))))
    return "".join(w + s for w, s in parts)


def spans(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in rx.finditer(text)]


def scans_agree(text: str) -> None:
    """The recognizer's scans find what the plain patterns' ``finditer`` finds."""
    padded = " " + text
    assert es.date_spans(padded) == [
        m.span("ctx") if m.group("ctx") else m.span() for m in DATE_PLAIN.finditer(text)
    ]
    assert es.quantity_spans(text, padded) == [m.span() for m in QTY_PLAIN.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(news_like())
def test_guarded_patterns_find_what_the_plain_ones_find(text: str) -> None:
    assert spans(DATE_GUARDED, text) == spans(DATE_PLAIN, text)
    assert spans(QTY_GUARDED, text) == spans(QTY_PLAIN, text)
    assert es.run_spans(" " + text, es.scans(False).seq) == [
        m.span() for m in SEQ_PLAIN.finditer(text)
    ]
    assert es.LOWER_RE.findall(text) == LOWER_PLAIN.findall(text)
    scans_agree(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_guarded_patterns_on_any_text(text: str) -> None:
    assert spans(DATE_GUARDED, text) == spans(DATE_PLAIN, text)
    assert spans(QTY_GUARDED, text) == spans(QTY_PLAIN, text)
    assert es.run_spans(" " + text, es.scans(False).seq) == [
        m.span() for m in SEQ_PLAIN.finditer(text)
    ]
    assert es.LOWER_RE.findall(text) == LOWER_PLAIN.findall(text)
    scans_agree(text)


def test_guarded_patterns_on_dates_and_figures() -> None:
    text = (
        "In May the firm said that on Monday, March 3, 1987 (the 1990s) Last week 200 mln dlrs "
        "fell About 3.5 pct to 12 billion, Thousands of people; the end of this year. Early 1988 "
        "A320 jets of U.S. Bank of England Gen. Smith, 2nd Lt. Jones in Sept. 4"
    )
    scans_agree(text)
    dates = [m.group() for m in DATE_GUARDED.finditer(text)]
    assert dates == [m.group() for m in DATE_PLAIN.finditer(text)]
    assert "Monday, March 3, 1987" in dates and "Last week" in dates and "In May" in dates
    quantities = [m.group() for m in QTY_GUARDED.finditer(text)]
    assert quantities == [m.group() for m in QTY_PLAIN.finditer(text)]
    assert "About 3.5 pct" not in quantities and "About 3.5" in quantities
    assert "Thousands" in quantities and "320" in quantities


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abcAB'", min_size=1, max_size=5), min_size=1, max_size=12),
    st.text(alphabet="abcAB'", max_size=6),
)
def test_word_tree_matches_exactly_the_words(words: list[str], other: str) -> None:
    tree = re.compile(es._word_tree(words))
    assert all(tree.fullmatch(w) for w in words)
    assert (tree.fullmatch(other) is not None) == (other in words)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="as'’\nS .", max_size=8))
def test_strip_poss_is_the_regex(word: str) -> None:
    assert strip_poss(word) == (POSS_RE.sub("", word) if len(word) > 2 else word)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_ascii_text_lowercased_whole_gives_the_same_words(text: str) -> None:
    assert tokens._lower_words(text) == [w.lower() for w in tokens.WORD.findall(text)]
