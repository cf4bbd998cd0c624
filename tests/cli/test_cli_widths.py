"""``--width`` and ``story --limit`` refuse what they cannot honour (exit status 2, one line).

``compare --width -3`` or ``--width 10`` printed a 40-column report without a word, its summary cut
("0 shared, 0 related, 5 only in A, 9 only"); ``story --limit 0`` and ``--limit -2`` were taken.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SEEDS = Path(__file__).parents[2] / "seeds"


@pytest.mark.parametrize("value", ["-3", "10", "abc"])
def test_compare_refuses_a_width_it_cannot_lay_out(run_cli: Callable[..., Any], value: str) -> None:
    a, b = sorted(SEEDS.glob("*.txt"))
    r = run_cli("compare", str(a), str(b), f"--width={value}", index_dir=None)
    assert r.code == 2 and "--width" in r.err and not r.out


def test_compare_takes_a_width_of_40_or_more(run_cli: Callable[..., Any]) -> None:
    a, b = sorted(SEEDS.glob("*.txt"))
    r = run_cli("compare", str(a), str(b), "--width", "40", index_dir=None)
    assert r.code == 0, r.err
    assert re.match(r"\d+ shared", r.out)


@pytest.mark.parametrize("value", ["0", "-2"])
def test_story_refuses_a_limit_under_one(run_cli: Callable[..., Any], value: str) -> None:
    r = run_cli("story", str(next(SEEDS.glob("000_*.txt"))), f"--limit={value}", index_dir=None)
    assert r.code == 2 and "--limit" in r.err and not r.out
