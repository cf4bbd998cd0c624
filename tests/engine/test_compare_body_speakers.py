"""One quotation credited to a body ("the FAA said") and to a person the other report describes
as another's ("an airline spokeswoman said"): two speakers."""

from __future__ import annotations

from index.compare.readings import read_all
from index.compare.speaker_roles import speaker_conflict
from index.models import Sentence

_QUOTE = '"The crew followed procedures and everyone was evacuated safely,"'


def _told(a: str, b: str) -> tuple[str, float] | None:
    x = read_all([Sentence(0, len(a), a)])[0]
    y = read_all([Sentence(0, len(b), b)])[0]
    return speaker_conflict(x, y)


def test_a_body_and_another_body_spokeswoman_disagree() -> None:
    told = _told(f"{_QUOTE} an airline spokeswoman said.", f"{_QUOTE} the FAA said in a statement.")
    assert told is not None and "FAA" in told[0] and "airline spokeswoman" in told[0]


def test_the_body_own_spokeswoman_agrees() -> None:
    assert (
        _told(f"{_QUOTE} an airline spokeswoman said.", f"{_QUOTE} Alaska Airlines said.") is None
    )
    assert (
        _told(
            f"{_QUOTE} a Federal Aviation Administration spokeswoman said.",
            f"{_QUOTE} the FAA said in a statement.",
        )
        is None
    )


def test_a_spokeswoman_of_no_one_said_may_be_the_body_own() -> None:
    assert _told(f"{_QUOTE} a spokeswoman said.", f"{_QUOTE} the FAA said in a statement.") is None


def test_a_claim_in_own_words_may_be_told_by_both() -> None:
    assert (
        _told(
            "A navy spokesman said the Indians responded to a distress call from the ship.",
            "The Indians responded to a distress call from the ship, a Defence Ministry "
            "release said.",
        )
        is None
    )
