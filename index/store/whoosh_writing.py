"""Whoosh's private API on the writing side: documents added with postings made by the engine,
segments written by worker processes and committed together.

The other half of :mod:`index.store.whoosh_compat` (same pin, **whoosh-reloaded 2.7.5**, and the same
rule: each function names the private attributes it relies on; tests/engine/test_whoosh_compat.py
fails on another installed release). What is here:

- ``encode_positions``: postings of pre-analysed stems in the field format's own encoding;
- ``add_analysed``: ``SegmentWriter.add_document`` with postings the caller made or kept by value;
- ``commit_with_segments``, ``worker_writer``, ``finish_worker_segment``, ``close_segment``: the
  steps of ``SegmentWriter.commit`` for segments written by other processes;
- ``use_term_pool``: postings pooled by term (``index.store.whoosh_pool``), short posting lists
  written inline (``INLINE_POSTINGS``);
- ``patch_block_pickles``: posting blocks pickled at protocol 4 (``BLOCK_PROTOCOL``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from index.store import whoosh_compat
from index.store.whoosh_pool import BLOCK_PROTOCOL

_ONE_POSITION: dict[type, dict[int, bytes]] = {}


def encode_positions(
    field: Any, stems: Sequence[str], start: int = 0
) -> list[tuple[bytes, int, float, bytes]]:
    """Postings of pre-analysed stems: what Whoosh's ``Positions.word_values`` makes of a token list.

    Position ``start`` + i for the i-th stem, weight = frequency x field boost, in the format's own
    encoding (``field.format.encode`` and ``.field_boost``), without a Token object per word; the
    tuples are what ``FieldType.index`` returns to the writer.
    """
    poses: dict[str, list[int]] = {}
    for pos, stem in enumerate(stems, start):
        found = poses.get(stem)
        if found is None:
            poses[stem] = [pos]
        else:
            found.append(pos)
    fmt = field.format
    boost, encode = fmt.field_boost, fmt.encode
    # Most stems occur once in an article: their encoding depends only on the position.
    once = _ONE_POSITION.setdefault(type(fmt), {})
    out = []
    for w, p in poses.items():
        if len(p) == 1:
            value = once.get(p[0])
            if value is None:
                value = once[p[0]] = encode(p)
            out.append((w.encode("utf-8"), 1, boost, value))
        else:
            out.append((w.encode("utf-8"), len(p), len(p) * boost, encode(p)))
    return out


# -- writers ------------------------------------------------------------------------------------


Postings = list[tuple[bytes, int, float, bytes]]
"""What ``FieldType.index`` gives the writer: (term bytes, frequency, weight, encoded value)."""

_FIELD_PLANS: dict[int, tuple[Any, dict[str, tuple[Any, bool, bool, bool, Any]]]] = {}
_CACHED_POSTINGS: dict[tuple[str, Any], Postings] = {}
_CACHED_MAX = 4096


def add_analysed(
    writer: Any, fields: dict[str, Any], ready: dict[str, Postings], cached: tuple[str, ...] = ()
) -> None:
    """``SegmentWriter.add_document(**fields)``, with the postings of the fields in ``ready`` made
    by the caller, and those of the fields named in ``cached`` kept by value (a publication date
    gives the same eight postings each time).

    The same calls on the writer's pool and per-document writer as Whoosh's own, in the same order
    (fields by name; no boosts, vectors or spelling fields: the schema has none and this raises on
    them); what it saves is each field's analyzer and format run through a ``Token`` a word and a
    generator a field, and Whoosh's numeric field making the same terms again for every article
    of a day: on short stories those were a fixed cost of ~0.5 ms an article.

    Private API: ``SegmentWriter._check_state``, ``perdocwriter``, ``pool``, ``docnum``,
    ``_added``; ``FieldType.separate_spelling`` and ``vector``.
    """
    schema = writer.schema
    known = _FIELD_PLANS.get(id(schema))
    if known is None or known[0] is not schema:
        plan = {}
        for name, field in schema.items():
            if field.separate_spelling() or field.vector:
                raise ValueError(f"add_analysed: field {name!r} has spelling or vectors")
            plan[name] = (field, field.indexed, field.scorable, field.stored, field.column_type)
        _FIELD_PLANS[id(schema)] = known = (schema, plan)
    plan = known[1]
    writer._check_state()
    perdoc = writer.perdocwriter
    docnum = writer.docnum
    add_post = writer.pool.add
    add_many = getattr(writer.pool, "add_postings", None)  # the term pool's: a field at a time
    names = sorted(fields)
    if names[0].startswith("_") or any(name not in plan for name in names):
        raise ValueError(f"add_analysed: unknown fields in {names}")
    perdoc.start_doc(docnum)
    try:
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field, indexed, scorable, stored, column = plan[name]
            length = 0
            if indexed:
                items = ready.get(name)
                if items is None:
                    if name in cached:
                        key = (name, value)
                        items = _CACHED_POSTINGS.get(key)
                        if items is None:
                            if len(_CACHED_POSTINGS) >= _CACHED_MAX:
                                _CACHED_POSTINGS.clear()
                            items = _CACHED_POSTINGS[key] = list(field.index(value))
                    else:
                        items = field.index(value)
                if add_many is not None:
                    words = add_many(name, docnum, items)
                    if scorable:
                        length = words
                else:
                    for tbytes, freq, weight, vbytes in items:
                        # As Whoosh's field boost of 1.0 makes every weight a float.
                        weight *= 1.0
                        if scorable:
                            length += freq
                        add_post((name, tbytes, docnum, weight, vbytes))
            perdoc.add_field(name, field, value if stored else None, length)
            if column:
                perdoc.add_column_value(name, column, field.to_column_value(value))
    except Exception:
        perdoc.cancel_doc()
        raise
    perdoc.finish_doc()
    writer._added = True
    writer.docnum += 1


def commit_with_segments(writer: Any, segments: list[Any]) -> None:
    """Commit ``writer``'s deletions (and any documents) together with the workers' segments.

    The same steps as Whoosh's ``SegmentWriter.commit`` (private: ``_merge_segments``, ``_added``,
    ``_finalize_segment``, ``_close_segment``, ``_commit_toc``, ``_finish``), with the extra
    segments added to the new table of contents: one atomic write, so readers see all of the run or
    none of it. Small existing segments are merged as usual; the new ones are not (that would put the
    commit on one core).
    """
    if not segments:
        writer.commit()
        return
    final = writer._merge_segments(None, None, None)
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    final.extend(segments)
    writer._commit_toc(final)
    writer._finish()


def patch_block_pickles() -> None:
    """``W3PostingsWriter._write_block`` with the block's data pickled at ``BLOCK_PROTOCOL``.

    The same steps as 2.7.5's (the block's statistics to the term info, its ids, weights and values
    made small, pickled, compressed at the codec's level, the block info tuple still at protocol 2,
    the length negative for a term's last block); only the data's protocol differs. On 3,000
    generated articles in one segment: its finish 1.8 -> 1.2 ms of CPU an article, its postings
    file 15.3 -> 7.5 MB. Private API: ``W3PostingsWriter._blockcount``, ``_postfile``,
    ``_terminfo``, ``_mini_ids``, ``_mini_weights``, ``_mini_values``, ``_compression``, ``_ids``,
    ``_maxweight``, ``_minlength``, ``_maxlength``, ``_new_block``; ``whoosh3.WHOOSH3_HEADER_MAGIC``.
    """
    import pickle
    import zlib

    from whoosh.codec import whoosh3
    from whoosh.util.numeric import length_to_byte

    writer_class = whoosh3.W3PostingsWriter
    if getattr(writer_class._write_block, "_newsdesk", False):
        return
    magic = whoosh3.WHOOSH3_HEADER_MAGIC

    def _write_block(self: Any, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(magic)
        self._terminfo.add_block(self)
        data = (self._mini_ids(), self._mini_weights(), self._mini_values())
        databytes = pickle.dumps(data, BLOCK_PROTOCOL)
        comp = self._compression  # as 2.7.5: every block compressed when the codec compresses
        if comp:
            databytes = zlib.compress(databytes, comp)
        ids = self._ids
        infobytes = pickle.dumps(
            (
                len(ids),
                ids[-1],
                self._maxweight,
                comp,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            2,
        )
        postfile = self._postfile
        blocklength = len(infobytes) + len(databytes)
        postfile.write_int(-blocklength if last else blocklength)
        postfile.write(infobytes)
        postfile.write(databytes)
        self._blockcount += 1
        self._new_block()

    _write_block._newsdesk = True  # type: ignore[attr-defined]
    writer_class._write_block = _write_block


def worker_writer(index_dir: str, limitmb: int) -> Any:
    """A segment writer for a worker process that does not take the index's write lock (``_lk``):
    the main process holds it and commits the worker's segment.

    Its postings are pooled by term (``index.store.whoosh_pool``: the same segment files, without
    Whoosh's sort and per-posting spill files). The worker applies ``patch_lengths`` itself: a spawned process imports ``index.store.writers``,
    not ``index.store.core`` (which patches the main process), and its segment's finish read a
    field length through Whoosh's column wrappers for every posting (3,000 Reuters stories, one
    process: finish 1.13 -> 0.90 ms a story with the patch).
    """
    from whoosh import index as windex
    from whoosh.writing import SegmentWriter

    whoosh_compat.patch_lengths()
    patch_block_pickles()

    ix = windex.open_dir(index_dir)
    writer = SegmentWriter(ix, _lk=False, limitmb=limitmb, compound=False)
    use_term_pool(writer, limitmb)
    return writer


INLINE_POSTINGS = 3
"""A term of at most this many postings in a segment written through the term pool has them in its
term-table entry, not as a compressed block of the postings file (``whoosh_pool._inline_term``).
On 1,000 Reuters stories in one segment (callgrind) the segment's finish took 5.8 M instructions a
story with none inlined, 4.2 M with terms of one posting (59% of the terms), 3.5 M up to three (80%)."""


def use_term_pool(writer: Any, limitmb: int, inline: int | None = None) -> None:
    """Give a new ``SegmentWriter`` (nothing added yet) the term-grouped posting pool of
    ``index.store.whoosh_pool`` instead of Whoosh's ``PostingPool``, its terms of at most
    ``inline`` postings (default ``INLINE_POSTINGS``) written inline.

    Private API: ``SegmentWriter.pool``, ``_tempstorage`` and ``newsegment``.
    """
    from index.store.whoosh_pool import TermPool

    old = writer.pool
    if getattr(old, "runs", None) or getattr(old, "current", None):
        raise ValueError("the writer's pool already holds postings")
    writer.pool = TermPool(writer._tempstorage, writer.newsegment, limitmb=limitmb)
    limit = INLINE_POSTINGS if inline is None else inline
    writer._flush_segment = lambda: _flush_terms(writer, limit)


def _flush_terms(writer: Any, inline: int) -> None:
    """``SegmentWriter._flush_segment`` for a writer with a ``TermPool``: the postings written a
    term at a time (``whoosh_pool.write_terms``) where Whoosh's ``add_postings`` takes one at a
    time. Private API: ``perdocwriter``, ``fieldwriter``, ``per_document_reader``, ``codec``."""
    from index.store.whoosh_pool import write_terms

    writer.perdocwriter.close()
    pdr = writer.per_document_reader() if writer.codec.length_stats else None
    write_terms(
        writer.fieldwriter,
        writer.schema,
        pdr,
        writer.pool.iter_terms(),
        whoosh_compat.posting_lengths,
        inline,
    )
    writer.fieldwriter.close()
    if pdr:
        pdr.close()


def finish_worker_segment(writer: Any) -> Any:
    """The worker's finished segment (``None`` when it wrote nothing), its files closed.

    Never ``writer.cancel()`` or ``_finish()`` here: they delete the index's temporary folder, which
    the main process and the other workers share.
    """
    segment = writer._finalize_segment() if writer._added else None
    if segment is None:
        writer._close_segment()
    return segment


def close_segment(writer: Any) -> None:
    """Close a worker's unfinished segment files (after a failure)."""
    writer._close_segment()
