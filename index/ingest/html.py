"""Saved web pages (``.html``, ``.htm``) to articles: the main text and its metadata.

The article text is extracted with trafilatura (made for news pages: it drops navigation, ads, cookie
banners, comments, scripts and related-story boxes, and reads title, date, author, site name and the
canonical URL from Open Graph, JSON-LD and ``<meta>`` tags). Its blocks become the article's plain
``text`` (blocks separated by a blank line, as ``index.ingest.markup`` does for Markdown), and every offset
indexes that text. The bytes are decoded here, never by guessing inside the extractor: the byte-order
mark, then the HTTP header's charset, then the document's own ``<meta charset>``, with valid UTF-8
preferred over a single-byte label that would turn it into mojibake.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from index.analysis.dates import normalise_date
from index.models import Article, Block, Skipped
from index.pattern_cache import compiled

HTML_SUFFIXES = frozenset({".html", ".htm"})
MIN_ARTICLE_WORDS = 25
"""Fewer words than this after extraction is a page without an article (a front page of teasers,
a login wall, an error page); a news brief has more."""

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_BINARY_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"\x7fELF",
)
_META_CHARSET = compiled(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = compiled(rb"""\A\s*<\?xml[^>]*encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")
_SINGLE_BYTE = frozenset({"cp1252", "latin_1", "iso8859_15", "ascii", "cp1250", "iso8859_2"})
# WHATWG Encoding: these labels mean windows-1252 in every browser.
_WHATWG = {
    "iso8859-1": "cp1252",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "l1": "cp1252",
    "iso_8859-1": "cp1252",
}
_WORD = compiled(r"\w+")
_JUNK = compiled("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_BLOCK_KINDS = {
    "p": "paragraph",
    "head": "heading",
    "item": "list_item",
    "quote": "blockquote",
    "code": "code",
    "row": "paragraph",
}


_NESTED = frozenset({"p", "head", "list", "quote", "code", "table"})
"""Blocks trafilatura may nest in a table cell; each is read as its own block."""


class PageError(Exception):
    """A page that holds no article, or bytes that are not an HTML page; the message says why."""


@dataclass(frozen=True)
class Page:
    """The article of a web page: plain text with blocks, and the page's metadata."""

    title: str | None
    text: str
    blocks: tuple[Block, ...]
    date: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    notes: tuple[str, ...] = ()


def page_assets(folder: str, siblings: Collection[str]) -> bool:
    """Whether ``folder`` is a browser's "save complete page" folder: ``Page_files`` beside
    ``Page.html`` (or ``.htm``), holding the page's scripts, styles, images and frames."""
    if not folder.endswith("_files"):
        return False
    page = folder[: -len("_files")]
    return bool(page) and (f"{page}.html" in siblings or f"{page}.htm" in siblings)


def decode_html(data: bytes, header_charset: str | None = None) -> tuple[str, list[str]]:
    """Decode an HTML document's bytes.

    Order: a byte-order mark; the HTTP header's charset; the document's ``<meta charset>`` or XML
    declaration (in its first 4 KB); else UTF-8, else windows-1252 (the web's default). A declared
    single-byte charset loses to bytes that are valid UTF-8 with multi-byte characters (a page saved
    as UTF-8 whose old ``<meta>`` still says latin-1), since that text read as cp1252 is mojibake.

    Returns:
        The text and notes on the decoding (empty when it was plain).

    Raises:
        PageError: the bytes are binary (an image, an archive, control bytes), not a page.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), []
    if data.startswith(_BINARY_MAGIC):
        raise PageError("binary file, not an HTML page")
    head = data[:4096]
    if head.count(b"\0") > 2:
        raise PageError("binary file, not an HTML page")
    declared = _codec(header_charset) or _declared(head)
    notes: list[str] = []
    if declared in _SINGLE_BYTE and _multibyte_utf8(data):
        notes.append(f"page says {declared} but is UTF-8; read as UTF-8")
        declared = "utf_8"
    encoding = declared or "utf_8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        if declared and declared != "utf_8":
            text = data.decode(encoding, errors="replace")
            notes.append(f"invalid {declared} bytes replaced")
        else:
            lenient = data.decode("utf-8", errors="replace")
            bad = lenient.count("\ufffd") - data.count("\ufffd".encode())
            multibyte = sum(1 for ch in lenient if ch > "\x7f" and ch != "\ufffd")
            if multibyte >= bad:
                text = lenient
                notes.append(f"invalid UTF-8: {bad} damaged byte sequences replaced")
            else:
                text = data.decode("cp1252", errors="replace")
                said = (
                    "declared UTF-8 but is not" if declared else "no charset declared and not UTF-8"
                )
                notes.append(f"{said}; read as windows-1252")
    sample = text[:8192]
    junk = len(_JUNK.findall(sample))
    if sample and junk / len(sample) > 0.05:
        # Random bytes decode (cp1252 takes nearly anything) but leave control characters behind;
        # markup's own symbols (< = > /) are normal here, so the plain-text test does not apply.
        raise PageError(
            f"binary file, not an HTML page ({junk * 100 // len(sample)}% control bytes)"
        )
    return text.replace("\0", "\ufffd"), notes


def _codec(label: str | bytes | None) -> str | None:
    if not label:
        return None
    name = label.decode("ascii", "replace") if isinstance(label, bytes) else label
    name = _WHATWG.get(name.strip().lower(), name.strip())
    try:
        codec = codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None
    # A page cannot really be UTF-16 if its <meta> could be read as ASCII: WHATWG reads it as UTF-8.
    return "utf_8" if codec.startswith("utf_16") or codec == "utf_8_sig" else codec


def _declared(head: bytes) -> str | None:
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return _codec(m.group(1)) if m else None


def _multibyte_utf8(data: bytes) -> bool:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(ch > "\x7f" for ch in text)


def extract_page(html: str, url: str | None = None) -> Page:
    """The article of a decoded HTML page: its main text as blocks, and its metadata.

    Args:
        html: The page's text.
        url: Where it came from, when known (resolves relative canonical links; the canonical URL
            from the page wins).

    Raises:
        PageError: no article could be found in the page.
    """
    import trafilatura  # 0.6 s to import: only when a page is read

    doc: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_precision=True,
        # Original publication date, from metadata and markup; never a year found in the footer.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or getattr(doc, "body", None) is None:
        raise PageError("no article found in the page")
    text, blocks = _flatten(doc.body)
    if len(_WORD.findall(text)) < MIN_ARTICLE_WORDS:
        raise PageError(f"no article found in the page (under {MIN_ARTICLE_WORDS} words of text)")
    return Page(
        title=_one_line(doc.title),
        text=text,
        blocks=tuple(blocks),
        date=normalise_date(_one_line(doc.date)),
        author=_one_line(doc.author),
        site=_one_line(doc.sitename) or _one_line(doc.hostname),
        url=_one_line(doc.url) or url,
    )


def _flatten(body: Any) -> tuple[str, list[Block]]:
    """trafilatura's output tree to plain text (blocks joined by a blank line) and blocks.

    A ``<br>`` (``lb``) inside a paragraph starts a new paragraph: old CMSes and many feeds write
    paragraphs as text separated by ``<br><br>``, and gluing them would join two sentences.
    """
    parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    for element in body.iter():
        kind = _BLOCK_KINDS.get(element.tag)
        if kind is None:
            continue
        if element.tag == "row":
            # Layout tables hold whole articles: paragraphs inside a cell are blocks of their own.
            cells = [
                " ".join(_text_with_breaks(c, skip=_NESTED).split())
                for c in element
                if c.tag == "cell"
            ]
            pieces = [" | ".join(c for c in cells if c)]
        elif element.tag == "code":
            pieces = ["".join(element.itertext()).strip("\n")]
        elif element.tag in ("p", "head", "quote") and _inside(element, ("item", "quote")):
            continue  # its text is already in the enclosing block
        elif element.tag == "p":
            pieces = [" ".join(line.split()) for line in _text_with_breaks(element).split("\n")]
        else:
            pieces = [" ".join(_text_with_breaks(element).split())]
        level = 0
        if kind == "heading":
            rend = element.get("rend", "h2")
            level = int(rend[1:]) if rend[1:].isdigit() else 2
        elif kind == "list_item":
            level = 1
        for piece in pieces:
            if not piece.strip():
                continue
            if parts:
                parts.append("\n\n")
                pos += 2
            blocks.append(Block(kind, pos, pos + len(piece), level))
            parts.append(piece)
            pos += len(piece)
    return "".join(parts), blocks


def _text_with_breaks(element: Any, skip: frozenset[str] = frozenset()) -> str:
    """An element's text with each ``lb`` as a line break (``itertext`` would glue the lines),
    leaving out the text of children tagged in ``skip``."""
    out = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            out.append("\n")
        elif child.tag not in skip:
            out.append(_text_with_breaks(child, skip))
        out.append(child.tail or "")
    return "".join(out)


def _inside(element: Any, tags: tuple[str, ...]) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())[:1000]
    return text or None


def html_article(data: bytes, article_id: str, path: str) -> Article:
    """Make an article from a saved web page's bytes; offsets index the extracted text.

    Raises:
        PageError: the bytes are not a page, or the page holds no article.
    """
    html, notes = decode_html(data)
    if not html.strip():
        raise PageError("empty file")
    page = extract_page(html)
    title = page.title or " ".join(page.text[: page.blocks[0].end].split())[:200]
    return Article(
        id=article_id,
        path=path,
        title=title,
        text=page.text,
        source=page.site,
        date=page.date,
        url=page.url,
        author=page.author,
        format="html",
        blocks=page.blocks,
        notes=tuple(notes),
    )


def read_page(data: bytes, article_id: str, path: str) -> tuple[list[Article], list[Skipped]]:
    """``index.ingest.formats.read_file`` for a saved web page: the article, or the file skipped with why."""
    if not data.strip():
        return [], [Skipped(path, "empty file" if not data else "only whitespace")]
    try:
        return [html_article(data, article_id, path)], []
    except PageError as exc:
        return [], [Skipped(path, str(exc))]
    except RecursionError:
        return [], [Skipped(path, "structure too deeply nested to read")]
