"""Statuses: one charge's verdict told as acquitted and as convicted, a defeat conceded and a
refusal to concede it; two charges, or two candidates, are left alone."""

from __future__ import annotations

from index import compare_texts

_HEAD_A = "Ex-minister Ferri jailed\n\nA Milan court sentenced Carlo Ferri to seven years.\n"
_HEAD_B = "Ferri gets seven years\n\nCarlo Ferri was sentenced by a Milan court to seven years.\n"


def _statuses(a: str, b: str) -> list[str]:
    found = compare_texts(a, b, entities=False).conflicts
    return [c.detail for c in found if c.kind == "status"]


def test_acquitted_and_convicted_of_one_charge_disagree() -> None:
    a = _HEAD_A + "Judges acquitted Ferri of a separate charge of money laundering.\n"
    b = _HEAD_B + "Ferri was also convicted of money laundering by the Milan judges.\n"
    found = _statuses(a, b)
    assert any("acquitted" in d and "convicted" in d for d in found), found


def test_verdicts_of_two_charges_are_left_alone() -> None:
    a = _HEAD_A + "Judges acquitted Ferri of a separate charge of tax fraud.\n"
    b = _HEAD_B + "Ferri was also convicted of money laundering by the Milan judges.\n"
    assert not _statuses(a, b)


_VOTE_A = "Novak wins Ljubljana vote\n\nNovak won the mayoral vote in Ljubljana on Sunday.\n"
_VOTE_B = "Novak elected mayor\n\nNovak was elected mayor of Ljubljana on Sunday.\n"


def test_conceded_and_refused_to_concede_disagree() -> None:
    a = _VOTE_A + "Kos conceded defeat in Ljubljana late on Sunday.\n"
    b = _VOTE_B + "Kos refused to concede defeat in Ljubljana late on Sunday.\n"
    found = _statuses(a, b)
    assert any("conceded" in d and "refused to concede" in d for d in found), found


def test_two_candidates_are_left_alone() -> None:
    a = _VOTE_A + "Kos conceded defeat in Ljubljana late on Sunday.\n"
    b = _VOTE_B + "Horvat refused to concede defeat in Ljubljana late on Sunday.\n"
    assert not _statuses(a, b)
