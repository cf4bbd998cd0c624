"""Lay an article out as wrapped lines that remember where they start in the article text.

Pure functions (no widgets): the article view wraps once per width and then draws only the visible
lines, so a very long article costs one pass of this module, not one widget per block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from index.models import Article, Block
from tui.engine import neutralise

_WORD = re.compile(r"\S+")
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\t]")


def _replace(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch == "\t":
        return " "
    shown = neutralise(ch)
    return shown if len(shown) == 1 else "\ufffd"


def safe_same_length(text: str) -> str:
    """Neutralise controls, escapes and bidi marks one character for one, keeping offsets valid.

    ``index.ingest.textsafe.neutralise`` may shorten text (a whole escape sequence becomes one mark); the
    view needs every engine offset to stay true, so each unsafe character is replaced by one visible
    character instead (an ESC becomes the escape mark and the rest of the sequence shows literally).
    """
    return _UNSAFE.sub(_replace, text)


@dataclass(frozen=True, slots=True)
class Line:
    """One wrapped line: ``text[start:end]`` drawn after ``prefix`` in the style of ``kind``."""

    start: int
    end: int
    kind: str
    prefix: str = ""
    indent: int = 0


def wrap_range(text: str, start: int, end: int, width: int) -> Iterator[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` into ranges at most ``width`` cells wide.

    Newlines count as spaces; a word wider than the line is folded.
    """
    width = max(1, width)
    line_start = -1
    line_end = 0
    used = 0
    for match in _WORD.finditer(text, start, end):
        w_start, w_end = match.span()
        w_cells = cell_len(match.group(0)) if not match.group(0).isascii() else w_end - w_start
        if line_start >= 0 and used + 1 + w_cells <= width:
            used += 1 + w_cells
            line_end = w_end
            continue
        if line_start >= 0:
            yield line_start, line_end
        if w_cells > width:
            # A word wider than the line: fold it, and let its last piece start the next line.
            pieces = list(_fold(text, w_start, w_end, width))
            yield from pieces[:-1]
            w_start = pieces[-1][0]
            w_cells = cell_len(text[w_start:w_end])
        line_start, line_end, used = w_start, w_end, w_cells
    if line_start >= 0 and line_end > line_start:
        yield line_start, line_end


def default_blocks(text: str) -> tuple[Block, ...]:
    """Paragraph blocks for an article without structure: one per non-blank line."""
    blocks: list[Block] = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group(0).strip():
            blocks.append(Block("paragraph", match.start(), match.end()))
    return tuple(blocks)


def layout(article: Article, text: str, width: int) -> list[Line]:
    """Wrap an article's blocks to ``width`` cells.

    Args:
        article: The article (its blocks describe ``text``).
        text: The display text (``safe_same_length(article.text)``).
        width: The measure in cells.

    Returns:
        Lines in reading order, with ``kind == "blank"`` between blocks.
    """
    return list(iter_layout(article, text, width))


def iter_layout(article: Article, text: str, width: int) -> Iterator[Line]:
    """:func:`layout`'s lines one at a time (the first screen of a long article comes first)."""
    blocks: Sequence[Block] = article.blocks or default_blocks(text)
    first = True
    for block in blocks:
        if not first:
            yield Line(block.start, block.start, "blank")
        for line in _block_lines(block, text, width):
            first = False
            yield line


def _block_lines(block: Block, text: str, width: int) -> Iterator[Line]:
    kind, level = block.kind, max(block.level, 1)
    if kind == "rule":
        yield Line(block.start, block.start, "rule")
        return
    if kind == "code":
        pos = block.start
        for raw in text[block.start : block.end].split("\n"):
            end = pos + len(raw)
            if raw:
                for a, b in _fold(text, pos, end, max(1, width - 2)):
                    yield Line(a, b, "code", indent=2)
            else:
                yield Line(pos, pos, "code", indent=2)
            pos = end + 1
        return
    if kind == "list_item":
        indent = 2 * (level - 1)
        for n, (a, b) in enumerate(wrap_range(text, block.start, block.end, width - indent - 2)):
            yield Line(a, b, "list_item", "• " if n == 0 else "  ", indent)
        return
    if kind == "blockquote":
        indent = 2 * (level - 1)
        for a, b in wrap_range(text, block.start, block.end, width - indent - 2):
            yield Line(a, b, "blockquote", "▌ ", indent)
        return
    line_kind = "heading" if kind == "heading" else "paragraph"
    for a, b in wrap_range(text, block.start, block.end, width):
        yield Line(a, b, line_kind)


def _fold(text: str, start: int, end: int, width: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos < end:
        cut, cells = pos, 0
        while cut < end and cells + cell_len(text[cut]) <= width:
            cells += cell_len(text[cut])
            cut += 1
        cut = max(cut, pos + 1)
        yield pos, cut
        pos = cut
