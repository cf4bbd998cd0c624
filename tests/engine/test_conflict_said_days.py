"""The day a statement was made (issue 10): one statement told near word for word on two days is a
disagreement; the day something was said is not the day of the act it tells, and two statements
of other claims are two statements. Made-up reports."""

from __future__ import annotations

from conflict_helpers import conflicts

from index.compare import compare_texts

_A = (
    "Storm Kestrel batters the coast\n\n"
    "Storm Kestrel brought winds of up to 90 mph to the coast overnight, felling trees.\n"
    "Officials said on Monday that more than 20,000 homes were still without power in the county.\n"
    "Engineers were working to restore supplies, the utility company said.\n"
)
_B = (
    "Storm Kestrel leaves homes without power\n\n"
    "Storm Kestrel swept across the region with gusts reaching 90 mph, bringing down trees.\n"
    "Officials said on Tuesday that more than 20,000 homes were still without power in the county.\n"
    "Schools in the area were closed as a precaution.\n"
)


def test_one_statement_on_two_days_disagrees() -> None:
    c = compare_texts(_A, _B, entities=False)
    days = [x for x in c.conflicts if x.kind == "date"]
    assert [(x.detail, "Monday" in x.a.text, "Tuesday" in x.b.text) for x in days] == [
        ("day: A says Monday; B says Tuesday", True, True)
    ]


def test_the_same_statement_on_one_day_does_not() -> None:
    c = compare_texts(
        _A, _A.replace("Storm Kestrel brought", "Storm Kestrel drove"), entities=False
    )
    assert [x for x in c.conflicts if x.kind == "date"] == []


def test_two_statements_of_other_claims_do_not() -> None:
    assert (
        conflicts(
            ["Officials said on Monday that more than 20,000 homes were still without power."],
            ["Officials said on Tuesday that the coast road would reopen by the weekend."],
        )
        == []
    )


def test_the_day_said_against_the_day_done_does_not() -> None:
    assert (
        conflicts(
            ["The storm cut power to 20,000 homes in the county, officials said on Tuesday."],
            ["The storm cut power to 20,000 homes in the county on Monday."],
        )
        == []
    )
