"""Story grouping keeps two sibling events apart: two events of one kind (two title fights of one
boxer) whose reports share the topic's words and names, each report closest to its own event's."""

from __future__ import annotations

from typing import Any

import pytest

from index.related import grouping
from index.related.similarity import SAME_STORY, corpus_model, similarity

TOPIC = ["klitschko", "heavyweight", "belt", "knockout", "champion", "ring", "title", "fight"]
EVENTS = {
    "a": (["rahman", "mannheim", "seventh"], ["PERSON|hasim rahman", "PLACE|mannheim"]),
    "b": (["thompson", "bern", "sixth"], ["PERSON|tony thompson", "PLACE|bern"]),
}
REPORTS = 7


def _features() -> dict[str, Any]:
    feats: dict[str, Any] = {}
    for event, (words, names) in EVENTS.items():
        for n in range(REPORTS):
            terms = [[w, 3] for w in TOPIC] + [[w, 2] for w in words]
            terms += [[f"{event}{n}word{k}", 1] for k in range(3)]
            ents = [["PERSON|wladimir klitschko", 3]] + [[k, 2] for k in names]
            feats[f"{event}{n}"] = {"terms": terms, "ents": ents, "title": f"{event} {n}"}
    return feats


def _mean(model: Any, xs: list[int], ys: list[int]) -> float:
    pairs = [(x, y) for x in xs for y in ys if x != y]
    return sum(similarity(model, x, y) for x, y in pairs) / len(pairs)


def test_sibling_events_alike_on_average_stay_apart() -> None:
    feats = _features()
    model = corpus_model(feats)
    a = [model.pos[i] for i in feats if i.startswith("a")]
    b = [model.pos[i] for i in feats if i.startswith("b")]
    cross, within = _mean(model, a, b), min(_mean(model, a, a), _mean(model, b, b))
    # The premise: the two events' reports are same-story alike, and alike enough on average for
    # the average-link guard alone to join them.
    assert cross >= SAME_STORY
    assert cross >= grouping.COHESION_SHARE * within
    groups = grouping.group(feats)
    assert sorted(sorted(g.article_ids) for g in groups) == [
        [f"a{n}" for n in range(REPORTS)],
        [f"b{n}" for n in range(REPORTS)],
    ]


def test_without_the_neighbour_guard_the_siblings_join(monkeypatch: pytest.MonkeyPatch) -> None:
    # What the guard prevents (the grouping before it): one story of both events.
    monkeypatch.setattr(grouping, "NEIGHBOUR_SHARE", 0.0)
    groups = grouping.group(_features())
    assert len(groups[0].article_ids) == 2 * REPORTS


def test_a_report_closest_to_a_group_still_joins_it() -> None:
    # A late report of event a sharing fewer of its words: its closest reports are a's, so it joins.
    feats = _features()
    feats["a_late"] = {
        "terms": [[w, 1] for w in TOPIC[:4]] + [["rahman", 2], ["rematch", 2]],
        "ents": [["PERSON|hasim rahman", 1], ["PERSON|wladimir klitschko", 1]],
        "title": "late",
    }
    groups = grouping.group(feats)
    home = next(g for g in groups if "a_late" in g.article_ids)
    assert sorted(home.article_ids) == sorted([f"a{n}" for n in range(REPORTS)] + ["a_late"])
