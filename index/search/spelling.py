"""Spelling suggestions: a corrected query from the index's own words, offered when a query finds
little or nothing, and only when the correction finds more."""

from __future__ import annotations

import re
from collections.abc import Iterable

from index.search.matchsets import checked_phrases, match_segments
from index.search.parse import ANALYZER, WORD, parse, vocabulary
from index.search.query import QueryError, rewrite
from index.store.core import Store
from index.store.whoosh_public import Corrector, Query, Searcher

__all__ = ["sounds_alike", "suggest"]

SPELLED = ("title", "body")
"""The fields whose words are corrected, from the corpus's spelling words (``Store.spelling_words``).
Only these: the value of any other field is no word of the text (a date key, a quantity, an entity
key, a source), and Whoosh's own corrector, left to them, offered ``date:monday`` for ``date:sunday``
and ``quantity:2`` for ``quantity:5``."""
_TYPED_FIELD = re.compile(
    r'(?<![\w.])([A-Za-z_]+):((?:\[[^\]]*\]|\{[^}]*\}|\[[^}]*\}|\{[^\]]*\])|"[^"]*"|[^\s()]+)'
)
"""A ``field:value`` as typed (``index.search.query.rewrite``'s pattern)."""
_TYPED_SPELLED = frozenset(("title", "body", "text"))
"""Typed field names whose values are words of the text (``text:`` is ``body:``)."""


def suggest(s: Searcher, store: Store, q: Query, query: str, total: int) -> str | None:
    """A corrected query from the index vocabulary, when the query finds little or nothing."""
    if total > 2:
        return None
    rewritten = rewrite(query)
    spelled = [name for name in SPELLED if name in s.schema]
    # One corrector for every spelled field: a word is corrected to the best word of title or body
    # alike ("ursk" became "u.s", from a title, though "kursk" is one letter away in the bodies).
    merged = _CorpusCorrector(s, store, spelled, _typed_words(rewritten))
    correctors = dict.fromkeys(spelled, merged)
    try:
        # The words to correct named here: given none, Whoosh corrects every field's missing terms.
        reader = s.reader()
        terms = [
            (t.fieldname, t.text)
            for t in q.all_tokens()
            if t.fieldname in correctors and (t.fieldname, t.text) not in reader
        ]
        if not terms:
            return None
        corrected = s.correct_query(q, rewritten, correctors=correctors, terms=terms)
    except Exception:
        return None
    # Token offsets index the rewritten query (fields renamed, -word as NOT word): carry each
    # corrected word back into what the user typed.
    text = query
    for tok in corrected.tokens:
        typed = rewritten[tok.startchar : tok.endchar]
        if not typed or typed.lower() == str(tok.text).lower():
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(typed)}(?!\w)", re.IGNORECASE)
        replacement = str(tok.text)
        # Not inside another field's value (``person:smiht smiht``): that stays as typed.
        text = _replace_outside(pattern, replacement, text, _field_values(text))
    if not text or text == query:
        return None
    try:
        better = sum(
            len(docs)
            for _, _, docs in match_segments(s, checked_phrases(parse(store, text, s.schema)))
        )
    except QueryError:
        return None
    return text if better > total else None


class _CorpusCorrector(Corrector):  # type: ignore[misc]
    """Spelling suggestions from the corpus's spelling words, for several fields, merged.

    Whoosh's reader over several segments has no word graph: its corrector compared the word with
    every indexed term of the field (a Python edit distance each: ~90 ms at 100,000 articles) and
    offered stems ("tori") rather than words. Here the words of every title and body are compared
    in one rapidfuzz call (``index.search.parse.vocabulary``). Candidates are ranked by their true edit distance,
    then by how many articles hold the word's stem (Whoosh's own ranking looked up the unstemmed
    word's frequency, which a stemmed field does not have, so it ranked by nothing).
    """

    def __init__(
        self,
        searcher: Searcher,
        store: Store,
        fieldnames: list[str],
        typed: dict[str, str] | None = None,
    ) -> None:
        self.searcher = searcher
        self.store = store
        self.fieldnames = fieldnames
        self.typed = typed or {}
        """The words as typed, by their stem: Whoosh asks about stems ("arrest" for "arrested"),
        and a stem two edits from a word is not a spelling mistake."""

    def _suggestions(self, text: str, maxdist: int, prefix: int) -> Iterable[tuple[float, str]]:
        # The same word is asked for once per field (title:word, body:word): answer it once.
        key = (text, maxdist, prefix)
        cache: dict[tuple[str, int, int], list[tuple[float, str]]]
        cache = self.__dict__.setdefault("_cache", {})
        if key not in cache:
            cache[key] = self._rank(text, maxdist, prefix)
        return cache[key]

    def _rank(self, text: str, maxdist: int, prefix: int) -> list[tuple[float, str]]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        schema = self.searcher.schema
        reader = self.searcher.reader()
        if any(reader.doc_frequency(name, text) for name in self.fieldnames):
            return []  # a word of the bodies is not misspelled for lack of a title holding it
        word = self.typed.get(text, text)
        if len(word) < 3:
            return []  # every word is a typo of a one- or two-letter word ("j" -> "4")
        words = vocabulary(self.store, word[:prefix] if prefix else "")
        distance: dict[str, int] = {
            found: int(dist)
            for found, dist, _ in process.extract(
                word, words, scorer=Levenshtein.distance, score_cutoff=maxdist, limit=None
            )
        }
        distance.pop(word, None)
        distance.pop(text, None)
        if not distance:
            return []
        nearest = min(distance.values())
        ranked = []
        for candidate in sorted(w for w, d in distance.items() if d == nearest):
            # Only the nearest words can win: a word that sounds as the typed one does first
            # ("opek" is "opec", not "oper"), then how many articles hold each.
            articles = 0
            for name in self.fieldnames:
                for token in schema[name].analyzer(candidate):
                    articles += reader.doc_frequency(name, token.text)
            if sounds_alike(word, candidate):
                articles *= SOUND_WEIGHT
            ranked.append((-(nearest + 0.5 / (articles + 1)), candidate))
        return ranked


_SAME_SOUND = ("ckq", "sz", "iy")
"""Letters that spell one sound. Soundex's classes were tried: they put c with g, x and z, d with t,
and every vowel with every other ("sid" became "sit", not "said"), and lost more random typos than
they mended."""


SOUND_WEIGHT = 10
"""A word that sounds as the typed one counts as if ten times as many articles held it: preferring
it outright mended phonetic misspellings but lost "said" to "sit" for "sid" (1.5% of random typos)."""


def sounds_alike(typed: str, word: str) -> bool:
    """Whether ``word`` is ``typed`` with one letter for another that spells the same sound
    ("opek" and "opec", "analyze" and "analyse"; "kompanies" and "companys" are two letters).

    On 2,000 Reuters stories "opek" was corrected to "oper" (an abbreviation in 55 earnings
    reports, where "opec" is in 22). Measured on that index: 300 words with one such letter
    swapped (c/k, s/z, i/y) corrected back 275 -> 287 times; 2,400 random one-edit typos
    2,000 -> 1,999.
    """
    if len(typed) != len(word):
        return False
    diff = [(a, b) for a, b in zip(typed, word, strict=True) if a != b]
    return len(diff) == 1 and any(diff[0][0] in g and diff[0][1] in g for g in _SAME_SOUND)


def _field_values(query: str) -> list[tuple[int, int]]:
    """Where the values of fields other than title and body are in a query as typed."""
    return [
        m.span(2)
        for m in _TYPED_FIELD.finditer(query)
        if m.group(1).lower() not in _TYPED_SPELLED and query.count('"', 0, m.start()) % 2 == 0
    ]


def _replace_outside(
    pattern: re.Pattern[str], new: str, text: str, spans: list[tuple[int, int]]
) -> str:
    """``pattern``'s matches in ``text`` replaced by ``new``, but those inside ``spans``."""

    def one(m: re.Match[str]) -> str:
        return m.group() if any(a <= m.start() < b for a, b in spans) else new

    return pattern.sub(one, text)


def _typed_words(query: str) -> dict[str, str]:
    """Each word of a query as typed (lowercased), by its stem."""
    out: dict[str, str] = {}
    for m in WORD.finditer(query):
        typed = m.group().lower()
        for token in ANALYZER(typed):
            out.setdefault(token.text, typed)
    return out
