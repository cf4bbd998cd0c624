"""What the comparison commands tell a user: ``newsdesk compare``'s text says what its marks mean
(``= ~ ! < >`` and ``⟦…⟧`` were left to guess; the app shows a legend beside its panes), in the
width asked for, the JSON untouched; ``--compare``'s refusal comes alone; ``related`` shows the
indexing it waits for on a terminal."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tui.cli_compare import LEGEND, with_legend

SEEDS = Path(__file__).parents[2] / "seeds"


@pytest.mark.parametrize("width", [40, 100])
def test_text_report_explains_its_marks_under_the_summary(
    run_cli: Callable[..., Any], width: int
) -> None:
    a, b = sorted(SEEDS.glob("*.txt"))
    r = run_cli("compare", str(a), str(b), "--width", str(width), index_dir=None)
    assert r.code == 0, r.err
    lines = r.out.split("\n")
    assert re.match(r"\d+ shared", lines[0])
    # the summary, wrapped to the width and whole (at 60 columns it read "4 disagreeme"), then
    # the legend, up to the blank line before A | B
    block = lines[: lines.index("")]
    words = " ".join(block).split()
    legend_words = " ".join(LEGEND).split()
    assert words[-len(legend_words) :] == legend_words
    assert re.fullmatch(r"disagreements?", words[-len(legend_words) - 1])
    legend = block[next(n for n, line in enumerate(block) if line.startswith("= ")) :]
    assert all(len(line) <= width for line in block)
    for item in LEGEND[:5]:  # a mark stays on the line of its meaning
        assert any(item in line for line in legend), item
    marks = {
        line[0]
        for line in lines[lines.index("") + 3 :]
        if line[:2] in {"= ", "~ ", "< ", "> ", "! "}
    }
    assert marks and marks <= {"=", "~", "<", ">", "!"}
    assert r.out.endswith("\n") and not r.out.endswith("\n\n")  # one newline, as before


def test_json_has_no_legend(run_cli: Callable[..., Any]) -> None:
    a, b = sorted(SEEDS.glob("*.txt"))
    r = run_cli("compare", str(a), str(b), "--json", index_dir=None)
    assert r.code == 0, r.err
    assert "pairs" in json.loads(r.out) and "same claim" not in r.out


def test_legend_goes_under_the_first_line_only() -> None:
    assert with_legend("summary\n\nbody\n", 200) == "summary\n" + "   ".join(LEGEND) + "\n\nbody\n"


def test_compare_option_refusal_is_the_only_line(run_cli: Callable[..., Any]) -> None:
    """``newsdesk --compare`` with an article it cannot read says so alone: the empty library's
    "showing the bundled sample articles" came first, of an app that never opened."""
    a = next(SEEDS.glob("*.txt"))
    r = run_cli("--compare", str(a), "missing.txt", index_dir=None)
    assert r.code == 2
    assert r.err.splitlines() == ["newsdesk --compare: missing.txt: no such file"]


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal for stderr")
def test_related_shows_the_indexing_on_a_terminal(tmp_path: Path) -> None:
    """``related`` on a corpus not yet indexed says how far the index is, on a terminal only
    (it waited seconds, or minutes on a large corpus, without a word); the wait's line is wiped,
    the answer on stdout unchanged."""
    import os
    import pty
    import subprocess

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k, seed in enumerate(sorted(SEEDS.glob("*.txt")) * 3):
        (corpus / f"{k}_{seed.name}").write_text(seed.read_text("utf-8"), "utf-8")
    env = {**os.environ, "NEWSDESK_CONFIG_DIR": str(tmp_path / "config")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    env["NEWSDESK_DATA_DIR"] = str(tmp_path / "data")
    target = str(next(corpus.glob("0_*.txt")))
    args = [sys.executable, "-m", "tui", "related", target, "--json"]
    master, slave = pty.openpty()
    try:
        proc = subprocess.run(
            [*args, "--index-dir", str(tmp_path / "ix")],
            stdout=subprocess.PIPE,
            stderr=slave,
            env=env,
            timeout=120,
            check=False,
        )
        os.close(slave)
        err = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
    finally:
        os.close(master)
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["related"]
    shown = err.decode("utf-8")
    assert "indexing the corpus: " in shown and "%" in shown  # a share: the counts were bytes
    assert shown.split("\r")[-1].strip() == ""  # the line wiped in place
    piped = subprocess.run(
        [*args, "--index-dir", str(tmp_path / "ix2")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert piped.returncode == 0 and "indexing" not in piped.stderr  # not into a file or pipe
