"""Every use of Whoosh's private API by the engine, in one place, for one Whoosh release.

Written for **whoosh-reloaded 2.7.5** (``WHOOSH_VERSION``; pinned exactly in pyproject.toml).
Each function below names the private attributes it relies on. Before moving the pin, read the new
release's ``whoosh/codec/whoosh3.py``, ``whoosh/writing.py``, ``whoosh/formats.py`` and
``whoosh/analysis/`` for these names, then run tests/engine/test_whoosh_compat.py, which fails with
a clear message on any other installed version.

What is here:

- ``patch_lengths``: two patches of ``W3PerDocReader`` (a cached "no length column" answer and
  field lengths read from their column in one piece), with their cache kept on the reader;
- ``analyzer_parts``: the stop words and cached stemmer inside a ``StemmingAnalyzer``;
- the writing side (postings of pre-analysed stems, ``add_document`` with them, segments written
  by worker processes and committed together, the term pool) is in :mod:`index.store.whoosh_writing`,
  under the same pin and rules;
- ``is_empty_searcher``: a searcher on an index with no segment (``EmptyReader``);
- ``toc_generation``: the latest commit's number, from the file names alone (no Whoosh import);
- ``write_lock``: the index's write lock taken without waiting (``index.store.cache`` removes an
  index only while it holds it);
- ``load_whoosh``: Whoosh imported without three modules it imports but never calls here;
- for ``index.search``: ``unfiltered`` (a term's matcher without the deleted-documents wrapper),
  ``block_postings`` (postings a block at a time), ``term_bytes`` (a multi-term query's terms),
  ``bm25_score``, ``field_length_bytes`` (the lengths cache above, for scoring), ``reader_cache``
  (values kept with a segment's reader).

Whoosh's public names used outside the store come through :mod:`index.store.whoosh_public`.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

WHOOSH_VERSION = "2.7.5"
"""The whoosh-reloaded release this module was written for and tested with."""


def installed_version() -> str | None:
    """The installed whoosh-reloaded version, or ``None`` when it is not installed as such."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("whoosh-reloaded")
    except PackageNotFoundError:
        return None


def version_problem() -> str | None:
    """A message when the installed Whoosh is not the release this module was written for."""
    found = installed_version()
    if found == WHOOSH_VERSION:
        return None
    return (
        f"index/store/whoosh_compat.py and whoosh_writing.py use private parts of whoosh-reloaded "
        f"{WHOOSH_VERSION}, "
        f"but {found or 'no whoosh-reloaded'} is installed: check each function there against "
        f"the installed release before moving the pin in pyproject.toml"
    )


def load_whoosh() -> None:
    """Import Whoosh's modules that import what the engine never calls, with stand-ins for those
    (``index.store.standins``): ~90 ms of CPU less at every command-line search.

    In 2.7.5, ``whoosh.compat`` imports ``urllib.request`` (with ``http.client``, ``ssl`` and
    ``email``) for ``urlretrieve``, which Whoosh never calls; ``whoosh.reading`` imports the
    ``cached_property`` package (with ``asyncio``) for one plain property, the stand-in's being the
    standard library's; ``whoosh.query.terms`` imports ``whoosh.lang.morph_en`` (compiling ~140
    patterns) for ``Variations`` queries, which the engine never makes. Once Whoosh is imported,
    nothing changes.
    """
    if "whoosh" in sys.modules:
        return
    import functools

    from index.store.standins import deferred, standing_in

    with standing_in(
        {
            "urllib.request": {"urlretrieve": deferred("urllib.request", "urlretrieve")},
            "cached_property": {"cached_property": functools.cached_property},
            "whoosh.lang.morph_en": {"variations": deferred("whoosh.lang.morph_en", "variations")},
        }
    ):
        import whoosh.compat
        import whoosh.query
        import whoosh.reading

        del whoosh  # imported for their effect


# -- readers ------------------------------------------------------------------------------------


def patch_lengths() -> None:
    """Cache Whoosh's "this field has no length column" answer, and read lengths in one piece.

    Private API: ``whoosh.codec.whoosh3.W3PerDocReader._cached_reader``, ``._readers``,
    ``._doccount``, ``doc_field_length``; a column reader's ``._fixedlen``, ``._dbfile``,
    ``._basepos``, ``._count``; ``whoosh3.LENGTHS_COLUMN`` and ``byte_to_length``.

    ``W3PerDocReader._cached_reader`` caches readers it finds but not their absence, so every posting
    of a field without lengths (ids, keywords) costs a file-exists check on disk. At commit Whoosh asks
    once per posting: profiling a 2,000-article build showed 181,000 such checks, about 40% of commit
    time. A segment's columns never change while it is open, so caching ``None`` is safe.
    """
    from whoosh.codec import whoosh3

    reader_cls = whoosh3.W3PerDocReader
    if getattr(reader_cls, "_newsdesk_patched", False):
        return

    def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
        try:
            return self._readers[fieldname]
        except KeyError:
            reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
            self._readers[fieldname] = reader
            return reader

    reader_cls._cached_reader = _cached_reader

    # A field's lengths, one byte a document, read from the column in one piece. Whoosh decodes one
    # byte through two wrappers for every posting at commit (0.7 ms an article when building) and for
    # every scored document when searching; a segment's lengths never change while it is open.
    byte_to_length = whoosh3.byte_to_length

    def doc_field_length(self: Any, docnum: int, fieldname: str, default: Any = 0) -> Any:
        cache = self.__dict__.setdefault("_newsdesk_lengths", {})
        try:
            lengths = cache[fieldname]
        except KeyError:
            reader = self._cached_reader(f"_{fieldname}_len", whoosh3.LENGTHS_COLUMN)
            if reader is None:
                lengths = None
            elif getattr(reader, "_fixedlen", None) == 1 and hasattr(reader, "_dbfile"):
                lengths = reader._dbfile.get(reader._basepos, reader._count)
            else:
                lengths = reader.load()
            cache[fieldname] = lengths
        if lengths is None:
            return default
        if docnum > self._doccount:
            raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
        lbyte = lengths[docnum] if docnum < len(lengths) else 0
        # As Whoosh does: a zero length byte gives None.
        return byte_to_length(lbyte) if lbyte else None

    reader_cls.doc_field_length = doc_field_length
    reader_cls._newsdesk_patched = True


def is_empty_searcher(searcher: Any) -> bool:
    """Whether ``searcher`` reads an index that had no segment (Whoosh's ``EmptyReader``, which
    cannot refresh). Relies on ``EmptyReader.segments()`` answering ``None``."""
    return searcher.reader().segments() is None


_TOC = re.compile(r"^_MAIN_([0-9]+)\.toc$")


@contextlib.contextmanager
def write_lock(index_dir: str | os.PathLike[str]) -> Iterator[bool]:
    """Whoosh's write lock of the index in ``index_dir``, tried once: yields whether it is held
    (``False``: a writer has it). Private API: the lock's name, the index's ``MAIN`` and
    ``SegmentWriter``'s ``WRITELOCK`` (``FileIndex.lock``), taken through the storage's public
    ``lock``, so it is the very lock a writer takes on this system."""
    from whoosh.filedb.filestore import FileStorage

    lock = FileStorage(str(index_dir)).lock("MAIN_WRITELOCK")
    try:
        held = bool(lock.acquire(blocking=False))
    except OSError:
        held = False
    try:
        yield held
    finally:
        if held:
            with contextlib.suppress(Exception):
                lock.release()


def toc_generation(index_dir: str | os.PathLike[str]) -> int:
    """The generation of the index's latest commit (-1 when none), read from the names of its table
    of contents files as ``whoosh.index.TOC._latest_generation`` does, without importing Whoosh
    (file layout of 2.7.5: ``_MAIN_<generation>.toc``)."""
    latest = -1
    try:
        names = os.listdir(index_dir)
    except OSError:
        return latest
    for name in names:
        m = _TOC.match(name)
        if m:
            latest = max(latest, int(m.group(1)))
    return latest


_SEGMENT_FILE = re.compile(r"^(?:_MAIN_[0-9]+\.toc|MAIN_[0-9a-z]+\..+)$")


def index_files(index_dir: str | os.PathLike[str]) -> str:
    """The index's files with their sizes, as one string (tables of contents ``_MAIN_<n>.toc`` and
    segment files ``MAIN_<id>.<ext>`` in 2.7.5's layout): what the database records at each commit,
    so that a quick check without Whoosh sees a segment file lost or cut short since."""
    sizes: list[tuple[str, int]] = []
    try:
        with os.scandir(index_dir) as entries:
            for entry in entries:
                if _SEGMENT_FILE.match(entry.name):
                    sizes.append((entry.name, entry.stat().st_size))
    except OSError:
        return ""
    return ";".join(f"{name}:{size}" for name, size in sorted(sizes))


def index_files_intact(index_dir: str | os.PathLike[str], recorded: str | None) -> bool:
    """Whether every file of ``recorded`` (``index_files`` at the last commit) is there with its
    size. Files added since are not looked at: a writer at work has its segment's files open (a
    later commit changes the generation, which is checked apart)."""
    if not recorded:
        return False
    for item in recorded.split(";"):
        name, _, size = item.rpartition(":")
        try:
            if os.stat(os.path.join(index_dir, name)).st_size != int(size):
                return False
        except (OSError, ValueError):
            return False
    return True


# -- analysis -----------------------------------------------------------------------------------


def analyzer_parts(analyzer: Any) -> tuple[frozenset[str], Callable[[str], str]]:
    """The stop words and the (cached) stemming function of a ``StemmingAnalyzer``.

    Private API: the analyzer's ``items`` (tokenizer, lowercase, stop filter, stem filter, in that
    order in 2.7.5) and ``StemFilter._stem`` (its lru-cached stemmer).
    """
    stop_filter, stem_filter = analyzer.items[2], analyzer.items[-1]
    return frozenset(stop_filter.stops), stem_filter._stem


# -- searching ----------------------------------------------------------------------------------
# What index.search reads from Whoosh's matchers, queries, scorers and readers below their public
# API: postings a block at a time (the set evaluation and the ranking read whole posting lists in a
# fraction of the time a matcher stepped a document at a time takes), BM25F's own score for a
# document without a length byte, and caches kept with a segment's reader.


def unfiltered(matcher: Any) -> Any:
    """A term's matcher without Whoosh's deleted-documents wrapper (the caller subtracts those).

    Private API: ``whoosh.matching.wrappers.FilterMatcher._exclude`` (and its public ``child``).
    """
    from whoosh.matching.wrappers import FilterMatcher

    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        return matcher.child
    return matcher


_BLOCK_API = ("_read_ids", "_next_block", "_read_values", "_read_weights")


def block_postings(matcher: Any, values: bool) -> tuple[list[int], list[float], list[Any]] | None:
    """Every document number of an on-disk matcher's postings, their weights and (when ``values``)
    their encoded values, read a block at a time (or from a term's inlined postings); ``None`` for
    another matcher.

    Private API: ``whoosh.codec.whoosh3.W3LeafMatcher._read_ids``, ``._read_weights``,
    ``._read_values``, ``._next_block`` and the decoded block ``._ids``, ``._weights``,
    ``._values`` from position ``._i``.
    """
    if not all(hasattr(matcher, a) for a in _BLOCK_API):
        return _inlined_postings(matcher, values)
    ids: list[int] = []
    weights: list[float] = []
    vals: list[Any] = []
    while matcher.is_active():
        matcher._read_ids()
        i = matcher._i
        ids.extend(matcher._ids[i:])
        matcher._read_weights()
        weights.extend(matcher._weights[i:])
        if values:
            matcher._read_values()
            vals.extend(matcher._values[i:])
        matcher._next_block()
    return ids, weights, vals


def _inlined_postings(
    matcher: Any, values: bool
) -> tuple[list[int], list[float], list[Any]] | None:
    """``block_postings`` of the ``ListMatcher`` that Whoosh reads a term written inline into
    (``whoosh_pool._inline_term``); ``None`` for any other matcher.

    Private API: ``ListMatcher._ids``, ``._weights``, ``._values``, ``._i``, ``._terminfo``,
    ``._all_weights``.
    """
    from whoosh.matching import ListMatcher

    if (
        type(matcher) is not ListMatcher
        or matcher._terminfo is None
        or matcher._all_weights is not None
        or not isinstance(matcher._weights, tuple)
        or (values and not isinstance(matcher._values, tuple))
    ):
        return None
    i = matcher._i
    matcher._i = len(matcher._ids)  # read to the end, as block_postings leaves a block matcher
    return (
        list(matcher._ids[i:]),
        list(matcher._weights[i:]),
        list(matcher._values[i:]) if values else [],
    )


def term_bytes(query: Any, reader: Any) -> list[bytes]:
    """The indexed terms a multi-term query (prefix, wildcard, fuzzy, range) expands to in
    ``reader``. Private API: ``whoosh.query.MultiTerm._btexts``."""
    return [b for b in query._btexts(reader) if b]


def bm25_score(scorer: Any, weight: float, length: float) -> float:
    """BM25F's score of a posting of ``weight`` in a field of ``length`` words, as Whoosh scores it.
    Private API: ``whoosh.scoring.BM25FScorer._score``."""
    return float(scorer._score(weight, length))


def field_length_bytes(reader: Any, fieldname: str) -> bytes | None:
    """A segment's length bytes for a field, one a document, from the cache :func:`patch_lengths`
    keeps on the segment's per-document reader; ``None`` without one (the caller then asks Whoosh's
    scorer for each document's length).

    Private API: ``SegmentReader._perdoc`` and the ``_newsdesk_lengths`` cache kept on it.
    """
    perdoc = getattr(reader, "_perdoc", None)
    count = reader.doc_count_all()
    if perdoc is None or not count:
        return None
    if fieldname not in getattr(perdoc, "_newsdesk_lengths", {}):
        reader.doc_field_length(0, fieldname, 1)  # fills the cache
    lengths = getattr(perdoc, "_newsdesk_lengths", {}).get(fieldname)
    if lengths is None:
        return None
    lengths = bytes(lengths)
    # Whoosh reads a document past the column's end as a zero byte.
    return lengths + bytes(count - len(lengths)) if len(lengths) < count else lengths


def posting_lengths(perdoc: Any, fieldname: str) -> list[int | None] | None:
    """Every document's length of ``fieldname`` as ``doc_field_length`` gives it (``None`` for a
    zero byte, nothing past the column's end), from the cache :func:`patch_lengths` keeps on a
    segment's per-document reader; ``None`` when that reader is not patched.

    Private API: the ``_newsdesk_lengths`` cache and ``whoosh3.byte_to_length``.
    """
    from whoosh.codec.whoosh3 import byte_to_length

    perdoc.doc_field_length(0, fieldname, 0)  # fills the cache
    cache = perdoc.__dict__.get("_newsdesk_lengths")
    if cache is None:
        return None
    data = cache.get(fieldname)
    if data is None:
        return []  # no length column: the default, 0, for every document
    if not _LENGTH_OF_BYTE:
        _LENGTH_OF_BYTE.extend([None, *map(byte_to_length, range(1, 256))])
    table = _LENGTH_OF_BYTE
    return [table[b] for b in data]


_LENGTH_OF_BYTE: list[int | None] = []
"""``byte_to_length`` of each length byte (``None`` for 0), made once."""


def reader_cache(reader: Any, name: str, make: Callable[[], Any]) -> Any:
    """A value kept with a segment's reader for as long as it is open (a segment never changes),
    made by ``make`` the first time. Relies on Whoosh readers being plain objects with a
    ``__dict__`` (2.7.5); callers that may race hold their own lock around the first call."""
    found = reader.__dict__.get(f"_newsdesk_{name}")
    if found is None:
        found = reader.__dict__[f"_newsdesk_{name}"] = make()
    return found
