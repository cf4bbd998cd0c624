"""Word vectors for the sentence-pair judgement: "deployed to the front" lies close to "join the
fighting" although the two share no word.

GloVe 6B vectors (Stanford, PDDL 1.0) for the ~76,000 words of the rarity table, reduced to their 16
main axes, one signed byte a dimension (``index/data/glove16_en.bin.gz``, 1.3 MB, written by
``scripts/build_vectors.py``, which says what fewer dimensions cost). A sentence's vector is the average of its content words' vectors, each
weighed by the word's rarity (SIF-like, as :mod:`index.compare.preparation` weighs words); the
judgement reads the cosine of two sentences' vectors as one input among its lexical ones. Alone such
averages score below TF-IDF cosine on MSRP and ECB+ (README "How the comparison decides"); as one
input they raise the ECB+ report pairs' judged precision (measured in ``scripts/train_judge.py``).

Loaded on first use; a word's vector is decoded once a process.
"""

from __future__ import annotations

import gzip
import math
import operator
import struct
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

__all__ = ["DIMENSIONS", "cosine", "sentence_vector", "word_vector"]

DIMENSIONS = 16


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, int], bytes, float, int]:
    raw = gzip.decompress(resources.files("index").joinpath("data/glove16_en.bin.gz").read_bytes())
    if raw[:4] != b"NDV1":
        raise RuntimeError("index/data/glove16_en.bin.gz is not a word-vector table")
    count, dims, scale, size = struct.unpack_from("<IIfI", raw, 4)
    start = 4 + struct.calcsize("<IIfI")
    words = raw[start : start + size].decode("utf-8").split("\n")
    if len(words) != count or dims != DIMENSIONS:
        raise RuntimeError(
            "index/data/glove16_en.bin.gz: the word list, count or dimensions disagree"
        )
    return dict(zip(words, range(count), strict=True)), raw[start + size :], scale, dims


def word_vector(word: str, weight: float = 1.0) -> tuple[float, ...] | None:
    """The lower-case word's vector times ``weight``, or None when the table lacks the word."""
    at, data, scale, dims = _table()
    k = at.get(word)
    if k is None:
        return None
    row = struct.unpack_from(f"<{dims}b", data, k * dims)
    factor = scale * weight
    return tuple(v * factor for v in row)


def sentence_vector(rows: Sequence[tuple[float, ...]]) -> tuple[float, ...] | None:
    """The unit-length sum of weighted word vectors (None for none, or a zero sum)."""
    if not rows:
        return None
    total = tuple(map(sum, zip(*rows, strict=True))) if len(rows) > 1 else rows[0]
    norm = math.sqrt(sum(v * v for v in total))
    if not norm:
        return None
    return tuple(v / norm for v in total)


def cosine(a: tuple[float, ...] | None, b: tuple[float, ...] | None) -> float:
    """The cosine of two unit sentence vectors (0 when either is missing)."""
    if a is None or b is None:
        return 0.0
    dot: float = sum(map(operator.mul, a, b))
    return dot
