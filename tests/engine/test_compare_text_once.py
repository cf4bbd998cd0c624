"""The text report writes a sentence of A paired with several of B once (the seed pair's headline
was written out beside each of its five counterparts); the rows after it say so, each with its
own mark and counterpart."""

from __future__ import annotations

import pathlib

from index.compare import compare
from index.compare.report import AGAIN, comparison_to_text
from index.models import Article

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "seeds"


def _seed(prefix: str) -> Article:
    p = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = p.read_text(encoding="utf-8")
    return Article(id=p.name, path=str(p), title=text.splitlines()[0], text=text)


def test_a_sentence_of_a_with_several_partners_is_written_once() -> None:
    c = compare(_seed("000"), _seed("004"))
    by_a: dict[int, int] = {}
    for p in c.pairs:
        by_a[p.a.start] = by_a.get(p.a.start, 0) + 1
    many = [start for start, n in by_a.items() if n > 1]
    assert many  # the seed pair's headline has several counterparts
    lines = comparison_to_text(c, 150).splitlines()
    again = [line for line in lines if AGAIN in line]
    assert len(again) == sum(by_a[s] - 1 for s in many)
    assert all(line[:1] in "=~!" for line in again)  # each keeps its own mark
    headline = " ".join(c.a.text.split()[:6])  # "North Korea is rumored to send"
    rows = [line.replace("\u27e6", "").replace("\u27e7", "") for line in lines[4:]]
    assert sum(headline in row.split(" | ")[0] for row in rows) == 1
    # every counterpart is still shown beside its own row
    for p in c.pairs:
        assert any(p.b.text.split()[0] in line.split("|", 1)[-1] for line in lines if "|" in line)
