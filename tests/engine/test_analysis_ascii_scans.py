"""The analysis' cheaper paths (issue 14) find what the paths they replace find.

The scans compiled with ``re.ASCII`` for a plain ASCII text, the body tokenizer's ASCII and
dot-only patterns, and the recognizer's one-word piece classified without the run's lists: each
is compared with the Unicode or general form on open-ended input, and on the characters where
the two kinds of pattern part (the information separators U+001C-U+001F, which Unicode's ``\\s``
takes and ASCII's does not).
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from index.analysis import entity_scans as es
from index.analysis import tokens
from index.analysis.entity_scans import plain_ascii, scans
from index.analysis.entity_spans import Cand, Tok
from index.analysis.recognizer import RuleRecognizer

WORDS = (
    "The the In in Since by of early last Last this week weeks years ago days summer of end "
    "Monday January March May MAY Jan. Sept Sep. 1987 2004 1990s 12 3rd 31 15/10/1987 1986/87 "
    "$12 3.5 10,000 % pct mln bln million billion dozen a few one two twenty hundred six sixty "
    "Thousands Tens thousands More than Over About Up to At least A320 F-16 U.S. Bank of England "
    "Mr. Gen. Lt. St. don't o'clock al-Sabah de la van Reuters REUTER Opec OPEC said x Q y9 _ "
    "President Vladimir Putin Minister Energy Ministry Texas Paris Washington Kursk Oblast French "
    "Korean War Air France <Merrill Lynch> IBM SUV Smith Jones Co Inc Corp Officials Dealers"
).split()
SEPARATORS = [" ", "  ", "\n", ", ", ". ", "-", "/", "(", "<", ">", "'s ", "", ".", "\x1c", "\x1f "]


@st.composite
def news_like(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS))))
    return "".join(w + s for w, s in parts)


def _found(rx: es.Scans, text: str) -> tuple[object, ...]:
    padded = " " + text
    seqs = es.run_spans(padded, rx.seq)
    return (
        es.date_spans(padded, rx is scans(True)),
        es.quantity_spans(text, padded, rx is scans(True)),
        seqs,
        [[m.span() for m in rx.tok.finditer(text, s, e)] for s, e in seqs],
        rx.lower.findall(text),
    )


def _scans_agree(text: str) -> None:
    assert _found(scans(plain_ascii(text)), text) == _found(scans(False), text)


@settings(max_examples=300, deadline=None)
@given(news_like())
def test_the_ascii_scans_find_what_the_unicode_ones_find(text: str) -> None:
    _scans_agree(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=150))
def test_the_ascii_scans_on_any_ascii_text(text: str) -> None:
    _scans_agree(text)


def test_an_information_separator_keeps_the_unicode_scans() -> None:
    text = "It rose 5\x1cmln dlrs on March\x1f3."
    assert text.isascii() and not plain_ascii(text)
    # The reason: Unicode's \s takes the separator, ASCII's does not.
    padded = " " + text
    assert es.quantity_spans(text, padded, False) == [(8, 13), (28, 29)]  # "5\x1cmln"
    assert es.quantity_spans(text, padded, True) == [(8, 9), (28, 29)]
    assert es.date_spans(padded, False) == [(22, 29)]  # "March\x1f3"
    assert es.date_spans(padded, True) == [(22, 27)]
    assert es.quantity_spans(text, padded) == [(8, 13), (28, 29)]
    assert es.date_spans(padded) == [(22, 29)]
    assert plain_ascii("It rose 5 mln dlrs.") and not plain_ascii("Zürich")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_body_words_are_whooshs_on_any_text(text: str) -> None:
    assert tokens._lower_words(text) == [w.lower() for w in tokens.WORD.findall(text)]


@settings(max_examples=200, deadline=None)
@given(news_like())
def test_body_words_are_whooshs_on_news_like_text(text: str) -> None:
    assert tokens._lower_words(text) == [w.lower() for w in tokens.WORD.findall(text)]
    text = text.replace("_", "é. ")
    assert tokens._lower_words(text) == [w.lower() for w in tokens.WORD.findall(text)]


class _General(RuleRecognizer):
    """Every piece, one word or more, through the general classification."""

    def _classify(
        self,
        text: str,
        toks: list[Tok],
        lower_words: frozenset[str],
        in_caps: bool,
        out: list[Cand],
    ) -> None:
        self._classify_run(text, toks, lower_words, in_caps, out)


_FAST, _GENERAL = RuleRecognizer(), _General()


def _same_entities(text: str) -> None:
    assert _FAST.extract(text) == _GENERAL.extract(text)


@settings(max_examples=300, deadline=None)
@given(news_like())
def test_a_one_word_piece_is_classified_as_the_general_rules_do(text: str) -> None:
    _same_entities(text)


def test_one_word_pieces_of_every_kind() -> None:
    text = (
        "PARIS CALLS\nParis, Texas and the French said. <Airbus> rose. The SUV of IBM and Opec. "
        "Officials said. Smith said. President said. Ministry said. Washington, in Kursk Oblast. "
        "Korean War. NOTE: Reuters. X said. Six said. Dealers, Merrill said."
    )
    found = {(e.label, e.text) for e in _FAST.extract(text)}
    assert ("PLACE", "Paris") in found and ("ORG", "IBM") in found and ("ORG", "Airbus") in found
    _same_entities(text)


DATE_PLAIN = re.compile(es.plain_patterns()[0])
DATES = (
    "the end of this year; The beginning of next month, the rest of the week; the summer of 1987, "
    "The early-summer of 1990, late winter of 2001, mid-spring of 2004, Early 1988, early May, in "
    "May, In 1987, by 2004, of 1999, Since May, until 2010, During 1990, before May, After 2001, "
    "last week, Last year, this quarter, next weekend, past decade, coming months, Previous years, "
    "earlier this year, Later this month, more than two years ago, less than 3 days, fewer than "
    "ten hours, over 20 years, nearly a few weeks, almost six months, about 12 days ago, at least "
    "two decades, a few centuries, several days, dozen years, one hundred days, the 1980s, 1990s, "
    "Monday, March 3, 1987, MAY 4, Sept. 12, 3rd of June, 1986 to 1988, 1986/87, 15/10/1987"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(DATES.split(", ")), max_size=8), st.sampled_from(["\n", " ", ", "]))
def test_the_date_guard_passes_every_date(parts: list[str], sep: str) -> None:
    text = sep.join(parts)
    for ascii in (True, False):
        found = es.date_spans(" " + text, ascii)
        assert found == [
            m.span("ctx") if m.group("ctx") else m.span() for m in DATE_PLAIN.finditer(text)
        ]


def test_each_date_opener_before_what_it_needs() -> None:
    found = es.date_spans(" " + DATES)
    assert found == [
        m.span("ctx") if m.group("ctx") else m.span() for m in DATE_PLAIN.finditer(DATES)
    ]
    assert len(found) == 45  # every phrase but "coming months", "Previous years" (no period)


def test_a_run_right_after_a_run_that_ends_with_a_dot() -> None:
    text = "Ships of the U.S.3rd Fleet, Mr.Smith and J.\tJones."
    plain = [m.span() for m in re.compile(es._SEQ_BODY).finditer(text)]
    assert (text.index("3rd"), text.index(",")) in plain
    for ascii in (True, False):
        assert es.run_spans(" " + text, scans(ascii).seq) == plain
