"""The recognizer's shortcuts (issue 14) keep what the full rules find.

Runs skipped before tokenising (one function word, a run wholly inside a date), headline lines ruled
out by a lower bound on their lowercase letters, and rapidfuzz left out when no word's length can
reach its threshold: each is checked here on a case where a wrong shortcut would change the output.
"""

from __future__ import annotations

from index.analysis.entities import extract
from index.analysis.entity_spans import caps_lines


def _pairs(text: str) -> set[tuple[str, str, str]]:
    return {(e.label, e.text, e.canonical) for e in extract(text)}


def test_caps_lines_count_every_lowercase_letter_not_only_common_ones() -> None:
    # 14 capitals; 3 lowercase letters (none of e, a, o) is a headline, 5 is not.
    text = "UNITED STEEL XYZ hit\nUNITED STEEL hitss\n"
    assert caps_lines(text) == [(0, 20)]


def test_a_name_after_a_date_or_a_function_word_is_still_found() -> None:
    found = _pairs("However, in March Vladimir Putin said The Hague would wait.")
    assert ("PERSON", "Vladimir Putin", "vladimir putin") in found
    assert ("DATE", "March", "--03") in found
    assert not {text for _, text, _ in found} & {"However", "The"}


def test_a_month_inside_a_longer_run_still_breaks_it() -> None:
    found = {e.text for e in extract("Prices rose, said Smith Monday Jones, a trader in Chicago.")}
    assert "Monday" in found and "Smith Monday Jones" not in found


def test_a_spelling_variant_joins_the_full_name_and_a_longer_word_does_not() -> None:
    text = (
        "Mikhail Gorbachev arrived in Geneva on Monday. Gorbatchev said the talks would go on. "
        "Gorbachevsky said he disagreed."
    )
    by_text = {e.text: (e.label, e.canonical) for e in extract(text)}
    # ratio("gorbachev", "gorbatchev") is 94.7: a match; "gorbachevsky" can reach 85.7 at most.
    assert by_text["Gorbatchev"] == ("PERSON", "mikhail gorbachev")
    assert by_text["Gorbachevsky"] == ("PERSON", "gorbachevsky")
