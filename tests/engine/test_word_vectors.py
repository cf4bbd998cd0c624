"""The word vectors the sentence-pair judgement reads (index/compare/vectors.py)."""

from __future__ import annotations

import math

from index.compare import vectors
from index.compare.pair_features import FEATURES, features
from index.compare.preparation import prepare


def _cos(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / math.sqrt(
        sum(x * x for x in a) * sum(y * y for y in b)
    )


def test_words_of_one_meaning_lie_closer_than_unrelated_words() -> None:
    troops, soldiers, banana = (vectors.word_vector(w) for w in ("troops", "soldiers", "banana"))
    assert troops and soldiers and banana
    assert len(troops) == vectors.DIMENSIONS
    assert _cos(troops, soldiers) > 0.8 > 0.3 > _cos(troops, banana)


def test_a_word_the_table_lacks_has_no_vector() -> None:
    assert vectors.word_vector("zzqxv") is None
    assert vectors.sentence_vector([]) is None
    assert vectors.cosine(None, (1.0,) * vectors.DIMENSIONS) == 0.0


def test_a_weight_scales_the_vector() -> None:
    one, three = vectors.word_vector("ceasefire"), vectors.word_vector("ceasefire", 3.0)
    assert one and three
    assert all(math.isclose(3 * x, y, abs_tol=1e-9) for x, y in zip(one, three, strict=True))


def test_sentences_told_in_other_words_lie_closer_than_other_topics() -> None:
    # no content word in common between the first two
    a = prepare("The troops could be deployed to the front.")
    b = prepare("Those soldiers may soon join the fighting.")
    c = prepare("Banana exports rose sharply in the spring harvest.")
    assert a.vector and b.vector and c.vector
    assert math.isclose(sum(v * v for v in a.vector), 1.0, rel_tol=1e-9)
    assert vectors.cosine(a.vector, b.vector) > vectors.cosine(a.vector, c.vector) + 0.2
    assert not a.weights.keys() & b.weights.keys()


def test_the_judgement_reads_the_vector_cosine() -> None:
    a = prepare("The troops could be deployed to the front.")
    b = prepare("Those soldiers may soon join the fighting.")
    x = features(a, b)
    assert x[FEATURES.index("vector_cosine")] == vectors.cosine(a.vector, b.vector) > 0.5
    assert x[FEATURES.index("cosine")] == 0.0
