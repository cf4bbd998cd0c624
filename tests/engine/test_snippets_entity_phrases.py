"""Snippets of an entity-field phrase mark the mentions that hold all of its words: on the Reuters
stories ``quantity:"10 pct"`` marked every "N pct" of a hit ("up to 80 pct", "five pct", "55 pct"),
each sharing the word "pct"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.search import search

TEXT = (
    "Budget cuts\n\nThe measures include a rise in gasoline prices of up to 80 pct, budget cuts "
    "of 10 pct and a hiring freeze, while wages fall by five pct, the minister said.\n"
)


def _marked(store: Any, query: str) -> list[str]:
    (hit,) = search(store, query).hits
    return [s.text[a:b] for s in hit.snippets for a, b in s.highlights]


def test_a_quantity_phrase_marks_that_quantity_only(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    root = tmp_path / "c"
    root.mkdir()
    (root / "cuts.txt").write_text(TEXT, "utf-8")
    store = make_store(root)
    store.update()
    assert _marked(store, 'quantity:"10 pct"') == ["10 pct"]
    # One word still marks every mention its key holds.
    assert _marked(store, "quantity:80") == ["up to 80 pct"]
    assert _marked(store, 'quantity:"10 pct" OR quantity:"5 pct"') == ["10 pct", "five pct"]
