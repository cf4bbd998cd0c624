"""Article bytes decoded as text: byte-order marks first, then UTF-8, then cp1252, then latin-1.

Binary files (by their magic bytes, or by a high share of control bytes) are refused with a
:class:`~index.ingest.files.ReadError`; a guessed decoding must still read like text; NUL characters
are replaced without moving any offset.
"""

from __future__ import annotations

from index.ingest.files import ReadError
from index.ingest.textsafe import implausible_text

__all__ = ["decode"]

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode article bytes: BOMs first, then UTF-8, then cp1252, then latin-1.

    Returns:
        The text and notes about the decoding (empty for plain UTF-8).

    Raises:
        ReadError: the bytes are binary, not text.
    """
    notes: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise ReadError(f"invalid {encoding} text after a byte-order mark") from None
            if encoding != "utf-8-sig":
                notes.append(f"decoded as {encoding}")
            return _clean_nul(text.lstrip("\ufeff"), notes), notes
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise ReadError(f"binary file ({what})")
    if _looks_binary(data[:8192]):
        raise ReadError("binary file (not text)")
    try:
        return _clean_nul(data.decode("utf-8"), notes), notes
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    multibyte = sum(1 for ch in lenient if ch > "\x7f" and ch != "\ufffd")
    if multibyte and bad <= multibyte:
        # Real UTF-8 (accented letters, curly quotes decode) with a few damaged bytes: reading it
        # as cp1252 would garble every correct character to keep a few broken ones.
        notes.append(
            f"invalid UTF-8: {bad} damaged byte sequence{'s' if bad != 1 else ''} replaced"
        )
        _refuse_implausible(lenient)
        return _clean_nul(lenient, notes), notes
    try:
        text = data.decode("cp1252")
        notes.append("not valid UTF-8; decoded as cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        notes.append("not valid UTF-8; decoded as latin-1")
    _refuse_implausible(text)
    return _clean_nul(text, notes), notes


def _refuse_implausible(text: str) -> None:
    """Any bytes decode as latin-1: a guessed decoding must still read like text (random bytes don't)."""
    reason = implausible_text(text)
    if reason:
        raise ReadError(f"binary file (not text: {reason})")


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13, 27)))


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    control = len(sample.translate(None, _NOT_CONTROL))  # the control bytes left
    # A few stray NULs in real text are tolerated (and replaced); a high share means binary.
    return control / len(sample) > 0.10


def _clean_nul(text: str, notes: list[str]) -> str:
    if "\x00" in text:
        notes.append("NUL characters replaced")
        # Same length, so offsets into the decoded text stay valid.
        text = text.replace("\x00", "\ufffd")
    return text
