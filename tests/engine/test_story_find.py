"""The story of one stored article: a group of the article and its copy alone is no story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from index.models import Article
from index.story.find import story_of

TEXT = (
    "A flash flood swept through Riverton on Monday, killing 12 people, police said.\n"
    "The Marlow River burst its banks after three days of heavy rain.\n"
)
OTHER = (
    "The death toll from the Riverton flood rose to 40 on Tuesday as rescuers dug through mud.\n"
    "Insurers put the damage at $50 million.\n"
)


@dataclass
class _Group:
    article_ids: tuple[str, ...]


@dataclass
class _Related:
    id: str
    same_story: bool = True
    score: float = 1.0


class _Store:
    def __init__(self, texts: dict[str, str]) -> None:
        self.texts = texts

    def doc_count(self) -> int:
        return len(self.texts)

    def article(self, article_id: str) -> Article | None:
        text = self.texts.get(article_id)
        return Article(article_id, f"/x/{article_id}", article_id, text) if text else None


def _patch(monkeypatch: pytest.MonkeyPatch, group: tuple[str, ...], near: list[str]) -> None:
    import index.related as related

    monkeypatch.setattr(related, "stories", lambda store: [_Group(group)])
    monkeypatch.setattr(
        related, "related", lambda store, article_id, limit: [_Related(i) for i in near]
    )


def test_grouped_with_its_copy_only_the_story_is_its_related_reports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store: Any = _Store({"a": TEXT, "a-copy": TEXT, "b": OTHER})
    _patch(monkeypatch, ("a", "a-copy"), ["a-copy", "b"])
    assert story_of(store, "a") == ["a", "a-copy", "b"]


def test_a_group_of_other_reports_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = {k: OTHER + f"Report {k}." for k in "bcdef"}
    store: Any = _Store({"a": TEXT, **texts})
    _patch(monkeypatch, ("a", "b", "c", "d", "e"), ["f"])
    assert story_of(store, "a") == ["a", "b", "c", "d", "e"]


def test_a_small_group_takes_the_reports_near_its_nearest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The Qeshm earthquake's ECB+ report was grouped with one other of its eleven: a group of
    fewer than five takes the related reports scored near its nearest one's, none far below."""
    import index.related as related

    texts = {k: OTHER + f"Report {k}." for k in "bcde"}
    store: Any = _Store({"a": TEXT, **texts})
    scores = {"b": 0.26, "c": 0.25, "d": 0.2, "e": 0.12}
    monkeypatch.setattr(related, "stories", lambda store: [_Group(("b", "a"))])
    monkeypatch.setattr(
        related,
        "related",
        lambda store, article_id, limit: [_Related(k, s >= 0.3, s) for k, s in scores.items()],
    )
    assert story_of(store, "a") == ["a", "b", "c", "d"]


def test_a_large_corpus_is_not_grouped_whole_for_one_story(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Grouping all 19,043 Reuters stories to find one article's story took ~23 s of CPU each
    time: above GROUPING_MAX articles its related reports judged the same story are its story."""
    import index.related as related
    from index.story.find import GROUPING_MAX

    class _Large(_Store):
        def doc_count(self) -> int:
            return GROUPING_MAX + 1

    def no_grouping(store: Any) -> list[_Group]:
        raise AssertionError("the whole corpus was grouped")

    store: Any = _Large({"a": TEXT, "b": OTHER})
    _patch(monkeypatch, ("a", "b"), ["b"])
    monkeypatch.setattr(related, "stories", no_grouping)
    assert story_of(store, "a") == ["a", "b"]


def test_a_report_alone_takes_only_reports_judged_the_same_story(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Alone, a WikiNews report took another story's reports near its nearest: only those judged
    the same story join it."""
    import index.related as related

    store: Any = _Store({"a": TEXT, "b": OTHER, "c": OTHER + "Report c."})
    scores = {"b": 0.32, "c": 0.25}
    monkeypatch.setattr(related, "stories", lambda store: [_Group(("a",))])
    monkeypatch.setattr(
        related,
        "related",
        lambda store, article_id, limit: [_Related(k, s >= 0.3, s) for k, s in scores.items()],
    )
    assert story_of(store, "a") == ["a", "b"]
