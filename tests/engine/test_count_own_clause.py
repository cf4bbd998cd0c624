"""A count with its own relative clause is that clause's subject: it takes no role told before it
("killed during demonstrations by tens of thousands who marched" counts marchers, not the dead).
Made-up sentences; no alignment to lean on."""

from __future__ import annotations

from conflict_helpers import conflicts


def test_a_count_who_did_something_else_is_no_toll() -> None:
    assert (
        conflicts(
            ["Police said two women and one man died in the bank that caught fire in Corinth."],
            [
                "The two women and a man were killed during protests by tens of thousands who "
                "marched through Corinth."
            ],
        )
        == []
    )


def test_a_count_whose_clause_tells_the_role_still_disagrees() -> None:
    found = conflicts(
        ["Three people were killed in the crash on the coast road, police said."],
        ["Five people who were on the bus were killed in the crash on the coast road."],
    )
    assert [(f.kind, f.detail) for f in found] == [
        ("figure", "death toll: A says 'Three'; B says 'Five'; they differ")
    ]


def test_a_count_a_verb_acts_on_keeps_that_verb() -> None:
    # "arrested 23 pirates who threatened": the 23 were arrested; 11 of them is a part
    assert (
        conflicts(
            ["The navy said it arrested 23 pirates who threatened a merchant ship on Saturday."],
            ["Commandos boarded the pirate boats to nab 12 Somali and 11 Yemeni pirates."],
        )
        == []
    )
