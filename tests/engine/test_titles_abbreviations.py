"""A title made from the first sentence does not stop at an abbreviation that stands before a
name: ECB+ titles read "A fire that caused more than $1 million in damage to Alaska Gov.", and
Reuters texts would have been titled "Rep." or "Towle and Co, a St."."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.ingest.formats import read_paths
from index.ingest.titles import derive_title
from index.models import Article


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Rep. Jack Kemp urged the President to act. He said so.",
            "Rep. Jack Kemp urged the President to act.",
        ),
        (
            "Towle and Co, a St. Louis firm, sold. It said so.",
            "Towle and Co, a St. Louis firm, sold.",
        ),
        (
            "U.S. Lt. Col. Steven Jordan will be tried. The court said so.",
            "U.S. Lt. Col. Steven Jordan will be tried.",
        ),
        # A sentence that ends on a word which is no abbreviation still ends there.
        ("Prices rose on the street. Then they fell.", "Prices rose on the street."),
        ("The firm bought Verac Inc. Terms were not disclosed.", "The firm bought Verac Inc."),
    ],
)
def test_derived_titles(text: str, title: str) -> None:
    assert derive_title(text) == title


def test_a_text_file_without_a_headline(tmp_path: Path) -> None:
    path = tmp_path / "palin.txt"
    path.write_text(
        "A fire that caused more than $1 million in damage to Alaska Gov. Sarah Palin's church "
        "in Wasilla may have been set by an arsonist, investigators say.\n"
        "Fire crews were called at 10 p.m. on Friday.\n",
        "utf-8",
    )
    (article,) = [a for a in read_paths([tmp_path]) if isinstance(a, Article)]
    assert article.title == (
        "A fire that caused more than $1 million in damage to Alaska Gov. Sarah Palin's church in…"
    )
