""" "Did you mean" corrects words of the text only: a field's value that is no word of the text (a
date, a relative date, a quantity, an entity key, a source) is never rewritten into another."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index.search import search


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "a.txt").write_text(
        "Harbour strike in Rotterdam\n\n"
        "Dockers in Rotterdam walked out on Monday, said Jan de Vries of the FNV union. "
        "Some 5 ships waited outside the harbour and 2 ships turned back.\n",
        "utf-8",
    )
    (root / "b.txt").write_text(
        "Rotterdam talks resume\n\n"
        "Talks between the port and the union resumed on Tuesday in Rotterdam, "
        "Jan de Vries said. About 7 ships were still waiting.\n",
        "utf-8",
    )
    return root


@pytest.fixture()
def store(tmp_path: Path, make_store: Callable[..., Any]) -> Any:
    s = make_store(_corpus(tmp_path / "c"))
    s.update()
    return s


@pytest.mark.parametrize(
    "query",
    [
        "date:sunday",  # "monday" is a date key one letter away
        "date:today",
        "date:yesterday",
        "date:tomorrow",
        "quantity:9",  # "5", "2" and "7" are quantity keys
        "quantity:3 ships",
        "person:vriez",
        "person:jaan",
        "place:roterdam",
        "org:fnw",
        "source:harbor",
    ],
)
def test_a_field_value_that_is_no_word_of_the_text_is_left_alone(store: Any, query: str) -> None:
    result = search(store, query)
    assert result.total == 0
    assert result.suggestion is None


def test_the_text_words_of_a_query_with_fields_are_still_corrected(store: Any) -> None:
    # The misspelled body word is corrected; the field's value, typed the same, is kept as typed.
    assert search(store, "dockrs").suggestion == "dockers"
    assert search(store, "dockrs date:monday").suggestion == "dockers date:monday"
    assert search(store, "title:rotterdm").suggestion == "title:rotterdam"
    assert search(store, "text:dockrs").suggestion == "text:dockers"
    assert search(store, "harbour -place:harbor dockrs").suggestion == (
        "harbour -place:harbor dockers"
    )
    assert search(store, "harbr -source:harbr").suggestion == "harbour -source:harbr"
