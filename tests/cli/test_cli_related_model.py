"""``newsdesk index`` brings the related-report model up to date in the background, so the next
``newsdesk related`` maps it; ``newsdesk search`` leaves a field's value as typed in "did you mean"."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.store.aftercare import BUILDER, running_build

QUAKE = (
    "Strong earthquake shakes central Chile\n\n"
    "A magnitude 7.1 earthquake struck central Chile on Tuesday, the Geological Survey said. "
    "Buildings swayed in Santiago and the port of Valparaiso, and the navy issued a tsunami "
    "warning for the coast of the Maule region.\n"
)
OTHERS = {
    "quake2.txt": "Chile lifts tsunami warning after quake\n\n"
    "Chile's navy lifted a tsunami warning on Wednesday after a magnitude 7.1 earthquake shook "
    "Santiago and Valparaiso. The Maule region reported damaged roads.\n",
    "wheat.txt": "Wheat prices fall in Chicago\n\n"
    "Wheat futures fell in Chicago on Monday as traders weighed large harvests in Kansas.\n",
    "bank.txt": "Central bank holds rates\n\n"
    "The central bank kept its main rate at 4 percent on Thursday, citing slower inflation.\n",
}


def _corpus(root: Path) -> Path:
    root.mkdir()
    (root / "quake1.txt").write_text(QUAKE, "utf-8")
    for name, text in OTHERS.items():
        (root / name).write_text(text, "utf-8")
    return root


def _wait_for_build(ix: Path, seconds: float = 90.0) -> None:
    deadline = time.monotonic() + seconds
    while running_build(ix) is not None:
        assert time.monotonic() < deadline, "the background build never ended"
        time.sleep(0.05)


def test_the_index_run_builds_the_model_the_next_related_maps(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    ix = tmp_path / "ix"
    target = str(corpus / "quake1.txt")
    first = run_cli("related", target, str(corpus), "--json", index_dir=ix)
    assert first.code == 0, first.err
    model = ix / "related-model.bin"
    assert model.is_file()
    # A new report of the story, then an index run: it returns, the build goes on without it.
    (corpus / "quake3.txt").write_text(QUAKE.replace("Strong", "A strong"), "utf-8")
    indexed = run_cli("index", str(corpus), "--json", index_dir=ix)
    assert indexed.code == 0, indexed.err
    assert indexed.json()["added"] == 1
    _wait_for_build(ix)
    assert not (ix / BUILDER).exists()
    built = model.stat().st_mtime_ns
    after = run_cli("related", target, str(corpus), "--json", index_dir=ix)
    assert after.code == 0, after.err
    assert after.json()["related"][0]["id"].endswith("quake3.txt")
    assert model.stat().st_mtime_ns == built  # mapped, not built by the call


def test_an_index_nobody_asked_related_reports_of_gets_no_model(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    ix = tmp_path / "ix"
    assert run_cli("index", str(corpus), index_dir=ix).code == 0
    (corpus / "wheat.txt").write_text(OTHERS["wheat.txt"] + "Corn rose.\n", "utf-8")
    assert run_cli("index", str(corpus), index_dir=ix).code == 0
    assert not (ix / BUILDER).exists()
    assert not (ix / "related-model.bin").exists()


def test_search_suggests_no_other_date_quantity_or_name(
    tmp_path: Path, run_cli: Callable[..., Any]
) -> None:
    corpus = _corpus(tmp_path / "corpus")
    ix = tmp_path / "ix"
    for query in ("date:sunday", "quantity:7.2", "place:santiagu", "date:today"):
        out = run_cli("search", query, str(corpus), "--json", index_dir=ix)
        assert out.code == 0, (query, out.err)
        assert out.json()["total"] == 0 and out.json()["suggestion"] is None, query
    out = run_cli("search", "earthqake date:tuesday", str(corpus), "--json", index_dir=ix)
    assert out.json()["suggestion"] == "earthquake date:tuesday"
