"""A copy of a report (the same text, or nearly, under another id or file) is one report of a story."""

from __future__ import annotations

import pytest
from story_fixtures import A, B

from index.models import Article
from index.story import StoryError, story_map
from index.story.copies import copies_of
from index.story.render import story_to_json, story_to_markdown, story_to_text

# B as another outlet ran it: its own headline and a dateline, one word and a comma changed.
B_COPY = """FLOOD DEATH TOLL CLIMBS TO 40
RIVERTON, March 4 -
The death toll from the flash flood in Riverton rose to 40 on Tuesday, police said, after rescuers \
found more bodies in the mud.
The Marlow River burst its banks on Monday, after three days of heavy rain.
The Red Cross said it had evacuated 3,000 residents to schools on high ground.
Insurers estimate the damage at $50 million.
"""


def _article(name: str, text: str, source: str, date: str) -> Article:
    return Article(name, f"/x/{name}", text.splitlines()[0], text, source, date)


def _support(m) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return sorted((c.text, c.support) for c in m.claims)


def test_a_copy_is_one_report_and_counts_once() -> None:
    a = _article("a.txt", A, "Daily Star", "2025-03-03")
    b = _article("b.txt", B, "Courier", "2025-03-04")
    copy = _article("feed.jsonl#77", B_COPY, "Wire", "2025-03-04")
    alone = story_map([a, b])
    m = story_map([a, b, copy])
    assert [r.id for r in m.reports] == ["a.txt", "b.txt"]
    assert m.reports[1].copies == ("feed.jsonl#77",)
    assert m.reports[0].copies == ()
    assert _support(m) == _support(alone)  # no claim stated twice by one text
    assert [(s.name, s.reports) for s in m.sources] == [(s.name, s.reports) for s in alone.sources]
    data = story_to_json(m)
    assert data["reports"][1]["copies"] == ["feed.jsonl#77"]  # type: ignore[index]
    assert "copies" not in data["reports"][0]  # type: ignore[index]
    assert "copies left out: feed.jsonl\\#77" in story_to_markdown(m)
    assert "copies left out: feed.jsonl#77" in story_to_text(m)


def test_the_first_copy_given_is_kept() -> None:
    a = _article("a.txt", A, "Daily Star", "2025-03-03")
    copy = _article("feed.jsonl#77", B_COPY, "Wire", "2025-03-04")
    b = _article("b.txt", B, "Courier", "2025-03-04")
    m = story_map([copy, a, b])
    assert [(r.id, r.copies) for r in m.reports] == [
        ("a.txt", ()),
        ("feed.jsonl#77", ("b.txt",)),
    ]


def test_copies_alone_are_no_story() -> None:
    b = _article("b.txt", B, "Courier", "2025-03-04")
    copy = _article("feed.jsonl#77", B_COPY, "Wire", "2025-03-04")
    with pytest.raises(StoryError, match="copies"):
        story_map([b, copy])


def test_what_is_a_copy() -> None:
    template = (
        "The Federal Reserve entered the U.S. Government securities market to arrange {} "
        "billion dlrs of customer repurchase agreements, a Fed spokesman said.\n"
        "Dealers said Federal funds were trading at 6-1/4 pct when the Fed began its "
        "temporary and indirect supply of reserves to the banking system.\n"
    )
    assert copies_of([A, B, B_COPY]) == [None, None, 1]
    assert copies_of([B_COPY, B_COPY, B]) == [None, 0, 0]  # each copy points at the first
    # A templated report with another figure is another report, however alike the words.
    assert copies_of([template.format("two"), template.format("1.5")]) == [None, None]
    assert copies_of([template.format("1.5"), template.format("1.5")]) == [None, 0]
    assert copies_of([A, A.replace("Riverton", "Lakeside").replace("Marlow", "Dee")]) == [
        None,
        None,
    ]
