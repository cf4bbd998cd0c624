"""An index run's skipped count tells broken .jsonl lines from files (70,000 bad lines of one file
were "70000 files skipped")."""

from __future__ import annotations

from tui.library import skipped_count


def test_files_and_lines_are_counted_apart() -> None:
    assert skipped_count(["/c/a.pdf", "/c/b.bin"]) == "2 files skipped"
    assert skipped_count(["/c/a.pdf"]) == "1 file skipped"
    assert skipped_count([f"/c/wire.jsonl:{n}" for n in range(1, 70_001)]) == (
        "70,000 .jsonl lines skipped"
    )
    assert skipped_count(["/c/a.pdf", "/c/W.JSONL:3", "/c/notes.txt:12"]) == (
        "2 files and 1 .jsonl line skipped"
    )
