"""Markdown to plain text: blocks and inline spans index the plain text."""

from __future__ import annotations

from index.ingest.markup import parse_markdown


def _blocks(src: str) -> list[tuple[str, int, str]]:
    p = parse_markdown(src)
    return [(b.kind, b.level, p.text[b.start : b.end]) for b in p.blocks]


def test_blocks_are_separated_by_a_blank_line_and_markup_disappears() -> None:
    p = parse_markdown("# Title\n\nA *soft*\nbreak.\n\n---\n\n```\ncode here\n```\n")
    assert p.text == "Title\n\nA soft break.\n\ncode here"
    assert _blocks("# Title\n\nA *soft*\nbreak.\n\n---\n\n```\ncode here\n```\n") == [
        ("heading", 1, "Title"),
        ("paragraph", 0, "A soft break."),
        ("code", 0, "code here"),
    ]


def test_heading_levels_lists_and_quotes_carry_depth() -> None:
    src = "### Three\n\n- one\n  - nested\n\n> quote\n> > deeper\n\n1. first\n"
    assert _blocks(src) == [
        ("heading", 3, "Three"),
        ("list_item", 1, "one"),
        ("list_item", 2, "nested"),
        ("blockquote", 1, "quote"),
        ("blockquote", 2, "deeper"),
        ("list_item", 1, "first"),
    ]


def test_inline_spans_point_at_the_styled_words() -> None:
    p = parse_markdown(
        "Intro.\n\nSee **bold _both_** and `x = 1` or ~~gone~~ and [site](http://a.b) ![alt text](i.png)"
    )
    spans = sorted((s.label, p.text[s.start : s.end]) for s in p.inline)
    assert spans == [
        ("code", "x = 1"),
        ("em", "both"),
        ("link", "site"),
        ("strike", "gone"),
        ("strong", "bold both"),
    ]
    assert "alt text" in p.text
    assert "http" not in p.text


def test_spans_follow_a_block_that_opens_with_a_hard_break() -> None:
    """A backslash ending the first line is a hard break, dropped at the block's start: the spans
    after it moved with the text (the emphasis of "\\\n*a*" pointed one past the end)."""
    for source, styled in (("\\\n*a*", "a"), ("\\\n\\\n**ab** c", "ab"), ("x\\\n*a*", "a")):
        p = parse_markdown(source)
        assert [p.text[s.start : s.end] for s in p.inline] == [styled], source
        assert all(0 <= s.start < s.end <= len(p.text) for s in p.inline)


def test_html_is_not_interpreted() -> None:
    p = parse_markdown("<script>alert(1)</script>\n\nText <b>bold</b>.")
    # html is off: tags stay as literal text, nothing is executed or styled
    assert "alert(1)" in p.text
    assert p.inline == ()


def test_empty_and_whitespace_sources() -> None:
    for src in ("", "   \n\n\t", "---\n\n***"):
        p = parse_markdown(src)
        assert p.text == ""
        assert p.blocks == ()


def test_nesting_cap_falls_back_to_plain_text_with_note() -> None:
    src = "Intro.\n\n" + ">" * 100 + " deep quote\n\nAfter quote.\n"
    p = parse_markdown(src)
    assert "deep quote" in p.text and "After quote." in p.text
    assert p.notes and "plain text" in p.notes[0]
    assert [p.text[b.start : b.end] for b in p.blocks][-1] == "After quote."


def test_ordinary_nesting_keeps_structure() -> None:
    src = "".join("  " * i + "- level\n" for i in range(8))
    p = parse_markdown(src)
    assert p.notes == ()
    assert [b.level for b in p.blocks] == list(range(1, 9))
