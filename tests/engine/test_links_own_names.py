"""The sidebar's links (``index.search.links``): a person, or a name the corpus uses for an
organisation of its own, does not take the key of a firm named after it. On the 19,043 Reuters
stories "Mario Gabelli" (7 articles) was counted as "Mario Gabelli and Co" (1), and "central bank"
as "Central Bank and Trust Co"."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.search import facets
from index.search.links import _given_names, _own_name

FIRM = "Lucio Varrone and Co said it holds 9.8 pct of the shares of the company."
PERSON = "Lucio Varrone, an arbitrager, said he had bought more shares."
PERSON_TOO = "The investor Lucio Varrone said on Monday he would not sell."
OTHERS = "Lucio Bellini said prices would rise. Lucio Marchetti said they would fall."
# A firm's short form taken for a person is still the firm (test_facets_links.py).
SHORT_FIRM = "Halvorsen Keane and Co is issuing a 100 mln Ecu eurobond due 1990, dealers said."
SHORT = "A sinking fund starts in 1998. Halvorsen Keane co-managed the deal, dealers said."


def _rows(found: list[Any]) -> dict[tuple[str, str], int]:
    return {(f.label, f.canonical): f.count for f in found}


def test_a_person_keeps_his_name_beside_the_firm_named_after_him(
    tmp_path: Path, make_store: Callable[..., Any]
) -> None:
    root = tmp_path / "c"
    root.mkdir()
    for n, text in enumerate([FIRM, PERSON, PERSON_TOO, OTHERS, SHORT_FIRM, SHORT]):
        (root / f"{n}.txt").write_text(f"Report {n}\n\n{text}\n", "utf-8")
    store = make_store(root)
    store.update()
    rows = _rows(facets(store, None, limit=200))
    assert rows[("PERSON", "lucio varrone")] == 2
    assert rows[("ORG", "lucio varrone and co")] == 1
    assert rows[("ORG", "halvorsen keane and co")] == 2
    assert ("PERSON", "halvorsen keane") not in rows


def test_own_names() -> None:
    people = {"mario gabelli", "mario cuomo", "mario soares", "greenwell montagu research"}
    people |= {"greenwell montagu gilt edged", "greenwell montagu"}
    given = _given_names(people, {"mario gabelli and co", "greenwell montagu securities"})
    assert given == {"mario"}  # "greenwell" opens "people" all named "Greenwell Montagu ..."
    assert not _given_names(people, {f"mario {n} corp" for n in ("a", "b")})  # opens firms too
    counts = Counter({"ORG|central bank": 88, "PERSON|central bank": 1})
    counts["ORG|central bank and trust co"] = 1
    assert _own_name("central bank", "central bank and trust co", counts.__getitem__, given)
    counts = Counter({"PERSON|mario gabelli": 7, "ORG|mario gabelli and co": 1})
    assert _own_name("mario gabelli", "mario gabelli and co", counts.__getitem__, given)
    counts["ORG|mario gabelli and co"] = 9  # the firm named more often: its short form
    assert not _own_name("mario gabelli", "mario gabelli and co", counts.__getitem__, given)
    counts = Counter({"PERSON|mario d": 3, "ORG|mario d jones and co": 1})
    assert not _own_name(
        "mario d", "mario d jones and co", counts.__getitem__, given
    )  # cut after an initial
    counts = Counter({"PERSON|merrill lynch": 32, "ORG|merrill lynch capital markets": 66})
    counts["ORG|merrill lynch"] = 6
    assert not _own_name(
        "merrill lynch", "merrill lynch capital markets", counts.__getitem__, given
    )
