"""index.story: claims across reports, disagreements, figures over time, sources, the guard against
one claim swallowing the story, and the JSON schema of ``newsdesk story``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from story_fixtures import A, B

from index.models import Article
from index.story import DISAGREES, STATES, StoryError, story_map
from index.story.claims import cluster
from index.story.copies import copies_of
from index.story.render import story_to_json, story_to_markdown, story_to_text

C = """Riverton counts the cost of the flood

Residents of Riverton returned on Wednesday to homes wrecked by the flash flood that swept through \
the town on Monday.
The Marlow River burst its banks after three days of heavy rain, forecasters said.
Mayor Ellen Varga said the town would need years to rebuild.
A school football match planned for Saturday has been cancelled.
"""


def _article(n: int, text: str, source: str, date: str) -> Article:
    title = text.splitlines()[0] if text.strip() else f"report {n}"
    return Article(f"r{n}.txt", f"/x/r{n}.txt", title, text, source, date)


@pytest.fixture(scope="module")
def story():  # type: ignore[no-untyped-def]
    arts = [
        _article(1, A, "Daily Star", "2025-03-03"),
        _article(2, B, "Courier", "2025-03-04"),
        _article(3, C, "Evening Post", "2025-03-05"),
    ]
    return story_map(arts)


def _claim(story, words: str):  # type: ignore[no-untyped-def]
    return next(c for c in story.claims if words in c.text)


def test_claim_told_by_every_report(story) -> None:  # type: ignore[no-untyped-def]
    river = _claim(story, "burst its banks")
    assert river.support == 3
    assert {s.report for s in river.statements if s.stance == STATES} == {0, 1, 2}
    assert river.silent == ()
    assert story.claims[0].support == 3  # ranked by support


def test_claim_of_two_and_silence(story) -> None:  # type: ignore[no-untyped-def]
    evacuated = next(
        c for c in story.claims if any("evacuated 3,000" in s.text for s in c.statements)
    )
    states = {s.report for s in evacuated.statements if s.stance == STATES}
    assert {0, 1} <= states


def test_offsets_index_each_report(story) -> None:  # type: ignore[no-untyped-def]
    for c in story.claims:
        for s in c.statements:
            text = story.texts[s.report]
            assert text[s.start : s.end] == s.text
            for a, b in s.spans:
                assert 0 <= a < b <= len(text)


def test_unique_claims(story) -> None:  # type: ignore[no-untyped-def]
    only_c = [story.claims[k].text for k in story.unique[2]]
    assert any("football match" in t for t in only_c)
    only_b = [story.claims[k].text for k in story.unique[1]]
    assert any("$50 million" in t for t in only_b)
    for r, ks in enumerate(story.unique):
        for k in ks:
            assert story.claims[k].support == 1
            assert story.claims[k].report == r


def test_figures_over_time(story) -> None:  # type: ignore[no-untyped-def]
    dead = next(m for m in story.figures if m.measure == "dead")
    assert [(v.report, v.value) for v in dead.values] == [(0, "12"), (1, "40")]
    assert [v.date for v in dead.values] == ["2025-03-03", "2025-03-04"]
    assert all(m.measure != "duration" for m in story.figures)  # "three days of rain"


def test_sources_map(story) -> None:  # type: ignore[no-untyped-def]
    police = next(s for s in story.sources if s.name.lower() == "police")
    assert police.reports == (0, 1)
    assert police.claims
    varga = next(s for s in story.sources if "Varga" in s.name)
    assert varga.kind == "person"


def test_disagreement_names_reports(story) -> None:  # type: ignore[no-untyped-def]
    found = [s for c in story.claims for s in c.statements if s.stance == DISAGREES]
    for s in found:
        assert s.detail
        assert not re.search(r"\b[AB] (?:says|reports)\b", s.detail)  # the reports' names
        assert any(label in s.detail for label in ("Daily Star", "Courier", "Evening Post"))
    # a disagreement is shown once, not on both claims of a pair of sentences
    details = [s.detail for s in found]
    assert len(details) == len(set(details))


def test_needs_two_reports() -> None:
    art = _article(1, A, "Daily Star", "2025-03-03")
    with pytest.raises(StoryError):
        story_map([art])
    with pytest.raises(StoryError):
        story_map([art, art])  # the same article twice counts once


def test_cancelled() -> None:
    arts = [_article(1, A, "x", "2025-03-03"), _article(2, B, "y", "2025-03-04")]
    with pytest.raises(StoryError):
        story_map(arts, cancelled=lambda: True)


def test_chain_does_not_make_one_claim() -> None:
    """A's sentence aligned with B's, B's with C's, but A's not with C's: two claims, not one."""
    nodes = [(0, 0), (1, 0), (2, 0)]
    edges = {((0, 0), (1, 0)): 1.0, ((1, 0), (2, 0)): 0.9}
    groups = cluster(nodes, edges)
    assert sorted(map(len, groups)) == [1, 2]
    # with the third side aligned as well they are one claim
    edges[((0, 0), (2, 0))] = 0.8
    assert [len(g) for g in cluster(nodes, edges)] == [3]


def test_pairs_of_reports_not_compared_do_not_block() -> None:
    nodes = [(0, 0), (1, 0), (2, 0)]
    edges = {((0, 0), (1, 0)): 1.0, ((1, 0), (2, 0)): 0.9}
    groups = cluster(nodes, edges, lambda r, s: {r, s} != {0, 2})
    assert [len(g) for g in groups] == [3]


def test_json_schema(story) -> None:  # type: ignore[no-untyped-def]
    out = story_to_json(story)
    assert set(out) == {"reports", "claims", "figures", "sources", "unique"}
    ids = [r["id"] for r in out["reports"]]
    assert ids == ["r1.txt", "r2.txt", "r3.txt"]
    for r in out["reports"]:
        assert set(r) == {"id", "title", "source", "date"}
    for c in out["claims"]:
        assert set(c) == {"text", "support", "reports"}
        assert isinstance(c["support"], int)
        for rid, row in c["reports"].items():
            assert rid in ids
            assert row["stance"] in ("states", "disagrees")
            assert set(row) - {"detail"} == {"stance", "start", "end", "text"}
            assert ("detail" in row) == (row["stance"] == "disagrees")
    for f in out["figures"]:
        assert set(f) == {"measure", "values"}
        for v in f["values"]:
            assert set(v) == {"report", "value", "hedge", "text", "date"}
            assert v["report"] in ids
    for s in out["sources"]:
        assert set(s) == {"name", "kind", "reports", "claims"}
        assert all(0 <= k < len(out["claims"]) for k in s["claims"])
    assert set(out["unique"]) == set(ids)


HOSTILE = "Officials said \x1b]8;;http://evil\x07 the [b]river[/b] *burst* its banks."


def test_renderers_neutralise_article_text() -> None:
    arts = [
        _article(1, A + HOSTILE + "\n", "Daily \x1b[31mStar", "2025-03-03"),
        _article(2, B + HOSTILE + "\n", "Courier", "2025-03-04"),
    ]
    m = story_map(arts)
    for out in (story_to_markdown(m), story_to_text(m, 100)):
        assert "\x1b" not in out and "\x07" not in out
    assert "\\*burst\\*" in story_to_markdown(m) or "burst" not in story_to_markdown(m)


def test_text_says_when_no_claim_is_shared() -> None:
    """Two reports with nothing in common printed the claims matrix's head and no row (the
    Markdown brief said "No claim is made by more than one report")."""
    arts = [
        _article(1, "The river Tees burst its banks in Yarm on Monday.\n", "Star", "2025-03-03"),
        _article(2, "Shares in Acme rose 3 pct after its results.\n", "Courier", "2025-03-04"),
    ]
    text = story_to_text(story_map(arts), 100)
    assert "no claim is made by more than one report" in text
    assert "   claim" not in text


_WORDS = [
    "The",
    "river",
    "flood",
    "killed",
    "12",
    "people",
    "police",
    "said",
    "on",
    "Monday",
    "Red",
    "Cross",
    "evacuated",
    "3,000",
    "residents",
    "Mayor",
    "Varga",
    "called",
    "it",
    "worst",
    "not",
    "over",
    "40",
    "Tuesday",
    "[b]",
    "\x1b[2J",
    "“quoted”",
    "\n\n",
    ".",
    ",",
]


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_WORDS), min_size=0, max_size=60).map(" ".join),
        min_size=2,
        max_size=4,
    )
)
def test_any_reports_keep_the_invariants(texts: list[str]) -> None:
    arts = [_article(n, t, f"outlet {n}", f"2025-03-0{n + 1}") for n, t in enumerate(texts)]
    if sum(first is None for first in copies_of(texts)) < 2:
        with pytest.raises(StoryError, match="copies"):
            story_map(arts, [[] for _ in arts])
        return
    m = story_map(arts, [[] for _ in arts])
    n = len(m.reports)
    for k, c in enumerate(m.claims):
        said = {s.report for s in c.statements}
        assert len(said) == len(c.statements)
        assert set(c.silent) == set(range(n)) - said
        assert c.support == sum(1 for s in c.statements if s.stance == STATES) >= 1
        for s in c.statements:
            assert m.texts[s.report][s.start : s.end] == s.text
        assert all(0 <= x < len(m.sources) for x in c.sources)
        assert k == 0 or m.claims[k - 1].support >= c.support
    for r, ks in enumerate(m.unique):
        assert all(m.claims[k].support == 1 and m.claims[k].report == r for k in ks)
    for measure in m.figures:
        assert len({v.report for v in measure.values}) >= 2


# A developing story: every report repeats the setting (the crew held since March 3) around a
# different development, in words no other lead uses.
_SETTING = [
    "The European Union called for the release of the twelve Danish fishermen held by Norway "
    "since March 3 in the Barents Sea.",
    "Denmark froze its fishing agreements with Norway until the twelve Danish fishermen held since "
    "March 3 in the Barents Sea come home.",
    "Norway said it would postpone freeing the twelve Danish fishermen held since March 3 in "
    "the Barents Sea.",
    "The twelve Danish fishermen held by Norway since March 3 in the Barents Sea landed in "
    "Copenhagen on Friday.",
    "Norwegian television broadcast an interview with one of the twelve Danish fishermen held "
    "since March 3 in the Barents Sea.",
    "Sweden offered to mediate between Denmark and Norway over the twelve Danish fishermen held "
    "since March 3 in the Barents Sea.",
    "A Norwegian court charged the captain of the twelve Danish fishermen held since March 3 in "
    "the Barents Sea with poaching.",
    "Protesters gathered outside the Norwegian embassy in Aarhus over the twelve Danish "
    "fishermen held since March 3 in the Barents Sea.",
]
_TAIL = [
    "The fishing boat Karen Holm had been inspected by the coast guard before it sailed.",
    "Danish ministers met to discuss the crisis with the opposition.",
    "A spokesman gave no date for the hearing.",
    "Families of the crew waited at the harbour for hours before the plane arrived.",
    "The broadcast was condemned by the Danish foreign minister.",
    "The Swedish offer was welcomed by the United Nations.",
    "The captain faces a fine of up to two million kroner.",
    "Police said the protest was peaceful.",
]


def _developing(dated: bool):  # type: ignore[no-untyped-def]
    arts = [
        _article(n, f"{lead}\n{tail}\n", f"Outlet {n}", f"2025-03-{5 + 2 * n:02d}" if dated else "")
        for n, (lead, tail) in enumerate(zip(_SETTING, _TAIL, strict=True))
    ]
    return story_map(arts)


def _leads_together(m) -> int:  # type: ignore[no-untyped-def]
    """The most leads (first sentences) one claim holds."""
    return max(
        (sum(1 for s in c.statements if s.stance == STATES and s.start == 0) for c in m.claims),
        default=0,
    )


def test_setting_repeated_across_days_makes_no_claim() -> None:
    # Undated, the leads are judged the same event (as ECB+ sentences of one event are) and join;
    # published on different days, what they share is the story's setting, not a claim.
    assert _leads_together(_developing(dated=False)) >= 2
    assert _leads_together(_developing(dated=True)) == 1


def test_cross_day_dates_and_hedges_are_no_disagreement() -> None:
    from index.analysis.entities import extract
    from index.analysis.sentences import split_sentences
    from index.story import _kept
    from index.story.engine import conflicts
    from index.story.pairs import prepped

    texts = [
        "The cause of the crash is not yet known.",
        "Officials are not certain what caused it.",
    ]
    a, b = (prepped(split_sentences(t), list(extract(t)), {}) for t in texts)
    date = conflicts.Finding("date", 0, 0, "date: A says June 1; B says June 2", 1.0)
    time = conflicts.Finding("date", 0, 0, "time: A says 02:00 GMT; B says 02:14 GMT", 1.0)
    hedge = conflicts.Finding("certainty", 0, 0, "A reports it as uncertain", 1.0)
    denial = conflicts.Finding("status", 0, 0, "A denies it", 1.0)
    assert _kept(date, 0, a, b) and _kept(date, None, a, b) and not _kept(date, 1, a, b)
    assert _kept(time, 3, a, b) and not _kept(time, 30, a, b)  # a month apart: two moments
    assert _kept(hedge, None, a, b) and not _kept(hedge, 2, a, b)
    assert not _kept(denial, None, a, b)  # both deny: they agree


def test_figures_skip_names_and_conversions_and_split_unlike_distances() -> None:
    texts = [
        "Flight 212 crashed into the sea, killing all 140 people on board. Wreckage was found "
        "about 400 kilometres (250 miles) off the coast. The recorders lie at a depth of 3,000 "
        "metres.",
        "All 140 people on Flight 212 died. Debris was seen 380 kilometres off the coast, and the "
        "recorders may be 2,900 metres deep.",
    ]
    m = story_map([_article(n, t, f"Outlet {n}", f"2025-06-0{n + 1}") for n, t in enumerate(texts)])
    by = {f.measure: [v.value for v in f.values] for f in m.figures}
    dead = next(vs for k, vs in by.items() if k in ("dead", "people"))
    assert "212" not in dead  # the flight's number counts nothing
    distances = {k: vs for k, vs in by.items() if k.startswith("distance")}
    assert len(distances) == 2, by  # the depth and the distance off the coast apart
    assert all("250 miles" not in vs for vs in distances.values())  # a conversion in brackets


def test_direct_speech_is_compared_without_its_attribution() -> None:
    from index.story.pairs import spoken

    tail = (
        'The chances are very low," the president said to reporters at Gardermoen airport in Oslo.'
    )
    assert spoken(tail) == 'The chances are very low,"'
    head = 'The minister said, "we expect the immediate and safe return of our crew."'
    assert spoken(head) == 'we expect the immediate and safe return of our crew."'
    assert spoken("The minister said the crew would return on Friday.") is None  # reported speech


def test_an_organisation_taken_for_a_person_is_an_institution() -> None:
    from index.analysis.entities import extract
    from index.analysis.sentences import split_sentences
    from index.story.cited import source_map
    from index.story.engine import Source

    text = "Air France said the recorders were found. Yvo de Boer said talks went on."
    sents = split_sentences(text)
    found = [
        Source("Air France", 0, 10, False, "person", None, ((sents[0].start, sents[0].end),)),
        Source("Yvo de Boer", 42, 53, False, "person", None, ((sents[1].start, sents[1].end),)),
    ]
    assert text[42:53] == "Yvo de Boer"
    kinds = {s.name: s.kind for s in source_map([found], [sents], {}, [list(extract(text))])}
    assert kinds == {"Air France": "institution", "Yvo de Boer": "person"}
    assert source_map([found], [sents], {})[0].kind == "person"  # no entities: kinds kept


def test_days_named_relative_to_publication_and_anchors() -> None:
    import datetime as dt

    from index.story.timing import anchored, named_days, same_time

    thursday, friday = dt.date(2010, 7, 15), dt.date(2010, 10, 22)
    assert named_days("It struck earlier on Wednesday.", thursday) == {dt.date(2010, 7, 14)}
    assert named_days("It struck on Wednesday night.", friday) == {dt.date(2010, 10, 20)}
    assert named_days("It was felt today, and yesterday.", friday) == {
        friday,
        dt.date(2010, 10, 21),
    }
    assert named_days("No damage was reported.", friday) == frozenset()
    assert anchored("the February 27 earthquake") and anchored("In January 2005, a court found")
    assert anchored("on 3 May the vote") and not anchored("They may come back.")
    assert not anchored("No damage was reported.")
    none: frozenset[dt.date] = frozenset()
    wed = frozenset({dt.date(2010, 7, 14)})
    # Two named days that differ: two events, whatever else.
    assert not same_time(2, 7, (wed, frozenset({dt.date(2010, 7, 13)})), (True, True), True)
    assert same_time(2, 7, (wed, wed), (False, False), False)
    # Weeks apart: only with a month, a year, or a shared figure.
    assert not same_time(90, 7, (none, none), (False, False), False)
    assert same_time(90, 7, (none, none), (False, True), False)
    assert same_time(90, 7, (none, none), (False, False), True)
    assert same_time(3, 7, (none, none), (False, False), False)


_QUAKE = (
    "A strong aftershock hit central Chile on Wednesday, the seismological service said.\n"
    "No damage or casualties were reported in the region.\n"
    "The quake was felt in Santiago, Rancagua and Talca, and residents fled to the hills.\n"
    "The {n} aftershock struck at a depth of {d} kilometres.\n"
)


def test_the_same_words_about_two_events_months_apart_are_two_claims() -> None:
    def claims_shared(dates: list[str]) -> int:
        arts = [
            _article(n, _QUAKE.format(n=w, d=d), f"Outlet {n}", date)
            for n, (w, d, date) in enumerate(zip(["first", "second"], ["30", "12"], dates))
        ]
        return sum(1 for c in story_map(arts).claims if c.support >= 2)

    # One event told by two reports of one day: the shared sentences are one claim each.
    assert claims_shared(["2010-07-15", "2010-07-15"]) >= 2
    # Two aftershocks, July and October: "on Wednesday" names two days, and the words with no
    # date weeks apart tell each report's own event.
    assert claims_shared(["2010-07-15", "2010-10-22"]) == 0


def test_figures_that_differ_between_days_are_no_disagreement() -> None:
    from index.analysis.entities import extract
    from index.analysis.sentences import split_sentences
    from index.story import _kept
    from index.story.engine import conflicts
    from index.story.pairs import prepped

    texts = ["Thousands are feared dead.", "About 200,000 people were killed."]
    a, b = (prepped(split_sentences(t), list(extract(t)), {}) for t in texts)
    toll = conflicts.Finding("figure", 0, 0, "death toll: A says 'Thousands'", 1.0)
    assert _kept(toll, 0, a, b) and _kept(toll, None, a, b)  # one day, or undated: disagreement
    assert not _kept(toll, 7, a, b)  # a week later: the toll rose (figures over time)


def test_figures_over_time_sort_by_date_as_written() -> None:
    text = "The flood killed {n} people in Riverton, police said."
    dates = ["Saturday, March 8, 2025", "Friday, March 14, 2025", "Wednesday, March 5, 2025"]
    arts = [
        _article(k, text.format(n=n), f"Outlet {k}", d)
        for k, (n, d) in enumerate(zip(["40", "52", "12"], dates))
    ]
    m = story_map(arts)
    dead = next(f for f in m.figures if f.measure in ("dead", "people"))
    assert [v.value for v in dead.values] == ["12", "40", "52"]  # March 5, 8, 14


def test_sources_told_apart_and_merged_across_reports() -> None:
    from index.analysis.entities import extract
    from index.analysis.sentences import split_sentences
    from index.story.cited import source_map
    from index.story.engine import Source

    texts = [
        "Reporter Diego Grez said roads were cut. The USGS said it was a 6.1. Tony Blair spoke.",
        "Mauricio Grez said the church fell. The US Geological Survey said so. La Nación said it.",
        "The United States Geological Survey said it. Prime Minister of the United Kingdom Tony "
        "Blair said it. Policeman José Arévalo said it. The Executive Clerk said it.",
        "Tony Blair said it again. Radio Cooperativa said it. D. Grez said it.",
    ]
    names = [
        ["Diego Grez", "USGS", "Tony Blair"],
        ["Mauricio Grez", "US Geological Survey", "La Nación"],
        [
            "United States Geological Survey",
            "Kingdom Tony Blair",
            "Policeman José Arévalo",
            "Executive Clerk",
        ],
        ["Tony Blair", "Radio Cooperativa", "D. Grez"],
    ]
    sents = [split_sentences(t) for t in texts]
    found = []
    for t, ss, ns in zip(texts, sents, names, strict=True):
        mine = []
        for n in ns:
            at = t.index(n)
            kind = "institution" if "Survey" in n or n == "USGS" else "person"
            sent = next(s for s in ss if s.start <= at < s.end)
            mine.append(Source(n, at, at + len(n), False, kind, None, ((sent.start, sent.end),)))
        found.append(mine)
    got = {
        s.name: (s.kind, s.reports)
        for s in source_map(found, sents, {}, [list(extract(t)) for t in texts])
    }
    assert got["Diego Grez"] == ("person", (0, 3))  # "D. Grez": an initial of Diego
    assert got["Mauricio Grez"] == ("person", (1,))  # another given name: another person
    assert got["Tony Blair"] == ("person", (0, 2, 3))  # named as most reports name him
    survey = [v for k, v in got.items() if "Survey" in k or k == "USGS"]
    assert survey == [("institution", (0, 1, 2))]  # initials: one agency
    assert got["La Nación"][0] == got["Radio Cooperativa"][0] == "outlet"
    assert got["José Arévalo"] == ("person", (2,))
    assert got["Executive Clerk (unnamed)"][0] == "unnamed"


def test_figures_of_unsaid_things_keep_only_what_another_report_matches() -> None:
    texts = [
        "As many as five people are trapped under the school. Two people were found alive. The "
        "great 8.8 earthquake struck on Monday.",
        "Three people arrived at the clinic. All 230 people in the school were counted. The 8.8 "
        "earthquake was the strongest in decades.",
        "Rescuers counted 230 people in the school, and 132 people were rescued.",
    ]
    m = story_map([_article(n, t, f"Outlet {n}", f"2025-06-0{n + 1}") for n, t in enumerate(texts)])
    by = {f.measure: [v.value for v in f.values] for f in m.figures}
    # "people" trapped, found, arrived, counted: only the 230 two reports give is one figure.
    assert by.get("people") == ["230", "230"], by
    assert "earthquake" not in by  # "the 8.8 earthquake" counts no earthquakes


def test_two_numbered_things_of_one_kind_are_two_claims() -> None:
    from index.story.timing import numbered, other_things

    a, b = numbered("Vinokourov has won stage 13 of the Tour."), numbered("He won stage 15.")
    assert a == {"stage": frozenset({"13"})}
    assert other_things(a, b) and not other_things(a, a)
    assert not other_things(a, numbered("Flight 447 crashed."))  # another kind: no say
    texts = [
        "Vinokourov of Kazakhstan has won stage 13 of the Tour de France on Saturday.",
        "Vinokourov of Kazakhstan has won stage 15 of the Tour de France on Saturday.",
    ]
    arts = [_article(n, t, f"Outlet {n}", "") for n, t in enumerate(texts)]
    assert all(c.support == 1 for c in story_map(arts).claims)


def test_clock_times_of_two_named_days_are_no_disagreement() -> None:
    import datetime as dt

    from index.analysis.entities import extract
    from index.analysis.sentences import split_sentences
    from index.story import _kept
    from index.story.engine import conflicts
    from index.story.pairs import prepped

    texts = ["It struck at 23:49 on Wednesday.", "It struck at 03:34 on Saturday."]
    a, b = (prepped(split_sentences(t), list(extract(t)), {}) for t in texts)
    time = conflicts.Finding("date", 0, 0, "time: A says 23:49; B says 03:34", 1.0)
    wed, sat = frozenset({dt.date(2010, 10, 20)}), frozenset({dt.date(2010, 10, 23)})
    assert not _kept(time, 2, a, b, (wed, sat))  # two days named: two quakes
    assert _kept(time, 2, a, b, (wed, wed)) and _kept(time, 2, a, b)  # one day, or none named
    assert _kept(time, None, a, b, (wed, sat))  # undated reports: as the comparison says


def test_a_dated_story_is_named_by_its_earliest_report(story) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    assert story.lead().title == "Flood kills 12 in Riverton"  # March 3, the first
    later_first = replace(story, reports=tuple(reversed(story.reports)))
    assert later_first.lead().title == "Flood kills 12 in Riverton"
    undated = replace(story, reports=tuple(replace(r, date=None) for r in story.reports))
    assert undated.lead() == undated.reports[undated.claims[0].report]


def test_a_surname_with_a_particle_is_one_written_as_one_word() -> None:
    from index.analysis.sentences import split_sentences
    from index.story.cited import source_map
    from index.story.engine import Source

    texts = ["Alain Le Roy said it.", "Alain LeRoy said it.", "Yvo de Boer said it."]
    sents = [split_sentences(t) for t in texts]
    names = [["Alain Le Roy"], ["Alain LeRoy"], ["Yvo de Boer"]]
    found = [
        [Source(n, t.index(n), t.index(n) + len(n), False, "person", None, ()) for n in ns]
        for t, ns in zip(texts, names, strict=True)
    ]
    got = {s.name: s.reports for s in source_map(found, sents, {})}
    assert got == {"Alain Le Roy": (0, 1), "Yvo de Boer": (2,)}, got  # on a tie, the fullest


def test_a_common_word_at_a_sentence_start_names_no_source() -> None:
    from index.analysis.sentences import split_sentences
    from index.story.cited import source_map
    from index.story.engine import Source

    texts = [
        "Authorities said the road was shut. The WHO said so.",
        "Local authorities closed the school, and the US said so. Oxfam said it too.",
    ]
    sents = [split_sentences(t) for t in texts]
    names = [["Authorities", "WHO"], ["US", "Oxfam"]]
    found = [
        [Source(n, t.index(n), t.index(n) + len(n), False, "institution", None, ()) for n in ns]
        for t, ns in zip(texts, names, strict=True)
    ]
    kinds = {s.name: s.kind for s in source_map(found, sents, {})}
    assert kinds["authorities (unnamed)"] == "unnamed"  # written "authorities" elsewhere
    assert kinds["WHO"] == kinds["US"] == kinds["Oxfam"] == "institution"  # "who", "us": acronyms
