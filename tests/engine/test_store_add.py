"""Articles added through ``whoosh_writing.add_analysed`` (postings made without Whoosh's analyzers)
give the segment Whoosh's own ``add_document`` gives."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import index as windex
from whoosh.writing import SegmentWriter

from index.ingest.files import SourceFile
from index.ingest.formats import read_file
from index.models import Article
from index.store.schema import ENTITY_FIELDS, BodyTokens, analysed_postings, make_schema
from index.store.whoosh_compat import patch_lengths
from index.store.whoosh_writing import add_analysed, finish_worker_segment
from index.store.writers import add_fields, analysed_fields

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

MADE_UP = [
    # Names whose words lower to more characters ("İ"), with apostrophes and dots, a date in
    # three articles, no date, no entities at all.
    (
        "İstanbul's O'Neil met Dr. J.P. Morgan of U.S. Steel Corp in Ankara on March 3, 1987.",
        "1987-03-03",
    ),
    ("O'NEIL SAYS 5 MLN DLRS WENT TO TURKEY\nİzmir officials said on Tuesday.", "1987-03-03"),
    ("nothing here names anyone, nothing at all.", "1987-03-03"),
    ("The Bank of Japan and the Bundesbank sold 1.5 billion marks in Frankfurt.", None),
    ("Ελληνικά: Η Αθήνα και ο Κυριάκος Μητσοτάκης στις 4 Μαρτίου.", "2024-03-04"),
]


def _articles() -> list[Article]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        st_ = path.stat()
        source = SourceFile(str(path), str(SEEDS), st_.st_size, st_.st_mtime_ns)
        out.extend(read_file(source)[0])
    for i, (text, date) in enumerate(MADE_UP):
        out.append(
            Article(
                id=f"made-up-{i}", path=f"/made/up/{i}.txt", title=text[:20], text=text, date=date
            )
        )
    return out


def _segment(root: Path, articles: list[Article], ours: bool) -> dict[str, str]:
    root.mkdir()
    windex.create_in(str(root), make_schema())
    patch_lengths()
    writer = SegmentWriter(windex.open_dir(str(root)), _lk=False, limitmb=128, compound=False)
    spelled: set[str] = set()
    for article in articles:
        fields = analysed_fields(article, 1.0)
        if ours:
            add_fields(writer, fields, spelled, update=False)
        else:  # what add_fields did before add_analysed: Whoosh's own add_document
            for key in ("_keys", "_share", "_path", "features", "_words"):
                fields.pop(key)
            fields["body"] = BodyTokens(fields["body"])
            writer.add_document(**fields)
    prefix = finish_worker_segment(writer).segment_id()
    writer.pool.cleanup()
    return {
        f.name[len(prefix) :]: hashlib.sha1(f.read_bytes()).hexdigest()
        for f in root.iterdir()
        if f.name.startswith(prefix + ".")
    }


def test_segment_identical_to_whoosh_add_document(tmp_path: Path) -> None:
    """The same columns and stored fields byte for byte, the same terms and postings. The postings
    file is not the same bytes: a position list met again is the same ``bytes`` object (cached, as
    the body's always were), which a block's pickle writes as a reference (a little smaller)."""
    articles = _articles()
    ours = _segment(tmp_path / "ours", articles, True)
    whoosh = _segment(tmp_path / "whoosh", articles, False)
    assert ".pst" in ours and ".trm" in ours and "._stored.col" in ours
    for files in (ours, whoosh):
        del files[".pst"], files[".trm"]
    assert ours == whoosh
    assert _postings(tmp_path / "ours", len(articles)) == _postings(
        tmp_path / "whoosh", len(articles)
    )


def _postings(root: Path, docs: int) -> dict[tuple[str, bytes], list[Any]]:
    reader = windex.open_dir(str(root)).storage
    from whoosh.codec import default_codec
    from whoosh.codec.whoosh3 import W3Segment
    from whoosh.reading import SegmentReader

    (pst,) = root.glob("*.pst")
    segment = W3Segment(default_codec(), "MAIN", doccount=docs, segid=pst.stem.split("_", 1)[1])
    seg_reader = SegmentReader(reader, make_schema(), segment)
    out = {}
    for field, text in seg_reader.all_terms():
        matcher = seg_reader.postings(field, text)
        postings = []
        while matcher.is_active():
            postings.append((matcher.id(), matcher.weight(), matcher.value()))
            matcher.next()
        out[(field, text)] = postings
    seg_reader.close()
    assert len(out) > 500
    return out


def _whoosh_postings(field: Any, value: Any) -> list[tuple[bytes, int, float, bytes]]:
    return sorted(field.index(value))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from("aZ .'’|-_İıßΣσ\u0307é1"),
            max_size=12,
        ),
        max_size=5,
    )
)
def test_entity_field_postings_are_whooshs(names: list[str]) -> None:
    """Names as the entity fields hold them (joined by " | "): the same postings, weights and
    positions as Whoosh's analyzer and format make."""
    schema = make_schema()
    value = " | ".join(names)
    fields: dict[str, Any] = {"body": []}
    for name in dict.fromkeys(ENTITY_FIELDS.values()):
        fields[name] = value
    ready = analysed_postings(schema, fields)
    for name in dict.fromkeys(ENTITY_FIELDS.values()):
        assert sorted(ready[name]) == _whoosh_postings(schema[name], value)


def test_body_postings_are_the_fields_own() -> None:
    schema = make_schema()
    stems = ["oil", "price", "oil", "rise", "price", "oil"]
    ready = analysed_postings(schema, {"body": stems})
    assert sorted(ready["body"]) == _whoosh_postings(schema["body"], BodyTokens(stems))


def test_cached_postings_are_the_fields_own(tmp_path: Path) -> None:
    """A field whose postings are kept by value gives each article the same postings."""
    windex.create_in(str(tmp_path), make_schema())
    writer = SegmentWriter(windex.open_dir(str(tmp_path)), _lk=False, compound=False)
    day = dt.datetime(1987, 3, 3)
    cached = ("published", "source")
    for n in range(3):
        fields = {"id": f"a{n}", "published": day, "source": "Reuters Japan"}
        add_analysed(writer, fields, {}, cached=cached)
    got: dict[tuple[str, int], list[Any]] = {}
    for field, term, doc, weight, value in writer.pool.iter_postings():
        if field in cached:
            freq = writer.schema[field].format.decode_frequency(value) if value else 1
            got.setdefault((field, doc), []).append((term, freq, weight, value))
    for field, value in (("published", day), ("source", "Reuters Japan")):
        expected = _whoosh_postings(writer.schema[field], value)
        assert [sorted(got[(field, n)]) for n in range(3)] == [expected] * 3
    writer.cancel()


def test_unknown_and_private_fields_refused(tmp_path: Path) -> None:
    windex.create_in(str(tmp_path), make_schema())
    writer = SegmentWriter(windex.open_dir(str(tmp_path)), _lk=False, compound=False)
    with pytest.raises(ValueError):
        add_analysed(writer, {"id": "a", "nope": "x"}, {})
    with pytest.raises(ValueError):
        add_analysed(writer, {"id": "a", "_keys": []}, {})
    assert writer.docnum == 0
    writer.cancel()
