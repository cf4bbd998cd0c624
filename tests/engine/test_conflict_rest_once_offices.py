"""Counts of the rest, "once" that says when, and sources that name nobody (the sweep over ECB+
same-story pairs: "two other rifles" against "seven AK-47 assault rifles", "police said once Gray
had been hit" against "arrested four times", "her rep told People" against "her rep told Us",
"the Alaska Governor said" against "Palin said"). Made-up sentences, aligned as the comparison
aligned the real ones."""

from __future__ import annotations

from conflict_helpers import aligned, aligned_figures

from index.compare.figures import clean, figures


def test_a_count_of_the_rest_is_not_the_kind_named_beside_it() -> None:
    assert aligned_figures(
        "The sailors seized seven AK-47 assault rifles, two other rifles and a launcher.",
        "The sailors seized ten AK-47 assault rifles, three machine guns and a launcher.",
    ) == ["number of ak-47 assault rifles: A says 'seven'; B says 'ten'; they differ"]
    assert (
        aligned_figures(
            "Guards found five rifles and three other pistols in the truck.",
            "Guards found seven pistols in the truck.",
        )
        == []
    )
    # ... but is one of a list's figures: seven and two are the nine
    assert (
        aligned_figures(
            "The sailors seized seven AK-47 assault rifles, two other rifles and a launcher.",
            "Nine assault rifles and a launcher were seized from the pirates.",
        )
        == []
    )
    # two counts of the rest still differ
    found = aligned_figures(
        "The sailors seized seven AK-47 rifles and two other rifles from the boat.",
        "The sailors seized seven AK-47 rifles and three other rifles from the boat.",
    )
    assert len(found) == 1 and "'two'" in found[0] and "'three'" in found[0]


def test_once_that_says_when_counts_nothing() -> None:
    def times(text: str) -> list[str]:
        return [f.text for f in figures(clean(text)) if f.dim == "times"]

    assert times("Police said once Gray had been hit, the officers stopped.") == []
    assert times("The Academy has chosen him, proving once again that he can host.") == []
    assert times("He once hosted the ceremony.") == []
    assert times("The officers left at once.") == []
    assert times("He shot Ortiz once in the head.") == ["once"]
    assert times("Police shot the man once Saturday night.") == ["once"]
    assert times("She has been married once, to an actor.") == ["once"]
    assert (
        aligned_figures(
            "Police said once Gray had been hit by the officers, he fell.",
            "Gray had been hit by the officers and arrested four times before.",
        )
        == []
    )
    found = aligned_figures(
        "The actress has been married once.", "The actress has married three times."
    )
    assert len(found) == 1 and "'once'" in found[0]


def test_the_outlet_a_source_told_is_not_the_source() -> None:
    assert (
        aligned(
            "The actress checked herself into Promises Treatment Center, her rep told People.",
            "The actress checked herself into Promises Treatment Center, her rep told Us.",
            "attribution",
        )
        == []
    )


def test_an_office_or_a_body_s_speaker_may_be_the_person_named() -> None:
    assert (
        aligned(
            "On Saturday, the Alaska Governor said she apologizes if the fire was connected to her.",
            "On Saturday, Palin said she apologizes if the fire was connected to her.",
            "attribution",
        )
        == []
    )
    assert (
        aligned(
            "The gunman entered the party at 4 p.m., according to Vancouver Police spokesperson Const.",
            "The gunman entered the party at 4 p.m., Fanning said.",
            "attribution",
        )
        == []
    )
    # two people named, each with an office, still disagree
    found = aligned(
        "The chase ended after about 15 minutes, Genesee County Sheriff Robert Pickell said.",
        "The chase ended after about 15 minutes, Genesee County Undersheriff James Gage said.",
        "attribution",
    )
    assert len(found) == 1 and "Pickell" in found[0] and "Gage" in found[0]
