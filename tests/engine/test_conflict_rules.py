"""Disagreement rules added for issue 10 (item 3), each on small made-up sentences: which sentence
tells a finding, whose figure a count is, and what a hedge leaves open.

``find`` is called without any alignment, as in ``test_conflicts.py``: the rules hold whatever the
aligner does.
"""

from __future__ import annotations

from conflict_helpers import conflicts, sents

from index.compare.conflicts import find


def test_a_line_without_a_final_stop_comes_after_a_sentence() -> None:
    # a caption or lead fragment in the middle of a report ranks like a headline: the same
    # disagreement is shown on the body's sentence, which tells it with its context
    found = conflicts(
        [
            "Storm hits the coast",
            "Rescuers search the harbour town where the storm killed 12 people overnight",
            "Officials said the storm killed 12 people on the coast.",
        ],
        ["The storm killed 30 people in the harbour town overnight, officials said."],
    )
    assert found and found[0].kind == "figure"
    assert found[0].i == 2


def test_at_least_one_leaves_the_count_open() -> None:
    # "at least one" says only that there were some; any larger count fits it
    assert (
        conflicts(
            ["At least one protester was arrested near the embassy on Friday."],
            ["Four protesters were arrested near the embassy on Friday."],
        )
        == []
    )
    # a larger lower bound is still a figure the other report's count can contradict
    found = conflicts(
        ["At least three protesters were arrested near the embassy on Friday."],
        ["Ten protesters were arrested near the embassy on Friday."],
    )
    assert [f.kind for f in found] == ["figure"] and "at least three" in found[0].detail


def test_counts_of_two_people_each_named_alone() -> None:
    # two sentences that open with two different surnames, each absent from the other sentence,
    # count two people's charges; the reports name both elsewhere, so both are names
    a = [
        "Sergeant Walter Brenning and Private Olaf Kessel were tried at the base.",
        "Brenning was charged with six counts of assault at the base.",
    ]
    b = [
        "Kessel, of Dayton, was charged with four counts of assault at the base.",
        "Brenning and Kessel deny every charge.",
    ]
    assert conflicts(a, b) == []
    # one person's counts told twice still disagree
    b[0] = "Brenning, of Dayton, was charged with four counts of assault at the base."
    assert [f.detail for f in conflicts(a, b)] == [
        "number of counts: A says 'six'; B says 'four'; they differ"
    ]


def test_a_report_that_leads_with_another_event_of_a_series() -> None:
    # "Another aftershock" in a report's lead: its depth is that aftershock's, not the story's
    a = [
        "Another strong aftershock hits the coast",
        "The aftershock occurred at a depth of 10 kilometers, the survey said.",
    ]
    b = [
        "Strong aftershock hits the coast",
        "The aftershock occurred at a depth of 35 kilometers, the survey said.",
    ]
    assert conflicts(a, b) == []
    # two reports of one aftershock still disagree on its depth
    a[0] = "Strong aftershock hits the coast near the port"
    assert [f.kind for f in conflicts(a, b)] == ["figure"]


def test_a_numbered_stage_and_a_separate_flight_are_events_of_their_own() -> None:
    # "stage 9" in a report's lead: the race's distances there are that stage's
    trial = "Lenz finished the {} km time trial in first place, ahead of Marro."
    prologue = ["Prologue opens the tour in the capital", trial.format(8)]
    assert conflicts(["Rider wins stage 9 of the tour", trial.format(40)], prologue) == []
    found = conflicts(["Rider wins the time trial of the tour", trial.format(40)], prologue)
    assert [f.kind for f in found] == ["figure"]
    # "a separate Ostia Air flight": its date is another flight's
    due = ["The jet was due to land in Lisbon on March 3 with 150 people on board."]
    threat = (
        "A bomb threat was reported on {} flight to Lisbon on February 26 with 150 people on board."
    )
    assert conflicts(due, [threat.format("a separate Ostia Air")]) == []
    assert [f.kind for f in conflicts(due, [threat.format("the Ostia Air")])] == ["date"]


def test_the_quake_and_an_aftershock_last_each_their_own() -> None:
    quake = ["The earthquake lasted approximately 40 seconds, residents of the port said."]
    shock = "The {} lasted about ten seconds, residents of the port said."
    assert conflicts(quake, [shock.format("aftershock")]) == []
    assert [f.kind for f in conflicts(quake, [shock.format("earthquake")])] == ["figure"]


def test_never_entered_against_checked_into() -> None:
    # the place denied follows an active verb; checking into a place is entering it; a "not"
    # far from the act ("not happy there") denies something else
    a = [
        "Darla had checked into Pinecrest Clinic on Monday, but left because she was not happy "
        "there, her sister said."
    ]
    b = [
        "A magazine reported Darla was at a party that night and that she never entered Pinecrest."
    ]
    found = conflicts(a, b)
    assert [f.kind for f in found] == ["status"] and "never entered" in found[0].detail
    b = [
        "A magazine reported Darla was at a party that night and that she never visited Pinecrest."
    ]
    assert conflicts(a, b) == []
    # both deny it: nothing against nothing
    a = ["Darla never checked into Pinecrest Clinic on Monday, her sister said."]
    b = [
        "A magazine reported Darla was at a party that night and that she never entered Pinecrest."
    ]
    assert conflicts(a, b) == []


def test_a_figure_said_of_someone_named_after_it() -> None:
    # "a four-year contract with K. L. Brandt" is Brandt's, not the contract Varga seeks
    a = [
        "Varga is seeking a six-year contract from the Hawks, his agent said.",
        "The agent of Varga spoke on Monday.",
    ]
    other = "The Hawks signed a four-year contract with K. L. Brandt last winter, his agent said."
    assert conflicts(a, [other]) == []
    # (the same act by the same person: a demand against an offer is two measures, see
    # test_figure_brackets.py)
    same = "Varga is seeking a four-year contract from the Hawks, his agent said."
    assert [f.kind for f in conflicts(a, [same])] == ["figure"]


def test_a_sentence_opening_with_one_name_against_one_naming_another() -> None:
    # "Kessel faces ... 20 years" / "The court sentenced Brenning to six years": two people's
    a = [
        "The court sentenced Brenning to six years in prison.",
        "Both Kessel and Brenning were tried at the base.",
    ]
    assert conflicts(a, ["Kessel faces a sentence of 20 years in prison."]) == []
    found = conflicts(a, ["Brenning was sentenced to 20 years in prison."])
    assert [f.kind for f in found] == ["figure"]


def test_people_from_one_named_village_are_a_part() -> None:
    a = ["The quake injured five people on the island, the governor said."]
    part = [
        "Two people from Marra village were hurt in the quake on the island, the governor said."
    ]
    assert conflicts(a, part) == []
    whole = ["Two people were hurt in the quake on the island, the governor said."]
    assert [f.kind for f in conflicts(a, whole)] == ["figure"]


def test_things_destroyed_and_things_damaged_are_two_counts() -> None:
    a = ["The governor said four villages had been destroyed by the storm on the coast."]
    damaged = ["The governor said seven villages had been damaged by the storm on the coast."]
    assert conflicts(a, damaged) == []
    destroyed = ["The governor said seven villages had been destroyed by the storm on the coast."]
    assert [f.kind for f in conflicts(a, destroyed)] == ["figure"]


def test_a_negated_expectation_and_a_cause_yet_to_be_found() -> None:
    # "was not expected to rise" says nothing is still to happen
    a = ["The governor told reporters that the toll was not expected to rise after the storm."]
    b = ["The governor told reporters that rescue teams have been deployed after the storm."]
    assert conflicts(a, b) == []
    a = ["The governor told reporters that the troops were expected to deploy after the storm."]
    b = ["The governor told reporters that the troops have been deployed after the storm."]
    assert [f.kind for f in conflicts(a, b)] == ["status"]
    # "has yet to be determined" states no cause for "not yet certain what caused" to deny
    a = ["Officials are not yet certain what caused the crash of the plane off the coast."]
    b = ["However, the cause of the crash of the plane off the coast has yet to be determined."]
    assert conflicts(a, b) == []
    b = ["Officials are certain that a storm caused the crash of the plane off the coast."]
    assert [f.kind for f in conflicts(a, b)] == ["status"]


def test_the_fourth_and_strongest_quake_is_one_of_a_series() -> None:
    b = [
        "Strong quake hits the coast",
        "It had a magnitude of 5.2, the survey said of the quake near the port.",
    ]
    series = [
        "Four quakes hit the coast overnight. The fourth and strongest quake woke the port.",
        "It had a magnitude of 4.1, the survey said of the quake near the port.",
    ]
    assert conflicts(series, b) == []
    single = ["Strong quake hits the coast near the port", series[1]]
    assert [f.kind for f in conflicts(single, b)] == ["figure"]


def test_a_count_owned_by_a_word_the_other_sentence_lacks() -> None:
    # "the militia's four members" are the militia's, not four of the sailors
    a = ["The rebels have pardoned these 12 sailors and will release them to their families."]
    owned = "As soon as the militia's four members are released, the sailors can go home."
    assert conflicts(a, [owned]) == []
    plain = "As soon as four members are released, the sailors can go home."
    assert [f.kind for f in conflicts(a, [plain])] == ["figure"]


def test_a_harm_denied_of_one_kind_of_event_is_not_denied_of_another() -> None:
    a = ["The mayor reported that the storm had damaged the old roads of the port."]
    shocks = ["Three aftershocks hit the port; no damage reported on the old roads."]
    assert conflicts(a, shocks) == []
    storm = ["The storm hit the port; no damage reported on the old roads."]
    assert [f.kind for f in conflicts(a, storm)] == ["status"]


def test_a_passive_denial_is_said_of_its_subject() -> None:
    a = ["Marlow, a market town on the river, was badly flooded after the storm last week."]
    other = ["The old centre of Denby was not badly flooded after the storm last week."]
    assert conflicts(a, other) == []
    same = ["The old centre of Marlow was not badly flooded after the storm last week."]
    assert [f.kind for f in conflicts(a, same)] == ["status"]


def test_shot_so_many_times_against_hit_by_so_many_bullets() -> None:
    a = ["Mara Lind, 19, was shot nine times after officers said she drew a knife in the park."]
    found = conflicts(a, ["The coroner found that Lind was hit by four bullets, two to the chest."])
    assert [f.detail for f in found] == [
        "bullets that hit: A says 'nine times'; B says 'four'; they differ"
    ]
    assert conflicts(a, ["The coroner found that Lind was hit by nine bullets in the park."]) == []
    # shots fired are not hits
    fired = ["Officers fired nine shots at Lind in the park, the coroner found."]
    assert conflicts(fired, ["The coroner found that Lind was hit by four bullets."]) == []


def test_possible_hedges_the_noun_it_qualifies() -> None:
    a = [
        "Wreckage found at sea was confirmed to be that of the missing ferry, the coast guard said."
    ]
    bodies = [
        "Possible bodies, wreckage from the missing ferry found at sea, the coast guard said."
    ]
    assert conflicts(a, bodies) == []
    wreckage = ["Possible wreckage from the missing ferry found at sea, the coast guard said."]
    assert [f.kind for f in conflicts(a, wreckage)] == ["certainty"]
    # "may have capsized" hedges the capsizing, which the confirmation does not tell
    capsized = ["Divers said the missing ferry may have capsized in a storm, the coast guard said."]
    assert conflicts(a, capsized) == []
    came = ["Wreckage found at sea may have come from the missing ferry, the coast guard said."]
    assert [f.kind for f in conflicts(a, came)] == ["certainty"]


def test_counts_at_two_stages_of_a_case() -> None:
    a = ["Brenning was charged and convicted on two counts of assault at the base."]
    charged = ["Brenning was charged with nine counts of assault at the base."]
    assert conflicts(a, charged) == []
    convicted = ["Brenning was convicted on nine counts of assault at the base."]
    assert [f.kind for f in conflicts(a, convicted)] == ["figure"]


def test_bullets_that_hit_are_not_people_shot() -> None:
    a = ["Mara Lind, 19, was shot nine times after officers said she drew a knife in the park."]
    people = [
        "Lind was shot in the park during a confrontation with two officers, the coroner said."
    ]
    assert conflicts(a, people) == []


def test_a_denial_against_a_condition_or_a_noun() -> None:
    # a condition states no act, and "her alleged check in" is not checking in
    a = ["Where the plan has no effect on a protected river, the permit stands."]
    condition = [
        "If the agency can not show a link between the plan and an effect on a protected river, it stands."
    ]
    assert conflicts(a, condition) == []
    denial = [
        "A magazine reported Darla was at a party that night and that she never entered Pinecrest."
    ]
    noun = [
        "Pinecrest is unlicensed, and photographers saw Darla at a party at the moment of her check in."
    ]
    assert conflicts([denial[0]], noun) == []


def test_what_one_witness_saw_is_a_part() -> None:
    toll = ["Officials said 3,000 people were dead in the streets after the quake."]
    seen = ['A reporter said he had seen "dozens of dead" in the streets after the quake.']
    assert conflicts(seen, toll) == []
    told = ['A reporter said there were "dozens of dead" in the streets after the quake.']
    assert [f.kind for f in conflicts(told, toll)] == ["figure"]


def test_the_day_of_a_decision_is_not_the_day_of_the_act() -> None:
    fired = ["The club fired coach Dunn on Monday after one season."]
    decided = ["The owner said he decided on Saturday to fire coach Dunn after one season."]
    assert conflicts(decided, fired) == []
    other_day = ["The owner said the club fired coach Dunn on Saturday after one season."]
    assert [f.kind for f in conflicts(other_day, fired)] == ["date"]


def test_a_count_with_its_own_verb_takes_that_stage() -> None:
    # "eleven soldiers were previously sentenced" / "Four soldiers ... stand accused": two groups
    a = [
        "Rook is the only officer charged in the Kelso jail case; eleven soldiers were previously "
        "sentenced to prison."
    ]
    assert conflicts(a, ["Four soldiers at Kelso jail stand accused in the hearing."]) == []
    sentenced = ["Four soldiers at Kelso jail were previously sentenced to prison."]
    assert [f.kind for f in conflicts(a, sentenced)] == ["figure"]


def test_a_combined_figure_holds_a_smaller_one() -> None:
    a = ["Lind played in 30 games with the Hawks last season, the club said."]
    combined = [
        "Lind played in a combined 70 games with the Hawks and Owls last season, the club said."
    ]
    assert conflicts(a, combined) == []
    same = ["Lind played in 70 games with the Hawks last season, the club said."]
    assert [f.kind for f in conflicts(a, same)] == ["figure"]


def test_a_distance_is_told_of_the_thing_before_it() -> None:
    # the words after a distance name the place it is measured from; those before, what is that
    # far: the debris and an island both off one coast are two distances, not one told twice
    # (aligned, as the compare aligns two sentences of one search)
    debris = "Debris from the missing ferry was found 300 kilometres from the coast of Freedonia."
    island = (
        "Divers searched near Isla Verde, an island located 100 miles off the coast of Freedonia."
    )
    assert find(sents(debris), sents(island), {}, {(0, 0): 0.8}) == []
    # the same thing told twice that far apart still disagrees
    again = (
        "Debris from the missing ferry lay 100 miles off the coast of Freedonia, officials said."
    )
    found = find(sents(debris), sents(again), {}, {(0, 0): 0.8})
    assert [f.detail.split(":")[0] for f in found] == ["distance"]


def test_first_says_which_not_what() -> None:
    # "first" tells which of a series, not which event a time is told of: the waters reaching a
    # town and a tremor are two events, each "first", each at its own time
    waters = "The flood waters first reached Riverton at 04:10 local time, the agency said."
    tremor = "The first tremor took place at 01:15 local time, according to the observatory."
    assert find(sents(waters), sents(tremor), {}, {(0, 0): 0.9}) == []
    # one event told at two times still disagrees
    again = "The flood waters reached Riverton at 06:30 local time, the agency said."
    found = find(sents(waters), sents(again), {}, {(0, 0): 0.9})
    assert [f.detail.split(":")[0] for f in found] == ["time"]
