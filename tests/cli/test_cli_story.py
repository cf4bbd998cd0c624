"""``newsdesk story``: several articles (that set) or one (its story found), JSON schema and
offsets, the Markdown brief, errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).parents[2] / "seeds"
A = SEEDS / "000_44cfc8ca5dd0595f.txt"
B = SEEDS / "004_3a8db0f9f1ecf686.txt"


def _texts() -> dict[str, str]:
    from index.ingest.formats import read_paths
    from index.models import Article

    return {Path(a.path).name: a.text for a in read_paths([str(SEEDS)]) if isinstance(a, Article)}


def _check_offsets(out: dict[str, Any], texts: dict[str, str]) -> None:
    ids = [r["id"] for r in out["reports"]]
    by_id = {i: texts[Path(i).name] for i in ids}
    for c in out["claims"]:
        assert c["support"] == sum(1 for r in c["reports"].values() if r["stance"] == "states")
        for rid, row in c["reports"].items():
            assert by_id[rid][row["start"] : row["end"]] == row["text"]


def test_two_articles_json(run_cli: Callable[..., Any]) -> None:
    r = run_cli("story", str(A), str(B), "--format", "json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert set(out) == {"reports", "claims", "figures", "sources", "unique"}
    assert len(out["reports"]) == 2
    assert set(out["reports"][0]) == {"id", "title", "source", "date"}
    # One event, two claims: "Kim Jong-un pledging full support" is not "troops sent by Kim".
    pledge = next(c for c in out["claims"] if "pledging full support" in c["text"])
    assert pledge["support"] == 1
    stances = [row["stance"] for c in out["claims"] for row in c["reports"].values()]
    assert "disagrees" in stances  # one report says the troops fought, the other are training
    for c in out["claims"]:
        for row in c["reports"].values():
            assert ("detail" in row) == (row["stance"] == "disagrees")
    _check_offsets(out, _texts())
    troops = next(f for f in out["figures"] if f["measure"] == "troops")
    assert {v["report"] for v in troops["values"]} == {x["id"] for x in out["reports"]}
    assert all(set(v) == {"report", "value", "hedge", "text", "date"} for v in troops["values"])
    assert set(out["unique"]) == {x["id"] for x in out["reports"]}
    for ks in out["unique"].values():
        assert all(out["claims"][k]["support"] == 1 for k in ks)


def test_one_article_finds_its_story(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for p in (A, B):
        (corpus / p.name).write_text(p.read_text("utf-8"), encoding="utf-8")
    (corpus / "other.txt").write_text(
        "Bakery wins prize\n\nA bakery in Lyon won a national prize for its croissants on Friday, "
        "the jury said. The owners plan to open a second shop next spring.\n",
        encoding="utf-8",
    )
    r = run_cli("story", str(corpus / B.name), "--format", "json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert [x["id"] for x in out["reports"]] == [B.name, A.name]  # the article first


def test_markdown_brief(run_cli: Callable[..., Any]) -> None:
    r = run_cli("story", str(A), str(B), "--format", "markdown")
    assert r.code == 0, r.err
    assert r.out.startswith("# Story: ")
    assert "## Claims made by several reports" in r.out
    assert "## Figures over time" in r.out
    assert "## Sources" in r.out
    assert "disagrees" in r.out


def test_text_matrix(run_cli: Callable[..., Any]) -> None:
    r = run_cli("story", str(A), str(B), "--width", "100")
    assert r.code == 0, r.err
    assert "claims (● states, ✗ disagrees, · silent):" in r.out
    assert all(len(line) <= 100 for line in r.out.splitlines())


def test_errors(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    r = run_cli("story", str(tmp_path / "missing.txt"), str(A))
    assert r.code == 2
    assert "missing.txt" in r.err
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "x.txt").write_text("Only one\n\nNothing else is in this folder today.\n", "utf-8")
    r = run_cli("story", str(alone / "x.txt"))
    assert r.code == 1
    assert "no other report" in r.err


def test_json_flag_is_the_json_format(run_cli: Callable[..., Any]) -> None:
    short = run_cli("story", str(A), str(B), "--json")
    assert short.code == 0, short.err
    assert json.loads(short.out) == json.loads(
        run_cli("story", str(A), str(B), "--format", "json").out
    )


def test_a_copied_report_is_one_report(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    """A wire copy of report B (same text, its own date) is no third report: B, given first, is
    kept and names the copy, and no claim is counted twice (it stated all of B's claims again)."""
    copy = tmp_path / "copy.md"
    copy.write_text("---\ndate: 2024-10-30\n---\n" + B.read_text("utf-8"), "utf-8")
    r = run_cli("story", str(A), str(B), str(copy), "--format", "json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    assert [(x["id"], x.get("copies")) for x in out["reports"]] == [
        (A.name, None),
        (B.name, ["copy.md"]),
    ]
    alone = json.loads(run_cli("story", str(A), str(B), "--format", "json").out)
    assert [(c["text"], c["support"]) for c in out["claims"]] == [
        (c["text"], c["support"]) for c in alone["claims"]
    ]
