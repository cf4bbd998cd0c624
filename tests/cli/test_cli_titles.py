"""One title everywhere: a headline's dataset residue ("concerned_1") is shown nowhere.

The seed's first line ends "U.S. concerned_1": the app showed "concerned", ``newsdesk compare``
printed "U.S. concerned_1" as the headline's sentence.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

HEADLINE = "North Korea is rumored to send 10,000 troops to aid Russia, U.S. concerned_1\n"
A = HEADLINE + (
    "Recent reports reveal that North Korea and Russia have a joint defense pact. The U.S. has "
    "expressed concern over North Korea's role in the war in Ukraine.\n"
)
B = (
    "North Korean troops join Russia's war\n"
    "North Korea has sent 10,000 troops to Russia, officials said. The U.S. has expressed concern "
    "over North Korea's role in the war in Ukraine.\n"
)


def test_compare_shows_the_title_without_residue(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    for fmt in ("text", "markdown", "json"):
        r = run_cli("compare", str(a), str(b), "--format", fmt, "--width", "200", index_dir=None)
        assert r.code == 0, r.err
        assert "concerned_1" not in r.out and "_⟦1⟧" not in r.out, fmt
        assert "U.S. concerned" in r.out, fmt
    out = json.loads(r.out)
    assert out["a"]["title"].endswith("U.S. concerned")
