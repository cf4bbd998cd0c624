"""Units of a season or a career ("games", "seasons", "matches") say not which games or seasons:
"won 40 games" last season and "eight losses in their last 10 games", "11 seasons as a player"
and "15 seasons in the league" are counts of other spans (ECB+ topic 5: 19 false disagreements
between such counts), compared only when the words around them meet."""

from __future__ import annotations

from conflict_helpers import conflicts


def _figures(a: str, b: str) -> list[str]:
    return [f.detail for f in conflicts([a], [b]) if f.kind == "figure"]


def test_counts_of_other_games_or_seasons_do_not_disagree() -> None:
    assert (
        _figures(
            "The club has opened 9-14 with eight losses in their last 10 games this winter.",
            "Hopes were high for a club that won 40 games and reached the playoffs last spring.",
        )
        == []
    )
    assert (
        _figures(
            "The coach spent his first 11 seasons as a player with the club.",
            "He played 15 seasons in the league and retired in 1993.",
        )
        == []
    )


def test_one_span_told_twice_still_disagrees() -> None:
    found = _figures(
        "The coach was fired after winning 12 games in his first season with the club.",
        "The coach was fired after winning 15 games in his first season with the club.",
    )
    assert len(found) == 1 and "'12'" in found[0] and "'15'" in found[0]
