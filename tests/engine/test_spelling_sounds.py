""" "Did you mean": among the words nearest a misspelling, one that sounds as the typed word does
("opek" -> "opec") is preferred to a more frequent one that does not ("oper")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from index.search import search
from index.search.spelling import sounds_alike


def _corpus(root: Path) -> Path:
    root.mkdir()
    # "oper" (an earnings table's abbreviation) in more articles than "opec": frequency alone
    # corrects "opek" to "oper".
    for n in range(5):
        (root / f"earn{n}.txt").write_text(
            f"Results {n}\n\nOper shr profit {n} cts vs loss. Oper net profit rose.\n", "utf-8"
        )
    for n in range(2):
        (root / f"oil{n}.txt").write_text(
            f"Oil {n}\n\nOPEC ministers met in Vienna to discuss output quotas.\n", "utf-8"
        )
    (root / "kits.txt").write_text("Tools\n\nThe sizing of the kits was agreed.\n", "utf-8")
    return root


def test_the_word_that_sounds_alike_is_suggested(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    store = make_store(_corpus(tmp_path / "c"))
    store.update()
    assert search(store, "opek").suggestion == "opec"
    assert search(store, "opek quotas").suggestion == "opec quotas"
    # A misspelling with no word that sounds alike still gets the most frequent nearest word.
    assert search(store, "opeb").suggestion == "oper"


@pytest.mark.parametrize(
    ("typed", "word", "alike"),
    [
        ("opek", "opec", True),
        ("kompany", "company", True),
        ("analyze", "analyse", True),
        ("tyre", "tire", True),
        ("opek", "oper", False),
        ("sit", "sat", False),  # vowels are not one sound
        ("sid", "sit", False),  # d and t are two
        ("opec", "opec", False),  # no letter changed
        ("opek", "opecs", False),  # not one letter for another
        ("kompanies", "companys", False),  # two letters
    ],
)
def test_sounds_alike(typed: str, word: str, alike: bool) -> None:
    assert sounds_alike(typed, word) is alike
