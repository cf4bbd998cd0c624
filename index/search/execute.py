"""Running a query: ranked hits with snippets carrying character ranges, suggestions, sorting."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any

from whoosh import highlight
from whoosh.qparser import (
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldParser,
)
from whoosh.qparser.dateparse import DateParserPlugin
from whoosh.query import FuzzyTerm, NullQuery, Query
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.spelling import Corrector

from index.models import Hit, SearchResult, Snippet
from index.search.matchsets import SegmentMatches, checked_phrases
from index.search.query import QueryError, rewrite, validate
from index.search.ranking import top_hits
from index.store.core import Store, decode_blob, text_analyzer

__all__ = ["SORTS", "QueryError", "by_date", "parse", "search", "snippets_for"]

_ANALYZER = text_analyzer()
SNIPPET_CHARS = 200


class _OffsetFormatter(highlight.Formatter):  # type: ignore[misc]
    """Returns fragments as ``Snippet`` objects instead of marked-up strings."""

    def format(self, fragments: list[Any], replace: bool = False) -> list[Snippet]:
        out: list[Snippet] = []
        for frag in fragments:
            base = frag.startchar
            text = frag.text[frag.startchar : frag.endchar]
            spans = sorted(
                {
                    (t.startchar - base, t.endchar - base)
                    for t in frag.matches
                    if t.endchar > t.startchar
                }
            )
            out.append(Snippet(text=text, highlights=tuple(spans), offset=base))
        return out


class _LexiconFuzzyTerm(FuzzyTerm):  # type: ignore[misc]
    """A fuzzy term matched against the field's own (stemmed) terms.

    Whoosh's segment reader looks fuzzy words up in the spelling word list, which for a stemmed field
    holds unstemmed words ("zelenskyy") that are not the indexed terms ("zelenskyi"), so ``word~``
    found nothing in the body. Scanning every indexed term instead is correct but slow (0.8 s at
    1,000 articles), so: find the near words in the spelling graph (a fast Levenshtein automaton),
    stem them as the field does, and keep the stems the field really holds.
    """

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
        if field is None or not field.spelling or not hasattr(ixreader, "cursor"):
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
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        # Near words from the segment's spelling words held in memory (see ``_vocabulary``).
        prefix = self.text[: self.prefixlength] if self.prefixlength else ""
        vocabulary = _vocabulary(ixreader, field.spelling_fieldname(self.fieldname), prefix)
        near = process.extract(
            self.text,
            vocabulary,
            scorer=Levenshtein.distance,
            score_cutoff=self.maxdist,
            limit=None,
        )
        for word, _, _ in near:
            for token in field.analyzer(word):
                btext = token.text.encode("utf-8")
                if (self.fieldname, btext) in ixreader:
                    stems.add(btext)
        return sorted(stems)


def _fix_fuzzy(q: Query, typed: dict[str, str]) -> Query:
    if type(q) is FuzzyTerm:
        text = q.text
        if q.fieldname in _STEMMED_FIELDS:
            # The parser stemmed the word ("reporters~" -> "report"); near words are looked up in
            # the spelling graph, which holds words as written, so start from the word as typed.
            text = typed.get(text, text)
        return _LexiconFuzzyTerm(
            q.fieldname, text, q.boost, q.maxdist, q.prefixlength, q.constantscore
        )
    return q


_STEMMED_FIELDS = frozenset({"title", "body"})
_TYPED_FUZZY = re.compile(r"(?<![\w~])(\w+)~")


def _typed_fuzzy_words(query: str) -> dict[str, str]:
    """The words written with ``~``, by their stem."""
    out: dict[str, str] = {}
    for m in _TYPED_FUZZY.finditer(query):
        word = m.group(1).lower()
        for token in _ANALYZER(word):
            out.setdefault(token.text, word)
    return out


_PARSERS: dict[int, Any] = {}


def _parser(schema: Any) -> Any:
    """One query parser per schema: building one (plugins, taggers) costs milliseconds a keystroke."""
    parser = _PARSERS.get(id(schema))
    if parser is None or parser.schema is not schema:
        parser = MultifieldParser(["title", "body"], schema)
        parser.add_plugin(FuzzyTermPlugin())
        parser.add_plugin(GtLtPlugin())
        parser.add_plugin(DateParserPlugin(free=False))
        _PARSERS[id(schema)] = parser
    return parser


def parse(store: Store, query: str) -> Query:
    """Validate and parse a query string into a Whoosh query.

    Raises:
        QueryError: the query is malformed; the message says how.
    """
    validate(query)
    parser = _parser(store.ix.schema)
    try:
        q = parser.parse(rewrite(query))
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"cannot read this query ({_one_line(exc)})") from None
    if q is NullQuery or q.normalize() is NullQuery:
        raise QueryError(
            "nothing to search for: the query has only common words (the, of, to) or empty phrases"
        )
    typed = _typed_fuzzy_words(query)
    return q.accept(lambda node: _fix_fuzzy(node, typed))


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


_WORD = re.compile(r"[\w\*]+(?:\.?[\w\*]+)*")  # Whoosh's default tokenizer pattern
SURROUND = 70


def _stemmer() -> Any:
    # The analyzer's own cached stemmer: snippets match exactly what the index matched.
    return _ANALYZER.items[-1]._stem


_SPACES = re.compile(r"\s+")


def _snippet(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> Snippet:
    """``text[start:end]`` as a snippet, whitespace runs collapsed to one space (a hard-wrapped
    article's line breaks and indentation would otherwise show as "Malaysian.     Thus").

    ``spans`` are article offsets; they come back as ranges into the collapsed text. ``offset``
    stays the article offset where the snippet starts.
    """
    piece = text[start:end]
    origins, targets = [0], [0]  # where each collapsed run ends: in ``piece``, in the output
    out: list[str] = []
    pos = n = 0
    for m in _SPACES.finditer(piece):
        if m.group() == " ":
            continue
        out.append(piece[pos : m.start()])
        n += m.start() - pos + 1
        out.append(" ")
        pos = m.end()
        origins.append(pos)
        targets.append(n)
    out.append(piece[pos:])

    def at(p: int) -> int:
        k = bisect.bisect_right(origins, p) - 1
        return targets[k] + (p - origins[k])

    highlights = tuple((at(a - start), at(b - start)) for a, b in spans if start <= a < b <= end)
    return Snippet(text="".join(out), highlights=highlights, offset=start)


def _snippets(text: str, terms: set[str], top: int) -> list[Snippet]:
    """Up to ``top`` fragments around the matched terms, best first by distinct terms, in text order.

    A direct scan (tokenise, stem with the index's cached stemmer, compare) costs about a millisecond
    for a 500-word article, where Whoosh's highlighter took 3-7 ms a hit: ten hits a keystroke.
    """
    if not terms:
        return [_lead(text)]
    stem = _stemmer()
    found: list[tuple[int, int, str]] = []
    for m in _WORD.finditer(text):
        word = m.group().lower()
        key = word if word in terms else stem(word)
        if key in terms:
            found.append((m.start(), m.end(), key))
    if not found:
        return [_lead(text)]
    windows: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    i = 0
    while i < len(found):
        first = found[i][0]
        start = max(0, first - SURROUND)
        if start:
            space = text.find(" ", start, first)
            start = space + 1 if space >= 0 else start
        limit = start + SNIPPET_CHARS
        group = []
        while i < len(found) and found[i][1] <= limit:
            group.append(found[i])
            i += 1
        if not group:  # one very long token
            group.append(found[i])
            i += 1
        end = min(len(text), max(group[-1][1] + SURROUND, limit))
        if end < len(text):
            space = text.rfind(" ", group[-1][1], end)
            end = space if space > group[-1][1] else end
        windows.append((start, end, group))
    best = sorted(windows, key=lambda w: (-len({k for _, _, k in w[2]}), -len(w[2]), w[0]))[:top]
    return [
        _snippet(text, start, end, ((a, b) for a, b, _ in group))
        for start, end, group in sorted(best)
    ]


_ENTITY_LABEL_OF = {
    "person": "PERSON",
    "org": "ORG",
    "place": "PLACE",
    "group": "GROUP",
    "dates": "DATE",
    "quantity": "QUANTITY",
}


def _mention_snippets(
    text: str, entities: list[Any], names: set[tuple[str, str]], top: int
) -> list[Snippet]:
    """Snippets around the mentions of the entities an entity-field query matched.

    ``person:zelensky`` matches the canonical key "volodymyr zelensky"; the reader wants to see where
    the article names him ("Zelenskyy", "President Volodymyr Zelensky"), highlighted.
    """
    words_by_label: dict[str, set[str]] = {}
    for field, word in names:
        words_by_label.setdefault(_ENTITY_LABEL_OF[field], set()).add(word)
    mentions = [
        e
        for e in entities
        if e.label in words_by_label
        and words_by_label[e.label] & set(re.findall(r"[\w]+(?:[.'][\w]+)*", e.canonical.lower()))
    ]
    out: list[Snippet] = []
    taken_to = -1
    for e in mentions:
        if e.start < taken_to:
            continue
        start = max(0, e.start - 70)
        start = text.rfind(" ", 0, start) + 1 if start > 0 else 0
        end = min(len(text), e.end + 110)
        end = text.find(" ", end) if end < len(text) and text.find(" ", end) > 0 else end
        spans = [(m.start, m.end) for m in mentions if m.start >= start and m.end <= end]
        out.append(_snippet(text, start, end, spans))
        taken_to = end
        if len(out) >= top:
            break
    return out


def _lead(text: str) -> Snippet:
    """The opening of an article, for hits matched on fields other than the body."""
    flat_end = min(len(text), SNIPPET_CHARS)
    cut = text.rfind(" ", 0, flat_end) if flat_end < len(text) else flat_end
    return _snippet(text, 0, cut if cut > 0 else flat_end, ())


_TEXT_FIELDS = ("body", "title")


TERMS_FROM = 50
"""Hits whose matched words make a result's ``terms`` when every hit is listed without snippets."""
SORTS = ("relevance", "newest", "oldest")
"""The orders ``search`` can list hits in."""


def search(
    store: Store,
    query: str,
    limit: int | None = 20,
    snippets: int = 3,
    sort: str = "relevance",
) -> SearchResult:
    """Search the index.

    ``total`` is exact: the matching documents are found with set algebra over the postings
    (``index.search.matchsets``), then only those are scored, with Whoosh's scores and order
    (``index.search.ranking``; Whoosh's own ranking for query shapes it has no rule for).

    Args:
        store: The corpus index.
        query: The query in newsdesk's query language (see the README).
        limit: Maximum number of hits returned (``total`` counts them all); ``None`` for every hit.
        snippets: Snippets per hit (0 for none: faster; a long list fetches them later with
            ``snippets_for``).
        sort: ``relevance`` (best first), ``newest`` or ``oldest`` (by publication date, ties in
            order of relevance; articles without a readable date come last, those whose date
            could not be read before those with none).

    Raises:
        QueryError: the query is malformed.
        ValueError: ``sort`` is not one of ``SORTS``.
    """
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    parsed = parse(store, query)
    q = checked_phrases(parsed)
    with store.searcher() as s:
        found = _match(s, q)
        total = sum(len(docs) for _, _, docs in found)
        hits: list[Hit] = []
        all_terms: set[str] = set()
        wanted = total if limit is None else min(limit, total)
        if total and wanted > 0:
            if sort == "relevance":
                ranked = [(score, docnum, None) for score, docnum in _ranked(s, q, found, wanted)]
            else:
                # Every match's date is needed to find the newest: rank them all, then sort stably.
                every = [
                    (score, docnum, s.stored_fields(docnum))
                    for score, docnum in _ranked(s, q, found, total)
                ]
                ranked = by_date(every, lambda item: item[2]["meta"][2], sort == "newest")[:wanted]
            for n, (score, docnum, fields) in enumerate(ranked):
                seg, local = _segment_of(found, docnum)
                terms: set[str] = set()
                names: set[tuple[str, str]] = set()
                # Every hit listed without snippets: the words matched are gathered from the first
                # hits only (a postings walk each), enough to highlight them in the reader.
                if snippets or limit is not None or n < TERMS_FROM:
                    matched = seg.matched_terms(local, (*_TEXT_FIELDS, *_ENTITY_LABEL_OF))
                    terms = {t.decode("utf-8") for f, t in matched if f in _TEXT_FIELDS}
                    names = {(f, t.decode("utf-8")) for f, t in matched if f in _ENTITY_LABEL_OF}
                stored = fields if fields is not None else s.stored_fields(docnum)
                hits.append(_hit(stored, score, terms, names, snippets))
                all_terms |= terms
        suggestion = _suggest(s, store, parsed, query, total)
    return SearchResult(query, total, tuple(hits), suggestion, tuple(sorted(all_terms)), sort)


def by_date(items: list[Any], date_of: Any, newest: bool) -> list[Any]:
    """``items`` ordered by date (newest or oldest first), keeping their order among equal dates.

    Dates ``index.analysis.dates`` read (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) sort as strings; a date kept
    as written ("27-MAR-1987 14:02V RM") comes after them, an article with no date last.
    """
    from index.analysis.dates import is_parsed

    dated = [item for item in items if is_parsed(date_of(item))]
    dated.sort(key=date_of, reverse=newest)  # stable, reversed or not
    unread = [item for item in items if date_of(item) and not is_parsed(date_of(item))]
    return dated + unread + [item for item in items if not date_of(item)]


def snippets_for(
    store: Store, query: str, ids: list[str], snippets: int = 2
) -> dict[str, tuple[Snippet, ...]]:
    """Snippets of the given hits of ``query``, by article id (a long result list fetches the
    snippets of the rows on screen only).

    Raises:
        QueryError: the query is malformed.
    """
    q = checked_phrases(parse(store, query))
    out: dict[str, tuple[Snippet, ...]] = {}
    with store.searcher() as s:
        found = _match(s, q)
        if not found:
            return out
        for article_id in ids:
            docnum = s.document_number(id=article_id)
            if docnum is None:
                continue
            seg, local = _segment_of(found, docnum)
            matched = seg.matched_terms(local, (*_TEXT_FIELDS, *_ENTITY_LABEL_OF))
            terms = {t.decode("utf-8") for f, t in matched if f in _TEXT_FIELDS}
            names = {(f, t.decode("utf-8")) for f, t in matched if f in _ENTITY_LABEL_OF}
            out[article_id] = _hit(s.stored_fields(docnum), 0.0, terms, names, snippets).snippets
    return out


def _ranked(
    s: Searcher, q: Query, found: list[tuple[SegmentMatches, int, frozenset[int]]], limit: int
) -> list[tuple[float, int]]:
    """The top ``limit`` (score, document number) of the exact sets, as Whoosh ranks them."""
    ranked = top_hits(s, q, found, limit)
    if ranked is not None:
        return ranked
    allow: set[int] = set()
    for _, offset, docs in found:
        allow.update(docs if not offset else map(offset.__add__, docs))
    # The filter keeps every ranked hit inside the exact set: Whoosh's block-quality skip can
    # otherwise stop on a deleted document or a phrase candidate without the phrase.
    return [(r.score, r.docnum) for r in s.search(q, limit=limit, filter=allow)]


def _match(s: Searcher, q: Query) -> list[tuple[SegmentMatches, int, frozenset[int]]]:
    """Each segment's evaluator, document offset and exact set of matching documents."""
    out = []
    for leaf, offset in s.leaf_searchers():
        seg = SegmentMatches(leaf)
        out.append((seg, offset, seg.evaluate(q)))
    return out


def _segment_of(
    found: list[tuple[SegmentMatches, int, frozenset[int]]], docnum: int
) -> tuple[SegmentMatches, int]:
    """The segment holding a global document number, and the number within it."""
    seg, base = found[0][0], found[0][1]
    for candidate, offset, _ in found:
        if base < offset <= docnum:
            seg, base = candidate, offset
    return seg, docnum - base


def _hit(
    fields: dict[str, Any],
    score: float,
    terms: set[str],
    names: set[tuple[str, str]],
    snippets: int,
) -> Hit:
    title, source, date, _story = fields["meta"]
    snips: list[Snippet] = []
    if snippets:
        article, ents = decode_blob(fields["blob"])
        if not terms and names:
            snips = _mention_snippets(article.text, ents, names, snippets)
        if not snips:
            snips = _snippets(article.text, terms, snippets)
    return Hit(
        id=fields["id"],
        path=fields["file"],
        title=title,
        score=round(float(score), 4),
        source=source,
        date=date,
        snippets=tuple(snips),
    )


def _suggest(s: Searcher, store: Store, q: Query, query: str, total: int) -> str | None:
    """A corrected query from the index vocabulary, when the query finds little or nothing."""
    if total > 2:
        return None
    rewritten = rewrite(query)
    spelled = [name for name, field in s.schema.items() if getattr(field, "spelling", False)]
    # One corrector for every spelled field: a word is corrected to the best word of title or body
    # alike ("ursk" became "u.s", from a title, though "kursk" is one letter away in the bodies).
    merged = _SegmentsCorrector(s, spelled, _typed_words(rewritten))
    correctors = dict.fromkeys(spelled, merged)
    try:
        corrected = s.correct_query(q, rewritten, correctors=correctors)
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
        text = pattern.sub(
            replacement.replace("\\", "\\\\"), text
        )  # a template: escape backslashes
    if not text or text == query:
        return None
    try:
        better = sum(len(docs) for _, _, docs in _match(s, checked_phrases(parse(store, text))))
    except QueryError:
        return None
    return text if better > total else None


class _SegmentsCorrector(Corrector):  # type: ignore[misc]
    """Spelling suggestions from each segment's word graph, for several fields, merged.

    Whoosh's reader over several segments has no word graph: its corrector compared the word with
    every indexed term of the field (a Python edit distance each: ~90 ms at 100,000 articles) and
    offered stems ("tori") rather than words. Candidates are ranked by their true edit distance,
    then by how many articles hold the word's stem (Whoosh's own ranking looked up the unstemmed
    word's frequency, which a stemmed field does not have, so it ranked by nothing).
    """

    def __init__(
        self, searcher: Searcher, fieldnames: list[str], typed: dict[str, str] | None = None
    ) -> None:
        self.searcher = searcher
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
        distance: dict[str, int] = {}
        for name in self.fieldnames:
            spelled = schema[name].spelling_fieldname(name)
            for leaf, _ in self.searcher.leaf_searchers():
                vocabulary = _vocabulary(leaf.reader(), spelled, word[:prefix] if prefix else "")
                for found, dist, _ in process.extract(
                    word, vocabulary, scorer=Levenshtein.distance, score_cutoff=maxdist, limit=None
                ):
                    distance[found] = int(dist)
        distance.pop(word, None)
        distance.pop(text, None)
        if not distance:
            return []
        nearest = min(distance.values())
        ranked = []
        for candidate in sorted(w for w, d in distance.items() if d == nearest):
            # Only the nearest words can win: how many articles hold each breaks the tie.
            articles = 0
            for name in self.fieldnames:
                for token in schema[name].analyzer(candidate):
                    articles += reader.doc_frequency(name, token.text)
            ranked.append((-(nearest + 0.5 / (articles + 1)), candidate))
        return ranked


def _typed_words(query: str) -> dict[str, str]:
    """Each word of a query as typed (lowercased), by its stem."""
    out: dict[str, str] = {}
    for m in _WORD.finditer(query):
        typed = m.group().lower()
        for token in _ANALYZER(typed):
            out.setdefault(token.text, typed)
    return out


def _vocabulary(reader: Any, fieldname: str, prefix: str = "") -> list[str]:
    """A segment's spelling words, read once and kept with its reader (segments never change).

    Whoosh finds near words by walking a Levenshtein automaton over the on-disk term table, a binary
    search of file reads per step: 35-50 ms a word at 100,000 articles. Held in memory, every word is
    compared in one rapidfuzz call instead (a few milliseconds).
    """
    cache: dict[str, list[str]] = reader.__dict__.setdefault("_newsdesk_vocabulary", {})
    words = cache.get(fieldname)
    if words is None:
        try:
            words = [t.decode("utf-8") for t in reader.lexicon(fieldname)]
        except Exception:
            words = []
        cache[fieldname] = words
    return [w for w in words if w.startswith(prefix)] if prefix else words
