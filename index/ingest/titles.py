"""A plain text's title and blocks: a first line that is a headline, a title derived from the
first sentence otherwise, and the paragraphs after it (hard-wrapped newswire reflowed).
"""

from __future__ import annotations

import re

from index.analysis.sentences import RESIDUE, looks_hard_wrapped, paragraph_spans
from index.models import Block

__all__ = [
    "RESIDUE",
    "derive_title",
    "first_line",
    "text_blocks",
    "title_of",
]

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")


def first_line(text: str) -> tuple[str, int, int]:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return text[start:end].strip(), start, end


def title_of(text: str) -> tuple[str, int]:
    """Title and the end offset of a headline line (0 when the title is derived)."""
    line, _start, end = first_line(text)
    rest = text[end:].strip()
    words = line.split()
    # A next line that starts in lower case continues a hard-wrapped sentence ("... the week in\n
    # the Bahia cocoa zone"): the first line is not a headline.
    after = text[end:]
    wrapped = after.lstrip(" \t\r\n")[:1].islower() and not after.startswith(("\n\n", "\r\n\r\n"))
    headline = 0 < len(words) <= 30 and len(line) <= 200 and not _SENTENCE_END.search(line)
    if rest and headline and not wrapped:
        title = RESIDUE.sub("", line).strip() or line
        return title, end
    return derive_title(text), 0


_END = re.compile(r"(?<=[a-z0-9\"”’)])[.!?](?=\s+[\"“‘A-Z])")
_LAST_WORD = re.compile(r"(\w+)$")
_BEFORE_NAMES = frozenset(
    "mr mrs ms messrs dr prof gen lt col maj capt sgt adm cmdr gov sen rep rev fr st mt ft hon amb "
    "atty supt insp det pres".split()
)
"""Abbreviations that stand before a name: their full stop ends no sentence. ECB+ titles read
"A fire that caused more than $1 million in damage to Alaska Gov."; Reuters' would have read
"Rep.", "Sen.", "Towle and Co, a St." (46 of the 19,556 texts of Reuters, ECB+ and WikiNews,
every one of them cut after one of these)."""


def derive_title(text: str, limit: int = 90) -> str:
    """A title made from the first sentence, cut at a word boundary."""
    flat = " ".join(text.split())
    first = flat
    for m in _END.finditer(flat):
        word = _LAST_WORD.search(flat, max(0, m.start() - 12), m.start())
        if m.group() == "." and word and word.group(1).lower() in _BEFORE_NAMES:
            continue
        first = flat[: m.start() + 1]
        break
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def text_blocks(text: str, headline_end: int) -> list[Block]:
    blocks: list[Block] = []
    if headline_end:
        line, hs, he = first_line(text)
        residue = RESIDUE.search(line)
        if residue and residue.start() > 0:
            # The text keeps the "_1" (offsets index the file), but the heading shown stops before it.
            he = text.rfind(line, hs, he + 1) + residue.start()
        blocks.append(Block("heading", hs, he, 1))
    body_start = headline_end
    body = text[body_start:]
    # Hard-wrapped newswire (lines wrapped at ~70 columns) is reflowed as the sentence splitter
    # reads it: a paragraph starts at a blank line, an indented line, or after a line that closes
    # a sentence short of the wrap width. Other text: the pieces between blank lines when it has
    # them (a short text wrapped by hand stays whole), else a paragraph a line.
    if _BLANK_LINE.search(body) and not looks_hard_wrapped(body):
        spans, pos = [], 0
        for sep in [*_BLANK_LINE.finditer(body), None]:
            end = sep.start() if sep else len(body)
            spans.append((pos, end))
            pos = sep.end() if sep else len(body)
    else:
        spans = paragraph_spans(body)
    for s, e in spans:
        piece = text[body_start + s : body_start + e]
        stripped = piece.strip()
        if stripped:
            start = body_start + s + len(piece) - len(piece.lstrip())
            blocks.append(Block("paragraph", start, start + len(stripped), 0))
    return blocks
