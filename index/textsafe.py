"""Make untrusted article text safe to print on a terminal or paste into Markdown.

Article text comes from the web: it can carry ANSI/OSC escape sequences (which recolour, retitle or
hyperlink a terminal), C0/C1 control characters, and bidi controls that reorder what a reader sees
("Trojan Source"). ``neutralise`` keeps newlines and tabs and makes everything else visible or gone.
"""

from __future__ import annotations

import re

__all__ = ["ESCAPE_MARK", "neutralise"]

ESCAPE_MARK = "\u241b"  # SYMBOL FOR ESCAPE: shows where an escape sequence was removed

# CSI (ESC [ or 8-bit 0x9b) ... final byte; OSC/DCS/SOS/PM/APC (ESC ] P X ^ _ or 8-bit) ... BEL or
# ST; any other ESC + one character. A string sequence without its terminator is not swallowed (the
# text after it stays visible): only its introducer is marked. Its body stops at the next introducer,
# so text holding thousands of them is still scanned in linear time.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])"
    r"[^\x07\x1b\x9c\x90\x98\x9d\x9e\x9f]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[\s\S]?"
)
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")


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
