"""An age beside a name is that person's, and a title before the name ("Captain Budi Santoso,
52,") does not make another person of "Budi Santoso, 47,": the first words "captain" and "budi"
were read as two first names."""

from __future__ import annotations

from index.analysis.sentences import split_sentences
from index.compare.figure_ages import ages_of_two
from index.compare.readings import read_all


def _age(text: str):  # type: ignore[no-untyped-def]
    r = read_all(split_sentences(text))[0]
    return r, next(f for f in r.figs if f.dim == "age")


def test_a_title_before_a_name_is_no_other_person() -> None:
    ra, x = _age("The ferry's captain, Budi Santoso, 47, was among those rescued.")
    rb, y = _age("Captain Budi Santoso, 52, survived, police said.")
    assert not ages_of_two(ra, x, rb, y)
    rc, z = _age("Captain Adi Santoso, 52, survived, police said.")
    assert ages_of_two(ra, x, rc, z)  # two first names: two people
