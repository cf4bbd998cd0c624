"""A posting pool for Whoosh's segment writer that groups postings by term instead of sorting them.

Part of the Whoosh door (written for whoosh-reloaded 2.7.5, whose ``whoosh.writing.PostingPool`` it
replaces through the same private interface: ``add``, ``iter_postings``, ``cleanup``, ``runs``,
``fieldnames``); ``index.store.whoosh_writing.use_term_pool`` gives it to a writer.

Whoosh's pool keeps every posting as a ``(field, term, docnum, weight, value)`` tuple in one list,
sorts it, and past ``limitmb`` (an estimate made for every posting) writes it to a temporary file
one ``pickle.dump`` a posting, to merge the files one ``pickle.load`` and one heap step a posting
at the segment's finish. On 5,000 generated 500-word articles (~400 postings each, three runs of a
128 MB pool) that machinery was ~45% of adding the documents and ~40% of the segment's finish.

Documents are added in increasing document numbers, so each term's postings arrive already in the
order the sort gives them (checked as they come): this pool keeps a list of postings a term, sorts only the terms at the
end (thousands, not millions), and spills a whole sorted run of terms with one ``pickle.dumps`` a
chunk of ~20,000 postings. Runs are written in document order, so a term's postings in a later run follow those of an
earlier one: merging runs is a merge of terms, each term's lists joined in run order. A posting
that does not follow its term's last in document number (never from ``add_document``; a segment
merge's or a spelling field's could) makes each term's list sorted at the end. The postings read back are the same, in
the same order, as Whoosh's pool gives: the segment files are byte-identical (tested).
"""

from __future__ import annotations

import heapq
import itertools
import pickle
from array import array
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

POSTING_BYTES = 72
"""Memory of one pooled posting as this pool keeps it, for ``limitmb``: three slots of its term's
list (24 bytes), its weight's float when not shared (24), and its share of the value bytes (most
values are shared: a stem said once in an article has the value of its position, made once) and
of its term's list and key. Measured with tracemalloc: 54 bytes on 2,000 generated articles, 80 on
3,000 Reuters stories (more terms of one posting); a tuple a posting took 176-200."""
CHUNK = 20_000
"""Postings (whole terms) written a ``pickle.dumps`` in a run file and read back a ``pickle.load``:
the merge holds one chunk a run, ~1 MB (a chunk of a fixed number of terms held a fifth of a run's
postings where common words fall: ~800 MB for the 30 runs of a 100,000-article build's worker)."""

Posting = tuple[str, bytes, int, float, bytes | None]
Term = tuple[str, bytes]
Flat = list[Any]
"""A term's postings, three items each: document number, weight, value bytes (or ``None``)."""

BLOCK_PROTOCOL = 4
"""The pickle protocol of a posting block's data (and of a term's inlined postings,
``whoosh_pool._inline_term``). Whoosh 2.7.5 pickles them at protocol 2, where a ``bytes`` value (each
posting's positions) is pickled as a call of ``codecs.encode`` on a Latin-1 string and read back
through that call: on a block of 128 postings 4.2 KB, 121 us to pickle and 136 us to read, against
1.8 KB, 12 us and 11 us at protocol 4, and a third of the compressed bytes. Whoosh reads any
protocol (``pickle.loads`` of the block's bytes), so indexes written before read as they did."""


class TermPool:
    """Postings grouped by term, spilled to the writer's temporary storage past ``limitmb``.

    A term's postings are one flat list, ``[docnum, weight, value, docnum, weight, value, ...]``,
    in a dictionary of its field's terms: no tuple a posting (Whoosh's five items, or a key
    ``(field, term)`` made and hashed a posting), so a posting takes about a third of the memory,
    a run holds three times as many, and runs are pickled as flat lists.

    Args:
        tempstore: The writer's temporary storage (Whoosh's ``SegmentWriter._tempstorage``).
        segment: The segment being written (kept as Whoosh's pool keeps it).
        limitmb: Memory the pooled postings may take before a run is written.
    """

    def __init__(self, tempstore: Any, segment: Any, limitmb: int = 128) -> None:
        self.tempstore = tempstore
        self.segment = segment
        self.limit = max(1, limitmb * 1024 * 1024 // POSTING_BYTES)
        self.terms: dict[str, dict[bytes, Flat]] = {}
        self.count = 0
        self.runs: list[str] = []
        self.fieldnames: set[str] = set()
        self.ordered = True  # each term's postings in increasing document numbers so far
        self._names = 0

    def add(self, item: Posting) -> None:
        """Pool one posting ``(field, term bytes, docnum, weight, value bytes or None)``."""
        field, tbytes, docnum, weight, value = item
        fterms = self.terms.get(field)
        if fterms is None:
            fterms = self.terms[field] = {}
        flat = fterms.get(tbytes)
        if flat is None:
            fterms[tbytes] = [docnum, weight, value]
        else:
            if flat[-3] >= docnum:
                self.ordered = False
            flat += (docnum, weight, value)
        self.count += 1
        if self.count >= self.limit:
            self.save()

    def add_postings(
        self, field: str, docnum: int, items: Iterable[tuple[bytes, int, float, bytes | None]]
    ) -> int:
        """Pool one document's postings of ``field`` (``FieldType.index``'s tuples: term bytes,
        frequency, weight, value bytes), each as ``add`` would; returns the sum of their
        frequencies (the field's length). A run is written, if the pool is full, after the field's
        last posting (``add`` checks after each: the runs split elsewhere, the segment is the same)."""
        fterms = self.terms.get(field)
        if fterms is None:
            fterms = self.terms[field] = {}
        get = fterms.get
        words = added = 0
        ordered = True
        for tbytes, freq, weight, vbytes in items:
            # As Whoosh's field boost of 1.0 makes every weight a float (a float is kept as it
            # is: most weights are the field's one boost object, shared).
            if weight.__class__ is not float:
                weight = weight * 1.0
            flat = get(tbytes)
            if flat is None:
                fterms[tbytes] = [docnum, weight, vbytes]
            else:
                if flat[-3] >= docnum:
                    ordered = False
                flat += (docnum, weight, vbytes)
            words += freq
            added += 1
        if not ordered:
            self.ordered = False
        self.count += added
        if self.count >= self.limit:
            self.save()
        return words

    def _sorted_terms(self) -> list[tuple[Term, Flat]]:
        terms: list[tuple[Term, Flat]] = []
        for field in sorted(self.terms):
            self.fieldnames.add(field)
            fterms = self.terms[field]
            terms.extend(((field, tbytes), fterms[tbytes]) for tbytes in sorted(fterms))
        if not self.ordered:
            for _, flat in terms:
                _sort_flat(flat)
        return terms

    def save(self) -> None:
        """Write the pooled terms, sorted, as a run in the temporary storage."""
        if not self.terms:
            return
        terms = self._sorted_terms()
        self._names += 1
        name = f"{self.segment.segment_id()}_{self._names}.terms"
        f = self.tempstore.create_file(name)  # closed as a StructFile: a RamStorage keeps it then
        try:
            chunk: list[tuple[Term, Flat]] = []
            size = 0
            for entry in terms:
                chunk.append(entry)
                size += len(entry[1])
                if size >= 3 * CHUNK:
                    f.write(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL))
                    chunk, size = [], 0
            if chunk:
                f.write(pickle.dumps(chunk, pickle.HIGHEST_PROTOCOL))
        finally:
            f.close()
        self.runs.append(name)
        self.terms = {}
        self.count = 0

    def _read_run(self, name: str) -> Iterator[tuple[Term, Flat]]:
        f = self.tempstore.open_file(name).raw_file()
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    break
                yield from chunk
        finally:
            f.close()
            self.tempstore.delete_file(name)

    def iter_terms(self) -> Iterator[tuple[Term, Flat]]:
        """Every pooled term with its postings as one flat list (``Flat``), in Whoosh's order: by
        field, term, then document number (what ``write_terms`` below writes a term at a time)."""
        if not self.runs:
            yield from self._sorted_terms()
            self.terms = {}
            return
        self.save()
        runs, self.runs = self.runs, []
        # Merge the runs' terms: each run in term order, ties in run order (heapq.merge is stable).
        merged = heapq.merge(*(self._read_run(name) for name in runs), key=_term_key)
        current: Term | None = None
        lists: list[Flat] = []
        for key, flat in merged:
            if key != current:
                if current is not None:
                    yield current, _joined(lists, self.ordered)
                current, lists = key, []
            lists.append(flat)
        if current is not None:
            yield current, _joined(lists, self.ordered)

    def iter_postings(self) -> Iterator[Posting]:
        """Every pooled posting, in Whoosh's order: by field, term, then document number."""
        for (field, tbytes), flat in self.iter_terms():
            for i in range(0, len(flat), 3):
                yield field, tbytes, flat[i], flat[i + 1], flat[i + 2]

    def items(self) -> Iterator[Posting]:
        """Whoosh's name for ``iter_postings``."""
        return self.iter_postings()

    def cleanup(self) -> None:
        """Remove the run files not read yet."""
        for name in self.runs:
            try:
                self.tempstore.delete_file(name)
            except OSError:
                pass
        self.runs = []
        self.terms = {}


def _term_key(entry: tuple[Term, Flat]) -> Term:
    return entry[0]


def _sort_flat(flat: Flat) -> None:
    """Sort a term's postings in place by document number (then weight and value, as Whoosh's
    sort of whole postings does)."""
    triples = sorted(zip(flat[0::3], flat[1::3], flat[2::3]))
    flat[:] = [x for triple in triples for x in triple]


def _joined(lists: list[Flat], ordered: bool) -> Flat:
    if len(lists) == 1:
        return lists[0]
    joined = list(itertools.chain.from_iterable(lists))
    if not ordered or any(a[-3] >= b[0] for a, b in itertools.pairwise(lists)):
        _sort_flat(joined)
    return joined


def write_terms(
    fieldwriter: Any,
    schema: Any,
    lengths: Any,
    terms: Iterator[tuple[Term, Flat]],
    column: Callable[[Any, str], list[int | None] | None] | None = None,
    inline: int = 0,
) -> None:
    """Write pooled ``terms`` into a segment's postings and term table a term at a time.

    What Whoosh's ``FieldWriter.add_postings`` does with the same postings one at a time (its
    ``add`` -> ``W3PostingsWriter.add_posting``: type asserts, a field length looked up and the
    block's statistics updated a posting; ~30% of a segment's finish): here each block of
    ``blocklimit`` postings is filled with a few list operations. The same blocks, statistics and
    bytes (tested against Whoosh's own pool). Private API of whoosh-reloaded 2.7.5's
    ``W3FieldWriter`` (``_postwriter``) and ``W3PostingsWriter`` (``_blocklimit``, ``_ids``,
    ``_weights``, ``_values``, ``_minlength``, ``_maxlength``, ``_maxweight``, ``_write_block``).

    Args:
        fieldwriter: The segment's ``W3FieldWriter``.
        schema: The index's schema.
        lengths: The segment's per-document reader (field lengths), or ``None``.
        terms: ``(field, term bytes)`` and the term's postings (``Flat``), in field and term order.
        column: Reads a field's length column from ``lengths`` at once
            (``whoosh_compat.posting_lengths``, passed in: the pool does not import the module
            that imports it); without it each posting asks ``lengths``.
        inline: A term of at most this many postings is written into its term-table entry
            (``_inline_term``), not as a block of the postings file; 0: none is.
    """
    from whoosh.system import pack_ushort

    lastfn: str | None = None
    field_lengths: list[int | None] | None = None
    for (fieldname, btext), flat in terms:
        if flat[0] < 0:  # Whoosh's "add to the spelling graph" postings (-1): none written
            triples = zip(flat[0::3], flat[1::3], flat[2::3])
            flat = [x for triple in triples if triple[0] != -1 for x in triple]
            if not flat:
                continue
        n = len(flat) // 3
        if fieldname != lastfn:
            if lastfn is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            lastfn = fieldname
            field_lengths = _lengths(lengths, fieldname, column)
        if n <= inline:
            _inline_term(
                fieldwriter,
                pack_ushort(fieldwriter._fieldid) + btext,
                flat,
                _posting_lengths(flat[0::3], field_lengths, fieldname, lengths),
            )
            continue
        fieldwriter.start_term(btext)
        out = fieldwriter._postwriter
        limit = out._blocklimit
        for k in range(0, n, limit):
            if k:
                out._write_block()
            _fill(
                out,
                flat[3 * k : 3 * (k + limit)] if n > limit else flat,
                field_lengths,
                fieldname,
                lengths,
            )
        fieldwriter.finish_term()
    if lastfn is not None:
        fieldwriter.finish_field()


@lru_cache(maxsize=1)
def _w3() -> tuple[Any, Any]:
    """Whoosh's ``W3TermInfo`` and ``length_to_byte``, imported once (the ``import`` statements
    of a term took ~6 us: most of a segment's terms are inlined)."""
    from whoosh.codec.whoosh3 import W3TermInfo
    from whoosh.util.numeric import length_to_byte

    return W3TermInfo, length_to_byte


def _inline_term(fieldwriter: Any, key: bytes, flat: Flat, found: list[int]) -> None:
    """Write a term whose few postings (``flat``) go into its term-table entry, not the postings file.

    What 2.7.5's ``W3PostingsWriter.finish_postings`` means to do below its ``inlinelimit``: it
    calls a ``set_inline`` that ``W3TermInfo`` lacks (its name there is ``set_inlined``), so Whoosh
    itself never inlines; 2.7.5 reads such an entry back (``W3TermInfo.from_bytes``,
    ``W3Codec.postings_reader``: a ``ListMatcher``). The entry's bytes are those that
    ``W3FieldWriter.start_term``, ``add_posting`` a posting, ``W3TermInfo.add_block``,
    ``set_inlined`` and ``to_bytes`` make, computed here at once (a term of a few postings went
    through about twenty Whoosh calls; most of a segment's terms are such terms): the statistics
    ``W3TermInfo._struct`` packs, then the pickle (``BLOCK_PROTOCOL``) of (ids, weights as the block's 32-bit floats
    give them, values). The values are what ``W3LeafMatcher._read_values`` gives for a block of the
    field's format: ``None`` a posting when the format's values have no size (ids, keywords).

    Private API: ``W3FieldWriter._format``, ``._tindex`` (its ``add``); ``W3TermInfo._struct``; the
    term table's key, ``whoosh.system.pack_ushort`` of the field's number and the term's bytes
    (``key``). ``found``: the postings' documents' non-zero field lengths (``_posting_lengths``).
    """
    W3TermInfo, length_to_byte = _w3()
    ids = tuple(flat[0::3])
    weights = array("f", flat[1::3])
    top = max(max(weights), 0)
    if fieldwriter._format.fixed_value_size() == 0:
        values: tuple[Any, ...] = (None,) * len(ids)
    else:
        values = tuple([v for v in flat[2::3] if v])
    entry = W3TermInfo._struct.pack(
        True,
        sum(weights),
        len(ids),
        length_to_byte(min(found)) if found else 0,
        length_to_byte(max(found)) if found else 0,
        top,
        ids[0],
        ids[-1],
    )
    fieldwriter._tindex.add(
        key, entry + pickle.dumps((ids, tuple(weights), values), BLOCK_PROTOCOL)
    )


def _posting_lengths(
    ids: list[int], field_lengths: list[int | None] | None, fieldname: str, reader: Any
) -> list[int]:
    """The non-zero field lengths of the documents ``ids`` (in increasing order), as ``_fill``
    finds them."""
    if field_lengths is None:  # no length column read at once: each document asked
        return [n for n in (reader.doc_field_length(d, fieldname) for d in ids) if n]
    size = len(field_lengths)
    if ids[-1] < size:
        return list(filter(None, map(field_lengths.__getitem__, ids)))
    return [n for n in (field_lengths[d] if d < size else None for d in ids) if n]


def _lengths(
    lengths: Any, fieldname: str, column: Callable[[Any, str], list[int | None] | None] | None
) -> list[int | None] | None:
    """Each document's length of ``fieldname`` as ``doc_field_length`` gives it, or ``None`` when
    only ``doc_field_length`` can (each posting then asks it)."""
    if lengths is None:
        return []  # Whoosh's add_postings: a length of 0 for every posting
    return column(lengths, fieldname) if column is not None else None


def _fill(
    out: Any,
    block: Flat,
    field_lengths: list[int | None] | None,
    fieldname: str,
    reader: Any,
) -> None:
    """Add ``block`` (``Flat``) to the postings writer's buffered block, as ``add_posting`` would
    one by one."""
    ids = block[0::3]
    out._ids.extend(ids)
    weights = block[1::3]
    out._weights.extend(weights)
    top = max(weights)
    if top > out._maxweight:
        out._maxweight = top
    out._values.extend([v for v in block[2::3] if v])
    found = _posting_lengths(ids, field_lengths, fieldname, reader)
    if found:
        low, high = min(found), max(found)
        if out._minlength is None or low < out._minlength:
            out._minlength = low
        if high > out._maxlength:
            out._maxlength = high
