"""The help's search syntax names every query form the search takes (issue: quantity:, entity:,
date:yesterday were missing), and every example in it is a query the search accepts."""

from __future__ import annotations

import re

import pytest

from index.search.query import FIELDS, rewrite, validate
from tui.screens.help import SEARCH_SYNTAX

_ALIASES = {"people", "text"}  # other names of person: and body:


def _examples() -> str:
    return " ".join(example for example, _ in SEARCH_SYNTAX)


@pytest.mark.parametrize("field", sorted(set(FIELDS) - _ALIASES))
def test_every_field_is_in_the_help(field: str) -> None:
    assert re.search(rf"(^|[\s(,]){field}:", _examples()), field


@pytest.mark.parametrize("form", ["OR", "NOT", "-a", "*", "~", "~2", '"', " TO ", "yesterday"])
def test_every_operator_is_in_the_help(form: str) -> None:
    assert form in _examples()


def test_and_is_said() -> None:
    assert any("AND" in what for _, what in SEARCH_SYNTAX)


def test_every_whole_example_is_a_query() -> None:
    # Each example but the lists of fields to fill in ("title: body: source:") is checked and
    # rewritten as a search would be (a date or quantity the search refuses raises).
    checked = 0
    for example, _ in SEARCH_SYNTAX:
        for query in example.split(", "):
            if query.endswith(":"):
                continue
            validate(query)
            rewrite(query)
            checked += 1
    assert checked >= 18
