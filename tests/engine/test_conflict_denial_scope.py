"""A denial opening its sentence ("No tsunami warning was issued") against the act stated ("A
tsunami advisory was briefly issued"): the denial pattern read only a lower-case "no". Read with
two guards, without which the capital made 10 findings over ECB+ and WikiNews, nearly all false:
the other sentence must tell the act of what is denied, its verb a few words from it ("No damage
was reported" is not told by "The rains have damaged some roads ..., Diego Grez reported"), and a
denial told of a time of its own ("when Orozco was taken into custody") is compared only with a
sentence telling that time."""

from __future__ import annotations

from conflict_helpers import aligned


def test_a_denial_opening_its_sentence_is_read() -> None:
    assert aligned(
        "No tsunami warning was issued, the agency said.",
        "A tsunami advisory was briefly issued for the Miyagi coast, public broadcaster NHK "
        "reported.",
        "status",
    ) == ["A denies it ('No tsunami warning was issued'); B states it"]
    assert aligned(
        "According to the agency, no tsunami warning was issued.",
        "A tsunami alert was initially issued following the tremor.",
        "status",
    ) == ["A denies it ('no tsunami warning was issued'); B states it"]


def test_the_act_must_be_told_of_what_is_denied() -> None:
    assert (
        aligned(
            "No damage was reported.",
            "The rains have damaged some roads in Pichilemu, Wikinews' Diego Grez reported.",
            "status",
        )
        == []
    )


def test_a_denial_of_another_time_is_not_against_this_one() -> None:
    assert (
        aligned(
            "No shots were fired when Orozco was taken into custody, he added.",
            "He fired just one shot from his revolver, hitting the deputy in the head.",
            "status",
        )
        == []
    )
    assert aligned(
        "No shots were fired when Orozco was taken into custody, he added.",
        "Deputies fired two shots when they took Orozco into custody.",
        "status",
    ) == ["A denies it ('No shots were fired'); B states it"]
