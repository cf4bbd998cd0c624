"""``index.search.highlight``: search terms found with the index's stemming."""

from __future__ import annotations

from index.search.highlight import highlight_terms, query_words
from tui.widgets.layout import safe_same_length, wrap_range


def test_stemmed_terms_match_inflections() -> None:
    text = "Soldiers moved. A soldier's unit; the soldiering went on in Kursk."
    found = [text[a:b] for a, b in highlight_terms(text, ["soldier", "kursk"])]
    assert "Soldiers" in found and "Kursk" in found


def test_query_words_are_stemmed_and_unique() -> None:
    assert query_words("North Korean soldiers, north") == ["north", "korean", "soldier"]


def test_no_terms_no_ranges() -> None:
    assert highlight_terms("anything", []) == []


def test_safe_text_keeps_offsets() -> None:
    raw = "a\x1b[31mb\u202ec\td\x00"
    safe = safe_same_length(raw)
    assert len(safe) == len(raw) and "\x1b" not in safe and "\u202e" not in safe


def test_wrap_keeps_words_and_width() -> None:
    text = "one two three " * 20 + "x" * 50
    lines = list(wrap_range(text, 0, len(text), 30))
    assert all(b - a <= 30 for a, b in lines)
    assert " ".join(text[a:b] for a, b in lines).split() == text.split()[:-1] + ["x" * 30, "x" * 20]
