"""Saved web pages (.html, .htm): the article's text and metadata, never the page's furniture."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from web_samples import ARTICLE_PARAGRAPHS, COMMENT_WORDS, NAV_WORDS, TEASER_PAGE, news_page

from index.ingest import files as ingest
from index.ingest.formats import markdown_article, read_paths
from index.ingest.html import PageError, decode_html, extract_page
from index.ingest.markup import parse_markdown
from index.ingest.metadata import split_front_matter
from index.models import Article, Block, Skipped
from index.web.archive import escape_inline, render_markdown
from index.web.pages import page_document


def _read(folder: Path) -> tuple[dict[str, Article], dict[str, str]]:
    articles: dict[str, Article] = {}
    skipped: dict[str, str] = {}
    for item in read_paths([folder]):
        if isinstance(item, Article):
            articles[item.id] = item
        else:
            assert isinstance(item, Skipped)
            skipped[Path(item.path).name] = item.reason
    return articles, skipped


def test_saved_page_reads_as_its_article(tmp_path: Path) -> None:
    (tmp_path / "flood.html").write_bytes(news_page())
    articles, skipped = _read(tmp_path)
    assert skipped == {}
    a = articles["flood.html"]
    assert a.format == "html"
    assert a.title == "Brussels flood barrier holds through storm"
    assert a.date == "2024-10-15"
    assert a.author == "Anna de Vries"
    assert a.source == "The Lowlands Courier"
    assert a.url == "https://courier.example/news/2024/10/15/flood-barrier"
    # Each paragraph is a block, and the offsets index the extracted text.
    shown = [a.text[b.start : b.end] for b in a.blocks]
    assert shown == list(ARTICLE_PARAGRAPHS)
    assert a.text == "\n\n".join(ARTICLE_PARAGRAPHS)


@pytest.mark.parametrize(
    "furniture",
    [
        *NAV_WORDS,
        COMMENT_WORDS,
        "ADVERTISEMENT",
        "We use cookies",
        "dataLayer",
        "font-family",
        "All rights reserved",
        "Why cats sleep",
        "Privacy",
    ],
)
def test_page_furniture_is_left_out(tmp_path: Path, furniture: str) -> None:
    (tmp_path / "flood.htm").write_bytes(news_page())
    articles, _ = _read(tmp_path)
    assert furniture not in articles["flood.htm"].text


def test_structure_headings_lists_quotes(tmp_path: Path) -> None:
    extra = (
        "<h2>What the engineers say</h2><ul><li>The gates closed at 21:00.</li>"
        "<li>The pumps ran for nine hours.</li></ul>"
        "<blockquote>It held, and that is all we asked of it.</blockquote>"
    )
    page = news_page(paragraphs=(*ARTICLE_PARAGRAPHS[:2], extra, *ARTICLE_PARAGRAPHS[2:]))
    a = extract_page(decode_html(page)[0])
    kinds = {a.text[b.start : b.end]: b.kind for b in a.blocks}
    assert kinds["What the engineers say"] == "heading"
    assert kinds["The gates closed at 21:00."] == "list_item"
    assert kinds["It held, and that is all we asked of it."] == "blockquote"


ACCENTED = (
    "Café Zoë: les élèves réunis à Liège, déclarés « prêts » pour la saison, a dit le maître "
    "d’école, qui n’a jamais vu une crue pareille depuis l’hiver de mille neuf cent quatre-vingt."
)


@pytest.mark.parametrize(
    ("charset", "meta"),
    [
        ("utf-8", True),
        ("iso-8859-1", True),
        ("cp1252", True),
        ("cp1252", False),
        ("utf-8", False),
        ("utf-16", True),
    ],
)
def test_charset_from_the_document(tmp_path: Path, charset: str, meta: bool) -> None:
    text = ACCENTED if charset != "iso-8859-1" else ACCENTED.replace("’", "'")
    page = news_page(charset=charset, meta_charset=meta, paragraphs=(text, text))
    (tmp_path / "fr.html").write_bytes(page)
    articles, skipped = _read(tmp_path)
    assert skipped == {}
    body = articles["fr.html"].text
    assert text in body
    assert "Ã" not in body and "\ufffd" not in body


def test_utf8_page_with_a_stale_latin1_label_is_not_mojibake() -> None:
    page = news_page(charset="utf-8", paragraphs=(ACCENTED, ACCENTED)).replace(
        b'<meta charset="utf-8">',
        b'<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
    )
    html, notes = decode_html(page)
    assert ACCENTED in html
    assert notes and "UTF-8" in notes[0]


def test_header_charset_wins_over_a_missing_meta() -> None:
    page = news_page(
        charset="koi8-r",
        meta_charset=False,
        paragraphs=("Москва сообщила во вторник о наводнении на реке. " * 6,),
    )
    assert "Москва" in decode_html(page, "koi8-r")[0]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.html", b"", "empty file"),
        ("blank.html", b" \n\t\n", "only whitespace"),
        ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
        ("random.htm", bytes((n * 7919 + 13) % 256 for n in range(9000)), "binary"),
        ("teasers.html", TEASER_PAGE, "no article"),
        ("nothing.html", b"<html><head><title>x</title></head><body></body></html>", "no article"),
    ],
)
def test_bad_pages_are_skipped_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.html").write_bytes(news_page())
    articles, skipped = _read(tmp_path)
    assert list(articles) == ["good.html"]
    assert reason in skipped[name]


def test_huge_page_is_skipped_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 50_000)
    (tmp_path / "huge.html").write_bytes(news_page(paragraphs=ARTICLE_PARAGRAPHS * 200))
    _, skipped = _read(tmp_path)
    assert "too large" in skipped["huge.html"]


def test_article_text_is_text_never_markup(tmp_path: Path) -> None:
    hostile = (
        "<p>Rich markup [bold]stays[/bold] and [@click=app.quit]quit[/] is words; so is "
        "&lt;b&gt;not bold&lt;/b&gt; and an escape \x1b[31m red, said the hostile paragraph "
        "here.</p><script>alert('x')</script>"
    )
    (tmp_path / "h.html").write_bytes(news_page(hostile=hostile))
    a = _read(tmp_path)[0]["h.html"]
    assert "[@click=app.quit]quit[/]" in a.text
    assert "<b>not bold</b>" in a.text
    assert "alert(" not in a.text


def test_entities_and_search_see_the_extracted_text(tmp_path: Path, make_store) -> None:  # type: ignore[no-untyped-def]
    from index.analysis import analyse
    from index.search import search

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "flood.html").write_bytes(news_page())
    a = _read(corpus)[0]["flood.html"]
    people = {e.text for e in analyse(a) if e.label == "PERSON"}
    assert "Marie Lenoir" in people
    for e in analyse(a):
        assert a.text[e.start : e.end] == e.text
    store = make_store(corpus)
    store.update()
    assert search(store, "Vilvoorde").total == 1
    assert search(store, "cookies").total == 0
    assert search(store, "SuperPhone").total == 0


def test_saved_markdown_reads_back_as_the_same_article() -> None:
    extra = "<h2>Heading # with *stars*</h2><ul><li>- a dash [link](x)</li></ul>"
    page = extract_page(decode_html(news_page(paragraphs=(*ARTICLE_PARAGRAPHS, extra)))[0])
    doc = page_document(page, "https://courier.example/a", guid="g-1")
    back = markdown_article(doc, "a.md", "/x/a.md")
    assert back.text == page.text
    assert [(b.kind, b.start, b.end) for b in back.blocks] == [
        (b.kind, b.start, b.end) for b in page.blocks
    ]
    assert (back.title, back.date, back.url, back.author, back.source) == (
        page.title,
        page.date,
        "https://courier.example/a",
        page.author,
        page.site,
    )
    meta, _body, _notes = split_front_matter(doc)
    assert meta["guid"] == "g-1" and meta["fetched"]


def test_no_article_raises_page_error() -> None:
    with pytest.raises(PageError):
        extract_page(TEASER_PAGE.decode())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80))
def test_escaped_paragraph_reads_back_unchanged(text: str) -> None:
    flat = " ".join(text.split()).replace("\0", "\ufffd")
    if not flat:
        return
    doc = render_markdown({"title": "t"}, flat, [Block("paragraph", 0, len(flat))])
    _meta, body, _notes = split_front_matter(doc)
    assert parse_markdown(body).text == flat
    assert escape_inline(flat)  # never empty for non-empty text


def test_br_separated_paragraphs_in_a_layout_table_stay_apart() -> None:
    """Old CMS pages: a layout table, paragraphs separated by <br><br>; no two sentences glued."""
    body = "<br><br>\n".join(ARTICLE_PARAGRAPHS)
    html = (
        f"<html><head><title>Barrier holds</title></head><body><table><tr><td class='nav'>"
        f"<a href='/'>Home</a></td></tr><tr><td class='content'><b>Barrier holds</b><br><br>"
        f"{body}</td></tr></table></body></html>"
    )
    page = extract_page(html)
    shown = [page.text[b.start : b.end] for b in page.blocks]
    for paragraph in ARTICLE_PARAGRAPHS:
        assert paragraph in shown
    assert "dawn.Officials" not in page.text.replace(" ", "")


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=2000).map(
            lambda t: f"<html><body><p>{t}</p></body></html>".encode("utf-8", "surrogatepass")
        ),
        st.lists(
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<br>",
                    "<table>",
                    "<td>",
                    "<li>",
                    "<h2>",
                    "word ",
                    "&amp;",
                    "<meta charset='koi8-r'>",
                    "\x00",
                    "é",
                    "<script>",
                    "<!--",
                ]
            ),
            max_size=300,
        ).map(lambda parts: "".join(parts).encode("utf-8")),
    )
)
def test_any_bytes_named_html_are_read_or_skipped(data: bytes) -> None:
    from index.ingest.html import read_page

    articles, skipped = read_page(data, "x.html", "/x.html")
    assert len(articles) + len(skipped) == 1
    for a in articles:
        assert a.text.strip()
        for b in a.blocks:
            assert 0 <= b.start < b.end <= len(a.text)
            assert a.text[b.start : b.end].strip() == a.text[b.start : b.end]


def test_trafilatura_output_vocabulary() -> None:
    """``index.ingest.html`` reads trafilatura's output tree (written for 2.3.1, pinned >=2.3.1,<2.4): if a
    release renames its elements, this fails here rather than as silently missing paragraphs."""
    import trafilatura

    assert trafilatura.__version__.startswith("2.3.")
    body = (
        "<h2>A heading here</h2><p>First line of text<br>second line of text</p>"
        "<ul><li>An item in a list</li></ul><blockquote>A quoted sentence here.</blockquote>"
        "<table><tr><td>cell one</td><td>cell two</td></tr></table>"
    )
    page = news_page(paragraphs=(*ARTICLE_PARAGRAPHS, body))
    doc = trafilatura.bare_extraction(page.decode(), include_comments=False, favor_precision=True)
    tags = {el.tag for el in doc.body.iter()}
    assert {"p", "head", "list", "item", "quote", "table", "row", "cell", "lb"} <= tags


def test_browser_saved_page_folder_is_not_read(tmp_path: Path) -> None:
    """'Save page, complete' writes Page_files/ beside Page.html: its frames are not articles."""
    (tmp_path / "Flood.html").write_bytes(news_page())
    assets = tmp_path / "Flood_files"
    assets.mkdir()
    (assets / "ad-frame.html").write_bytes(news_page(paragraphs=("Buy the SuperPhone now " * 20,)))
    (assets / "notes.txt").write_text("Not an article of mine, a leftover.", encoding="utf-8")
    other = tmp_path / "Research_files"  # no Research.html beside it: a user's own folder
    other.mkdir()
    (other / "mine.txt").write_text(
        "My own notes about the flood barrier and the river.", encoding="utf-8"
    )
    articles, skipped = _read(tmp_path)
    assert sorted(articles) == ["Flood.html", "Research_files/mine.txt"]
    assert skipped == {}


def test_web_package_names_load_their_modules() -> None:
    import index.web

    for name in index.web.__all__:
        assert getattr(index.web, name) is not None
    with pytest.raises(AttributeError):
        index.web.nothing  # noqa: B018


def test_a_wrong_header_charset_is_not_mojibake() -> None:
    """The server says UTF-8, the bytes are windows-1252 (curly quotes, accents): read as cp1252."""
    text = "“Liège’s café,” said Zoë, “is open again.” " * 4
    html, notes = decode_html(
        news_page(charset="cp1252", meta_charset=False, paragraphs=(text,)), "utf-8"
    )
    assert text.strip() in html and "\ufffd" not in html
    assert notes == ["declared UTF-8 but is not; read as windows-1252"]
