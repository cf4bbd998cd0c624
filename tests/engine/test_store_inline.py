"""Terms of few postings written into the term table (whoosh_pool._inline_term): read back by
Whoosh 2.7.5 as the same postings as a block gives, through the matcher and block_postings, and
the same searches from a store whose segments hold them."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from test_store_pool import SEEDS, _fields, _files, _read_postings, _segment
from whoosh import index as windex
from whoosh.codec import default_codec
from whoosh.codec.whoosh3 import W3Segment
from whoosh.reading import SegmentReader

from index.store.whoosh_compat import block_postings


def _inlined_terms(prefix: Path, docs: int) -> tuple[int, int]:
    """How many terms of the segment at ``prefix`` are inlined, and how many it has."""
    ix = windex.open_dir(str(prefix.parent))
    segment = W3Segment(default_codec(), "MAIN", doccount=docs, segid=prefix.name.split("_", 1)[1])
    reader = SegmentReader(ix.storage, ix.schema, segment)
    try:
        infos = [reader.term_info(f, t) for f, t in reader.all_terms()]
        return sum(1 for i in infos if i.is_inlined()), len(infos)
    finally:
        reader.close()


@pytest.mark.parametrize("inline", [1, 3])
def test_inlined_terms_give_whoosh_pools_postings(tmp_path: Path, inline: int) -> None:
    """Every term's postings (document, weight, value: None for a format without values, as a
    block gives) read back the same as from Whoosh's own pool's segment; the inlined terms' blocks
    are gone from the postings file."""
    fields = _fields(copies_of_each=3)
    ours = _segment(tmp_path / "ours", fields, True, 10**9, inline=inline)
    whoosh = _segment(tmp_path / "whoosh", fields, False, 10**9)
    inlined, terms = _inlined_terms(ours, len(fields))
    assert 0 < inlined < terms
    assert _inlined_terms(whoosh, len(fields))[0] == 0
    postings = _read_postings(ours, len(fields))
    assert any(v is None for p in postings.values() if len(p) == 1 for _, _, v in p)
    assert postings == _read_postings(whoosh, len(fields))
    assert (ours.parent / (ours.name + ".pst")).stat().st_size < (
        whoosh.parent / (whoosh.name + ".pst")
    ).stat().st_size
    assert _files(ours)[".trm"] != _files(whoosh)[".trm"]


def _term_stats(prefix: Path, docs: int) -> dict[tuple[str, bytes], tuple[Any, ...]]:
    """Each term's statistics as its term-table entry gives them (what scoring reads)."""
    ix = windex.open_dir(str(prefix.parent))
    segment = W3Segment(default_codec(), "MAIN", doccount=docs, segid=prefix.name.split("_", 1)[1])
    reader = SegmentReader(ix.storage, ix.schema, segment)
    try:
        out = {}
        for field, text in reader.all_terms():
            i = reader.term_info(field, text)
            out[field, text] = (
                i.weight(),
                i.doc_frequency(),
                i.min_length(),
                i.max_length(),
                i.max_weight(),
                i.min_id(),
                i.max_id(),
            )
        return out
    finally:
        reader.close()


def test_inlined_terms_keep_whoosh_pools_term_statistics(tmp_path: Path) -> None:
    """An inlined term's entry holds the statistics a block's would (total weight, document
    frequency, shortest and longest field, top weight, first and last document), which scoring
    reads; titles weigh 2 a word, so weights other than 1 are among them."""
    fields = _fields(copies_of_each=1)  # the seed articles once each: fields of other lengths
    ours = _segment(tmp_path / "ours", fields, True, 10**9, inline=3)
    whoosh = _segment(tmp_path / "whoosh", fields, False, 10**9)
    stats = _term_stats(ours, len(fields))
    assert stats == _term_stats(whoosh, len(fields))
    inlined = [s for s in stats.values() if s[1] <= 3]
    assert any(s[4] == 2.0 for s in inlined)
    assert any(s[2] < s[3] for s in inlined)  # a term of two articles of other lengths


def test_block_postings_reads_inlined_terms(tmp_path: Path) -> None:
    """``block_postings`` gives an inlined term's documents, weights and values as stepping its
    matcher does (the search's fast paths read them so)."""
    fields = _fields(copies_of_each=2)
    ours = _segment(tmp_path / "ours", fields, True, 10**9, inline=2)
    ix = windex.open_dir(str(ours.parent))
    segid = ours.name.split("_", 1)[1]
    reader = SegmentReader(
        ix.storage, ix.schema, W3Segment(default_codec(), "MAIN", len(fields), segid=segid)
    )
    try:
        seen = 0
        for field, text in reader.all_terms():
            if not reader.term_info(field, text).is_inlined():
                continue
            stepped: list[tuple[int, float, Any]] = []
            m = reader.postings(field, text)
            while m.is_active():
                stepped.append((m.id(), m.weight(), m.value()))
                m.next()
            read = block_postings(reader.postings(field, text), True)
            assert read is not None
            ids, weights, values = read
            assert list(zip(ids, weights, values, strict=True)) == stepped
            seen += 1
        assert seen > 50
    finally:
        reader.close()


QUERIES = ["court", "police OR fire", '"the company"', "compny~", "place:*", "person:*"]


def test_store_with_inlined_terms_searches_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store built through the term pool with and without inlined terms gives the same hits,
    scores and totals, also after a second run adds a segment and Whoosh merges the small ones."""
    from index.search import search
    from index.store import core, whoosh_writing, writers

    monkeypatch.setattr(writers, "PARALLEL_MIN_ARTICLES", 10**9)
    monkeypatch.setattr(core, "MAIN_TERM_POOL_MIN", 1)
    found: dict[int, list[Any]] = {}
    for inline in (0, whoosh_writing.INLINE_POSTINGS):
        monkeypatch.setattr(whoosh_writing, "INLINE_POSTINGS", inline)
        corpus = tmp_path / f"corpus{inline}"
        corpus.mkdir()
        for i in range(3):
            for path in sorted(SEEDS.glob("*.txt")):
                shutil.copy(path, corpus / f"{i}-{path.name}")
        store = core.open_store([corpus], tmp_path / f"ix{inline}")
        store.build_related = False
        assert store.update().added >= 6
        results = []
        for step in range(2):
            if step:
                (corpus / "new.txt").write_text("Fire in the court\n\nPolice said the fire ...\n")
                assert store.update().added == 1
            for q in QUERIES:
                r = search(store, q, limit=None)
                results.append((q, r.total, [(h.score, h.path, h.title) for h in r.hits]))
        found[inline] = results
    inlined = whoosh_writing.INLINE_POSTINGS
    assert inlined > 0
    assert any(total for _, total, _ in found[inlined])
    # Paths differ by the corpus folder only.
    assert str(found[0]).replace("corpus0", "corpus") == str(found[inlined]).replace(
        f"corpus{inlined}", "corpus"
    )
