"""A plain text's title and blocks: a first line that is a headline, a title derived from the
first sentence otherwise, and the paragraphs after it (hard-wrapped newswire reflowed).
"""

from __future__ import annotations

from index.analysis.sentences import RESIDUE, looks_hard_wrapped, paragraph_spans
from index.models import Block
from index.pattern_cache import compiled

__all__ = [
    "RESIDUE",
    "derive_title",
    "first_line",
    "text_blocks",
    "title_of",
]

_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
_DATELINE_WORDS = _DATE_WORDS | frozenset(
    "am pm a m p st nd rd th gmt utc et est edt cst cdt mst mdt pst pdt bst cet cest ist "
    "updated posted published modified created last article at on".split()
)
"""What a line that only dates the text is made of, besides numbers: months, weekdays, clock
and time-zone words, ordinal endings, and the words of "Article posted on", "Last updated at"."""
_DATELINE_TOKEN = compiled(r"[^\W\d_]+|\d+")
_YEAR = compiled(r"1[89]\d\d|20\d\d")
_NUMERIC_DATE = compiled(r"\b\d{1,2} ?([/.-]) ?\d{1,2} ?\1 ?(?:\d\d){1,2}\b")


def _dateline_end(text: str) -> int:
    """Where the lines that open ``text`` and only date it end (0: the first line does not)."""
    end = 0
    for _ in range(3):  # "Posted 11 / 27 / 2005 7: 21 AM", then "Updated 11 / 27 / 2005 3: 41 PM"
        line, _start, line_end = first_line(text[end:])
        tokens = _DATELINE_TOKEN.findall(line.lower())
        numbers = sum(t.isdigit() for t in tokens)
        # A month or a weekday, or a date in numbers ("11 / 27 / 2005", "08. 07. 2012"); every
        # number a day, a month, a clock's or a year ("May 6765", a table's row, is none); more
        # than six numbers is a table's row ("Apr    148.00 148.00 148.25 148.50 147.75    38").
        dated = (
            0 < numbers <= 6
            and all(len(t) < 3 or _YEAR.fullmatch(t) for t in tokens if t.isdigit())
            and (any(t in _DATE_WORDS for t in tokens) or _NUMERIC_DATE.search(line) is not None)
        )
        if (
            not dated
            or len(line) > 60
            or not all(t in _DATELINE_WORDS or t.isdigit() for t in tokens)
        ):
            break
        if not text[end + line_end :].strip():
            break  # nothing after it: the date is all there is
        end += line_end
    return end


_SENTENCE_END = compiled(r"[.!?…][\"'”’)\]]*\s*$")


def first_line(text: str) -> tuple[str, int, int]:
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return text[start:end].strip(), start, end


def title_of(text: str) -> tuple[str, int]:
    """Title and the end offset of a headline line (0 when the title is derived).

    Lines that only date the text ("June 06, 2013", "Updated: November 11, 2011 20: 09 IST") are
    no title: the title is the line after them, or the first sentence after them.
    """
    skip = _dateline_end(text)
    if skip:
        title, end = title_of(text[skip:])
        return title, skip + end if end else 0
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


_END = compiled(r"(?<=[a-z0-9\"”’)])[.!?](?=\s+[\"“‘A-Z])")
_LAST_WORD = compiled(r"(\w+)$")
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


_BLANK_LINE = compiled(r"\n[ \t]*\n")


def text_blocks(text: str, headline_end: int) -> list[Block]:
    blocks: list[Block] = []
    if headline_end:
        # The headline's line: the first, or the one after the lines that date the text (each
        # of them a paragraph of its own).
        top = text.rfind("\n", 0, headline_end) + 1 if headline_end > 0 else 0
        pos = 0
        while pos < top:
            line, ls, le = first_line(text[pos:top])
            if line:
                blocks.append(Block("paragraph", pos + ls, pos + ls + len(line), 0))
            pos += max(le, 1)
        line, hs, he = first_line(text[top:])
        hs, he = hs + top, he + top
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
