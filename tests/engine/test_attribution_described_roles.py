"""Unnamed sources described by whose they are ("the ferry's owner told reporters", "the
newspaper's sources") or by a word before "spokesman" that says whose ("an airline
spokeswoman said", "a fire department spokesman said"): the modifiers read before were a fixed
list and capitalised words, so these were no source at all."""

from __future__ import annotations

from index.compare.attribution import sources


def _names(text: str) -> list[str]:
    return [s.name for s in sources(text)]


def test_whose_informant_is_a_source() -> None:
    assert _names('"The weather was very bad," the ferry\'s owner told reporters.') == [
        "the ferry's owner (unnamed)"
    ]
    assert _names("According to the newspaper's sources, Ross was in talks to direct it.") == [
        "the newspaper's sources (unnamed)"
    ]


def test_a_word_before_spokesman_says_whose() -> None:
    assert _names('"Everyone was evacuated safely," an airline spokeswoman said.') == [
        "an airline spokeswoman (unnamed)"
    ]
    assert _names("Seven people were taken to hospital, a fire department spokesman said.") == [
        "a fire department spokesman (unnamed)"
    ]
    # a verb or a determiner before it is no modifier
    assert "a spokesperson (unnamed)" in _names(
        '"Please release the personnel," said a spokesperson for British Prime Minister Tony Blair.'
    )
