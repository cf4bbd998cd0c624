"""Markdown to plain text with block and inline structure (markdown-it-py).

The plain text is what every other feature indexes: blocks are separated by a blank line, soft line
breaks become spaces, and markup characters disappear. ``Block`` and inline ``Span`` offsets index that
plain text, so the reader can render structure while highlights stay on plain-text offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from index.models import Block, Span

# Deeply nested input (thousands of ">" or list markers) makes markdown-it recurse; its own
# ``maxNesting`` option caps the depth so a hostile file cannot exhaust the stack.
_MAX_NESTING = 40

_INLINE_LABELS = {"em_open": "em", "strong_open": "strong", "link_open": "link", "s_open": "strike"}


@dataclass(frozen=True)
class Parsed:
    """Plain text of a Markdown body with its structure, and remarks made while parsing."""

    text: str
    blocks: tuple[Block, ...]
    inline: tuple[Span, ...]
    notes: tuple[str, ...] = ()


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING, "html": False})
    md.enable("strikethrough")
    md.enable("table")
    return md


_MD = _parser()


def parse_markdown(source: str) -> Parsed:
    """Parse a Markdown body into plain text, blocks and inline spans.

    Args:
        source: The Markdown text (front matter already removed).

    Returns:
        The plain text, its blocks (headings, paragraphs, list items, quotes, code) and inline spans
        (``em``, ``strong``, ``code``, ``link``), all with offsets into the plain text.
    """
    if _too_deep(source):
        return plain_text(source, "Markdown nested too deeply; read as plain text")
    tokens = _MD.parse(source)
    if any(tok.level >= _MAX_NESTING - 1 for tok in tokens):
        # At the nesting cap markdown-it stops reading blocks and drops the rest of the document;
        # plain text keeps every word searchable.
        return plain_text(source, "Markdown nested too deeply; read as plain text")
    out: list[str] = []
    pos = 0
    blocks: list[Block] = []
    inline: list[Span] = []
    quote_depth = 0
    list_depth = 0
    heading_level = 0
    in_item = False

    def emit_block(kind: str, text: str, level: int, spans: list[Span]) -> None:
        nonlocal pos
        stripped = text.strip("\n")
        if not stripped.strip():
            return
        lead = len(text) - len(text.lstrip("\n"))  # a hard break first ("\\" ending a line)
        if lead:
            # The spans move with the text ("\\\n*a*": the emphasis is the block's first word).
            spans = [
                Span(max(s.start - lead, 0), min(s.end - lead, len(stripped)), s.label)
                for s in spans
                if min(s.end - lead, len(stripped)) > max(s.start - lead, 0)
            ]
        text = stripped
        if out:
            out.append("\n\n")
            pos += 2
        start = pos
        out.append(text)
        pos += len(text)
        blocks.append(Block(kind, start, pos, level))
        inline.extend(Span(s.start + start, s.end + start, s.label) for s in spans)

    for tok in tokens:
        t = tok.type
        if t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "list_item_open":
            in_item = True
        elif t == "heading_open":
            heading_level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
        elif t == "heading_close":
            heading_level = 0
        elif t in ("fence", "code_block"):
            emit_block("code", tok.content, quote_depth, [])
        elif t == "hr":
            continue
        elif t == "inline":
            text, spans = _flatten_inline(tok.children or [])
            if heading_level:
                emit_block("heading", text, heading_level, spans)
            elif in_item or list_depth:
                emit_block("list_item", text, list_depth, spans)
                in_item = False
            elif quote_depth:
                emit_block("blockquote", text, quote_depth, spans)
            else:
                emit_block("paragraph", text, 0, spans)
    return Parsed("".join(out), tuple(blocks), tuple(inline))


def _too_deep(source: str) -> bool:
    """Cheap check for hostile nesting (markdown-it slows down quadratically on it)."""
    limit = 4 * _MAX_NESTING
    for line in source.splitlines():
        if len(line) > limit and len(line) - len(line.lstrip(" \t>")) > limit:
            return True
    return False


def plain_text(source: str, note: str) -> Parsed:
    """The source unchanged as text, one paragraph block per run of non-blank lines."""
    blocks = tuple(
        Block("paragraph", m.start(), m.end(), 0)
        for m in re.finditer(r"\S(?:.*?\S)?(?=\s*(?:\n[ \t]*\n|\Z))", source, re.DOTALL)
    )
    return Parsed(source, blocks, (), (note,))


def _flatten_inline(children: list[Token]) -> tuple[str, list[Span]]:
    """Turn inline tokens into text and styling spans (offsets relative to the block)."""
    parts: list[str] = []
    length = 0
    open_stack: list[tuple[str, int]] = []
    spans: list[Span] = []
    for child in children:
        t = child.type
        if t in ("text", "html_inline"):
            parts.append(child.content)
            length += len(child.content)
        elif t == "code_inline":
            spans.append(Span(length, length + len(child.content), "code"))
            parts.append(child.content)
            length += len(child.content)
        elif t in ("softbreak", "hardbreak"):
            parts.append(" " if t == "softbreak" else "\n")
            length += 1
        elif t == "image":
            alt = child.content or ""
            parts.append(alt)
            length += len(alt)
        elif t in _INLINE_LABELS:
            open_stack.append((_INLINE_LABELS[t], length))
        elif t.endswith("_close") and open_stack:
            label, start = open_stack.pop()
            if length > start:
                spans.append(Span(start, length, label))
    return "".join(parts), spans
