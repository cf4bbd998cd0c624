"""A share in percent is said of something: two shares of other things do not disagree ("a 3.1
percent margin of error" / "a 20 percent approval rating", "55 percent of respondents said" /
"discontent was high -- at 65.6 percent": ECB+ topic 19's polls), while two shares said of one
thing still do ("turnout reached 93.87 percent" / "turnout was almost 90%"). Made-up sentences,
aligned as the comparison aligned the real ones."""

from __future__ import annotations

from conflict_helpers import aligned_figures as _figures


def test_shares_of_other_things_do_not_disagree() -> None:
    poll = "The latest poll numbers show a 20 percent approval rating for the cabinet."
    assert _figures("The poll of 900 people gave a 3.1 percent margin of error.", poll) == []
    assert (
        _figures(
            "In the poll, some 62 percent of respondents said the reactions were inexcusable.",
            poll,
        )
        == []
    )


def test_shares_of_one_thing_still_disagree() -> None:
    assert _figures(
        "Officials said turnout reached 93 percent in the election for the new parliament.",
        "The election commission said that turnout in the election was 80 percent.",
    ) == ["percentage: A says '93 percent'; B says '80 percent'; they differ"]
