"""Snippets: the passages of a hit's text around the words (or entity mentions) a query matched,
with character ranges to highlight; and the ``Hit`` built from a document's stored fields."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Any

from index.analysis.dates import key_words
from index.models import Hit, Snippet
from index.search.parse import ANALYZER, WORD
from index.store.core import decode_blob
from index.store.whoosh_compat import analyzer_parts
from index.vocabulary import LABEL_OF_INDEX_FIELD

__all__ = ["ENTITY_LABEL_OF", "TEXT_FIELDS", "entity_phrases", "hit"]

SNIPPET_CHARS = 200
TEXT_FIELDS = ("body", "title")
"""The stemmed text fields whose matched words are highlighted."""

SURROUND = 70
SCAN_CHARS = 200_000
"""How far into an article snippets are looked for (then on to its first match): a 4.6 MB text
took 0.84-1.6 s a hit to scan whole, every word stemmed and every match windowed; 0.03-0.05 s so
(``_snippets`` alone, runs on a shared machine; 3.2 s under cProfile). Ordinary articles cost the
same: 2,000 Reuters stories 0.36-0.46 s before, 0.41-0.47 s after (noise of the shared machine)."""


def _stemmer() -> Any:
    # The analyzer's own cached stemmer: snippets match exactly what the index matched.
    return analyzer_parts(ANALYZER)[1]


_SPACES = re.compile(r"\s+")


def _snippet(text: str, start: int, end: int, spans: Iterable[tuple[int, int]]) -> Snippet:
    """``text[start:end]`` as a snippet, whitespace runs collapsed to one space (a hard-wrapped
    article's line breaks and indentation would otherwise show as "Malaysian.     Thus").

    ``spans`` are article offsets; they come back as ranges into the collapsed text. ``offset``
    stays the article offset where the snippet starts.
    """
    piece = text[start:end].rstrip()  # an article's last line break is no part of a snippet
    end = start + len(piece)
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


_WORD_END = re.compile(r"[\w*]*")
_HEADLINE_RESIDUE = re.compile(r"_\d{1,3}(?=[ \t]*(?:\r?\n|$))")
_BLANK = re.compile(r"\s*")

Stretch = tuple[int, int]
"""A ``(start, end)`` range of an article's text that a snippet may show."""


def _stretches(text: str, blocks: Iterable[Any]) -> list[Stretch]:
    """The article in the stretches a snippet may show: all of it, except a headline's trailing
    "_1" (dataset residue), which the heading block stops before (``index.ingest.titles``) as the
    title does. A snippet stays inside one stretch, so it is still the text from its offset."""
    out: list[Stretch] = []
    lo = 0
    for b in blocks:
        if b.kind == "heading":
            m = _HEADLINE_RESIDUE.match(text, b.end)
            if m and m.start() >= lo:
                out.append((lo, m.start()))
                lo = _BLANK.match(text, m.end()).end()  # type: ignore[union-attr]
    out.append((lo, len(text)))
    return out


def _stretch_of(stretches: Sequence[Stretch], pos: int) -> Stretch:
    k = bisect.bisect_right([lo for lo, _ in stretches], pos) - 1
    return stretches[max(0, k)]


def _snippets(
    text: str, terms: set[str], top: int, stretches: Sequence[Stretch] | None = None
) -> list[Snippet]:
    """Up to ``top`` fragments around the matched terms, best first by distinct terms, in text order.

    A direct scan (tokenise, stem with the index's cached stemmer, compare) costs about a millisecond
    for a 500-word article, where Whoosh's highlighter took 3-7 ms a hit: ten hits a keystroke.
    """
    stretches = stretches or [(0, len(text))]
    if not terms:
        return [_lead(text, stretches)]
    stem = _stemmer()
    # A stem keeps its word's first letter (Porter's steps change endings only; tests check it),
    # so a word whose first letter starts no term is never stemmed: most words of a hit, and most
    # of the time a first search spends on snippets (13 -> 4 ms for ten Reuters stories).
    initials = {t[:1] for t in terms}
    found: list[tuple[int, int, str]] = []
    # The first SCAN_CHARS (to the end of the word there), then, when nothing matched, on to the
    # first match. A stretch ends before a headline's "_1": "concerned_1" reads "concerned".
    cap = _WORD_END.match(text, min(SCAN_CHARS, len(text))).end()  # type: ignore[union-attr]
    for first_only, (lo, hi) in ((False, (0, cap)), (True, (cap, len(text)))):
        for a, b in stretches:
            for m in WORD.finditer(text, max(a, lo), min(b, hi)):
                word = m.group().lower()
                if word[:1] not in initials:
                    continue
                key = word if word in terms else stem(word)
                if key in terms:
                    found.append((m.start(), m.end(), key))
                    if first_only:
                        break
            if found and first_only:
                break
        if found:
            break
    if not found:
        return [_lead(text, stretches)]
    windows: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    i = 0
    while i < len(found):
        first = found[i][0]
        lo, hi = _stretch_of(stretches, first)
        start = max(lo, first - SURROUND)
        if start > lo:
            space = text.find(" ", start, first)
            start = space + 1 if space >= 0 else start
        limit = start + SNIPPET_CHARS
        group = []
        while i < len(found) and found[i][1] <= min(limit, hi):
            group.append(found[i])
            i += 1
        if not group:  # one very long token
            group.append(found[i])
            i += 1
        end = min(hi, max(group[-1][1] + SURROUND, limit))
        if end < hi:
            space = text.rfind(" ", group[-1][1], end)
            end = space if space > group[-1][1] else end
        windows.append((start, end, group))
    best = sorted(windows, key=lambda w: (-len({k for _, _, k in w[2]}), -len(w[2]), w[0]))[:top]
    return [
        _snippet(text, start, end, ((a, b) for a, b, _ in group))
        for start, end, group in sorted(best)
    ]


ENTITY_LABEL_OF = LABEL_OF_INDEX_FIELD
"""Index field -> entity label (the vocabulary's)."""


def _key_words(label: str, canonical: str) -> set[str]:
    """The words an entity's key is indexed under (a date's as ``index.analysis.dates.key_words``
    writes them, and its numbers, as an index built before that holds them)."""
    words = set(_NAME_WORD.findall(canonical.lower()))
    if label == "DATE":
        words.update(key_words(canonical) or ())
    return words


_NAME_WORD = re.compile(r"[\w]+(?:[.'][\w]+)*")


def entity_phrases(q: Any) -> dict[str, list[frozenset[str]]]:
    """The words of each phrase a query asks of an entity field, by entity label
    (``quantity:"10 pct"``: QUANTITY -> [{"10", "pct"}])."""
    out: dict[str, list[frozenset[str]]] = {}
    for leaf in q.leaves():
        label = ENTITY_LABEL_OF.get(getattr(leaf, "fieldname", None) or "")
        words = getattr(leaf, "words", None)
        if label and words and len(words) > 1:
            out.setdefault(label, []).append(frozenset(str(w) for w in words))
    return out


def _mention_snippets(
    text: str,
    entities: list[Any],
    names: set[tuple[str, str]],
    top: int,
    stretches: Sequence[Stretch],
    phrases: dict[str, list[frozenset[str]]] | None = None,
) -> list[Snippet]:
    """Snippets around the mentions of the entities an entity-field query matched.

    ``person:zelensky`` matches the canonical key "volodymyr zelensky"; the reader wants to see where
    the article names him ("Zelenskyy", "President Volodymyr Zelensky"), highlighted. A phrase's
    words match together: ``quantity:"10 pct"`` marked every "N pct" of a hit ("up to 80 pct",
    "five pct"), as each shared the word "pct".
    """
    phrases = phrases or {}
    words_by_label: dict[str, set[str]] = {}
    for field, word in names:
        words_by_label.setdefault(ENTITY_LABEL_OF[field], set()).add(word)
    for label, groups in phrases.items():
        if label in words_by_label:  # a word only a phrase holds is matched with the phrase
            words_by_label[label] -= frozenset().union(*groups)

    def matched(e: Any) -> bool:
        words = words_by_label.get(e.label)
        keys = _key_words(e.label, e.canonical)
        if words and words & keys:
            return True
        return any(group <= keys for group in phrases.get(e.label, ()))

    mentions = [e for e in entities if matched(e)]
    out: list[Snippet] = []
    taken_to = -1
    for e in mentions:
        if e.start < taken_to:
            continue
        lo, hi = _stretch_of(stretches, e.start)
        start = max(lo, e.start - 70)
        start = max(lo, text.rfind(" ", lo, start) + 1) if start > lo else lo
        end = min(hi, e.end + 110)
        space = text.find(" ", end, hi) if end < hi else -1
        end = space if space > 0 else end
        spans = [(m.start, m.end) for m in mentions if m.start >= start and m.end <= end]
        out.append(_snippet(text, start, end, spans))
        taken_to = end
        if len(out) >= top:
            break
    return out


def _lead(text: str, stretches: Sequence[Stretch]) -> Snippet:
    """The opening of an article, for hits matched on fields other than the body (after a
    headline whose residue is left out: the title shows it already)."""
    lo, hi = next(((a, b) for a, b in stretches[1:] if b > a), stretches[0])
    flat_end = min(hi, lo + SNIPPET_CHARS)
    cut = text.rfind(" ", lo, flat_end) if flat_end < hi else flat_end
    return _snippet(text, lo, cut if cut > lo else flat_end, ())


def hit(
    fields: dict[str, Any],
    score: float,
    terms: set[str],
    names: set[tuple[str, str]],
    snippets: int,
    phrases: dict[str, list[frozenset[str]]] | None = None,
) -> Hit:
    title, source, date, _story = fields["meta"]
    snips: list[Snippet] = []
    if snippets:
        article, ents = decode_blob(fields["blob"])
        stretches = _stretches(article.text, article.blocks)
        if not terms and names:
            snips = _mention_snippets(article.text, ents, names, snippets, stretches, phrases)
        if not snips:
            snips = _snippets(article.text, terms, snippets, stretches)
    return Hit(
        id=fields["id"],
        path=fields["file"],
        title=title,
        score=round(float(score), 4),
        source=source,
        date=date,
        snippets=tuple(snips),
    )
