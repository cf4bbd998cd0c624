"""Posting blocks and inlined terms pickled at ``BLOCK_PROTOCOL`` (whoosh_writing.patch_block_pickles,
whoosh_pool._inline_term), read back by Whoosh 2.7.5 as the postings they hold; blocks written at
Whoosh's own protocol 2 (indexes written before) still read."""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path
from typing import Any

import pytest
from test_store_pool import _fields, _read_postings, _segment
from whoosh import index as windex
from whoosh.codec import default_codec, whoosh3
from whoosh.codec.whoosh3 import W3Segment
from whoosh.reading import SegmentReader

from index.store.whoosh_pool import BLOCK_PROTOCOL
from index.store.whoosh_writing import patch_block_pickles


def _reader(prefix: Path, docs: int) -> Any:
    ix = windex.open_dir(str(prefix.parent))
    segid = prefix.name.split("_", 1)[1]
    return SegmentReader(
        ix.storage, ix.schema, W3Segment(default_codec(), "MAIN", docs, segid=segid)
    )


def _protocols(prefix: Path, docs: int) -> tuple[set[int], set[int]]:
    """The pickle protocols of the segment's first posting blocks and of its inlined terms."""
    reader = _reader(prefix, docs)
    blocks: set[int] = set()
    inlined: set[int] = set()
    try:
        for field, text in reader.all_terms():
            info = reader.term_info(field, text)
            if info.is_inlined():
                inlined.add(_inline_protocol(reader, field, text))
                continue
            m = reader.postings(field, text)
            data = m._postfile.get(m._dataoffset, m._nextoffset - m._dataoffset)
            if m._compression:
                data = zlib.decompress(data)
            blocks.add(data[1])
    finally:
        reader.close()
    return blocks, inlined


def _inline_protocol(reader: Any, field: str, text: bytes) -> int:
    from whoosh.system import pack_ushort

    tindex = reader._terms._tindex
    fieldid = reader._terms._fieldmap[field]
    entry = tindex[pack_ushort(fieldid) + text]
    return entry[whoosh3.W3TermInfo._struct.size + 1]


def test_blocks_and_inlined_terms_are_pickled_at_the_block_protocol(tmp_path: Path) -> None:
    patch_block_pickles()  # as a worker's writer and the store's main process do
    fields = _fields(copies_of_each=70)
    ours = _segment(tmp_path / "ours", fields, True, 10**9, inline=2)
    blocks, inlined = _protocols(ours, len(fields))
    assert blocks == {BLOCK_PROTOCOL} and inlined == {BLOCK_PROTOCOL}
    assert max(len(p) for p in _read_postings(ours, len(fields)).values()) > 128


def test_blocks_written_at_protocol_2_read_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index written by Whoosh's own ``_write_block`` (protocol 2) reads as the same postings."""
    fields = _fields(copies_of_each=70)
    patch_block_pickles()
    ours = _read_postings(_segment(tmp_path / "ours", fields, True, 10**9), len(fields))
    original = whoosh3.W3PostingsWriter._write_block
    assert getattr(original, "_newsdesk", False)

    def protocol_2(self: Any, last: bool = False) -> None:
        real_dumps = pickle.dumps
        monkeypatch.setattr(pickle, "dumps", lambda obj, protocol=None: real_dumps(obj, 2))
        try:
            original(self, last)
        finally:
            monkeypatch.setattr(pickle, "dumps", real_dumps)

    monkeypatch.setattr(whoosh3.W3PostingsWriter, "_write_block", protocol_2)
    old = _segment(tmp_path / "old", fields, True, 10**9)
    assert _protocols(old, len(fields))[0] == {2}
    assert _read_postings(old, len(fields)) == ours
