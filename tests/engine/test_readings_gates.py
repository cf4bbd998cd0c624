"""The finder's cheap tests before its patterns skip only what the patterns would not find.

A sentence's cues, numbers and dates are searched only when a word they need is among its runs of
letters (``index.compare.readings.letter_runs``); numbers are tried only near a digit. Each test
reads made-up sentences both ways, with and without the shortcut, and asks for the same result.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.compare import numbers, readings
from index.compare.figures import figures
from index.compare.status_cues import read_cues
from index.models import Sentence

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _runs(text: str) -> frozenset[str] | None:
    return readings.letter_runs(text, frozenset(w.lower() for w in _WORD.findall(text)))


def _spans(m: re.Match[str] | None) -> tuple[str, int, int] | None:
    return None if m is None else (m.group(0), m.start(), m.end())


def _cues(text: str, runs: frozenset[str] | None) -> tuple[object, ...]:
    c = read_cues(text, runs)
    return (
        _spans(c.prospective),
        _spans(c.actual),
        _spans(c.hedged),
        _spans(c.confirmed),
        tuple(tuple(_spans(m) for m in pair) for pair in c.fates),
        c.sources,
        c.any_fate,
    )


_SENTENCES = [
    "Troops are undergoing training and could soon be deployed, officials said.",
    "The soldiers have joined the conflict and fought alongside Russian units.",
    "Korea’s troops were reportedly sent; it is not yet confirmed, Kim Jong-un's aide said.",
    "It was deliberately set, according to the fire chief, who 'confirmed' the arson.",
    "Police rescued 26 hostages and arrested three pirates at the scene.",
    "He died on the way to the hospital; two others were killed instantly.",
    "Speculation grew that the quake's toll may have passed 80,000.",
    "“Officially, nothing happened,” the spokesman told reporters — nothing at all.",
    "The Café owner, Zoë, said the rescue teams arrived late.",
    "US$1.5 million was paid to 12 people; $us 40 more to the other 3.",
    "A 5.9-magnitude quake struck at 10:30 on March 3, 2009, killing 61 and injuring 1, 500.",
    "Over a dozen houses and twenty-two shops were destroyed in all.",
    "Call 0845 125 2222 about flight 447 or Route 66 by 2020.",
    "The U.S. said the 3rd brigade's 1,200 men and 40 tanks had arrived.",
    "Kelvin's K-9 unit (0.357 calibre) was not deployed, he said.",
    "Moscow has sent 400 troops; they have been deployed and began fighting, others have begun.",
    "Units engaged in combat operations after their first battles and clashed with rebels.",
    "They plan to move; more are expected to be sent, rumoured to number 5,000, in training.",
    "It is unverified; if verified, the alleged and suspected plot was thought to be possible.",
    "The apprehended men, nabbed and detained, were captured; the seized boat was rescued.",
    "Potentially, they might have been considering it, but it remains unclear, she stated.",
]


def test_word_gates_keep_every_cue() -> None:
    for text in _SENTENCES:
        assert _cues(text, _runs(text)) == _cues(text, None), text


# One cue each, in a sentence with no other: the word gate of each must open for it.
_ONE_CUE = {
    "prospective": "undergoing training|being trained|in training|to be deployed|could soon be "
    "deployed|potential deployment|preparing|prepare|plans to|plan to|set to|rumored to|"
    "rumoured to|expected to|will be sent|would be sent",
    "actual": "have joined|joined the war|fought|fighting alongside|engaged in combat|engaging in "
    "battle|combat operations|first clash|clashed with|clash with|were killed|have been sent|"
    "has been deployed|has sent|arrived|began their|begun",
    "hedged": "rumored|rumoured|reportedly|allegedly|alleged|unconfirmed|unverified|if verified|"
    "suspected|believed to|thought to|possible|possibly|potentially|considering|could have|"
    "may have|might have|speculation|unclear|not yet known",
    "confirmed": "confirmed|confirms|verified|officially|acknowledged|deliberately|intentionally",
    "fates": "rescued|captured|apprehended|arrested|detained|nabbed|seized the|at the scene|"
    "killed instantly|in hospital|on the way to the hospital",
    "sources": "Smith said|said Smith|according to the Red Cross|Jones told|Jones stated|"
    "Jones reported|Jones announced|Jones confirmed|told the BBC",
}


@pytest.mark.parametrize("kind", sorted(_ONE_CUE))
def test_each_cue_opens_its_gate(kind: str) -> None:
    for phrase in _ONE_CUE[kind].split("|"):
        text = f"The men {phrase} the town."
        slow = _cues(text, None)
        assert any(slow), text  # (the phrase is a cue)
        assert _cues(text, _runs(text)) == slow, text


def test_plain_text_only() -> None:
    # a letter outside ASCII may meet a pattern's case-blind ASCII letter: no shortcut
    assert _runs("The café said so.") is None
    assert _runs("Zoë told them.") is None
    # typographic punctuation is no letter; an apostrophe joins two runs into one word
    assert _runs("Korea’s “troops” — sent.") == frozenset(["korea", "s", "troops", "sent"])


def test_numbers_tried_near_digits_only() -> None:
    for text in _SENTENCES:
        clean = numbers.clean(text)
        expected = [m.span() for m in numbers._DIGITS.finditer(clean)]
        assert [m.span() for m in numbers._digit_matches(clean)] == expected, text
        gated = [m.span() for m in numbers.scan(clean, _runs(clean))]
        assert gated == [m.span() for m in numbers.scan(clean)], text
        assert figures(clean, _runs(clean)) == figures(clean), text


def test_a_reading_is_the_same_without_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    sents = [Sentence(0, len(t), t) for t in _SENTENCES]
    fast = readings.read_all(sents)
    assert sum(r.runs is not None for r in fast) == len(_SENTENCES) - 1  # (all but the café)
    monkeypatch.setattr(readings, "letter_runs", lambda text, words: None)
    slow = readings.read_all(sents)
    assert all(r.runs is None for r in slow)
    for x, y in zip(fast, slow, strict=True):
        assert (x.figs, x.when, x.dates, x.days, x.times) == (
            y.figs,
            y.when,
            y.dates,
            y.days,
            y.times,
        )
        assert _cues(x.text, x.runs) == _cues(y.text, None)


_TOKENS = [
    *"said told confirmed according officially deliberately reportedly may have could".split(),
    *"rescued arrested captured scene hospital instantly training deployed sent fought".split(),
    *"joined first clash killed began speculation unclear yet not in during last by".split(),
    *"another stage quake so far total all two dozen thousands million has have been".split(),
    *"US$ $us € 1 12 1,500 5.9 .357 10:30 2009 0845 - , . : ; ' ’ “ ” —".split(),
    "Korea's",
    "Korea’s",
    "3rd",
    "K9",
    "The",
    "Police",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=14), st.lists(st.sampled_from(["", " "])))
def test_shortcuts_never_change_a_reading(tokens: list[str], gaps: list[str]) -> None:
    text = "".join(t + (gaps[n] if n < len(gaps) else " ") for n, t in enumerate(tokens))
    runs = _runs(text)
    assert _cues(text, runs) == _cues(text, None)
    assert [m.span() for m in numbers._digit_matches(text)] == [
        m.span() for m in numbers._DIGITS.finditer(text)
    ]
    assert [m.span() for m in numbers.scan(text, runs)] == [m.span() for m in numbers.scan(text)]
    if runs is not None:  # the pattern of one event of a series, skipped without its words
        found = {m.group(0).split()[0].lower() for m in readings._WHEN.finditer(text)}
        assert found <= runs
