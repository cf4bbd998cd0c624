"""A first line that only dates the text is no title: the title is the headline after it, or the
first sentence after it (ECB+ titled reports "June 06, 2013" and "Updated: November 11, 2011 20:
09 IST")."""

from __future__ import annotations

import pytest

from index.ingest.formats import text_article


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "June 06, 2013\nEsther Williams, swimming star, dies at 91",
            "Esther Williams, swimming star, dies at 91",
        ),
        (
            "Updated: November 11, 2011 20: 09 IST\nNavy foils pirate attack\nThe Navy said so.\n",
            "Navy foils pirate attack",
        ),
        (
            "Posted 11 / 27 / 2005 7: 21 AM\nUpdated 11 / 27 / 2005 3: 41 PM\nQuake jolts Iran\n"
            "An earthquake shook Iran.\n",
            "Quake jolts Iran",
        ),
        (
            "Article posted on 08. 07. 2012\nKlitschko stops Thompson\nHe won.\n",
            "Klitschko stops Thompson",
        ),
        (
            "MONDAY, MAY 23, 2005\nThe coach was fired today. His deputy takes over.",
            "The coach was fired today.",
        ),
    ],
)
def test_a_dateline_is_no_title(text: str, title: str) -> None:
    art = text_article(text, "a", "a.txt")
    assert art.title == title
    # Every line is still in a block, the headline a heading.
    shown = [text[b.start : b.end] for b in art.blocks]
    assert text.splitlines()[0] in shown
    headings = [text[b.start : b.end] for b in art.blocks if b.kind == "heading"]
    assert headings in ([], [title])
    assert headings or title not in text.splitlines()[1:-1]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("HONG KONG EXCHS 1400 - APR 7\nRates were steady.\n", "HONG KONG EXCHS 1400 - APR 7"),
        ("Beijing 2008 Olympics close\nThe games ended.\n", "Beijing 2008 Olympics close"),
        ("June 06, 2013", "June 06, 2013"),  # nothing after it
        ("May 6765\nTotal 25273\n", "May 6765"),  # a table's row, not a date
    ],
)
def test_lines_that_are_more_than_a_date_stay_titles(text: str, title: str) -> None:
    assert text_article(text, "a", "a.txt").title == title
