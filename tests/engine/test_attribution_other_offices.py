"""An office cited alone ("the Alaska Governor said") in a report that never writes it beside a
name is the person it names whom the other report of the comparison writes beside that office
("Alaska Gov. Jane Dolan"): one source, as ``attribution.offices`` folds it inside one report."""

from __future__ import annotations

from index.compare.comparison import compare_texts

_A = (
    "Fire damages church.\nJane Dolan's church went up in flames. On Saturday, the Alaska "
    "Governor said she apologizes for the attention."
)


def test_the_other_report_names_the_office_s_holder() -> None:
    b = "Church fire.\nAlaska Gov. Jane Dolan visited the burned church on Saturday."
    c = compare_texts(_A, b)
    assert [(s.name, s.kind) for s in c.sources_a] == [("Jane Dolan", "person")]


def test_a_holder_this_report_does_not_name_is_not_its_source() -> None:
    b = "Church fire.\nAlaska Gov. Mark Reyes visited the burned church on Saturday."
    c = compare_texts(_A, b)
    assert [s.name for s in c.sources_a] == ["Alaska Governor"]
