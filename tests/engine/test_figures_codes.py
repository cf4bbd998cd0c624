"""Numbers that count nothing (issue 10): a telephone number and a name's number are no figures
that a disagreement could be found in. Made-up sentences."""

from __future__ import annotations

import pytest

from index.compare.figures import figures


def _read(text: str) -> list[str]:
    return [f.text for f in figures(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Anyone with information should call 020 7946 0958.",
        "Witnesses can call (313) 555-0143 or the hotline at 1-800-555-0199.",
        "Call the tip line at 800-555-0172 or the desk at 555-0187.",
        "From abroad, dial +44 20 7946 0958 instead.",
        "Calls from Spain: +34 91 555 01 23.",
        "Call police on 101 or ring 999 in an emergency.",
        "Readers can text 81010 with their tips.",
        "The meeting opens at 09:00 (UTC+2).",
    ],
)
def test_a_telephone_number_is_no_figure(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Days before Northern Air 302 went missing, a threat was reported.",
        "Pacific Coastal 771 carrying 140 passengers landed safely.",
    ],
)
def test_a_number_between_a_name_and_a_verb_names_it(text: str) -> None:
    found = figures(text)
    assert all(f.text not in ("302", "771") for f in found)
    if "140" in text:
        assert [f.text for f in found] == ["140"]


def test_counts_beside_names_and_ranges_stay() -> None:
    # a role after the number says what it counts; a day is no name
    assert [f.role for f in figures("In Ruritania 200 died in the floods.")] == ["dead"]
    assert _read("On Friday 12 were killed.") == ["12"]
    # a range is no telephone number, nor a count with a word after it
    assert _read("The index fell 120-150 points, to 1,200.")[-1] == "1,200"
    assert _read("Rescuers called on 300 volunteers to help.") == ["300"]  # (no dialling)
    assert _read("Officials said 300 volunteers helped.") == ["300"]
    assert _read("The company's 4,000 workers were paid at least 12 dollars.") == [
        "4,000",
        "at least 12",
    ]
