"""Story grouping reads the corpus model mapped beside the index, and the store keeps no features
(issue 14: the app held ~900 MB at 10,000 articles once it had grouped them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.related import group, stories
from index.related.stored import MODEL_FILE
from index.store.core import Store

REPORTS = {
    "quake-a.txt": "A strong earthquake struck Qeshm island in Iran on Sunday, killing 12 people "
    "and injuring dozens, the Iranian Red Crescent said.",
    "quake-b.txt": "At least 12 people were killed when an earthquake hit Iran's Qeshm island on "
    "Sunday, the Red Crescent said, and rescuers searched collapsed homes.",
    "quake-c.txt": "Rescuers on Qeshm island searched the rubble after Sunday's earthquake in "
    "Iran, which killed 12 people according to the Red Crescent.",
    "cocoa-a.txt": "The International Cocoa Organization council met in London on buffer stock "
    "rules as cocoa prices fell to a four-year low.",
    "cocoa-b.txt": "Cocoa prices fell to a four-year low in London while the International Cocoa "
    "Organization council debated its buffer stock rules.",
    "soup.txt": "Slice the leeks, soften them in butter, add potatoes and stock, and simmer the "
    "soup for twenty minutes.",
}


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in REPORTS.items():
        (corpus / name).write_text(text + "\n", "utf-8")
    built = Store([corpus], tmp_path / "ix")
    built.update()
    return built


def test_stories_are_those_of_the_features_and_come_from_the_mapped_model(store: Store) -> None:
    found = stories(store)
    assert (store.index_dir / MODEL_FILE).exists()
    assert found == group(store.features())
    assert sorted(a for s in found for a in s.article_ids) == sorted(REPORTS)
    by_article = {a: s.id for s in found for a in s.article_ids}
    assert by_article["quake-a.txt"] == by_article["quake-b.txt"]
    assert by_article["quake-a.txt"] != by_article["cocoa-a.txt"]


def test_the_store_keeps_no_features(store: Store) -> None:
    stories(store)
    first = store.features()
    again = store.features()
    assert first == again and first is not again
    assert "features" not in store._table_cache
    names = store.display_names()
    assert store.display_names() is names  # other side tables are still kept
