"""Entity facets counted from each segment's key map equal a count over the stored entities."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from index.search import search
from index.search.facets import facets
from index.store.core import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _corpus(root: Path, n: int, first: int = 0) -> None:
    paras = [
        p.strip()
        for f in sorted(SEEDS.glob("*.txt"))
        for p in f.read_text(encoding="utf-8").split("\n\n")
        if len(p.strip()) > 80
    ]
    root.mkdir(exist_ok=True)
    for i in range(first, first + n):
        body = "\n\n".join(paras[(i * 5 + k) % len(paras)] for k in range(1 + i % 3))
        extra = "Putin spoke again." if i % 4 == 0 else ""
        (root / f"f{i:03d}.txt").write_text(f"Report {i}\n\n{body} {extra}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Three segments (three index runs) and a deleted article."""
    root = tmp_path_factory.mktemp("facets")
    corpus = root / "c"
    _corpus(corpus, 20)
    s = Store([corpus], root / "ix")
    s.update()
    _corpus(corpus, 15, first=20)
    s.update()
    (corpus / "f003.txt").unlink()
    _corpus(corpus, 5, first=35)
    s.update()
    assert len(s.ix._segments()) >= 2
    return s


def _expected(store: Store, query: str | None, labels: set[str] | None) -> list[tuple[str, int]]:
    """Counted the slow way: the stored entities of every matching article."""
    if query:
        ids = [h.id for h in search(store, query, limit=10_000, snippets=0).hits]
    else:
        ids = [a.id for a in store.catalogue()]
    docs: dict[str, set[str]] = {}
    for article_id in ids:
        for e in store.entities(article_id):
            docs.setdefault(f"{e.label}|{e.canonical}", set()).add(article_id)
    full: dict[str, list[str]] = {}
    for key in docs:
        label, _, canonical = key.partition("|")
        if label == "PERSON" and " " in canonical:
            full.setdefault(canonical.rsplit(" ", 1)[1], []).append(key)
    for key in list(docs):
        label, _, canonical = key.partition("|")
        if label == "PERSON" and " " not in canonical and len(full.get(canonical, ())) == 1:
            docs[full[canonical][0]] |= docs.pop(key)
    # a figure with no unit ("two") has no place in a top list (facets._bare_number)
    counts = Counter({k: len(v) for k, v in docs.items() if not _bare(k)})
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(k, n) for k, n in ranked if not labels or k.partition("|")[0] in labels][:15]


def _bare(key: str) -> bool:
    label, _, canonical = key.partition("|")
    return label == "QUANTITY" and re.fullmatch(r"\d{0,2}(?:\.\d*)?", canonical) is not None


@pytest.mark.parametrize(
    "query",
    [
        None,
        "kursk",
        "korea",
        "putin",
        "-kursk",
        '"north korean"',
        "person:zelensky",
        "kursk OR pyongyang",
        "zzzz",
    ],
)
@pytest.mark.parametrize("labels", [None, {"PERSON"}, {"PLACE", "ORG"}])
def test_facets_equal_a_count_of_stored_entities(
    store: Store, query: str | None, labels: set[str] | None
) -> None:
    got = [(f"{f.label}|{f.canonical}", f.count) for f in facets(store, query, 15, labels)]
    assert got == _expected(store, query, labels)


def test_a_lone_surname_is_counted_with_its_full_name(store: Store) -> None:
    people = {f.canonical: f.count for f in facets(store, None, 50, {"PERSON"})}
    assert "putin" not in people and people["vladimir putin"] >= 1


def test_one_execution_serves_the_hits_every_hit_facets_and_suggestion(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A keystroke in the library: first hits, every hit, the sidebar, a suggestion; one parse and
    # one match for all of them, and the same answers as each asked on its own.
    from index.search import execute as execute_module
    from index.search import facets_of, run_query

    query = "putin OR moscow"
    alone = (search(store, query, limit=3), search(store, query, limit=None, snippets=0))
    alone_facets = facets(store, query, limit=10)
    parses: list[str] = []
    real_parse = execute_module.parse
    monkeypatch.setattr(
        execute_module,
        "parse",
        lambda st, q, schema=None: parses.append(q) or real_parse(st, q, schema),
    )
    with run_query(store, query) as run:
        first = run.result(limit=3)
        every = run.result(limit=None, snippets=0)
        found = facets_of(run, limit=10)
        assert run.suggestion == first.suggestion
    assert parses == [query]
    assert (first, every) == alone
    assert found == alone_facets
    assert first.total == every.total == len(every.hits) > 3


def test_entity_keys_are_a_column_that_a_merge_keeps(tmp_path: Path) -> None:
    """Since schema 24 the keys are read from a per-document column, not from postings; Whoosh's
    merge of segments copies the column, so the counts stay the same in one merged segment."""
    corpus = tmp_path / "c"
    _corpus(corpus, 8)
    s = Store([corpus], tmp_path / "ix")
    s.update()
    _corpus(corpus, 6, first=8)
    s.update()
    (corpus / "f002.txt").unlink()
    s.update()
    before = [(f.label, f.canonical, f.count) for f in facets(s, None, 50)]
    assert before and len(s.ix._segments()) >= 2
    with s.searcher() as searcher:
        assert "ekeys" not in {name for name, _ in searcher.reader().all_terms()}
    s.ix.optimize()
    merged = Store([corpus], tmp_path / "ix")
    assert len(merged.ix._segments()) == 1
    assert [(f.label, f.canonical, f.count) for f in facets(merged, None, 50)] == before
    assert [(f.label, f.canonical, f.count) for f in facets(merged, "kursk", 50)] == [
        (f.label, f.canonical, f.count) for f in facets(s, "kursk", 50)
    ]


def test_each_kind_keeps_its_share_of_the_sidebar() -> None:
    from index.models import Facet
    from index.search.facets import fair_share

    dates = [Facet(f"--{m:02d}", "DATE", f"month {m}", 100 - m) for m in range(1, 13)]
    people = [Facet("vladimir putin", "PERSON", "Vladimir Putin", 7)]
    ranked = sorted(dates + people, key=lambda f: -f.count)
    assert "PERSON" not in {f.label for f in fair_share(ranked, 5, 0)}
    shown = fair_share(ranked, 5, 2)
    assert [f.label for f in shown] == ["DATE", "DATE", "DATE", "DATE", "PERSON"]
    assert [f.count for f in shown] == sorted((f.count for f in shown), reverse=True)
    # more kinds than room: each kind's most named first, cut by count
    assert len(fair_share(ranked, 1, 2)) == 1
    assert fair_share(ranked, 20, 2) == ranked


def test_the_corpus_sidebar_names_a_person_among_many_dates(store: Store) -> None:
    from index.search.facet_counts import corpus_facets

    labels = {f.label for f in facets(store, None, 1000)}
    assert "PERSON" in labels and len(labels) >= 3
    # by count alone one kind crowds the others out of a short list ...
    assert {f.label for f in corpus_facets(store, len(labels))} != labels
    # ... with a share of one, every kind the corpus names gets in
    fair = corpus_facets(store, len(labels), share=1)
    assert {f.label for f in fair} == labels
    assert [f.count for f in fair] == sorted((f.count for f in fair), reverse=True)
