"""Text analysis: sentences, named entities, the gazetteer they are recognised with, and dates.

``sentences`` (splitting and paragraphs), ``entities`` (the public ``extract`` and the recogniser
registry; the recogniser is in ``recognizer``, built from ``entity_spans`` (dates, quantities,
capitalised runs), ``entity_rules`` (classification rules) and ``entity_keys`` (canonical keys,
aliases, display names, ``query_key``)),
``gazetteer`` (places, demonyms, groups, and the keys names fold to), ``lexicon`` (the
recogniser's generic word lists: titles, organisation and place heads, months, demonyms), ``dates`` (publication dates as news data
writes them), ``tokens`` (the index's own word analysis, shared by the postings and the features),
``features`` (each article's related-report features: whole-body vector, key terms, dates; made at
index time, read by :mod:`index.related`). :func:`analyse` is the per-article analysis done once at index time (entities), kept
here so worker processes can run it.
"""

from __future__ import annotations

from index.models import Article, Entity


def analyse(article: Article) -> list[Entity]:
    """Recognise the entities of an article (computed once per article version, at index time)."""
    from index.analysis.entities import extract

    return list(extract(article.text))
