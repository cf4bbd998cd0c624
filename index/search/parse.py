"""A query typed in newsdesk's language, checked, rewritten (``index.search.query``) and parsed into
a Whoosh query: one parser per schema, fuzzy words matched against the field's own stems."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from index.search.query import QueryError, rewrite, validate
from index.store.core import Store, text_analyzer
from index.store.whoosh_public import (
    DateParserPlugin,
    English,
    FuzzyTerm,
    FuzzyTermPlugin,
    GtLtPlugin,
    IndexReader,
    MultifieldParser,
    NullQuery,
    Query,
)

__all__ = ["check", "parse", "vocabulary"]

ANALYZER = text_analyzer()
"""The body and title fields' analyzer (stemming), built once for the search package."""
WORD = re.compile(r"[\w\*]+(?:\.?[\w\*]+)*")
"""A word as Whoosh's default tokenizer finds it."""


class _LexiconFuzzyTerm(FuzzyTerm):  # type: ignore[misc]
    """A fuzzy term matched against the field's own (stemmed) terms.

    Whoosh looks fuzzy words up in a spelling word list, which for a stemmed field holds unstemmed
    words ("zelenskyy") that are not the indexed terms ("zelenskyi"), so ``word~`` found nothing in
    the body. Scanning every indexed term instead is correct but slow (0.8 s at 1,000 articles), so:
    find the near words in the corpus's spelling words (``vocabulary``), stem them as the field
    does, and keep the stems the field really holds.
    """

    words: Callable[[], list[str]] | None = None
    """The corpus's spelling words, sorted (set by ``parse``; without them, Whoosh's term scan)."""

    def _btexts(self, ixreader: Any) -> Any:
        # Whoosh asks for the expansion several times per search (size estimate, matcher, count).
        cache = self.__dict__.setdefault("_expanded", {})
        key = id(ixreader)
        if key not in cache:
            cache[key] = self._expand(ixreader)
        return cache[key]

    def _expand(self, ixreader: Any) -> list[bytes]:
        schema = ixreader.schema
        field = schema[self.fieldname] if self.fieldname in schema else None  # noqa: SIM401 - no .get()
        if field is None or self.words is None or self.fieldname not in _STEMMED_FIELDS:
            return list(
                IndexReader.terms_within(
                    ixreader, self.fieldname, self.text, self.maxdist, prefix=self.prefixlength
                )
            )
        stems: set[bytes] = set()
        # The word's own stem, when indexed ("reporter~" finds "reporters" through "report").
        for token in field.analyzer(self.text):
            if (self.fieldname, token.text.encode("utf-8")) in ixreader:
                stems.add(token.text.encode("utf-8"))
        for btext in self._near_stems(field):
            if (self.fieldname, btext) in ixreader:
                stems.add(btext)
        return sorted(stems)

    def _near_stems(self, field: Any) -> list[bytes]:
        """The stems of the corpus's words within ``maxdist`` edits (the same for every segment:
        worked out once a query)."""
        near_stems: list[bytes] | None = self.__dict__.get("_near")
        if near_stems is None:
            from rapidfuzz import process
            from rapidfuzz.distance import Levenshtein

            assert self.words is not None
            prefix = self.text[: self.prefixlength] if self.prefixlength else ""
            near = process.extract(
                self.text,
                with_prefix(self.words(), prefix),
                scorer=Levenshtein.distance,
                score_cutoff=self.maxdist,
                limit=None,
            )
            found = {t.text.encode("utf-8") for word, _, _ in near for t in field.analyzer(word)}
            near_stems = self.__dict__["_near"] = sorted(found)
        return near_stems


def _fix_fuzzy(q: Query, typed: dict[str, str], words: Callable[[], list[str]] | None) -> Query:
    if type(q) is FuzzyTerm:
        text = q.text
        if q.fieldname in _STEMMED_FIELDS:
            # The parser stemmed the word ("reporters~" -> "report"); near words are looked up in
            # the spelling words, which are words as written, so start from the word as typed.
            text = typed.get(text, text)
        term = _LexiconFuzzyTerm(
            q.fieldname,
            text,
            q.boost,
            edits_allowed(text, q.maxdist),
            q.prefixlength,
            q.constantscore,
        )
        term.words = words
        return term
    return q


def edits_allowed(word: str, asked: int) -> int:
    """The edits a fuzzy word may take: what was asked, at most one for a word of three to five
    letters and none for one or two (the limits Lucene's "AUTO" fuzziness uses). Two edits make a
    short word any short word: ``oil~2`` matched "on", "one" and "air" (13,535 of Reuters' hits)."""
    n = len(word)
    return min(asked, 0 if n <= 2 else 1 if n <= 5 else 2)


_STEMMED_FIELDS = frozenset({"title", "body"})
_TYPED_FUZZY = re.compile(r"(?<![\w~])(\w+)~")


def _typed_fuzzy_words(query: str) -> dict[str, str]:
    """The words written with ``~``, by their stem."""
    out: dict[str, str] = {}
    for m in _TYPED_FUZZY.finditer(query):
        word = m.group(1).lower()
        for token in ANALYZER(word):
            out.setdefault(token.text, word)
    return out


class _LaterEnglish:
    """Whoosh's English date parser, built when a query first has a date in it (building it compiles
    its patterns: ~3 ms of a command-line search that has none)."""

    def __init__(self) -> None:
        self._parser: Any = None

    def __getattr__(self, name: str) -> Any:
        if self._parser is None:
            self._parser = English()
        return getattr(self._parser, name)


_PARSERS: list[Any] = []


def _parser(schema: Any) -> Any:
    """One query parser per schema: building one (plugins, taggers) costs milliseconds a keystroke.

    Found by equal schema, not the same object: Whoosh unpickles the schema anew from the table of
    contents at each ``ix.schema``, so a parser kept by identity was built again at every query.
    """
    for parser in _PARSERS:
        if parser.schema is schema or parser.schema == schema:
            return parser
    parser = MultifieldParser(["title", "body"], schema)
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(DateParserPlugin(dateparser=_LaterEnglish(), free=False))
    _PARSERS[:] = [parser, *_PARSERS[:3]]
    return parser


def parse(store: Store, query: str, schema: Any = None) -> Query:
    """Validate and parse a query string into a Whoosh query.

    Args:
        store: The index.
        query: The query as typed.
        schema: The index's schema when the caller holds it (a searcher's): reading it from the
            index unpickles its table of contents (~1 ms, most of a parse).

    Raises:
        QueryError: the query is malformed; the message says how.
    """
    q = _parsed(query, store.ix.schema if schema is None else schema)
    typed = _typed_fuzzy_words(query)
    getter = getattr(store, "spelling_words", None)
    words = _Words(getter) if getter is not None else None
    return q.accept(lambda node: _fix_fuzzy(node, typed, words))


def check(query: str) -> None:
    """Refuse a malformed query before any index is opened, as :func:`parse` would, with the
    schema every index is made with: ``newsdesk search ''`` told the library's notes, and
    opened the index, before "bad query".

    Raises:
        QueryError: the query is malformed; the message says how.
    """
    from index.store.schema import make_schema

    _parsed(query, make_schema())


def _parsed(query: str, schema: Any) -> Query:
    """The query validated and parsed, before fuzzy words are matched to the index's stems."""
    validate(query)
    parser = _parser(schema)
    try:
        q = parser.parse(rewrite(query))
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"cannot read this query ({_one_line(exc)})") from None
    if q is NullQuery or q.normalize() is NullQuery:
        if not re.search(r"[^\W_]", query):  # "🙂", "---": not the common words it was told
            raise QueryError("nothing to search for: the query holds no letter or digit")
        raise QueryError(
            "nothing to search for: the query has only common words (the, of, to) or empty phrases"
        )
    return q


class _Words:
    """The store's spelling-word getter, carried by a query: copies of the query (Whoosh's
    ``copy.deepcopy``) share it rather than copy the store."""

    def __init__(self, getter: Callable[[], list[str]]) -> None:
        self.getter = getter

    def __call__(self) -> list[str]:
        return self.getter()

    def __copy__(self) -> _Words:
        return self

    def __deepcopy__(self, memo: Any) -> _Words:
        return self


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


def vocabulary(store: Any, prefix: str = "") -> list[str]:
    """The corpus's spelling words that begin with ``prefix`` (all of them for ``""``), sorted.

    Kept once a corpus in the index's database (``Store.spelling_words``, re-read only when the
    database changes) and compared in one rapidfuzz call: Whoosh walked a Levenshtein automaton over
    each segment's on-disk spelling terms, a binary search of file reads per step (35-50 ms a word
    at 100,000 articles).
    """
    return with_prefix(store.spelling_words(), prefix)


def with_prefix(words: list[str], prefix: str) -> list[str]:
    """The words of a sorted list that begin with ``prefix``."""
    if not prefix:
        return words
    start = bisect.bisect_left(words, prefix)
    end = bisect.bisect_left(words, prefix + "\U0010ffff", start)
    return words[start:end]
