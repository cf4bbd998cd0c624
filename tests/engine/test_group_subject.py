"""Story grouping's subject guard (index.related.group_subject): reports filed on one template
about different companies (earnings tables, dividends) are as many stories; one company's reports,
and reports that name a person or place in common, still join."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from index.related import grouping
from index.related.group_subject import Headline, one_template

# Made-up company names (no English word): each is its own subject.
COMPANIES = [
    ("Zorvex", "ZVX"),
    ("Quandrel", "QDL"),
    ("Brintak", "BTK"),
    ("Velmora", "VLM"),
    ("Strovane", "SVN"),
    ("Kelvarin", "KVR"),
    ("Dubrassa", "DBS"),
    ("Tolmerik", "TMK"),
    ("Yarbonte", "YBT"),
    ("Plixor", "PLX"),
    ("Gandrow", "GDW"),
    ("Mirtolla", "MTL"),
]
TABLE = ["shr", "cts", "net", "revs", "mln", "qtr", "oper", "avg", "shrs", "dlrs"]


def _table(n: int, title: str, ents: list[str] | None = None) -> dict[str, Any]:
    # An earnings table: the same words in every report, its own figures, no name in the text.
    terms = [[w, 2] for w in TABLE] + [[f"fig{n}a", 1], [f"fig{n}b", 1]]
    figures = [[f"QUANTITY|{n} cts", 1], [f"QUANTITY|{n}.5 mln", 1]]
    return {
        "terms": terms,
        "ents": figures + [[k, 1] for k in ents or []],
        "title": title,
        "day": None,
    }


def _corpus(ents: list[str] | None = None) -> dict[str, Any]:
    feats: dict[str, Any] = {}
    for n, (name, ticker) in enumerate(COMPANIES):
        feats[f"q{n}"] = _table(n, f"{name.upper()} CORP <{ticker}> 4TH QTR NET", ents)
        # The company's second report (a correction): the same headline, its own figures.
        feats[f"y{n}"] = _table(50 + n, f"{name.upper()} CORP <{ticker}> 4TH QTR NET", ents)
    return feats


def _stories(feats: dict[str, Any]) -> list[list[str]]:
    return sorted(sorted(g.article_ids) for g in grouping.group(feats) if len(g.article_ids) > 1)


def test_one_template_about_two_companies_stays_apart() -> None:
    got = _stories(_corpus())
    # No story holds two companies' reports ("q3" and "y3" are one company's).
    assert got
    for story in got:
        assert len({aid[1:] for aid in story}) == 1, story


def test_without_the_guard_the_companies_join(monkeypatch: pytest.MonkeyPatch) -> None:
    # The premise: the tables alone join different companies' results.
    monkeypatch.setattr(grouping, "features_subjects", lambda model, feats: None)
    got = _stories(_corpus())
    assert any(len({aid[1:] for aid in story}) > 1 for story in got)


def test_reports_naming_one_person_still_join() -> None:
    # A story's own name in every headline (40 ECB+ reports name Lindsay Lohan): the names the
    # reports share in their text keep them together whatever their headlines say.
    got = _stories(_corpus(["PERSON|lindsay lohan", "PLACE|malibu"]))
    assert any(len({aid[1:] for aid in story}) > 1 for story in got)


def test_one_template() -> None:
    def head(words: str, subject: str, names: str) -> Headline:
        return Headline(
            frozenset(words.split()), frozenset(subject.split()), frozenset(names.split())
        )

    a = head("danaher corp dhr 4th qtr net", "danaher dhr", "danaher dhr")
    b = head("van dorn co vdc 4th qtr net", "van dorn vdc", "dorn vdc")
    assert one_template(a, b)
    # One company: a shared subject word.
    assert not one_template(a, head("danaher corp dhr year net", "danaher dhr", "danaher dhr"))
    # A word of the template in common is enough ("<X> qtly dividend", "<Y> sets quarterly dividend").
    assert one_template(a, head("zorvex qtr results", "zorvex result", "zorvex"))
    assert not one_template(a, head("zorvex results", "zorvex result", "zorvex"))
    # A headline naming no subject ("EC farm ministers end meeting without price accord").
    assert not one_template(a, head("ec farm 4th qtr net", "farm", ""))


def test_store_subjects_read_the_names(tmp_path: Path) -> None:
    from index.related.group_subject import features_subjects, store_subjects
    from index.related.stored import stored_model
    from index.store.core import Store

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = []
    for n, (name, ticker) in enumerate(COMPANIES * 2):
        rows.append(
            {
                "id": f"r{n}",
                "title": f"{name.upper()} CORP <{ticker}> 4TH QTR NET",
                "date": None,
                "source": "x",
                "text": f"Shr {n} cts vs {n + 1} cts. Net {n} mln vs {n + 2} mln. Revs 5 mln."
                + (" Lindsay Lohan was not asked." if n == 0 else ""),
            }
        )
    (corpus / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    store = Store([corpus], index_dir=tmp_path / "ix")
    store.update()
    model = stored_model(store)
    got = store_subjects(store, model)
    want = features_subjects(model, store.features())
    assert got is not None and want is not None
    assert got.heads == want.heads
    # The same names, numbered alike (both number them in the model's order).
    assert [bool(n) for n in got.names] == [bool(n) for n in want.names]
    first = model.pos[next(i for i in model.ids if i.endswith("#r0"))]
    assert got.names[first] and any(h.names for h in got.heads)
