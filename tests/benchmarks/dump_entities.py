"""Dump the recognizer's entities and the related-report features of a fixed sample, to diff two versions.

    python tests/benchmarks/dump_entities.py OUT.jsonl [--articles 2000] [--every 9] [--generated 50]
    diff <(python ... before) <(python ... after)   # or: cmp before.jsonl after.jsonl
    python tests/benchmarks/dump_entities.py ALL.jsonl --articles 20000 --every 1 --generated 1000

The sample: the seed articles, then every ninth (``--every``) Reuters-21578 story (when
``../shared/data`` exists) up to ``--articles``, and 50 (``--generated``) synthetic articles from
``corpus_gen``; the third line above takes all 19,043 Reuters stories and 1,000 generated ones. One JSON line per article:
its id, every entity as ``[start, end, label, canonical]``, and its features' ``terms`` and ``ents``.
Used to check that a faster recognizer or feature extractor gives the very same output.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpus_gen

from index.ingest.formats import text_article


def sample(n: int, every: int = 9, generated: int = 50) -> list[tuple[str, str, str]]:
    """(id, title, text) of the seeds, up to ``n`` articles with Reuters stories (every ``every``-th)
    and ``generated`` synthetic articles."""
    out = [
        (p.name, "", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    reuters = ROOT.parent / "shared" / "data" / "reuters21578.jsonl"
    if reuters.exists():
        with reuters.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % every == 0:
                    doc = json.loads(line)
                    out.append((str(doc["id"]), doc.get("title") or "", doc["text"]))
                    if len(out) >= n:
                        break
    for doc in corpus_gen.generate(generated, seed=3, words=500):
        out.append((doc["id"], doc["title"], doc["text"]))
    return out


def main() -> None:
    """Write the dump."""
    from index.analysis.entities import extract
    from index.analysis.features import features
    from index.analysis.tokens import analyse_body

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--every", type=int, default=9, help="take every N-th Reuters story")
    parser.add_argument("--generated", type=int, default=50, help="synthetic articles")
    args = parser.parse_args()
    with args.out.open("w", encoding="utf-8") as fh:
        for doc_id, title, text in sample(args.articles, args.every, args.generated):
            ents = extract(text)
            art = text_article(text, doc_id, doc_id, title=title or None)
            feats = features(art, ents, analyse_body(art.text)[0])  # as the store calls it
            row = {
                "id": doc_id,
                "ents": [[e.start, e.end, e.label, e.canonical] for e in ents],
                "terms": feats["terms"],
                "fents": feats["ents"],
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
