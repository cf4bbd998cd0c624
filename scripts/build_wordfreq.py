"""Write ``index/data/wordfreq_en.txt.gz``: the 80,000 most frequent English words with their Zipf
frequency (log10 of occurrences per billion words, one decimal), from the wordfreq package.

The comparison weighs a word by how rare it is in English at large (``index.compare.judge``): sharing
"troops" says more than sharing "said", and sharing "Kursk" more than either. The table is derived
from wordfreq 3.1.1's English list (code Apache-2.0; word lists CC BY-SA 4.0, see
``index/data/LICENSE-wordfreq.txt``). Words below the cut (Zipf ~2.1) count as rare.

Run: ``pip install wordfreq==3.1.1 && python scripts/build_wordfreq.py``
"""

from __future__ import annotations

import gzip
import pathlib
import re

import wordfreq

OUT = pathlib.Path(__file__).resolve().parents[1] / "index" / "data" / "wordfreq_en.txt.gz"
KEEP = 80_000


def main() -> None:
    words = [w for w in wordfreq.get_frequency_dict("en") if re.fullmatch(r"[a-z][a-z'\-]*", w)][
        :KEEP
    ]
    lines = [f"{w}\t{round(wordfreq.zipf_frequency(w, 'en') * 10)}" for w in words]
    with gzip.GzipFile(OUT, "wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    print(f"{len(lines)} words -> {OUT} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
