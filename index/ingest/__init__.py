"""Ingest: article files (``.txt``, ``.md``, ``.jsonl``, saved ``.html``) read into articles.

``files`` (finding article files, reading their bytes within size limits), ``decoding`` (bytes to
text), ``formats`` (reading each kind), ``titles``, ``metadata`` (front matter), ``jsonl`` (one
article a line, read and re-read line by line), ``html`` (a saved web page's article, by
trafilatura), ``markup`` (CommonMark into text plus structure with offsets), ``textsafe`` (untrusted
text made safe to print or to write into Markdown).
"""

from __future__ import annotations

from index.ingest.files import ReadError, SourceFile, scan
from index.ingest.formats import read_file, text_article

__all__ = ["ReadError", "SourceFile", "read_file", "scan", "text_article"]
