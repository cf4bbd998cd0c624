"""Compact per-article features for related reports and story grouping, computed once at index time.

The store calls :func:`features` for every article it indexes and keeps the result in a stored field;
:mod:`index.related` reads them back (``Store.features()``) and weighs them against the whole corpus.
Document frequencies are corpus-level and change as the corpus grows, so nothing here is weighted by
rarity: the features hold raw counts and the rarity weights are computed at query time.

The features are a plain dict (JSON- and pickle-friendly, about 1-2 KB an article):

``v``
    Format version (:data:`FEATURES_VERSION`).
``title``, ``source``, ``date``
    What a related-reports list shows without opening the article.
``day``
    The publication date as a proleptic Gregorian ordinal, or ``None``.
``terms``
    ``[(stem, count), ...]``: the article's whole stemmed body (and headline), stemmed like the index
    body field, most frequent first, capped at :data:`MAX_TERMS` (a long report's rare tail).
``ents``
    ``[[key, count], ...]``: entity keys ``LABEL|canonical``, plus ``YEAR|yyyy`` for years in the text.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

from index.analysis import tokens
from index.analysis.dates import parse_date
from index.models import Article, Entity
from index.pattern_cache import compiled

FEATURES_VERSION = 3
MAX_TERMS = 300
"""Terms kept per article. Version 1 kept 48 key terms, and lost to plain TF-IDF cosine on long reports
(DUC 2004: 0.67 against 0.74 top-1): a name said once deep in the text is rare, so it is what tells
two reports of one story from the rest. 300 keeps the whole body of 9 articles in 10 of WikiNews and
ECB+ (median 100 distinct stems) and most of a long one, at about 3 KB an article."""
MAX_ENTITIES = 40
TITLE_BOOST = 1
"""A headline word counts as this many extra mentions: headlines name what the story is about (2 lost
ECB+ top-1 reports once the whole body was kept)."""
_TITLE_CHARS = 200

# Words that are frequent in any news report whatever the story. They are kept as terms: in a large
# corpus their real rarity weighs them (dropping them cost 2-3 of 413 ECB+ top-1 reports among 2,000
# Reuters distractors: "she", a month or a count tells events apart). A small corpus is padded with
# generic articles holding these words (IDF_FLOOR_DOCS in index.related), so that there "was" or "said"
# cannot match two earthquakes as well as two reports of one.
NEWS_STOPWORDS = frozenset(
    """he she his her hers him they them their theirs i me my we our ours who whom whose which what
    there here these those was were been being had has having did does do doing but than then
    after before about over under into out off up down all any some such other another own same only
    very can't cannot could't its it also just both each few most much many more other nor
    where why how while during through between against among again further once because until
    story stories source sources official officials statement added asked called
    said says say saying told tell according report reports reported reporting news new one two
    three four five six seven eight nine ten first second third last next year years month months
    week weeks day days today yesterday tomorrow time times people also would could should may might
    must will just like get got make made many much more most well even back still since around
    however including include includes percent per cent monday tuesday wednesday thursday friday
    saturday sunday january february march april june july august september october november
    december mr mrs ms dr it's there's that's he's she's we're they're don't didn't can't won't go
    going went come came take took see seen know known think want way part lot use used""".split()
)

_YEAR = compiled(r"(1[89]\d\d|20\d\d)(?<![\d.,]....)(?![\d.,]\d)")
"""A year, not part of a longer number. The look-behind after the four digits tests the character
before them: a pattern that opens with a look-behind is tried at every position (2.4x slower)."""


def generic_stems() -> frozenset[str]:
    """Stems of the words any news report uses whatever its story (:data:`NEWS_STOPWORDS`)."""
    return _news_stop_stems()


@lru_cache(maxsize=1)
def _news_stop_stems() -> frozenset[str]:
    return frozenset(tokens.stems(" ".join(NEWS_STOPWORDS))) | NEWS_STOPWORDS


def stems(text: str, analysed: Sequence[str] | None = None) -> list[str]:
    """Stemmed words of ``text`` in order, as the body field's analyzer makes them (no one-letter word).

    Numbers stay: an age, a toll or a magnitude tells one event from another of the same kind, as it
    does for plain TF-IDF.

    Args:
        text: The text.
        analysed: Its stems as the body analyzer makes them, when the caller already has them (the
            indexer does: it analyses each body once for both Whoosh and these features, with
            :func:`index.analysis.tokens.analyse_body`).
    """
    words = tokens.stems(text) if analysed is None else analysed
    return [w for w in words if len(w) > 1]  # Porter makes "i" of "ies"


def key_terms(
    title: str, text: str, limit: int = MAX_TERMS, text_stems: Sequence[str] | None = None
) -> list[tuple[str, int]]:
    """The article's stems with their counts, headline words boosted, most frequent first.

    Past ``limit`` distinct stems, generic news words go first, then the rarest-mentioned words seen
    last: news puts the essentials in the headline and the lead.
    """
    # A Counter keeps its keys in the order first seen (headline, then body), and Python's sort is
    # stable, also in reverse: ties in count stay in order of first mention without a position
    # table, and the sort key is C code (itemgetter), not a Python function called for each stem.
    counts: Counter[str] = Counter()
    for word in stems(title):
        counts[word] += TITLE_BOOST
    if text_stems is None:
        counts.update(stems(text))
    else:  # the same as stems(text, text_stems), filtered once per distinct stem, not per word
        counts.update(text_stems)
        for word in [w for w in counts if len(w) < 2]:
            del counts[word]
    if len(counts) <= limit:
        return sorted(counts.items(), key=_COUNT, reverse=True)
    generic = _news_stop_stems()
    items = counts.items()
    ranked = sorted([kv for kv in items if kv[0] not in generic], key=_COUNT, reverse=True)
    if len(ranked) < limit:
        ranked += sorted([kv for kv in items if kv[0] in generic], key=_COUNT, reverse=True)
    return ranked[:limit]


_COUNT = itemgetter(1)


def entity_keys(
    text: str, entities: Sequence[Entity], limit: int = MAX_ENTITIES
) -> list[tuple[str, int]]:
    """Entity keys (``LABEL|canonical``) with mention counts, plus the years the text mentions."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for ent in entities:
        canon = " ".join(ent.canonical.split())
        if not canon:
            continue
        key = f"{ent.label}|{canon}"
        counts[key] += 1
        first.setdefault(key, ent.start)
    # Years separate otherwise similar events (two earthquakes in the same country, years apart),
    # whatever form the recognizer gives DATE entities.
    for m in _YEAR.finditer(text):
        key = f"YEAR|{m.group(1)}"
        counts[key] += 1
        first.setdefault(key, m.start())
    # Most mentioned first, ties in order of first mention (two stable sorts with C keys).
    order = sorted(counts, key=first.__getitem__)
    return sorted([(k, counts[k]) for k in order], key=_COUNT, reverse=True)[:limit]


def features(
    article: Article, entities: Sequence[Entity], text_stems: Sequence[str] | None = None
) -> dict[str, Any]:
    """Compute the stored features of one article (pure function: runs in index worker processes).

    Args:
        article: The article as read by ingest.
        entities: Its entities as found at index time.
        text_stems: The body's stems from the index analyzer, when already computed.

    Returns:
        A small dict described in the module docstring.
    """
    day: int | None = None
    if article.date:
        parsed = parse_date(article.date)
        day = parsed.toordinal() if parsed else None
    title = article.title or ""
    return {
        "v": FEATURES_VERSION,
        "title": title[:_TITLE_CHARS],
        "source": article.source,
        "date": article.date,
        "day": day,
        "terms": key_terms(title, article.text, text_stems=text_stems),
        "ents": [[k, n] for k, n in entity_keys(article.text, entities)],
    }


def tf_weight(count: int) -> float:
    """Sublinear term-frequency weight: a word said ten times is not ten times as telling."""
    return 1.0 + math.log(count) if count > 0 else 0.0
