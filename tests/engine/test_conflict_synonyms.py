"""Disagreements told in other words (issue 10, item 3): one act named two ways ("arson" /
"deliberately set", wreckage recovered / "neither has recovered any debris"), counted nouns of one
kind ("engines" / "appliances") told as additions, a list of ages of one group, a bout's stoppage,
abbreviated units ("mln bpd", "pct", "dlrs") and currency words. Made-up sentences;
``find`` without any alignment, as in ``test_conflicts.py``.
"""

from __future__ import annotations

from conflict_helpers import conflicts, sents

from index.compare.figure_lists import age_lists
from index.compare.figures import figures
from index.compare.readings import read_all

# --- one act named two ways ----------------------------------------------------------------------


def test_arson_as_fact_against_arson_as_one_possibility() -> None:
    a = [
        "The chapel on Elm Road suffered heavy damage from a fire that was deliberately set late on Sunday.",
        "Parishioners gathered outside on Monday morning.",
    ]
    b = [
        "Nobody knows what started it, the pastor said, adding that detectives were considering arson among other causes.",
    ]
    found = conflicts(a, b)
    assert [f.kind for f in found] == ["certainty"]
    assert (found[0].i, found[0].j) == (0, 0)
    assert "deliberately set" in found[0].detail and "considering arson" in found[0].detail


def test_arson_told_both_ways_by_one_report_is_the_story_moving() -> None:
    # a report that itself hedges and then states it sets nothing against the other's hedge
    a = [
        "A fire that was deliberately set gutted the chapel on Elm Road.",
        "Arson is suspected, the fire chief said earlier.",
    ]
    b = ["Detectives were considering arson among other causes of the chapel fire."]
    assert [f for f in conflicts(a, b) if f.kind == "certainty"] == []


def test_a_charge_of_arson_states_no_fact() -> None:
    # "charged with arson" is an accusation; "on suspicion of arson" likewise: neither disagrees
    a = ["A man aged 30 was charged with arson after the blaze at the depot."]
    b = ["A man was arrested on suspicion of arson after the depot blaze."]
    assert conflicts(a, b) == []


def test_a_denied_suicide_against_a_stated_one() -> None:
    a = ["The singer killed himself at his home in the hills, his manager said."]
    b = ["Police said the death of the singer was not a suicide."]
    found = conflicts(a, b)
    assert [f.kind for f in found] == ["status"] and "denies" in found[0].detail
    # "suicide bombers" and "suicide watch" name another thing: no act to set against it
    b = ["The man was placed on suicide watch after his arrest."]
    assert conflicts(a, b) == []


# --- counts of one kind in other words -----------------------------------------------------------


def test_additional_engines_against_further_appliances() -> None:
    a = ["When crews arrived they called in an additional six engines and a ladder unit."]
    b = ["Firefighters from the county brigade then called a further four appliances to help."]
    found = conflicts(a, b)
    assert [f.kind for f in found] == ["figure"]
    assert "'six'" in found[0].detail and "'four'" in found[0].detail
    # the same number of more engines agrees
    b = ["Firefighters from the county brigade then called a further six appliances to help."]
    assert conflicts(a, b) == []


def test_counts_not_told_as_additions_are_left_to_one_claim() -> None:
    # two counts of engines in sentences sharing a word in passing: which engines is not said
    a = ["When crews arrived they called the station and six engines waited outside."]
    b = ["Firefighters from the county brigade then called four appliances to help."]
    assert conflicts(a, b) == []


# --- a list of ages ------------------------------------------------------------------------------


def test_a_list_of_ages_is_read_whole() -> None:
    (r,) = read_all(sents("The two witnesses, girls age 6 and 8, watched from the porch."))
    assert [(x.ages, x.sex) for x in age_lists(r)] == [((6.0, 8.0), "female")]
    (r,) = read_all(sents("Two sisters, 8- and 10-year-old girls, told the jury what they saw."))
    assert [x.ages for x in age_lists(r)] == [(8.0, 10.0)]
    # a list read only in part is no list
    (r,) = read_all(sents("Three children aged 3, 5 and 7 were hurt."))
    assert all(len(x.ages) != 2 for x in age_lists(r))


def test_two_lists_of_ages_of_one_group_disagree() -> None:
    a = ["Two of her children, girls age 6 and 8, looked on from the porch of the house."]
    b = ["The witnesses were two sisters, 8- and 10-year-old girls, who told the jury."]
    found = conflicts(a, b)
    assert [f.kind for f in found] == ["figure"] and "lists of ages" in found[0].detail
    # the same ages agree; boys against girls are two groups
    b = ["The witnesses were two sisters, 6- and 8-year-old girls, who told the jury."]
    assert conflicts(a, b) == []
    b = ["The witnesses were two brothers, 8- and 10-year-old boys, who told the jury."]
    assert conflicts(a, b) == []


# --- abbreviated units ---------------------------------------------------------------------------


def test_abbreviated_scales_and_units() -> None:
    (f,) = figures("OPEC agreed to keep output at 15.8 mln bpd.")
    (g,) = figures("OPEC cut its output ceiling to 15.8 mln barrels per day.")
    (h,) = figures("OPEC's output ceiling of 15.8 million barrels stays.")
    assert f.value == g.value == h.value == 15.8e6
    assert f.dim == g.dim == h.dim == "barrels/rate"
    (s,) = figures("Saudi reserves of 170 bln barrels were confirmed.")
    assert s.dim == "barrels"  # a stock, not a rate
    money, pct = figures("The deficit was 4.5 mln dlrs, up 7.25 pct.")
    assert (money.value, money.dim) == (4.5e6, "money:USD") and pct.dim == "percent"
    (m,) = figures("She sailed the 48m yacht.")
    assert m.dim == "distance"  # "m" after digits is metres unless money


def test_output_in_bpd_against_barrels_a_day() -> None:
    a = ["OPEC ministers agreed to hold output at 15.8 mln bpd until June."]
    b = ["OPEC ministers agreed to hold output at 16.6 mln barrels per day until June."]
    found = conflicts(a, b)
    assert [f.kind for f in found] == ["figure"] and "barrels a day" in found[0].detail
    b = ["OPEC ministers agreed to hold output at 15.8 million barrels a day until June."]
    assert conflicts(a, b) == []


# --- a bout's stoppage ---------------------------------------------------------------------------


def test_stoppage_told_as_time_gone_against_time_left() -> None:
    a = [
        "The champion retained his heavyweight title in Berne.",
        "The challenger went down late in the round, and the referee stopped it at 2:51.",
    ]
    b = ["Petrov stopped the challenger with five seconds remaining of the ninth round in Berne."]
    found = conflicts(a, b)
    assert [(f.kind, f.i, f.j) for f in found] == [("figure", 1, 0)]
    assert "2:55 of a 3-minute round" in found[0].detail
    # 2:55 gone is five seconds left: they agree
    a[1] = "The challenger went down late in the round, and the referee stopped it at 2:55."
    assert conflicts(a, b) == []


def test_stoppage_guards() -> None:
    def stoppages(a: list[str], b: list[str]) -> list[str]:
        return [f.detail for f in conflicts(a, b) if f.detail.startswith("stoppage")]

    b = ["Petrov stopped the challenger with five seconds remaining of the ninth round in Berne."]
    # a hedged time left, and another year's bout, are not compared
    hedged = ["Petrov stopped the challenger with about ten seconds left in the ninth round."]
    other = [
        "The referee stopped it at 2:40 of the fourth round when they met in 2008.",
        "The champion kept his heavyweight title.",
    ]
    assert stoppages(hedged, b) == []
    assert stoppages(other, b) == []
    # a clock time in a report of no bout is no time into a round
    meeting = [
        "The union meeting was stopped at 2:30, the chairman said, after one round of talks."
    ]
    assert stoppages(meeting, b) == []
    # in a cage, rounds last five minutes
    ufc = ["The UFC referee stopped the bout at 4:55 of the ninth round, the champion said."]
    assert (
        conflicts(
            ufc, ["Petrov stopped the title fight with five seconds remaining of the ninth round."]
        )
        == []
    )


def test_a_currency_word_says_not_whose_sum() -> None:
    # two sums in one currency share its word, which says nothing of what each is for
    a = [
        "The government agreed to slash spending in return for 110 billion euros in loans from "
        "eurozone countries."
    ]
    b = ["The Greek government is attempting to slice 30 billion euros from its budget."]
    assert [f for f in conflicts(a, b) if f.kind == "figure"] == []
    # the same sum told twice still disagrees
    b = ["The government will get 90 billion euros in loans from eurozone countries."]
    assert [f.kind for f in conflicts(a, b)] == ["figure"]


def test_an_addition_is_no_total() -> None:
    # "two more victims" adds to a toll; below one claim it is compared only with an addition
    a = [
        "The new toll came after the bodies of two more victims were found in the village of Zinbi."
    ]
    b = ["The earthquake near Zinbi in the south of the country killed 10 people and injured 70."]
    assert conflicts(a, b) == []
    b = ["Rescuers found the bodies of three more victims in the ruins of the village school."]
    assert [f.kind for f in conflicts(a, b)] == ["figure"]


def test_wreckage_found_against_none_recovered() -> None:
    a = [
        "Navy divers have recovered wreckage of the missing ferry Aurora off the cape.",
        "The search goes on for the passengers.",
    ]
    b = [
        "Teams from both navies have confirmed that neither has recovered any debris from the Aurora."
    ]
    found = conflicts(a, b)
    assert [(f.kind, f.i, f.j) for f in found] == [("status", 0, 0)]
    assert "denies" in found[0].detail


def test_wreckage_guards() -> None:
    b = [
        "Teams from both navies have confirmed that neither has recovered any debris from the Aurora."
    ]
    # what was found in the debris is no debris found; spotting it is no recovery either
    a = ["Rescuers recovered two bodies from the debris of the ferry Aurora off the cape."]
    assert conflicts(a, b) == []
    a = ["A patrol plane spotted debris near the cape where the ferry Aurora was last seen."]
    assert conflicts(a, b) == []
    # debris found in an earlier report, told as past news, is not this report's own telling
    a = ["The navy had previously said debris from the Aurora had been found near the cape."]
    assert conflicts(a, b) == []
