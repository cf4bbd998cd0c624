"""``newsdesk compare``'s text says what its marks mean (``= ~ ! < >`` and ``⟦…⟧`` were left to
guess; the app shows a legend beside its panes), in the width asked for, the JSON untouched."""

from __future__ import annotations

import json
import re
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
    legend = lines[1 : lines.index("")]  # between the summary and the blank line before A | B
    assert " ".join(legend).split() == " ".join(LEGEND).split()
    assert all(len(line) <= width for line in legend)
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
