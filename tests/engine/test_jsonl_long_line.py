"""A ``.jsonl`` line over the line limit is skipped with its size and the limit, not "line too long"
alone (the same text in a ``.txt`` file is read: the reason says so)."""

from __future__ import annotations

import json
from pathlib import Path

from index.ingest.formats import MAX_LINE_CHARS, read_paths
from index.models import Article


def test_a_long_line_is_skipped_with_its_size_and_the_limit(tmp_path: Path) -> None:
    text = "word " * (MAX_LINE_CHARS // 5 + 10)
    rows = [{"id": "big", "text": text}, {"id": "small", "text": "A short report of a storm."}]
    (tmp_path / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    items = list(read_paths([tmp_path / "wire.jsonl"]))
    assert [a.id for a in items if isinstance(a, Article)] == ["wire.jsonl#small"]
    [why] = [s.reason for s in items if not isinstance(s, Article)]
    assert why.startswith(f"line too long ({len(json.dumps(rows[0])) / 1e6:.1f} million characters")
    assert f"the limit is {MAX_LINE_CHARS / 1e6:.1f} million" in why
    assert ".txt" in why
