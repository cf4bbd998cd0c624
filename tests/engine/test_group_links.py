"""Story grouping's links between mutual closest reports (index.related.grouping): their words
alone must link them, as a related report's first score does; a country in common is not enough
(Reuters: "Economic spotlight - Indonesia's economy" and "Indonesia said to be stable ahead of
elections", or two dividend notices naming one record date)."""

from __future__ import annotations

from typing import Any

from index.related import grouping
from index.related.similarity import SAME_STORY, corpus_model, dots, similarity


def _feats(shared_words: int) -> dict[str, Any]:
    words_a = ["economy", "growth", "inflation", "budget", "deficit", "oil", "rupiah", "debt"]
    words_b = ["election", "army", "security", "threat", "campaign", "vote", "party", "rally"]
    common = [[w, 2] for w in ["export", "import", "trade", "tariff"][:shared_words]]
    feats: dict[str, Any] = {
        "a": {
            "terms": [[w, 2] for w in words_a] + common,
            "ents": [
                ["PLACE|indonesia", 3],
                ["ORG|bank indonesia", 1],
                ["ORG|finance ministry", 1],
            ],
            "title": "a",
            "day": None,
        },
        "b": {
            "terms": [[w, 2] for w in words_b] + common,
            "ents": [["PLACE|indonesia", 2]] + [[f"PERSON|officer {i}", 1] for i in range(6)],
            "title": "b",
            "day": None,
        },
    }
    for i in range(6):
        feats[f"c{i}"] = {
            "terms": [["cocoa", 2], [f"crop{i}", 2], [f"port{i}", 2], ["harvest", 1]],
            "ents": [[f"PLACE|land{i}", 2]],
            "title": f"c{i}",
            "day": None,
        }
    return feats


def _together(feats: dict[str, Any]) -> bool:
    return any({"a", "b"} <= set(g.article_ids) for g in grouping.group(feats))


def test_a_name_in_common_is_no_link() -> None:
    feats = _feats(0)
    model = corpus_model(feats)
    a, b = model.pos["a"], model.pos["b"]
    terms, ents = dots(model.vecs[a], model.vecs[b])
    # The premise: each is the other's closest, below SAME_STORY, on the strength of the country.
    assert grouping.LINK_FLOOR <= similarity(model, a, b) < SAME_STORY
    assert terms < grouping.LINK_FLOOR < ents
    assert not _together(feats)


def test_words_in_common_still_link() -> None:
    feats = _feats(2)
    model = corpus_model(feats)
    a, b = model.pos["a"], model.pos["b"]
    assert similarity(model, a, b) < SAME_STORY
    assert dots(model.vecs[a], model.vecs[b])[0] >= grouping.LINK_FLOOR
    assert _together(feats)
