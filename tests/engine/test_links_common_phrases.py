"""The sidebar's links (``index.search.links``): a common phrase that a longer name capitalised
("Danish Oil and Natural Gas", "China Lake Joint Venture") is no firm's short form, because the
corpus mostly writes its words outside names. On the 19,043 Reuters stories "natural gas",
"joint venture" and "national security" were counted as "Natural Gas Pipeline Co", "Joint
Venture Leasing Inc" and "National Security Insurance Co"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.search import facets

FIRM = "Natural Gas Pipeline Co said it would redeem 200 mln dlrs of debt."
SHORT = "Natural Gas previously announced a call date of June 1, the company said."
COMMON = "Prices of natural gas rose {} pct in the week, traders said."
# a firm's short form the corpus writes nowhere else stays the firm
SHORT_FIRM = "Halvorsen Keane and Co is issuing a 100 mln Ecu eurobond due 1990, dealers said."
SHORT_TOO = "A sinking fund starts in 1998. Halvorsen Keane co-managed the deal, dealers said."


def _store(tmp_path: Path, make_store: Callable[..., Any], common: int) -> Any:
    root = tmp_path / f"c{common}"
    root.mkdir()
    texts = [FIRM, SHORT, SHORT_FIRM, SHORT_TOO] + [COMMON.format(n + 2) for n in range(common)]
    for n, text in enumerate(texts):
        (root / f"{n}.txt").write_text(f"Report {n}\n\n{text}\n", "utf-8")
    store = make_store(root)
    store.update()
    return store


def _rows(store: Any) -> dict[tuple[str, str], int]:
    return {(f.label, f.canonical): f.count for f in facets(store, None, limit=200)}


def test_a_phrase_the_corpus_writes_outside_names_is_no_firm(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    rows = _rows(_store(tmp_path, make_store, 16))
    assert rows[("PERSON", "natural gas")] == 1
    assert rows[("ORG", "natural gas pipeline co")] == 1
    assert rows[("ORG", "halvorsen keane and co")] == 2
    assert ("PERSON", "halvorsen keane") not in rows


def test_without_that_evidence_the_short_form_is_the_firm(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    rows = _rows(_store(tmp_path, make_store, 3))
    assert ("PERSON", "natural gas") not in rows
    assert rows[("ORG", "natural gas pipeline co")] == 2
