"""The store's stat-only walk finds what ``index.ingest.files.scan`` finds, on trees built to differ
(the store indexes what the walk finds)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from index.ingest import files as formats
from index.store import walk


def _scan(roots: list[str]) -> tuple[dict[str, tuple[int, int, str]], list[list[str]]]:
    files, skipped = formats.scan(roots)
    found = {f.path: (f.size, f.mtime_ns, f.root) for f in files}
    return found, [[s.path, s.reason] for s in skipped]


def test_article_suffixes_are_scans() -> None:
    assert walk.ARTICLE_SUFFIXES == formats.ARTICLE_SUFFIXES


def test_walk_matches_scan_on_an_awkward_tree(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "Page_files").mkdir()
    (root / "Other_files").mkdir()
    for rel in (
        "a.txt",
        "B.MD",
        "c.markdown",
        "feed.jsonl",
        "Page.html",
        "x.htm",
        "notes.pdf",
        "README",
        "trailing.",
        ".dotfile.txt",
        "b/deep/z.txt",
        "b/deep/image.png",
        ".hidden/secret.txt",
        "Page_files/script.txt",
        "Other_files/kept.txt",
    ):
        (root / rel).write_text("Title\nBody.\n", "utf-8")
    os.symlink(root / "b", root / "b" / "deep" / "loop")  # a symlink loop
    os.symlink(root / "b", root / "again")  # a second link to a folder already read
    os.symlink(tmp_path / "missing.txt", root / "dangling.txt")
    bad = os.fsencode(str(root)) + b"/caf\xe9.txt"
    with open(bad, "wb") as fh:
        fh.write(b"Title\nBody.\n")
    single = tmp_path / "single.md"
    single.write_text("One\nfile.\n", "utf-8")
    odd = tmp_path / "odd.pdf"
    odd.write_text("not an article", "utf-8")
    roots = [str(root), str(single), str(odd), str(tmp_path / "nowhere")]
    assert walk.walk(roots) == _scan(roots)
    found, skipped = walk.walk(roots)
    assert str(root / "Other_files" / "kept.txt") in found
    assert not any("Page_files" in p for p in found)
    assert any(reason.startswith("file or folder name is not valid UTF-8") for _, reason in skipped)
    assert [
        str(root / "dangling.txt"),
        f"broken link (it points to {tmp_path / 'missing.txt'}, which does not exist)",
    ] in skipped


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_walk_matches_scan_on_an_unreadable_folder(tmp_path: Path) -> None:
    shut = tmp_path / "shut"
    shut.mkdir()
    (shut / "a.txt").write_text("A\nB\n", "utf-8")
    shut.chmod(0)
    try:
        assert walk.walk([str(tmp_path)]) == _scan([str(tmp_path)])
    finally:
        shut.chmod(0o700)


def test_the_folders_gathered_by_the_walk_give_the_digests_of_its_paths(tmp_path: Path) -> None:
    """The files the walk gathers by folder (no regrouping of 10,000 paths) have the digests
    ``database.walk_digests`` makes from the paths; files given as roots fall back to those."""
    from index.store import database
    from index.store.tables import Walk

    root = tmp_path / "corpus"
    (root / "b" / "deep").mkdir(parents=True)
    for rel in ("a.txt", "z.md", "b/c.txt", "b/deep/d.jsonl", "b/deep/e.txt", "b/skip.pdf"):
        (root / rel).write_text("Title\nBody.\n", "utf-8")
    bad = os.fsencode(str(root)) + b"/caf\xe9.txt"  # skipped: in no folder's list
    with open(bad, "wb") as fh:
        fh.write(b"Title\nBody.\n")
    (root / "b" / "caf\u00e9 d\u00e9j\u00e0.txt").write_text("T\nB.\n", "utf-8")  # the slow path
    walked = Walk.of([str(root)])
    assert walked.folders is not None
    assert sorted(walked.folders) == [str(root), str(root / "b"), str(root / "b" / "deep")]
    assert sum(map(len, walked.folders.values())) == len(walked.found) == 6
    assert walked.folder_digests() == database.walk_digests(walked.found)
    single = tmp_path / "single.txt"
    single.write_text("One\nfile.\n", "utf-8")
    with_file = Walk.of([str(root), str(single)])
    assert len(with_file.found) == 7
    assert with_file.folder_digests() == database.walk_digests(with_file.found)
    # The files directly in some folders, from the gathered lists or (a file root) from the paths.
    some = {str(root / "b"), str(tmp_path)}
    for w in (walked, with_file):
        expected = [p for p in w.found if p.rpartition(os.sep)[0] in some]
        assert sorted(w.found_in(some)) == sorted(expected)
    in_b = [str(root / "b" / "c.txt"), str(root / "b" / "caf\u00e9 d\u00e9j\u00e0.txt")]
    assert sorted(walked.found_in(some)) == sorted(in_b)
    assert sorted(with_file.found_in(some)) == sorted([*in_b, str(single)])
