"""``newsdesk index`` in a subprocess: reports, skipped files, incremental runs, rebuilds, exit codes."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

GOOD = "Troops gather near Kursk\nUkrainian officials said North Korean soldiers arrived.\n"


def _mixed(corpus: Path) -> Path:
    """Two good articles, a cp1252 one, a binary file and an empty file."""
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, "utf-8")
    (corpus / "second.md").write_text(
        "---\ntitle: Second\n---\nTalks in *Kyiv* went on.\n", "utf-8"
    )
    (corpus / "legacy.txt").write_bytes(
        "Caf\u00e9 talks\nThe \u201cdeal\u201d cost \u20ac5.".encode("cp1252")
    )
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40))
    (corpus / "empty.txt").write_bytes(b"")
    return corpus


@pytest.fixture()
def mixed(tmp_path: Path) -> Path:
    """The mixed corpus, the test's own (it may change it)."""
    return _mixed(tmp_path / "mixed")


@pytest.fixture(scope="module")
def mixed_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A mixed corpus shared by the module (never write to it) and its index, built once."""
    from index.store.core import Store

    root = tmp_path_factory.mktemp("mixed")
    corpus = _mixed(root / "mixed")
    Store([corpus], root / "index").update()
    return corpus, root / "index"


@pytest.fixture()
def mixed_indexed(mixed_built: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """The shared mixed corpus and a copy of its index for the test to damage."""
    corpus, built = mixed_built
    shutil.copytree(built, tmp_path / "copied-index")
    return corpus, tmp_path / "copied-index"


def _index(run_cli: Callable[..., Any], *paths: Path) -> dict[str, Any]:
    r = run_cli("index", *map(str, paths), "--json")
    assert r.code == 0, r.err
    assert "Traceback" not in r.err
    return r.json()


def _touch(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


def test_mixed_folder_indexes_good_and_lists_the_rest(
    run_cli: Callable[..., Any], mixed: Path
) -> None:
    data = _index(run_cli, mixed)
    assert (data["added"], data["updated"], data["removed"], data["files_read"]) == (3, 0, 0, 5)
    assert "reread" not in data  # a new index reads every file; none is read *again*
    reasons = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    assert reasons == {"image.txt": "binary file (a PNG image)", "empty.txt": "empty file"}
    assert any("legacy.txt" in n and "cp1252" in n for n in data["notes"])
    found = run_cli("search", "café", str(mixed), "--json").json()
    assert [h["id"] for h in found["hits"]] == ["legacy.txt"]


def test_plain_index_report(run_cli: Callable[..., Any], mixed: Path) -> None:
    r = run_cli("index", str(mixed))
    assert r.code == 0, r.err
    assert r.out.startswith("added 3, updated 0, removed 0, unchanged 0, skipped 2 (5 files read)")
    assert "skipped" in r.out and "empty.txt: empty file" in r.out
    assert "note:" in r.out and "cp1252" in r.out


def test_incremental_runs(run_cli: Callable[..., Any], mixed: Path) -> None:
    _index(run_cli, mixed)
    quiet = _index(run_cli, mixed)
    assert (quiet["added"], quiet["updated"], quiet["files_read"], quiet["unchanged"]) == (
        0,
        0,
        0,
        3,
    )

    _touch(mixed / "good.txt")
    touched = _index(run_cli, mixed)
    assert (touched["files_read"], touched["added"], touched["updated"], touched["unchanged"]) == (
        1,
        0,
        0,
        3,
    )

    (mixed / "good.txt").write_text(GOOD + "Odesa harbour reopened.\n", "utf-8")
    _touch(mixed / "good.txt")
    modified = _index(run_cli, mixed)
    assert (modified["files_read"], modified["updated"], modified["added"]) == (1, 1, 0)
    hits = run_cli("search", "odesa", str(mixed), "--json").json()["hits"]
    assert [h["id"] for h in hits] == ["good.txt"]

    (mixed / "good.txt").unlink()
    deleted = _index(run_cli, mixed)
    assert (deleted["removed"], deleted["files_read"]) == (1, 0)
    assert run_cli("search", "odesa", str(mixed), "--json").json()["total"] == 0

    (mixed / "new.jsonl").write_text(
        '{"id": "n1", "text": "Fresh report from Kharkiv."}\n', "utf-8"
    )
    added = _index(run_cli, mixed)
    assert (added["added"], added["files_read"]) == (1, 1)


def test_schema_mismatch_rebuilds_with_message_and_no_traceback(
    run_cli: Callable[..., Any], mixed_indexed: tuple[Path, Path]
) -> None:
    mixed, ix = mixed_indexed
    marker = ix / "newsdesk-index.json"
    meta = json.loads(marker.read_text("utf-8"))
    meta["schema"] = -1
    marker.write_text(json.dumps(meta), "utf-8")
    r = run_cli("index", str(mixed), "--json", index_dir=ix)
    assert r.code == 0 and "Traceback" not in r.err
    assert "Rebuilding the index" in r.err and "schema -1" in r.err
    assert len(r.err.strip().splitlines()) == 1
    assert r.json()["added"] == 3


def _damage(index_dir: str) -> None:
    (seg,) = [p for p in Path(index_dir).iterdir() if p.suffix in (".seg", ".trm")]
    os.truncate(seg, seg.stat().st_size // 3)


def test_truncated_segment_rebuilds_with_message(
    run_cli: Callable[..., Any], mixed_indexed: tuple[Path, Path]
) -> None:
    mixed, ix = mixed_indexed
    _damage(str(ix))
    r = run_cli("index", str(mixed), "--json", index_dir=ix)
    assert r.code == 0 and "Traceback" not in r.err, r.err
    assert r.err.startswith("Rebuilding the index: ")
    assert r.json()["added"] == 3
    assert run_cli("search", "kursk", str(mixed), "--json", index_dir=ix).json()["total"] == 1


def test_search_on_damaged_index_says_it_rebuilt(
    run_cli: Callable[..., Any], mixed_indexed: tuple[Path, Path]
) -> None:
    mixed, ix = mixed_indexed
    _damage(str(ix))
    r = run_cli("search", "kursk", str(mixed), "--json", index_dir=ix)
    assert r.code == 0 and "Traceback" not in r.err, r.err
    assert r.json()["total"] == 1  # the rebuild itself works
    assert "Rebuilding the index" in r.err


def test_index_dir_that_is_a_file_exits_1(
    run_cli: Callable[..., Any], mixed: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "not-a-dir"
    bad.write_text("x", "utf-8")
    r = run_cli("index", str(mixed), index_dir=bad)
    assert r.code == 1
    assert (
        r.err.startswith("newsdesk index: ") and "is a file" in r.err and "Traceback" not in r.err
    )
    assert bad.read_text("utf-8") == "x"


def test_foreign_index_dir_is_refused(
    run_cli: Callable[..., Any], mixed: Path, tmp_path: Path
) -> None:
    foreign = tmp_path / "papers"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine", "utf-8")
    r = run_cli("index", str(mixed), index_dir=foreign)
    assert r.code == 1 and "not made by newsdesk" in r.err and "Traceback" not in r.err
    assert (foreign / "keep.txt").read_text("utf-8") == "mine"


def test_missing_corpus_path_is_refused(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    r = run_cli("index", str(tmp_path / "nowhere"), "--json")
    assert r.code == 2 and "nowhere" in r.err and r.out == ""
    assert not (tmp_path / "cli-index").exists()


def test_hostile_names_and_contents_in_plain_output(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "evil\x1b[2Jname\n.txt").write_text("Head \x1b]0;pwned\x07\nBody text.\n", "utf-8")
    (corpus / "bad\x1b[31m.txt").write_bytes(b"")
    r = run_cli("index", str(corpus))
    assert r.code == 0, r.err
    assert "\x1b" not in r.out and "\x07" not in r.out


def test_a_changed_text_file_is_indexed_without_the_markdown_and_yaml_readers(
    tmp_path: Path,
) -> None:
    """markdown-it-py and PyYAML (~60 ms to import) are loaded by a run that reads a Markdown file,
    not by one that re-reads a changed ``.txt`` file (the Markdown file beside it unchanged)."""
    import subprocess
    import sys

    corpus, ix = tmp_path / "c", tmp_path / "ix"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, "utf-8")
    (corpus / "second.md").write_text("---\ntitle: Second\n---\nTalks in *Kyiv*.\n", "utf-8")
    code = (
        "import sys\nfrom tui.cli import main\nstatus = main(sys.argv[1:])\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\nsys.exit(status)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env["NEWSDESK_CONFIG_DIR"] = str(tmp_path / "config")
    argv = [sys.executable, "-c", code, "index", str(corpus), "--index-dir", str(ix), "--json"]

    def run() -> tuple[dict[str, Any], set[str]]:
        proc = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout), set(proc.stderr.split())

    first, modules = run()
    assert first["added"] == 2 and {"markdown_it", "yaml"} <= modules
    with open(corpus / "good.txt", "a", encoding="utf-8") as fh:
        fh.write("A line added later.\n")
    report, modules = run()
    assert (report["updated"], report["files_read"], report["unchanged"]) == (1, 1, 1)
    assert not modules & {"markdown_it", "yaml"}, sorted(modules & {"markdown_it", "yaml"})
