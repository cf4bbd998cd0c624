"""``newsdesk compare``: each aligned pair carries the words one side lacks in the other."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

A = (
    "Kursk fighting.\n\n"
    "Ukraine says North Korean troops, passing 80,000, are undergoing training in Kursk.\n\n"
    "The weather in the region was cold ⟦and wet⟧ on Monday.\n"
)
B = (
    "Kursk report.\n\n"
    "More than 120,000 North Korean troops are engaging in combat in Kursk, Ukraine says.\n\n"
    "The weather in the region was cold and *dry* on Monday.\n"
)


def _files(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return a, b


def _troops(pairs: list[dict[str, Any]]) -> dict[str, Any]:
    return next(p for p in pairs if "80,000" in p["a"]["text"] and "120,000" in p["b"]["text"])


def test_json_pairs_carry_difference_spans(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    a, b = _files(tmp_path)
    r = run_cli("compare", str(a), str(b), "--format", "json", index_dir=None)
    assert r.code == 0, r.err
    out = json.loads(r.out)
    pair = _troops(out["pairs"])
    for side, text in (("a", A), ("b", B)):
        for d in pair[f"{side}_diff"]:
            assert set(d) == {"start", "end", "label", "text"}
            assert text[d["start"] : d["end"]] == d["text"]  # article offsets, exact text
    assert [(d["text"], d["label"]) for d in pair["a_diff"]] == [
        ("passing", "hedge"),
        ("80,000", "figure"),
        ("undergoing training", "status"),
    ]
    assert [(d["text"], d["label"]) for d in pair["b_diff"]] == [
        ("More than", "hedge"),
        ("120,000", "figure"),
        ("engaging in combat", "status"),
    ]
    assert all("a_diff" in p and "b_diff" in p for p in out["pairs"])


def test_text_and_markdown_mark_the_differing_words(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    a, b = _files(tmp_path)
    text = run_cli("compare", str(a), str(b), "--format", "text", "--width", "200", index_dir=None)
    assert text.code == 0, text.err
    assert "⟦passing⟧ ⟦80,000⟧" in text.out or "⟦passing 80,000⟧" in text.out
    assert "⟦More than 120,000⟧" in text.out
    assert "⟦undergoing training⟧" in text.out
    # The article's own brackets cannot pass for a mark.
    assert "cold [and ⟦wet⟧] on Monday" in text.out
    md = run_cli("compare", str(a), str(b), "--format", "markdown", index_dir=None)
    assert md.code == 0, md.err
    assert "**More than 120,000**" in md.out and "**undergoing training**" in md.out
    assert "\\*dry\\*" in md.out or "**dry**" in md.out  # the article's asterisks stay escaped


def test_json_flag_is_the_json_format(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    # every command answers --json; compare's --format json is the same output
    a, b = _files(tmp_path)
    short = run_cli("compare", str(a), str(b), "--json", index_dir=None)
    long = run_cli("compare", str(a), str(b), "--format", "json", index_dir=None)
    assert short.code == 0, short.err
    assert json.loads(short.out) == json.loads(long.out)
