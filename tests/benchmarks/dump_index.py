"""Build an index of a corpus and dump everything it holds, to diff two versions of the build.

    python tests/benchmarks/dump_index.py CORPUS... --work DIR --out DUMP.txt [--one-process]
    python tests/benchmarks/dump_index.py --reuters 2000 --work /tmp/d --out before.txt  # 2,000 Reuters + seeds
    cmp before.txt after.txt

Every term of every field with its postings (article id, weight, value bytes), every stored field
(the blob as the values its JSON holds, compressed or not) and column value by article id, every side table of
the database (catalogue, features, names, words, skipped; the manifest without its mtimes) and the
hits, scores and snippets of a few searches:
a faster build must give the very same dump. Document numbers are replaced by article ids, so a
parallel build (whose workers take articles in any order) dumps the same as a one-process build.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import zlib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

QUERIES = [
    "oil",
    "bank rate",
    '"interest rates"',
    "cocao~",
    "place:japan",
    "org:opec",
    "date:1987-03",
    "person:*",
    "dollar OR yen",
    "korea",
]


def reuters_corpus(work: Path, n: int) -> list[Path]:
    """The first ``n`` Reuters stories as one ``.jsonl`` file, and a copy of the seeds folder."""
    src = ROOT.parent / "shared" / "data" / "reuters21578.jsonl"
    corpus = work / "reuters"
    corpus.mkdir(parents=True, exist_ok=True)
    with src.open(encoding="utf-8") as fh, (corpus / src.name).open("w", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i >= n:
                break
            out.write(line)
    seeds = work / "seeds"  # copied: ids hold paths, and two trees are compared
    shutil.rmtree(seeds, ignore_errors=True)
    shutil.copytree(ROOT / "seeds", seeds)
    return [corpus, seeds]


def dump(store: Any, out: Any) -> None:
    """Write what ``store``'s index and database hold, document numbers as article ids."""
    from index.search import search
    from index.store.database import DB_NAME

    with store.searcher() as s:
        reader = s.reader()
        ids = {n: f["id"] for n, f in reader.iter_docs()}
        for n in sorted(ids, key=ids.__getitem__):
            stored = reader.stored_fields(n)
            if isinstance(stored.get("blob"), bytes):
                blob = stored["blob"]
                if not blob.startswith(b"{"):
                    # Blobs were zlib-compressed before the stored column alone compressed them.
                    blob = zlib.decompress(blob)
                # The article and entities the JSON holds, not its text: json and orjson write
                # the same values with other spaces and escapes.
                stored["blob"] = json.loads(blob)
            out.write(f"doc {ids[n]} {sorted(stored.items())!r}\n")
        if reader.has_column("ekeys"):
            col = reader.column_reader("ekeys")
            for n in sorted(ids, key=ids.__getitem__):
                out.write(f"ekeys {ids[n]} {col[n]!r}\n")
        for field, term in sorted(reader.all_terms()):
            m = reader.postings(field, term)
            posts = []
            while m.is_active():
                posts.append((ids[m.id()], m.weight(), m.value()))
                m.next()
            posts.sort()
            out.write(f"term {field} {term!r} {posts!r}\n")
        for field in sorted(reader.schema.scorable_names()):
            out.write(f"length {field} {reader.field_length(field)}\n")
            for n in sorted(ids, key=ids.__getitem__):
                out.write(f"doclength {field} {ids[n]} {reader.doc_field_length(n, field)}\n")
    con = sqlite3.connect(store.index_dir / DB_NAME)
    for table, order in [
        ("catalogue", "id"),
        ("features", "id"),
        ("names", "key"),
        ("words", "word"),
        ("skipped", "n"),
    ]:
        for r in con.execute(f"SELECT * FROM {table} ORDER BY {order}"):
            if table == "features":  # the values, as for the blob
                r = (r[0], json.loads(r[1]))
            out.write(f"{table} {r!r}\n")
    for path, size, sha1, count, ids_json, skipped, lines in con.execute(
        "SELECT path, size, sha1, count, ids, skipped, lines FROM files ORDER BY path"
    ):
        out.write(f"file {path} {size} {sha1} {count} {ids_json} {skipped} {lines}\n")
    con.close()
    for q in QUERIES:
        # Every hit, ties by id: among equal scores Whoosh's order is the document numbers'.
        results = search(store, q, limit=None)
        hits = sorted(results.hits, key=lambda h: (-h.score, h.id))
        out.write(f"search {q} {results.total} {results.suggestion!r} {hits!r}\n")


def main() -> None:
    """Build and dump."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="*", type=Path)
    parser.add_argument("--reuters", type=int, default=0, help="the first N Reuters stories")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--one-process", action="store_true")
    parser.add_argument(
        "--work", type=Path, required=True, help="a folder for the corpus and index"
    )
    args = parser.parse_args()
    from index.store import writers
    from index.store.core import Store

    if args.one_process:
        writers.PARALLEL_MIN_ARTICLES = 10**9
    # Article ids hold their paths: the same --work folder gives comparable dumps.
    work = args.work
    shutil.rmtree(work / "ix", ignore_errors=True)
    roots = list(args.corpus)
    if args.reuters:
        roots += reuters_corpus(work, args.reuters)
    store = Store(roots, work / "ix")
    store.build_related = False
    report = store.update()
    with args.out.open("w", encoding="utf-8") as out:
        out.write(f"report {report.added} {report.skipped!r} {report.notes!r}\n")
        dump(store, out)


if __name__ == "__main__":
    main()
