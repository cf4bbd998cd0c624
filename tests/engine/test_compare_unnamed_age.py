"""One person's age beside the name in one report ("Ferri, 64,") and told back as "The
58-year-old" where the other report names that person: one man's two ages."""

from __future__ import annotations

from index import compare_texts

_A = (
    "Former minister Ferri jailed for corruption\n\n"
    "A Milan court sentenced former transport minister Carlo Ferri to seven years in prison.\n"
    "Ferri, 64, was found guilty of taking bribes from construction firms.\n"
)
_B = (
    "Ex-minister Ferri gets seven years\n\n"
    "Former Italian transport minister Carlo Ferri was sentenced to seven years on Thursday.\n"
    "The {b}-year-old, a minister from 2008 to 2011, has always denied the charges.\n"
)


def _ages(a: str, b: str) -> list[str]:
    found = compare_texts(a, b, entities=False).conflicts
    return [c.detail for c in found if c.detail.startswith("age")]


def test_an_age_told_back_where_the_name_is_disagrees() -> None:
    found = _ages(_A, _B.format(b="58"))
    assert len(found) == 1 and "'64' (Ferri)" in found[0] and "'58'" in found[0], found


def test_the_same_age_or_one_a_story_may_span_agrees() -> None:
    assert not _ages(_A, _B.format(b="64"))
    assert not _ages(_A, _B.format(b="63"))


def test_an_indefinite_age_is_someone_else() -> None:
    b = _B.format(b="58").replace("The 58-year-old, a minister", "A 58-year-old, a minister")
    assert not _ages(_A, b)


def test_a_report_giving_two_ages_is_left_alone() -> None:
    b = _B.format(b="58") + "His co-defendant, Marco Bassi, 47, was acquitted.\n"
    assert not _ages(_A, b)


def test_an_age_told_of_the_same_description_disagrees() -> None:
    a = (
        "Bridge collapse in Peru kills nine\n\n"
        "A road bridge over the Santa river collapsed on Thursday, killing nine people.\n"
        "The engineer in charge of its upkeep, Luis Paredes, 58, blamed overloaded trucks.\n"
    )
    b = (
        "Nine dead as Peru bridge falls\n\n"
        "Nine people died when a bridge over the Santa river fell on Thursday.\n"
        "The 53-year-old engineer responsible for the bridge blamed heavy lorries.\n"
    )
    found = _ages(a, b)
    assert len(found) == 1 and "'58'" in found[0] and "'53'" in found[0], found
    assert not _ages(a, b.replace("53-year-old engineer", "53-year-old driver"))
