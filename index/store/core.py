"""The Whoosh index: schema, incremental updates, stored articles. Every Whoosh call lives here.

The index sits outside the corpus (the user cache directory, keyed by the corpus roots), in a private
folder (0700: Whoosh pickles stored fields). A marker file says newsdesk made it and which schema it has;
a manifest records each file's size, mtime and content hash so a second run re-reads only what changed,
and for a ``.jsonl`` file a hash of each line, so only its new and changed lines are indexed again
(``index.ingest.jsonl``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import shutil
import sys
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.analysis import STOP_WORDS, LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.fields import DATETIME, ID, KEYWORD, STORED, TEXT, Schema
from whoosh.searching import Searcher
from whoosh.writing import LockError

from index.analysis.dates import parse_date
from index.ingest.formats import ReadError, SourceFile, read_bytes, read_file, scan, size_limit
from index.ingest.jsonl import read_jsonl_changes
from index.models import Article, Block, Entity, IndexReport, Skipped, Span
from index.store.tables import (
    TABLE_NAMES,
    ArticleInfo,
    default_index_dir,
    delta_path,
    fullest,
    read_table,
    save_changes,
    table_stamp,
    write_table,
)
from index.store.writers import ParallelFailed, Row, commit, write_articles

# 22, 21, 20, 19: firms, bodies ("Panel on ..."), models, world regions, "Reuter" and table
# headers are no longer people, a title before an organisation head opens the organisation's name,
# an institution keeps its full key; names shown in mixed case, dates and quantities plain;
# 18: a line ending on a month or "of" carries the figure that opens the next;
# 17: a short text wrapped by hand keeps its blank-line paragraphs whole;
# 16, 15: related-report features keep the whole body's stems (index.related.features version 3);
# 14: newswire boilerplate, time zones and clock times are not entities; 13: random bytes no
# longer indexed as latin-1 text; 12: dates with newswire desk codes and
# trailing words read; 11: .jsonl titles as given, hard-wrapped text reflowed into paragraphs;
# 10: one-letter words indexed; 9: places named after their city share its key; worker-written
# segments
SCHEMA_VERSION = 22
MARKER = "newsdesk-index.json"  # also named in index.store.tables
MANIFEST = "manifest.json"
SKIPPED = "skipped.json"
ENTITY_FIELDS = {
    "PERSON": "person",
    "ORG": "org",
    "PLACE": "place",
    "GROUP": "group",
    "DATE": "dates",
    "QUANTITY": "quantity",
}
WRITE_TIMEOUT = 3.0


def _patch_whoosh_lengths() -> None:
    """Cache Whoosh's "this field has no length column" answer.

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


_patch_whoosh_lengths()


class StoreError(Exception):
    """The index cannot be used as asked; the message says what to do."""


class IndexBusy(StoreError):
    """Another process is writing the index."""


def _name_analyzer() -> Any:
    # Canonical entity keys: lowercase words, no stemming and no stop words ("the", "of" matter in names).
    return RegexTokenizer(r"[\w]+(?:[.'][\w]+)*") | LowercaseFilter()


class BodyTokens(list):  # type: ignore[type-arg]
    """A body already analysed: its stems in order (Whoosh indexes a list as pre-analysed tokens),
    plus the unstemmed words for the spelling graph."""

    words: list[str]


class BodyText(TEXT):  # type: ignore[misc]
    """The body field: accepts ``BodyTokens`` so each body is analysed once, in a worker process."""

    def spellable_words(self, value: Any) -> Any:
        if isinstance(value, BodyTokens):
            return iter(value.words)
        return super().spellable_words(value)

    def index(self, value: Any, **kwargs: Any) -> Any:
        """Postings of pre-analysed stems: what Whoosh's ``Positions.word_values`` makes of a token
        list (position i for the i-th stem, weight = frequency x field boost, the format's own
        encoding), without a Token object per word."""
        if not isinstance(value, BodyTokens):
            return super().index(value, **kwargs)
        poses: dict[str, list[int]] = {}
        for pos, stem in enumerate(value):
            found = poses.get(stem)
            if found is None:
                poses[stem] = [pos]
            else:
                found.append(pos)
        fmt = self.format
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


_ONE_POSITION: dict[type, dict[int, bytes]] = {}


def text_analyzer() -> Any:
    """The analyzer of the title and body fields (and of query words searched in them).

    Whoosh's default drops one-letter words, so a search for ``j`` was refused as "only common
    words"; they are kept, except ``s`` and ``t`` (the ends of "Russia's" and "don't"), which would
    be the most frequent terms of every English article and match nothing a reader means.
    """
    return StemmingAnalyzer(stoplist=STOP_WORDS | {"s", "t"}, minsize=1)


_BODY_ANALYZER: Any = None
_BODY_WORD = re.compile(r"[\w\*]+(?:\.?[\w\*]+)*")  # Whoosh's default tokenizer pattern


def analyse_body(text: str) -> tuple[list[str], list[str]]:
    """Stems in order (stop words removed, positions renumbered as the field's analyzer does) and
    the sorted unique unstemmed words.

    The same tokens as the body field's ``StemmingAnalyzer`` (tokenizer pattern, lowercase, stop
    words dropped, the analyzer's own cached stemmer), in one
    ``findall`` instead of a Token object through four filters per word: a third of the time.
    """
    global _BODY_ANALYZER
    if _BODY_ANALYZER is None:
        _BODY_ANALYZER = text_analyzer()
    ana = _BODY_ANALYZER
    stops = ana.items[2].stops
    words = [w for w in (m.lower() for m in _BODY_WORD.findall(text)) if w not in stops]
    stem = ana.items[-1]._stem
    return [stem(w) for w in words], sorted(set(words))


def make_schema() -> Schema:
    """The index schema (bump ``SCHEMA_VERSION`` on any change)."""
    names = {
        field: TEXT(analyzer=_name_analyzer(), phrase=True) for field in ENTITY_FIELDS.values()
    }
    return Schema(
        id=ID(unique=True, stored=True),
        file=ID(stored=True),
        title=TEXT(analyzer=text_analyzer(), stored=True, field_boost=2.0, spelling=True),
        body=BodyText(analyzer=text_analyzer(), spelling=True),
        source=TEXT(analyzer=_name_analyzer(), stored=True),
        published=DATETIME(stored=False),
        story=ID(stored=True),
        ekeys=KEYWORD(commas=True, lowercase=False, scorable=False),
        meta=STORED(),
        blob=STORED(),
        **names,
    )


def _atomic_write_json(path: Path, data: object) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def encode_blob(article: Article, entities: Sequence[Entity]) -> bytes:
    """Compress an article and its entities for the stored field."""
    data = asdict(article)
    data["entities"] = [[e.start, e.end, e.label, e.canonical] for e in entities]
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 3)


def decode_blob(blob: bytes) -> tuple[Article, list[Entity]]:
    """Inverse of ``encode_blob``."""
    data = json.loads(zlib.decompress(blob).decode("utf-8"))
    raw_entities = data.pop("entities", [])
    text: str = data["text"]
    data["blocks"] = tuple(Block(**b) for b in data.get("blocks", ()))
    data["inline"] = tuple(Span(**s) for s in data.get("inline", ()))
    data["notes"] = tuple(data.get("notes", ()))
    article = Article(**data)
    entities = [Entity(s, e, label, text[s:e], canon) for s, e, label, canon in raw_entities]
    return article, entities


def document_fields(article: Article, entities: Sequence[Entity]) -> dict[str, Any]:
    """The Whoosh fields of one article (pure function: runs in worker processes too)."""
    by_field: dict[str, list[str]] = {f: [] for f in ENTITY_FIELDS.values()}
    keys: set[str] = set()
    for ent in entities:
        field = ENTITY_FIELDS.get(ent.label)
        if field and ent.canonical:
            by_field[field].append(ent.canonical)
            keys.add(f"{ent.label}|{ent.canonical}".replace(",", " "))
    fields: dict[str, Any] = {
        "id": article.id,
        "file": article.path,
        "title": article.title,
        "body": None,
        "source": article.source or "",
        "story": article.story or "",
        "meta": (article.title, article.source, article.date, article.story),
        "blob": encode_blob(article, entities),
        "ekeys": ",".join(sorted(keys)),
    }
    stems, words = analyse_body(article.text)
    fields["body"] = stems
    fields["_body_words"] = words
    fields["features"] = _features(article, entities, stems)
    # " | " keeps names apart so a phrase cannot run from one entity into the next.
    for field, names in by_field.items():
        fields[field] = " | ".join(dict.fromkeys(names))
    if article.date:
        parsed = parse_date(article.date)
        if parsed:
            import datetime as dt

            fields["published"] = dt.datetime(parsed.year, parsed.month, parsed.day)
    return fields


def _features(
    article: Article, entities: Sequence[Entity], stems: Sequence[str] | None = None
) -> Any:
    """Compact per-article features for related reports and story grouping (see ``index.related.features``)."""
    from index.related.features import features

    return features(article, entities, stems)


class Store:
    """A corpus and its Whoosh index.

    Args:
        roots: Corpus folders or files.
        index_dir: Where the index lives (default: the user cache folder for these roots).
        allow_foreign: Open an ``index_dir`` that holds files newsdesk did not make (only on request).
    """

    def __init__(
        self,
        roots: Sequence[str | os.PathLike[str]],
        index_dir: str | os.PathLike[str] | None = None,
        allow_foreign: bool = False,
    ) -> None:
        self.roots = [str(Path(r).expanduser().resolve()) for r in roots]
        self.index_dir = (
            Path(index_dir).expanduser() if index_dir else default_index_dir(self.roots)
        )
        self.messages: list[str] = []
        self._table_cache: dict[str, tuple[Any, dict[str, Any]]] = {}
        self._pool_lock = threading.Lock()
        self._idle: list[Searcher] = []
        self._prepare_dir(allow_foreign)
        self.ix = self._open_or_create()

    # -- opening ---------------------------------------------------------------------------------

    def _prepare_dir(self, allow_foreign: bool) -> None:
        d = self.index_dir
        try:
            if d.exists():
                if not d.is_dir():
                    raise StoreError(f"index location {d} is a file, not a folder")
                if not (d / MARKER).exists() and any(d.iterdir()) and not allow_foreign:
                    raise StoreError(
                        f"{d} is not empty and was not made by newsdesk; refusing to open it "
                        "(choose an empty folder with --index-dir)"
                    )
                with contextlib.suppress(OSError):
                    os.chmod(d, 0o700)
            else:
                # The index itself is made whole elsewhere and moved in (see ``_create_fresh``).
                d.parent.mkdir(parents=True, exist_ok=True)
        except PermissionError as exc:
            raise StoreError(f"cannot use index folder {d}: permission denied") from exc
        except OSError as exc:
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot use index folder {d}: {exc.strerror or exc}") from exc

    def _read_marker(self) -> dict[str, Any] | None:
        try:
            data = json.loads((self.index_dir / MARKER).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _open_or_create(self) -> windex.Index:
        d = self.index_dir
        if not d.exists() or (d.is_dir() and not any(d.iterdir())):
            return self._create_fresh()
        marker = self._read_marker()
        reason: str | None = None
        if marker is None:
            reason = "new index" if not (self.index_dir / MARKER).exists() else "unreadable marker"
        elif marker.get("schema") != SCHEMA_VERSION:
            reason = (
                f"it was made by another version of newsdesk (schema {marker.get('schema')}, "
                f"now {SCHEMA_VERSION})"
            )
        else:
            try:
                ix = windex.open_dir(str(self.index_dir))
                with ix.searcher() as s:
                    # Touch the terms, postings and stored columns: damage shows now, not mid-search.
                    if s.doc_count():
                        reader = s.reader()
                        first = next(iter(reader.lexicon("id")), None)
                        if first is not None:
                            list(reader.postings("id", first).all_ids())
                        reader.stored_fields(0)
                return ix
            except Exception as exc:
                reason = f"index files unreadable ({type(exc).__name__})"
        if reason != "new index":
            self.messages.append(f"Rebuilding the index: {reason}.")
        return self._create()

    def _create_fresh(self) -> windex.Index:
        """Create a new index in a private temporary folder and move it into place in one rename.

        Two processes creating the same index at once each build their own; the first rename wins
        and the other opens the winner's. Nobody ever sees a half-made index without its marker.
        """
        import secrets

        d = self.index_dir
        tmp = d.parent / f".{d.name}.new-{os.getpid()}-{secrets.token_hex(4)}"
        try:
            tmp.mkdir(mode=0o700)
            windex.create_in(str(tmp), make_schema())
            _atomic_write_json(
                tmp / MARKER, {"app": "newsdesk", "schema": SCHEMA_VERSION, "roots": self.roots}
            )
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise StoreError(f"cannot create the index in {d}: {exc.strerror or exc}") from exc
        try:
            os.rename(tmp, d)  # replaces a missing or empty folder, fails on a non-empty one
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
            if not (d / MARKER).exists():
                raise StoreError(f"cannot create the index in {d}: the folder is in use") from None
            # Another process made it first: use theirs.
        try:
            return windex.open_dir(str(d))
        except Exception as exc:
            raise StoreError(f"cannot open the new index in {d}: {exc}") from exc

    def _create(self) -> windex.Index:
        d = self.index_dir
        try:
            for child in d.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
            ix = windex.create_in(str(d), make_schema())
            _atomic_write_json(
                d / MARKER, {"app": "newsdesk", "schema": SCHEMA_VERSION, "roots": self.roots}
            )
        except OSError as exc:
            raise StoreError(f"cannot create the index in {d}: {exc.strerror or exc}") from exc
        return ix

    # -- reading ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """A searcher on the latest committed state, for one caller at a time.

        Opening a searcher opens every segment file (3-4 ms); a search-as-you-type keystroke should
        not pay that. Idle searchers are kept in a small pool and refreshed (a cheap generation check)
        when taken, so each thread still has its own searcher while it uses it.
        """
        with self._pool_lock:
            s = self._idle.pop() if self._idle else None
        if s is None or s.reader().segments() is None:
            # A searcher on an index that had no documents (Whoosh's EmptyReader) cannot refresh.
            s = self.ix.searcher()
        else:
            # The refreshed searcher reuses the old one's unchanged segment readers, so the old one
            # must not be closed here: it is simply dropped.
            s = s.refresh()
        try:
            yield s
        finally:
            with self._pool_lock:
                if len(self._idle) < 4:
                    self._idle.append(s)
                    s = None
            if s is not None:
                s.close()

    def doc_count(self) -> int:
        """Number of articles in the index."""
        with self.searcher() as s:
            return int(s.doc_count())

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id, or ``None``."""
        found = self.article_with_entities(article_id)
        return found[0] if found else None

    def article_with_entities(self, article_id: str) -> tuple[Article, list[Entity]] | None:
        """The stored article and the entities found in it at index time."""
        with self.searcher() as s:
            fields = s.document(id=article_id)
        if not fields:
            return None
        return decode_blob(fields["blob"])

    def entities(self, article_id: str) -> list[Entity]:
        """Entities stored for an article (empty when unknown)."""
        found = self.article_with_entities(article_id)
        return found[1] if found else []

    def catalogue(self) -> list[ArticleInfo]:
        """Every article's listing fields, in id order (from the side table: no article is loaded)."""
        rows = self._table("catalogue")
        return [ArticleInfo(i, *rows[i]) for i in sorted(rows)]

    def features(self) -> dict[str, Any]:
        """Every article's related-report features by id (from ``index.related.features``)."""
        return self._table("features")

    def ids_for_path(self, path: str | os.PathLike[str]) -> list[str]:
        """Ids of the articles read from a file."""
        resolved = str(Path(path).expanduser().resolve())
        with self.searcher() as s:
            return sorted(s.stored_fields(n)["id"] for n in s.document_numbers(file=resolved))

    def display_names(self) -> dict[str, str]:
        """Readable names for ``LABEL|canonical`` entity keys (the fullest form seen in the corpus)."""
        return self._table("names")

    def skipped(self) -> list[Skipped]:
        """Files skipped by the last index run, with reasons."""
        try:
            rows = json.loads((self.index_dir / SKIPPED).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            rows = None
        if not isinstance(rows, list):  # an index from before the file existed
            rows = self._load_manifest().get("skipped", [])
        return [Skipped(str(r[0]), str(r[1])) for r in rows if isinstance(r, list) and len(r) == 2]

    def _load_manifest(self) -> dict[str, Any]:
        try:
            data = json.loads((self.index_dir / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {"files": {}, "skipped": []}
        return data if isinstance(data, dict) else {"files": {}, "skipped": []}

    def _table(self, name: str) -> dict[str, Any]:
        """A side table, re-read only when its files changed (another process may update them)."""
        stamp = table_stamp(self.index_dir, name)
        cached = self._table_cache.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        table = read_table(self.index_dir, name) if stamp else None
        if table is None:
            table = self._tables_from_index()[name] if self.doc_count() else {}
        self._table_cache[name] = (stamp, table)
        return table

    def _tables_from_index(self) -> dict[str, dict[str, Any]]:
        """Rebuild the side tables from the stored articles (a missing or damaged table file)."""
        tables = _empty_tables()
        with self.searcher() as s:
            for fields in s.all_stored_fields():
                article, entities = decode_blob(fields["blob"])
                _table_rows(tables, article, entities)
        return tables

    # -- writing ---------------------------------------------------------------------------------

    def update(
        self,
        progress: Callable[[int, int, str], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        timeout: float = WRITE_TIMEOUT,
    ) -> IndexReport:
        """Bring the index up to date with the corpus: add new files, re-read changed, drop deleted.

        Args:
            progress: Called as ``progress(done, total, path)`` while files are read.
            cancelled: Polled between files; when it returns true the run stops without committing.
            timeout: Seconds to wait for another process's write to finish before giving up.

        Raises:
            IndexBusy: another process holds the write lock.
            StoreError: the index cannot be written.
        """
        files, scan_skipped = scan(self.roots)
        quiet = self._unchanged(files, scan_skipped)
        if quiet is not None:
            return quiet
        try:
            return self._update_once(files, scan_skipped, progress, cancelled, timeout, True)
        except ParallelFailed as exc:
            # Nothing was committed: do the same run again in this process.
            report = self._update_once(files, scan_skipped, progress, cancelled, timeout, False)
            note = f"{exc}; indexed in one process instead"
            return dataclasses.replace(report, notes=(*report.notes, note))

    def _unchanged(
        self, files: list[SourceFile], scan_skipped: list[Skipped]
    ) -> IndexReport | None:
        """The report of a run that would change nothing, or None.

        Every file is as the manifest has it (size and mtime), none is gone, and the scan skipped
        the same files: then nothing is written (no lock taken, no segment, no manifest), so a
        search on an unchanged corpus leaves the index folder as it was.
        """
        if self.messages:
            return None  # just created or rebuilt: the normal run records it
        manifest = self._load_manifest()
        old: dict[str, dict[str, Any]] = manifest.get("files", {})
        if not old or len(old) != len(files):
            return None
        for f in files:
            entry = old.get(f.path)
            if entry is None or _changed(f, entry):
                return None
        skipped = list(scan_skipped)
        for f in files:
            skipped.extend(Skipped(p, r) for p, r in old[f.path].get("skipped", []))
        if [[s.path, s.reason] for s in skipped] != manifest.get("skipped"):
            return None
        return IndexReport(
            unchanged=sum(len(e.get("ids", [])) for e in old.values()), skipped=tuple(skipped)
        )

    def _update_once(
        self,
        files: list[SourceFile],
        scan_skipped: list[Skipped],
        progress: Callable[[int, int, str], None] | None,
        cancelled: Callable[[], bool] | None,
        timeout: float,
        parallel: bool,
    ) -> IndexReport:
        try:
            # Separate segment files, not Whoosh's compound file: a searcher opened on a compound
            # segment copies its whole postings file into memory (568 MB at 100,000 articles).
            writer = self.ix.writer(timeout=timeout, limitmb=256, compound=False)
        except LockError:
            raise IndexBusy(
                "another newsdesk process is updating this index; showing what is already indexed"
            ) from None
        except OSError as exc:
            raise StoreError(f"cannot write the index: {exc.strerror or exc}") from exc
        try:
            return self._update_locked(writer, files, scan_skipped, progress, cancelled, parallel)
        except BaseException:
            with contextlib.suppress(Exception):
                writer.cancel()
            raise

    def _update_locked(
        self,
        writer: Any,
        files: list[SourceFile],
        scan_skipped: list[Skipped],
        progress: Callable[[int, int, str], None] | None,
        cancelled: Callable[[], bool] | None,
        parallel: bool = True,
    ) -> IndexReport:
        manifest = self._load_manifest()
        old: dict[str, dict[str, Any]] = manifest.get("files", {})
        new_files: dict[str, dict[str, Any]] = {}
        skipped: list[Skipped] = list(scan_skipped)
        current = {f.path for f in files}
        removed = [p for p in old if p not in current]
        for path in removed:
            writer.delete_by_term("file", path)
        pending = [f for f in files if _changed(f, old.get(f.path))]
        pending_paths = {f.path for f in pending}
        for f in files:
            if f.path in old and f.path not in pending_paths:
                new_files[f.path] = old[f.path]
                # Unchanged files keep reporting why they (or some of their lines) were skipped.
                skipped.extend(Skipped(p, r) for p, r in old[f.path].get("skipped", []))
        counts = {"added": 0, "updated": 0, "unchanged": 0, "removed": 0}
        counts["removed"] = sum(len(old[p].get("ids", [])) for p in removed)
        notes: list[str] = []
        # What this run changes in the side tables; an incremental run records only these, never
        # loading the whole tables (130 MB of related features at 100,000 articles).
        catalogue: dict[str, Any] = {}
        feats: dict[str, Any] = {}
        names: dict[str, str] = {}
        gone: set[str] = set()

        def forget(ids: Iterable[str]) -> None:
            for i in ids:
                gone.add(i)
                catalogue.pop(i, None)
                feats.pop(i, None)

        for path in removed:
            forget(old[path].get("ids", []))
        seen_ids = {i for entry in new_files.values() for i in entry.get("ids", [])}
        total = sum(max(f.size, 1) for f in pending)
        done = 0.0

        def read_pending() -> Iterator[tuple[Article, float]]:
            """Read, hash and parse changed files (cheap, in this process); yield new articles."""
            nonlocal done
            for source in pending:
                prev = old.get(source.path)
                weight = float(max(source.size, 1))
                try:
                    data = read_bytes(source.path, size_limit(source.path))
                except ReadError as exc:
                    skipped.append(Skipped(source.path, str(exc)))
                    # Remember the failure with the file's size and mtime: an unchanged unreadable
                    # file is reported again without being read again.
                    new_files[source.path] = {
                        "size": source.size,
                        "mtime_ns": source.mtime_ns,
                        "sha1": None,
                        "ids": [],
                        "skipped": [[source.path, str(exc)]],
                    }
                    if prev:
                        writer.delete_by_term("file", source.path)
                        counts["removed"] += len(prev.get("ids", []))
                        forget(prev.get("ids", []))
                    done += weight
                    continue
                digest = hashlib.sha1(data).hexdigest()
                entry: dict[str, Any] = {
                    "size": source.size,
                    "mtime_ns": source.mtime_ns,
                    "sha1": digest,
                    "ids": [],
                }
                new_files[source.path] = entry
                if prev and prev.get("sha1") == digest:
                    # Touched but not changed: keep what the index has.
                    entry["ids"] = prev.get("ids", [])
                    entry["skipped"] = prev.get("skipped", [])
                    if "lines" in prev:
                        entry["lines"] = prev["lines"]
                    skipped.extend(Skipped(p, r) for p, r in entry["skipped"])
                    counts["unchanged"] += len(entry["ids"])
                    done += weight
                    continue
                prev_ids = set(prev.get("ids", [])) if prev else set()
                kept: list[str] = []
                line_keys: dict[str, str] | None = None
                if source.path.lower().endswith(".jsonl"):
                    # Line by line: only new and changed lines are parsed and indexed again.
                    lines = read_jsonl_changes(source, data, _line_index(prev))
                    articles, bad, kept = lines.articles, lines.skipped, lines.kept
                    line_keys = lines.lines
                else:
                    articles, bad = read_file(source, data)
                skipped.extend(bad)
                entry["skipped"] = [[s.path, s.reason] for s in bad]
                if prev and not kept:
                    writer.delete_by_term("file", source.path)
                    forget(prev_ids)
                elif prev:
                    stale = prev_ids.difference(kept)
                    for article_id in stale:
                        writer.delete_by_term("id", article_id)
                    forget(stale)
                for article_id in kept:
                    if article_id in seen_ids:  # a file of another root took the id this run
                        skipped.append(Skipped(source.path, f"duplicate article id {article_id!r}"))
                        continue
                    seen_ids.add(article_id)
                    entry["ids"].append(article_id)
                    counts["unchanged"] += 1
                fresh = []
                for article in articles:
                    if article.id in seen_ids:
                        skipped.append(
                            Skipped(article.path, f"duplicate article id {article.id!r}")
                        )
                        continue
                    seen_ids.add(article.id)
                    notes.extend(f"{article.path}: {note}" for note in article.notes)
                    entry["ids"].append(article.id)
                    counts["updated" if article.id in prev_ids else "added"] += 1
                    fresh.append(article)
                counts["removed"] += len(prev_ids - set(entry["ids"]))
                if line_keys is not None:
                    entry["lines"] = {line_keys[i]: i for i in entry["ids"]}
                if not fresh:
                    done += weight
                for article in fresh:
                    yield article, weight / len(fresh)

        n = 0

        def take(row: Row) -> None:
            nonlocal done, n
            article_id, row_feats, row_catalogue, keys, share, path = row
            for key, text in keys:
                _remember_name(names, key, text)
            gone.discard(article_id)
            feats[article_id] = _interned(row_feats)
            catalogue[article_id] = row_catalogue
            done += share
            if progress and n % 8 == 0:
                progress(int(done), total, path)
            n += 1

        segments = write_articles(
            str(self.index_dir), writer, read_pending(), take, cancelled, parallel
        )
        if segments is None:
            writer.cancel()
            return IndexReport(notes=("cancelled",))
        if progress:
            progress(total, total, "")
        added, updated, unchanged = counts["added"], counts["updated"], counts["unchanged"]
        removed_articles = counts["removed"]
        unchanged += sum(
            len(e.get("ids", [])) for p, e in new_files.items() if p not in pending_paths
        )
        changed = bool(pending or removed)
        try:
            if changed:
                commit(writer, segments)
                # Tables before the manifest: if we die in between, the stale manifest makes the
                # next run re-read these files, which rewrites the same rows.
                size = sum(len(e.get("ids", [])) for e in new_files.values())
                for name, table in (
                    ("features", feats),
                    ("names", names),
                    ("catalogue", catalogue),
                ):
                    if old:
                        dropped = gone if name != "names" else set()
                        save_changes(self.index_dir, name, table, dropped, size)
                    else:
                        write_table(self.index_dir, name, table)
                        delta_path(self.index_dir, name).unlink(missing_ok=True)
            else:
                writer.cancel()
            listed = [[s.path, s.reason] for s in skipped]
            # The skipped files also on their own: the app lists them at start, and the manifest
            # is a 19 MB file at 100,000 articles (0.4 s to parse).
            _atomic_write_json(self.index_dir / SKIPPED, listed)
            _atomic_write_json(self.index_dir / MANIFEST, {"files": new_files, "skipped": listed})
        except OSError as exc:
            raise StoreError(f"cannot write the index: {exc.strerror or exc}") from exc
        return IndexReport(
            added=added,
            updated=updated,
            removed=removed_articles,
            unchanged=unchanged,
            skipped=tuple(skipped),
            notes=tuple(notes),
            rebuilt=" ".join(self.messages) or None,
            reread=len(pending),
        )


def _empty_tables() -> dict[str, dict[str, Any]]:
    return {name: {} for name in TABLE_NAMES}


def _table_rows(tables: dict[str, Any], article: Article, entities: Sequence[Entity]) -> None:
    tables["catalogue"][article.id] = (
        article.path,
        article.title,
        article.source,
        article.date,
        article.story,
    )
    tables["features"][article.id] = _features(article, entities)
    for e in entities:
        _remember_name(tables["names"], f"{e.label}|{e.canonical}", " ".join(e.text.split()))


def _interned(feats: Any) -> Any:
    """The same features with their stems and entity keys interned.

    Rows arrive unpickled from worker processes, each with its own copies of strings that thousands of
    articles share ("minist", "PLACE|russia"): 100,000 articles held ~6 million such strings until the
    tables were written.
    """
    if isinstance(feats, dict):
        for field in ("terms", "ents"):
            rows = feats.get(field)
            if isinstance(rows, list):
                feats[field] = [
                    [sys.intern(r[0]), r[1]] if r and isinstance(r[0], str) else r for r in rows
                ]
    return feats


def _remember_name(names: dict[str, str], key: str, text: str) -> None:
    """Keep, for each entity key, the fullest surface form seen (for facets and sidebars)."""
    if fullest(names.get(key), text, key):
        names[key] = text


def _line_index(entry: dict[str, Any] | None) -> dict[str, str]:
    """The line keys of a ``.jsonl`` file's indexed articles (``index.ingest.jsonl``), from its manifest entry."""
    lines = entry.get("lines") if entry else None
    if not isinstance(lines, dict):  # a file not indexed yet, or by a newsdesk without line keys
        return {}
    ids = set(entry.get("ids", [])) if entry else set()
    return {k: v for k, v in lines.items() if isinstance(k, str) and v in ids}


def _changed(source: SourceFile, entry: dict[str, Any] | None) -> bool:
    if not entry:
        return True
    return bool(entry.get("size") != source.size or entry.get("mtime_ns") != source.mtime_ns)


def open_store(
    paths: Iterable[str | os.PathLike[str]],
    index_dir: str | os.PathLike[str] | None = None,
    allow_foreign: bool = False,
) -> Store:
    """Open (creating when needed) the index for a corpus."""
    return Store(list(paths), index_dir, allow_foreign)
