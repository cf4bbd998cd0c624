"""The stored model's public accessor to its vectors' arrays (index.related.stored.vector_arrays)."""

from __future__ import annotations

from pathlib import Path

from index.related.similarity import build_model
from index.related.stored import load_model, save_model, vector_arrays


def _feats() -> dict[str, object]:
    return {
        "a": {"terms": [["quake", 2], ["iran", 1]], "ents": [["PLACE|Iran", 1]], "day": 1},
        "b": {"terms": [["quake", 1], ["chile", 3]], "ents": [], "day": None},
        "c": {"terms": [["vote", 1]], "ents": [["YEAR|2008", 2], ["PLACE|Iran", 1]], "day": 5},
    }


def test_arrays_slice_into_each_vector(tmp_path: Path) -> None:
    built = build_model(_feats())
    assert vector_arrays(built) is None  # built in memory: its vectors are mappings
    save_model(tmp_path / "m.bin", built, "t")
    mapped = load_model(tmp_path / "m.bin", "t")
    assert mapped is not None
    arrays = vector_arrays(mapped)
    assert arrays is not None
    off, keys, weights = arrays.offsets, arrays.keys, arrays.weights
    assert len(off) == 2 * len(mapped.ids) + 1
    for n in range(len(mapped.ids)):
        terms, ents = mapped.vecs[n]
        a, b, c = off[2 * n], off[2 * n + 1], off[2 * n + 2]
        assert dict(zip(keys[a:b].tolist(), weights[a:b].tolist())) == terms
        assert dict(zip(keys[b:c].tolist(), weights[b:c].tolist())) == ents
        assert all(0 <= k < arrays.key_count for k in keys[a:c].tolist())
    # Every key the model numbers, terms and entities alike, counted once.
    assert arrays.key_count == len(
        {k for t, e in (mapped.vecs[n] for n in range(3)) for k in [*t, *e]}
    )
