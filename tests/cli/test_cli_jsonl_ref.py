"""``newsdesk entities file.jsonl#id`` reads that line (a corrupt line elsewhere does not matter)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any


def test_entities_of_one_jsonl_line(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    feed = tmp_path / "wire.jsonl"
    rows = [
        json.dumps(
            {"id": "c1", "title": "Cocoa", "text": "The International Cocoa Organization met."}
        ),
        "{broken",
        json.dumps({"id": "café", "text": "Wheat prices rose in Chicago."}),
    ]
    feed.write_text("\n".join(rows) + "\n", "utf-8")
    r = run_cli("entities", f"{feed}#c1", "--json", index_dir=False)
    assert r.code == 0, r.err
    [article] = r.json()
    assert article["id"] == "wire.jsonl#c1"
    assert [e["text"] for e in article["entities"]] == ["International Cocoa Organization"]
    escaped = run_cli("entities", f"{feed}#café", "--json", index_dir=False)
    assert [e["text"] for e in escaped.json()[0]["entities"]] == ["Chicago"]
    missing = run_cli("entities", f"{feed}#nope", index_dir=False)
    assert missing.code == 2 and "no article with id 'nope'" in missing.err
