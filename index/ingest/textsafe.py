"""Make untrusted article text safe to print on a terminal or paste into Markdown.

Article text comes from the web: it can carry ANSI/OSC escape sequences (which recolour, retitle or
hyperlink a terminal), C0/C1 control characters, and bidi controls that reorder what a reader sees
("Trojan Source"). ``neutralise`` keeps newlines and tabs and makes everything else visible or gone.
"""

from __future__ import annotations

import re

from index.pattern_cache import compiled

__all__ = ["ESCAPE_MARK", "implausible_text", "markdown_escape", "neutralise"]

ESCAPE_MARK = "\u241b"  # SYMBOL FOR ESCAPE: shows where an escape sequence was removed

# CSI (ESC [ or 8-bit 0x9b) ... final byte; OSC/DCS/SOS/PM/APC (ESC ] P X ^ _ or 8-bit) ... BEL or
# ST; any other ESC + one character. A string sequence without its terminator is not swallowed (the
# text after it stays visible): only its introducer is marked. Its body stops at the next introducer,
# so text holding thousands of them is still scanned in linear time, and at a newline: a string
# "terminated" on a later line would hide whole lines of text (and the newline itself).
_ESCAPES = compiled(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])"
    r"[^\x07\x1b\x9c\x90\x98\x9d\x9e\x9f\n]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[^\n]?"
)
_BIDI = compiled("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROLS = compiled("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: NUL -> U+2400 ...
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def neutralise(s: str) -> str:
    """Return ``s`` with terminal escapes, control characters and bidi controls neutralised.

    Escape sequences become a single ``\u241b`` (an OSC/DCS string without its terminator: only
    its introducer does, so no text is hidden); C0 controls other than newline and tab become
    their control pictures (``\u2400``-``\u241f``); DEL becomes ``\u2421``; C1 controls become
    ``\ufffd``; bidi embedding, override and isolate controls are removed. Carriage returns are
    shown as ``\u240d`` because a bare one lets text overwrite the start of its line.

    Args:
        s: Any string.

    Returns:
        A string holding no character that a terminal interprets as a command.
    """
    s = _ESCAPES.sub(ESCAPE_MARK, s)
    s = _BIDI.sub("", s)
    return _CONTROLS.sub(_picture, s)


# Characters that real prose in a legacy 8-bit encoding almost never holds, by Unicode category:
# controls, private use, unassigned, and the symbol and numeric-sign blocks (¤ ¦ ¨ ¯ ´ ¸ ¹ ¼ ×).
_UNLIKELY = frozenset({"Cc", "Co", "Cn", "So", "Sk", "Sm", "No"})
_SAMPLE_CHARS = 8192
_MIN_JUDGED = 64


_MD_SPECIAL = compiled(r"([\\`*_\[\]<>|#~])")


def markdown_escape(s: str) -> str:
    """Untrusted text for one line of Markdown: neutralised (:func:`neutralise`), newlines as spaces,
    and every character Markdown reads as syntax escaped, so an article cannot inject links, HTML,
    emphasis or headings into a brief."""
    return _MD_SPECIAL.sub(r"\\\1", neutralise(s).replace("\n", " "))


def implausible_text(text: str) -> str | None:
    """Why ``text`` decoded from a guessed 8-bit encoding is not text, or ``None`` when it reads as text.

    Every byte decodes as latin-1, so random bytes "succeed" as text; what gives them away is what
    the characters are: in 3,000 random bytes a quarter are controls or symbols, under half are
    letters and under 2% are spaces, where prose in any European language is mostly letters with a
    space every few of them (a cp1252 table of figures: a third letters, a fifth spaces). Texts under
    64 visible characters are too short to judge.

    Args:
        text: The decoded text (only its first 8,192 characters are looked at).

    Returns:
        A short reason ("too few letters", ...) or ``None``.
    """
    import unicodedata

    sample = text[:_SAMPLE_CHARS]
    visible = [ch for ch in sample if not ch.isspace()]
    if len(visible) < _MIN_JUDGED:
        return None
    unlikely = sum(1 for ch in visible if unicodedata.category(ch) in _UNLIKELY)
    if unlikely > 0.10 * len(visible):
        return f"{unlikely * 100 // len(visible)}% control or symbol characters"
    spaces = len(sample) - len(visible)
    if len(sample) >= 200 and spaces < 0.03 * len(sample):
        return "almost no spaces between words"
    letters = sum(1 for ch in visible if ch.isalpha())
    # A table of figures is a third letters; random bytes that got this far, under half.
    if letters < 0.25 * len(visible):
        return f"too few letters ({letters * 100 // len(visible)}%)"
    return None
