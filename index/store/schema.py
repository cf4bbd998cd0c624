"""The Whoosh schema of the index and what goes into it: analyzers, fields, the stored article.

Pure functions of an article (they run in the indexing worker processes too); the Whoosh internals
they need are in ``index.store.whoosh_compat`` and ``index.store.whoosh_writing``.
"""

from __future__ import annotations

# ruff: noqa: E402 (Whoosh is imported after load_whoosh)
import re
import zlib
from collections.abc import Callable, Sequence
from dataclasses import fields as dataclass_fields
from typing import Any

from index.store import fastjson
from index.store.whoosh_compat import load_whoosh

load_whoosh()  # first: Whoosh without the modules it imports but never calls here (~80 ms)

from whoosh.analysis import STOP_WORDS, LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, STORED, TEXT, Schema

from index.analysis.tokens import analyse_body
from index.models import Article, Block, Entity, Span
from index.store.tables import SCHEMA_VERSION as SCHEMA_VERSION  # read there without Whoosh
from index.store.whoosh_writing import Postings, encode_positions
from index.vocabulary import INDEX_FIELDS

ENTITY_FIELDS = INDEX_FIELDS
"""Entity label -> the index field of its canonical keys (the vocabulary's)."""
_NAME_FIELDS = tuple(dict.fromkeys(ENTITY_FIELDS.values()))
_ID_FIELDS = ("id", "file")
"""``ID`` fields (``make_schema``), whose postings ``analysed_postings`` makes."""


_NAME_WORDS = r"[\w]+(?:[.'][\w]+)*"
_NAME_RE = re.compile(_NAME_WORDS)


def _name_analyzer() -> Any:
    # Canonical entity keys: lowercase words, no stemming and no stop words ("the", "of" matter in names).
    return RegexTokenizer(_NAME_WORDS) | LowercaseFilter()


def analysed_postings(schema: Schema, fields: dict[str, Any]) -> dict[str, Postings]:
    """The postings of an article's body (its stems) and entity fields, made without Whoosh's
    analyzers: for ``whoosh_writing.add_analysed``.

    An entity field's analyzer is a tokenizer and a lowercase filter, no stop words: its words'
    positions are 0, 1, 2... as the body's stems', so ``encode_positions`` makes both fields'
    postings as Whoosh's ``Positions`` format does (a test compares them on arbitrary text). The
    title's stems (``_title_stems``, taken out of ``fields``) are the body's analysis of the title;
    the id's and file's postings are their one value each. Whoosh's analyzers and formats made the
    title's, id's and file's postings through a ``Token`` a word (~3% of a worker's adding).
    """
    ready = {"body": encode_positions(schema["body"], fields["body"])}
    title_stems = fields.pop("_title_stems", None)
    if title_stems is not None:  # the title's analysis, done once with its spelling words
        field = schema["title"]
        start = 0
        if title_stems:
            # Whoosh's stop filter numbers the words after the first kept one from that word's
            # place: a title opening with stop words ("The Japan Fund ...") starts past them.
            start = next(iter(field.analyzer(fields["title"], positions=True, mode="index"))).pos
        ready["title"] = encode_positions(field, title_stems, start)
    for name in _ID_FIELDS:
        value = fields.get(name)
        if isinstance(value, str):
            # What an ID field's analyzer (the whole value, one token) and ``Existence`` format
            # make: the value's bytes, once, weighed by the field's boost, no position bytes.
            ready[name] = [(value.encode("utf-8"), 1, schema[name].format.field_boost, b"")]
    for name in _NAME_FIELDS:
        value = fields.get(name)
        if value:
            # Each word lowered after the split, as Whoosh's filter does ("İ" lowers to two
            # characters, the second no word character).
            words = [w.lower() for w in _NAME_RE.findall(value)]
            ready[name] = encode_positions(schema[name], words)
        elif value is not None:
            ready[name] = []
    return ready


class BodyTokens(list):  # type: ignore[type-arg]
    """A body already analysed: its stems in order (Whoosh indexes a list as pre-analysed tokens)."""


class BodyText(TEXT):  # type: ignore[misc]
    """The body field: accepts ``BodyTokens`` so each body is analysed once, in a worker process."""

    def index(self, value: Any, **kwargs: Any) -> Any:
        """Postings of pre-analysed stems: what Whoosh's ``Positions.word_values`` makes of a token
        list (position i for the i-th stem, weight = frequency x field boost, the format's own
        encoding), without a Token object per word."""
        if not isinstance(value, BodyTokens):
            return super().index(value, **kwargs)
        return encode_positions(self, value)


class KeysColumn(VarBytesColumn):  # type: ignore[misc]
    """The ``ekeys`` column's type: Whoosh's variable-length bytes, equal by value (the query
    parser is found by equal schema, and each ``ix.schema`` unpickles a new column object)."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash(type(self))


def text_analyzer() -> Any:
    """The analyzer of the title and body fields (and of query words searched in them).

    Whoosh's default drops one-letter words, so a search for ``j`` was refused as "only common
    words"; they are kept, except ``s`` and ``t`` (the ends of "Russia's" and "don't"), which would
    be the most frequent terms of every English article and match nothing a reader means.
    """
    return StemmingAnalyzer(stoplist=STOP_WORDS | {"s", "t"}, minsize=1)


# The body's analysis, shared with the related-report features: index.analysis.tokens (the same
# tokens as text_analyzer(), a property test says; one findall, not a Token through four filters).


def make_schema() -> Schema:
    """The index schema (bump ``SCHEMA_VERSION`` on any change).

    Title and body have no ``spelling=True``: their unstemmed words are kept once a corpus in the
    database's ``words`` table (``article_words``), not as a spelling field's terms in every
    segment (on 2,000 Reuters stories they were 36% of a segment's terms). The sidebar's entity
    keys (``ekeys``) are a per-document column, not postings (another 18%): the facets read them
    by document (``index.search.facets``) and no query searches them.
    """
    names = {
        field: TEXT(analyzer=_name_analyzer(), phrase=True) for field in ENTITY_FIELDS.values()
    }
    return Schema(
        id=ID(unique=True, stored=True),
        file=ID(stored=True),
        title=TEXT(analyzer=text_analyzer(), stored=True, field_boost=2.0),
        body=BodyText(analyzer=text_analyzer()),
        source=TEXT(analyzer=_name_analyzer(), stored=True),
        published=DATETIME(stored=False),
        story=ID(stored=True),
        ekeys=COLUMN(KeysColumn()),
        meta=STORED(),
        blob=STORED(),
        **names,
    )


_ARTICLE_FIELDS = tuple(f.name for f in dataclass_fields(Article))
_BLOCK_FIELDS = tuple(f.name for f in dataclass_fields(Block))
_SPAN_FIELDS = tuple(f.name for f in dataclass_fields(Span))


def article_dict(article: Article) -> dict[str, Any]:
    """What ``dataclasses.asdict(article)`` gives, without its deep copy of every value (half the
    blob's cost): an article's fields are strings, numbers, ``None`` and tuples of blocks, spans and
    strings (tests/engine/test_store.py compares the two on articles with every field set)."""
    data = {name: getattr(article, name) for name in _ARTICLE_FIELDS}
    data["blocks"] = [{n: getattr(b, n) for n in _BLOCK_FIELDS} for b in article.blocks]
    data["inline"] = [{n: getattr(s, n) for n in _SPAN_FIELDS} for s in article.inline]
    data["notes"] = list(article.notes)
    return data


def encode_blob(article: Article, entities: Sequence[Entity]) -> bytes:
    """An article and its entities for the stored field: JSON text, not compressed here.

    Whoosh's stored-fields column compresses each document's stored fields (zlib, level 3); a blob
    compressed before went through zlib twice, the second time for nothing (a compression set up,
    its tables cleared, for bytes it cannot shrink): 0.7 M instructions a Reuters story for the two,
    4% of a build's (callgrind). Blobs written compressed by older versions still read
    (``decode_blob``). Encoded by orjson (``fastjson``: UTF-8, no spaces); blobs written by
    ``json`` read the same.
    """
    data = article_dict(article)
    data["entities"] = [[e.start, e.end, e.label, e.canonical] for e in entities]
    return fastjson.dumps(data)


def decode_blob(blob: bytes) -> tuple[Article, list[Entity]]:
    """Inverse of ``encode_blob``; also reads the zlib-compressed blobs of indexes written before
    (a zlib stream begins with ``x``, the JSON text with ``{``)."""
    article, entities = decode_article(blob)
    return article, entities()


_ENTITIES_KEY = b',"entities":['


def decode_article(blob: bytes) -> tuple[Article, Callable[[], list[Entity]]]:
    """``decode_blob`` in two steps: the article, and a call that makes its entities.

    A 19 MB article's 313,000 entities took two thirds of its decoding (the reader waited 3.4 s
    for its first screen). ``encode_blob`` writes them last, by orjson without spaces: the
    article's JSON is read up to that key (inside a JSON string a quote is escaped, so the key
    cannot be text), the list when called. Blobs written otherwise (``json``'s spaces) are read
    whole at once.
    """
    raw = blob if blob[:1] == b"{" else zlib.decompress(blob)
    cut = raw.rfind(_ENTITIES_KEY)
    rest: bytes | None = None
    if cut > 0 and raw.endswith(b"]}"):
        data = fastjson.loads(raw[:cut] + b"}")
        rest = raw[cut + len(_ENTITIES_KEY) - 1 : -1]
        raw_entities: list[Any] = []
    else:
        data = fastjson.loads(raw)
        raw_entities = data.pop("entities", [])
    text: str = data["text"]
    data["blocks"] = tuple(Block(**b) for b in data.get("blocks", ()))
    data["inline"] = tuple(Span(**s) for s in data.get("inline", ()))
    data["notes"] = tuple(data.get("notes", ()))
    article = Article(**data)

    def entities() -> list[Entity]:
        rows = raw_entities if rest is None else fastjson.loads(rest)
        return [Entity(s, e, label, text[s:e], canon) for s, e, label, canon in rows]

    return article, entities


def document_fields(article: Article, entities: Sequence[Entity]) -> dict[str, Any]:
    """The Whoosh fields of one article (pure function: runs in worker processes too)."""
    by_field: dict[str, list[str]] = {f: [] for f in ENTITY_FIELDS.values()}
    keys: set[str] = set()
    for ent in entities:
        field = ENTITY_FIELDS.get(ent.label)
        if field and ent.canonical:
            by_field[field].append(ent.canonical)
            # As the KEYWORD field before the column kept them (commas were its separator).
            keys.add(f"{ent.label}|{ent.canonical}".replace(",", " ").replace(KEY_SEP, " "))
    fields: dict[str, Any] = {
        "id": article.id,
        "file": article.path,
        "title": article.title,
        "body": None,
        "source": article.source or "",
        "story": article.story or "",
        "meta": (article.title, article.source, article.date, article.story),
        "blob": encode_blob(article, entities),
        "ekeys": encode_keys(keys),
    }
    stems, words = analyse_body(article.text)
    fields["body"] = stems
    if article.title is None:
        fields["_words"] = words
    else:
        title_stems, title_words = analyse_body(article.title)
        fields["_title_stems"] = title_stems
        fields["_words"] = _with_title_words(words, title_words)
    fields["features"] = _features(article, entities, stems)
    # " | " keeps names apart so a phrase cannot run from one entity into the next.
    for field, names in by_field.items():
        fields[field] = " | ".join(dict.fromkeys(names))
    if by_field.get(ENTITY_FIELDS.get("DATE", "")):
        from index.analysis.dates import key_text  # only when writing

        # date keys as words that say what they are ("--03-01" is "m03 m03d01"): a month
        # query no longer finds a day of another month ("date:january" and "March 1")
        names = by_field[ENTITY_FIELDS["DATE"]]
        fields[ENTITY_FIELDS["DATE"]] = " | ".join(dict.fromkeys(key_text(n) for n in names))
    if article.date:
        from index.analysis.dates import parse_date  # only when writing: 0.1 s to import

        parsed = parse_date(article.date)
        if parsed:
            import datetime as dt

            fields["published"] = dt.datetime(parsed.year, parsed.month, parsed.day)
    return fields


KEY_SEP = "\n"
"""Between the entity keys of the ``ekeys`` column (a key never holds a line break)."""


def encode_keys(keys: set[str]) -> bytes:
    """An article's ``LABEL|canonical`` entity keys as its ``ekeys`` column value."""
    return KEY_SEP.join(sorted(keys)).encode("utf-8")


def decode_keys(value: bytes) -> list[str]:
    """Inverse of ``encode_keys``."""
    return value.decode("utf-8").split(KEY_SEP) if value else []


def article_words(article: Article) -> list[str]:
    """The spelling words of an article: the unstemmed words of its title and body, sorted
    (what the index's text analyzer keeps of them before stemming)."""
    return _merged_words(analyse_body(article.text)[1], article.title)


def _merged_words(body_words: list[str], title: str | None) -> list[str]:
    return _with_title_words(body_words, analyse_body(title)[1]) if title else body_words


def _with_title_words(body_words: list[str], title_words: list[str]) -> list[str]:
    return sorted(set(body_words).union(title_words)) if title_words else body_words


def _features(
    article: Article, entities: Sequence[Entity], stems: Sequence[str] | None = None
) -> Any:
    """Compact per-article features for related reports and story grouping (see ``index.analysis.features``)."""
    from index.analysis.features import features

    return features(article, entities, stems)
