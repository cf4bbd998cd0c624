"""One tokenisation of an article's words, the one the index's title and body fields make.

Whoosh's ``StemmingAnalyzer`` runs each word through a ``Token`` object and four filters (tokenizer,
lowercase, stop words, stemmer). Here the same steps are one ``findall``, a lowercase, a set test and
a cached Porter stem: the same words in the same order, about a third of the time. The body's stems
are computed once an article and shared by the postings (``index.store``) and the related-report
features (``index.analysis.features``).

Whoosh is imported lazily (``import index`` must stay cheap); only its public stop list and Porter
stemmer are used.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from index.pattern_cache import compiled

__all__ = ["analyse_body", "stem", "stems"]

WORD = compiled(r"[\w\*]+(?:\.?[\w\*]+)*")
"""Whoosh's default tokenizer pattern (``whoosh.analysis.tokenizers.default_pattern``), its group
made non-capturing so that ``findall`` returns whole words."""
_WORD_SCAN = compiled(r"[\w\*]+(?:\.[\w\*]+)*")
_ASCII_WORD_SCAN = compiled(r"[0-9A-Za-z_\*]+(?:\.[0-9A-Za-z_\*]+)*")
""":data:`WORD`'s words found faster: the greedy ``[\\w\\*]+`` leaves no word character after it,
so the optional dot can only matter as a dot (the same matches), and in an ASCII text ``\\w`` is
a set of letters, digits and "_" (a bit table where Unicode's ``\\w`` asks the character database
for every character): 72 -> 44 us a Reuters story."""

_STEM_CACHE = 50_000
"""As Whoosh's ``StemFilter`` (``cachesize=50000``)."""


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    from whoosh.lang.porter import stem as porter

    return lru_cache(maxsize=_STEM_CACHE)(porter)


def stem(word: str) -> str:
    """The Porter stem of a lowercase word, as the index's fields stem it."""
    return _stemmer()(word)


@lru_cache(maxsize=2)
def _stops(body: bool) -> frozenset[str]:
    from whoosh.analysis import STOP_WORDS

    # The body and title fields also drop "s" and "t" (index.store.core.text_analyzer).
    return frozenset(STOP_WORDS | {"s", "t"}) if body else frozenset(STOP_WORDS)


def _lower_words(text: str) -> list[str]:
    """The tokenizer's words of ``text``, lowercased.

    An ASCII text is lowercased whole before one ``findall`` (lowercasing keeps every ASCII
    character's place and word class, so the words are the same); any other text word by word, as
    Whoosh does ("İ" lowercases to two characters, the second no word character).
    """
    if text.isascii():
        return _ASCII_WORD_SCAN.findall(text.lower())
    return list(map(str.lower, _WORD_SCAN.findall(text)))


def analyse_body(text: str) -> tuple[list[str], list[str]]:
    """Stems in order and the sorted unique unstemmed words of a title or body field's text.

    The same tokens as ``StemmingAnalyzer(stoplist=STOP_WORDS | {"s", "t"}, minsize=1)`` (the
    index's text analyzer): Whoosh's tokenizer pattern, lowercase, stop words dropped, Porter stems.

    Args:
        text: The text.

    Returns:
        The stems in order (what the postings hold) and the unstemmed words (the spelling graph's).
    """
    stops = _stops(True)
    words = [w for w in _lower_words(text) if w not in stops]
    return list(map(_stemmer(), words)), sorted(set(words))


def stems(text: str) -> list[str]:
    """Stems of ``text`` in order as Whoosh's default ``StemmingAnalyzer()`` makes them.

    That analyzer drops Whoosh's stop words and words of one character before stemming.

    Args:
        text: The text.
    """
    stops = _stops(False)
    return list(map(_stemmer(), [w for w in _lower_words(text) if len(w) > 1 and w not in stops]))
