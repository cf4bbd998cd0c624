"""The corpus model kept in a file beside the index and memory-mapped, so repeated calls do not rebuild it.

Building the model (:func:`index.related.similarity.build_model`) reads every article's features from
the index's database and weighs them: 8-12 s on the 19,043 Reuters stories, paid by every ``newsdesk
related`` call (a new process each time). The model is written once to :data:`MODEL_FILE` in the index
folder, tagged with the index's Whoosh generation and its database's stamp (every commit rewrites the
database); a later call maps the file and reads only the few vectors and postings one ranking touches.
A changed index makes the file stale: the model is built again and the file replaced in one rename, so a
process reading it never sees half a file. Folders where it cannot be written still get the model, built
in memory.

Layout (native byte order; the header says which): ``magic, format, header length`` then a JSON
header (the tag, the article and key counts, the entity share, each section's type, place and length)
and 8-byte aligned sections: per-article offsets into the keys and weights (term part then entity part
of each article), the keys as numbers and their weights, per-key offsets into the postings, the
postings' article numbers and weights, the publication days, and the ids with their titles, sources
and dates as JSON. Keys are numbers here, not text: a ranking never needs their text.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import struct
import sys
import threading
import time
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from index.related.similarity import CorpusModel, Key, Model, Vec, build_model

if TYPE_CHECKING:
    from index.store.core import Store

__all__ = [
    "FORMAT",
    "MODEL_FILE",
    "MappedModel",
    "VectorArrays",
    "build_beside",
    "clear_loaded",
    "load_model",
    "main",
    "model_tag",
    "save_model",
    "stored_model",
    "vector_arrays",
]

MODEL_FILE = "related-model.bin"
"""The model's file in the index folder (a name Whoosh never takes for its own, nor deletes)."""
FORMAT = 1
"""Bump on any change to the layout or to what the model holds (an older file is then rebuilt)."""
_MAGIC = b"NDRELMOD"
_HEAD = struct.Struct("<8sII")
_NO_DAY = -(2**63)
_RECENT = 512
_ALIGN = 8
_SECTIONS = (
    ("offsets", "q"),
    ("keys", "i"),
    ("weights", "d"),
    ("post_offsets", "q"),
    ("post_docs", "i"),
    ("post_weights", "d"),
    ("days", "q"),
    ("rows", "B"),
)


def _pad(n: int) -> int:
    return -n % _ALIGN


class _Vecs:
    """Every article's vector, decoded from the mapped arrays when asked for."""

    __slots__ = ("keys", "offsets", "recent", "weights")

    def __init__(
        self, offsets: memoryview[Any], keys: memoryview[Any], weights: memoryview[Any]
    ) -> None:
        self.offsets, self.keys, self.weights = offsets, keys, weights
        # A ranking reads each candidate twice (scored, then against the closest reports): the
        # vectors decoded lately are kept, a few hundred (a ranking's candidates), not the corpus.
        self.recent: dict[int, Vec] = {}

    def __len__(self) -> int:
        return (len(self.offsets) - 1) // 2

    def __getitem__(self, n: int, /) -> Vec:
        found = self.recent.get(n)
        if found is not None:
            return found
        if not 0 <= n < len(self):
            raise IndexError(n)
        off = self.offsets
        a, b, c = off[2 * n], off[2 * n + 1], off[2 * n + 2]
        keys, weights = self.keys, self.weights
        # tolist() converts in C: zipping two lists is faster than two memoryviews (20 vs 28 us
        # for 300 keys), and a ranking decodes a hundred candidates.
        terms = cast(dict[Key, float], dict(zip(keys[a:b].tolist(), weights[a:b].tolist())))
        ents = cast(dict[Key, float], dict(zip(keys[b:c].tolist(), weights[b:c].tolist())))
        if len(self.recent) >= _RECENT:
            self.recent.clear()
        self.recent[n] = (terms, ents)
        return terms, ents


class _Postings:
    """Each key's postings (article numbers, or their weights), a slice of one mapped array."""

    __slots__ = ("offsets", "values")

    def __init__(self, offsets: memoryview[Any], values: memoryview[Any]) -> None:
        self.offsets, self.values = offsets, values

    def get(self, key: Key, /) -> memoryview[Any] | None:
        if not isinstance(key, int) or not 0 <= key < len(self.offsets) - 1:
            return None
        a, b = self.offsets[key], self.offsets[key + 1]
        return self.values[a:b] if b > a else None

    def __getitem__(self, key: Key, /) -> memoryview[Any]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object, /) -> bool:
        return isinstance(key, int) and self.get(key) is not None


class MappedModel:
    """A corpus model read from its file: what :class:`~index.related.similarity.CorpusModel` holds,
    with the vectors and postings left in the mapped file until a ranking reads them."""

    __slots__ = ("days", "ids", "meta", "pos", "post_docs", "post_weights", "rank_share", "vecs")

    def __init__(
        self, arrays: dict[str, memoryview[Any]], rows: list[Any], rank_share: float
    ) -> None:
        self.ids: list[str] = [str(r[0]) for r in rows]
        self.pos: dict[str, int] = {i: n for n, i in enumerate(self.ids)}
        self.meta: list[tuple[str, str | None, str | None]] = [(r[1], r[2], r[3]) for r in rows]
        self.days: list[int | None] = [None if d == _NO_DAY else d for d in arrays["days"]]
        self.vecs = _Vecs(arrays["offsets"], arrays["keys"], arrays["weights"])
        self.post_docs = _Postings(arrays["post_offsets"], arrays["post_docs"])
        self.post_weights = _Postings(arrays["post_offsets"], arrays["post_weights"])
        self.rank_share = rank_share


class VectorArrays(NamedTuple):
    """Every article's vector as a mapped model's arrays hold it: article ``n``'s term part is
    ``keys[offsets[2n]:offsets[2n+1]]`` (with the same slice of ``weights``), its entity part
    ``keys[offsets[2n+1]:offsets[2n+2]]``; keys are numbers below ``key_count``."""

    offsets: memoryview[Any]
    keys: memoryview[Any]
    weights: memoryview[Any]
    key_count: int


def vector_arrays(model: Model) -> VectorArrays | None:
    """The mapped arrays of ``model``'s vectors (for whole-corpus passes that read every vector as
    plain lists), or ``None`` when the model was built in memory (its vectors are mappings)."""
    if not isinstance(model, MappedModel):
        return None
    vecs = model.vecs
    return VectorArrays(vecs.offsets, vecs.keys, vecs.weights, len(model.post_docs.offsets) - 1)


def save_model(path: Path, model: CorpusModel, tag: str) -> None:
    """Write ``model`` to ``path`` tagged ``tag``, replacing any older file in one rename.

    Raises:
        OSError: the folder cannot be written.
    """
    numbers: dict[Key, int] = {}
    offsets, keys, weights = array("q", [0]), array("i"), array("d")
    for vec in model.vecs:
        for part in vec:
            for k, w in part.items():
                kid = numbers.get(k)
                if kid is None:
                    kid = numbers[k] = len(numbers)
                keys.append(kid)
                weights.append(w)
            offsets.append(len(keys))
    post_offsets, post_docs, post_weights = array("q", [0]), array("i"), array("d")
    for k in numbers:  # in the order of their numbers
        docs = model.post_docs.get(k)
        if docs is not None:
            post_docs.extend(docs)
            post_weights.extend(model.post_weights[k])
        post_offsets.append(len(post_docs))
    days = array("q", (_NO_DAY if d is None else d for d in model.days))
    rows = [[i, *m] for i, m in zip(model.ids, model.meta)]
    text = json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    data: dict[str, array[Any]] = {
        "offsets": offsets,
        "keys": keys,
        "weights": weights,
        "post_offsets": post_offsets,
        "post_docs": post_docs,
        "post_weights": post_weights,
        "days": days,
        "rows": array("B", text),
    }
    sections: list[list[Any]] = []
    start = 0
    for name, code in _SECTIONS:
        sections.append([name, code, start, len(data[name])])
        size = data[name].itemsize * len(data[name])
        start += size + _pad(size)
    header = json.dumps(
        {
            "tag": tag,
            "byteorder": sys.byteorder,
            "articles": len(model.ids),
            "keys": len(numbers),
            "rank_share": model.rank_share,
            "sections": sections,
        }
    ).encode("utf-8")
    # A hidden name: Whoosh skips names starting with a dot, and a killed writer's leftover is
    # never taken for the model.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(_HEAD.pack(_MAGIC, FORMAT, len(header)))
            fh.write(header)
            fh.write(b"\0" * _pad(_HEAD.size + len(header)))
            for name, _ in _SECTIONS:
                raw = data[name].tobytes()
                fh.write(raw)
                fh.write(b"\0" * _pad(len(raw)))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def load_model(path: Path, tag: str) -> MappedModel | None:
    """The model in ``path`` if it was written for ``tag`` and is whole, else ``None``."""
    try:
        with open(path, "rb") as fh:
            mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # missing, unreadable, or empty (mmap refuses an empty file)
        return None
    try:
        return _parse(mapped, tag)
    except (ValueError, TypeError, KeyError, IndexError, struct.error):
        return None  # damaged or foreign: built again


def _parse(mapped: mmap.mmap, tag: str) -> MappedModel | None:
    magic, fmt, length = _HEAD.unpack_from(mapped, 0)
    if magic != _MAGIC or fmt != FORMAT:
        return None
    header = json.loads(mapped[_HEAD.size : _HEAD.size + length])
    if header["tag"] != tag or header["byteorder"] != sys.byteorder:
        return None
    base = _HEAD.size + length
    base += _pad(base)
    view = memoryview(mapped)
    arrays: dict[str, memoryview[Any]] = {}
    for (name, code), (got_name, got_code, start, count) in zip(
        _SECTIONS, header["sections"], strict=True
    ):
        if got_name != name or got_code != code or start % _ALIGN or count < 0:
            raise ValueError("bad section")
        begin = base + start
        end = begin + array(code).itemsize * count
        if end > len(mapped):
            raise ValueError("file cut short")
        arrays[name] = view[begin:end].cast(cast(Any, code))
    n, k = header["articles"], header["keys"]
    offsets, post_offsets = arrays["offsets"], arrays["post_offsets"]
    # The ends of the ragged arrays must meet their lengths: a cut or mixed-up file fails here.
    if (
        len(offsets) != 2 * n + 1
        or offsets[-1] != len(arrays["keys"])
        or len(arrays["weights"]) != len(arrays["keys"])
        or len(post_offsets) != k + 1
        or post_offsets[-1] != len(arrays["post_docs"])
        or len(arrays["post_weights"]) != len(arrays["post_docs"])
        or len(arrays["days"]) != n
    ):
        raise ValueError("inconsistent sections")
    rows = json.loads(arrays["rows"].tobytes())
    if not isinstance(rows, list) or len(rows) != n:
        raise ValueError("bad rows")
    return MappedModel(arrays, rows, float(header["rank_share"]))


def model_tag(store: Store) -> str:
    """What a stored model must have been written for: the index's generation and the stamp of the
    database the features were read from (every commit changes both)."""
    from index.store import database

    return f"{store.ix.latest_generation()}:{database.stamp(store.index_dir)}"


_LOADED: dict[str, tuple[str, Model]] = {}
_LOCK = threading.Lock()


def stored_model(store: Store, discard: bool = False) -> Model:
    """The corpus model of ``store``: kept from an earlier call of this process, mapped from its file
    beside the index, or built (then written there for the next call) when the index changed.

    Args:
        store: An indexed store.
        discard: Build it again whatever the file holds (one found damaged while ranking).
    """
    folder = str(store.index_dir)
    tag = model_tag(store)
    kept = _LOADED.get(folder)
    if kept is not None and kept[0] == tag and not discard:
        return kept[1]
    with _LOCK:  # one build at a time in a process (the app's workers)
        kept = _LOADED.get(folder)
        if kept is not None and kept[0] == tag and not discard:
            return kept[1]
        path = store.index_dir / MODEL_FILE
        model: Model | None = None if discard else load_model(path, tag)
        if model is None and not discard:
            model = _wait_for_builder(store.index_dir, path, tag)
        if model is None:
            built = build_model(store.features())
            model = built
            # Written only when the index did not change while its features were read.
            if model_tag(store) == tag:
                with contextlib.suppress(OSError):
                    save_model(path, built, tag)
                    # The mapped file, not the built model, from the first call on: the same
                    # results on every call, and the process does not keep ~30 KB an article.
                    model = load_model(path, tag) or built
        _LOADED.clear()  # one index at a time: a stale model's file mapping is let go
        _LOADED[folder] = (tag, model)
        return model


BUILD_WAIT = 300.0
"""The longest a call waits for a background build (``index.store.aftercare``) before building the
model itself: a build of 100,000 articles takes about a minute."""


def _wait_for_builder(folder: Path, path: Path, tag: str) -> MappedModel | None:
    """The model for ``tag`` once the background build under way has written it; ``None`` when no
    build is under way, or it ended without writing one for ``tag`` (the index changed again)."""
    from index.store.aftercare import running_build

    deadline = time.monotonic() + BUILD_WAIT
    while running_build(folder) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
        found = load_model(path, tag)
        if found is not None:
            return found
    return load_model(path, tag)


def build_beside(index_dir: Path, roots: list[str]) -> bool:
    """Bring the model kept in ``index_dir`` up to date (the background build an index run starts).

    Returns:
        Whether the file now holds the model of the index as it is.
    """
    from index.store.aftercare import BUILDER, build_lock
    from index.store.core import MARKER, Store

    marker = index_dir / BUILDER
    try:
        if not (index_dir / MARKER).is_file():
            return False  # gone since the run (a folder removed): never made again here
        # One build at a time a folder: runs in quick succession start a build each, and those
        # started meanwhile wait here, then find the model current (or build the latest once).
        with build_lock(index_dir):
            store = Store(roots, index_dir)
            tag = model_tag(store)
            path = index_dir / MODEL_FILE
            if load_model(path, tag) is None:
                built = build_model(store.features())
                if model_tag(store) != tag:
                    return False  # changed while read: the run that changed it builds again
                save_model(path, built, tag)
            return True
    finally:
        # Only this process's own name is taken away (a later run may have named its build).
        with contextlib.suppress(OSError, ValueError):
            if int(marker.read_text("utf-8").strip()) == os.getpid():
                marker.unlink()


def main(argv: list[str] | None = None) -> int:
    """``main([INDEX_DIR, ROOT...])``: :func:`build_beside`, quietly (the process
    ``index.store.aftercare`` starts runs this, at a low priority)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print("usage: main([INDEX_DIR, ROOT...])", file=sys.stderr)
        return 2
    try:
        return 0 if build_beside(Path(args[0]), args[1:]) else 1
    except Exception:  # a folder deleted meanwhile, a store that cannot open: related builds it
        return 1


def clear_loaded() -> None:
    """Forget the models kept by this process (tests)."""
    with _LOCK:
        _LOADED.clear()
