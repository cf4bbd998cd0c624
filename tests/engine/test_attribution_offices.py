"""One person, one source: "the Alaska Governor said" in a report that names "Alaska Gov. Sarah
Palin" is Palin (ECB+ topic 13 listed "Alaska Governor" beside "Palin"), and "according to her
official site" or "an official report" cites no unnamed official (ECB+ topics 4 and 19)."""

from __future__ import annotations

from index.compare.attribution import sources
from index.compare.comparison import compare_texts


def _sources_a(a: str) -> list[tuple[str, str, tuple[tuple[int, int], ...]]]:
    c = compare_texts(a, "Fire damages church.\nThe church burned down overnight.")
    return [(s.name, s.kind, s.claims) for s in c.sources_a]


def test_an_office_cited_alone_is_the_one_person_holding_it() -> None:
    text = (
        "Fire damages church.\nAlaska Gov. Jane Dolan visited the church on Saturday. On "
        "Saturday, the Alaska Governor said she apologizes for the attention. Dolan told "
        "reporters she would pray."
    )
    found = _sources_a(text)
    assert [(n, k) for n, k, _ in found] == [("Jane Dolan", "person")]
    said = text.index("On Saturday")
    assert any(start == said for start, _ in found[0][2])


def test_an_office_held_by_no_one_named_or_by_two_stays_its_own() -> None:
    found = _sources_a(
        "Fire damages church.\nJane Dolan's church went up in flames. On Saturday, the Alaska "
        "Governor said she apologizes for the attention."
    )
    assert [n for n, _, _ in found] == ["Alaska Governor"]
    found = _sources_a(
        "Fire damages church.\nGov. Jane Dolan and Gov. Mark Reyes visited the church. On "
        "Saturday, the Governor said she apologizes for the attention."
    )
    assert "Jane Dolan" not in [n for n, _, _ in found]


def test_an_official_site_or_report_is_no_unnamed_official() -> None:
    assert (
        sources("Page died on Dec. 2 after a heart attack, according to her official site.") == []
    )
    assert sources("Greeks reacted with fury to an official report which concluded it.") == []
    assert [s.name for s in sources("The toll rose to 10, a senior official said.")] == [
        "a senior official (unnamed)"
    ]
    # ("estimate" after a plural is a verb of saying)
    assert [
        s.name for s in sources("Humanitarian agencies estimate that 5 million need relief.")
    ] == ["Humanitarian agencies (unnamed)"]
