"""A body cited by its full name and then by its initials ("the Federal Aviation Administration
said" ... "the FAA said") is one source: they were listed as two ("Canadian Broadcasting Corp." /
"CBC", "University of Chile Geological Survey" / "UCGS" over ECB+ and WikiNews)."""

from __future__ import annotations

from index.compare.attribution import sources


def test_initials_fold_into_the_full_name() -> None:
    text = (
        "The plane landed safely, the Federal Aviation Administration said. "
        '"Everyone was evacuated safely," the FAA said in a statement.'
    )
    found = sources(text)
    assert [s.name for s in found] == ["Federal Aviation Administration"]
    assert len(found[0].claims) == 2


def test_other_initials_stay_apart() -> None:
    text = (
        "The plane landed safely, the Federal Aviation Administration said. "
        "The crew was praised, the NTSB said."
    )
    assert [s.name for s in sources(text)] == ["Federal Aviation Administration", "NTSB"]
