"""``schema.decode_article``: the article at once, its entities when asked, the same as
``decode_blob`` gives, for blobs written by orjson and by ``json`` (spaces) alike."""

from __future__ import annotations

import json
import zlib

from index.models import Article, Entity
from index.store.schema import decode_article, decode_blob, encode_blob

TEXT = 'Pat Lee said "entities":[1] in Paris, ,"entities":[ too, and left for Rome.'


def _article() -> tuple[Article, list[Entity]]:
    article = Article(id="a.txt", path="/x/a.txt", title="T", text=TEXT)
    ents = [
        Entity(0, 7, "PERSON", TEXT[0:7], "pat lee"),
        Entity(TEXT.index("Paris"), TEXT.index("Paris") + 5, "GPE", "Paris", "paris"),
        Entity(TEXT.index("Rome"), TEXT.index("Rome") + 4, "GPE", "Rome", "rome"),
    ]
    return article, ents


def test_the_same_as_decode_blob() -> None:
    article, ents = _article()
    blob = encode_blob(article, ents)
    first, later = decode_article(blob)
    assert (first, later()) == decode_blob(blob) == (article, ents)


def test_no_entities() -> None:
    article, _ = _article()
    first, later = decode_article(encode_blob(article, []))
    assert first == article and later() == []


def test_blobs_written_by_json_and_compressed() -> None:
    article, ents = _article()
    data = json.loads(encode_blob(article, ents))
    spaced = json.dumps(data).encode("utf-8")  # ', "entities": [' with spaces
    for blob in (spaced, zlib.compress(spaced), zlib.compress(encode_blob(article, ents))):
        first, later = decode_article(blob)
        assert (first, later()) == (article, ents)
