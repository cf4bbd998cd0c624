"""The sidebar's links (``index.search.links``): a person an article names beside the firm named
after him ("inside trader Ivan Boesky" and "Ivan Boesky and Co") is no short form of that firm in
the other articles either, though he opens no other person's name ("Ivan" is no given name the
corpus knows: the given-name rule of ``_own_name`` left "Ivan Boesky" the firm's)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.search import facets

BOTH = (
    "The SEC approved a request by two firms controlled by inside trader Zoltan Vargazy. "
    "Zoltan Vargazy and Co will sell its stakes, a filing showed."
)
PERSON = "Zoltan Vargazy said on Monday he would not sell.\n    Vargazy declined to say more."
PERSON_TOO = "Shares fell after Zoltan Vargazy sold his stake, dealers said."
SHORT_FIRM = "Halvorsen Keane and Co is issuing a 100 mln Ecu eurobond due 1990, dealers said."
SHORT = "A sinking fund starts in 1998. Halvorsen Keane co-managed the deal, dealers said."


def test_a_person_named_beside_his_firm_keeps_his_key(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    root = tmp_path / "c"
    root.mkdir()
    for n, text in enumerate([BOTH, PERSON, PERSON_TOO, SHORT_FIRM, SHORT]):
        (root / f"{n}.txt").write_text(f"Report {n}\n\n{text}\n", "utf-8")
    store = make_store(root)
    store.update()
    rows = {(f.label, f.canonical): f.count for f in facets(store, None, limit=200)}
    assert rows[("PERSON", "zoltan vargazy")] == 3
    assert rows[("ORG", "zoltan vargazy and co")] == 1
    assert rows[("ORG", "halvorsen keane and co")] == 2  # a firm's short form is still the firm
    assert ("PERSON", "halvorsen keane") not in rows
