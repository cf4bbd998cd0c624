"""``F`` in the app fetches the feeds in the background; the new articles appear in the library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tui_helpers import settle
from web_samples import Route, rss_feed, serve

from index.web.feedlist import FeedList


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    (folder / "articles").mkdir(parents=True)
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(folder))
    return folder


def _notes(app: Any) -> str:
    return "\n".join(n.message for n in app._notifications)


async def test_fetch_key_saves_and_lists_new_articles(
    make_app: Any, tmp_path: Path, data_dir: Path
) -> None:
    with serve() as srv:
        srv.routes["/feed.xml"] = Route(
            rss_feed(srv.base), headers={"Content-Type": "application/rss+xml"}
        )
        FeedList(data_dir).add([srv.url("/feed.xml")])
        app = make_app(data_dir / "articles", tmp_path / "index")
        async with app.run_test(size=(120, 35)) as pilot:
            await settle(pilot)
            assert len(app.library.catalogue) == 0
            await pilot.press("F")
            await settle(pilot)
            await settle(pilot)
            assert "3 new articles from 1 feed" in _notes(app)
            assert len(app.library.catalogue) == 3
            assert not app.library.has_class("-indexing")


async def test_fetch_key_without_feeds_says_how_to_add_one(make_app: Any, data_dir: Path) -> None:
    app = make_app()
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert "newsdesk feeds add URL" in _notes(app)


async def test_fetched_folder_outside_the_corpus_is_named(make_app: Any, data_dir: Path) -> None:
    with serve() as srv:
        srv.routes["/feed.xml"] = Route(
            rss_feed(srv.base, items=1), headers={"Content-Type": "application/rss+xml"}
        )
        srv.routes["/bad.xml"] = Route(b"gone", 410)
        FeedList(data_dir).add([srv.url("/feed.xml"), srv.url("/bad.xml")])
        app = make_app()  # on the seeds
        async with app.run_test(size=(120, 35)) as pilot:
            await settle(pilot)
            before = len(app.library.catalogue)
            await pilot.press("F")
            await settle(pilot)
            notes = _notes(app)
            assert "1 new article from 2 feeds" in notes
            assert "HTTP 410" in notes
            assert f"saved in {data_dir / 'articles'}" in notes
            try:
                from tui import library
            except ImportError:  # before the library (issue 11)
                assert f"open it with: newsdesk {data_dir / 'articles'}" in notes
            else:
                assert "in your library: run newsdesk again to read it" in notes
                assert library.load() == [str((data_dir / "articles").resolve())]
            assert len(app.library.catalogue) == before


async def test_saved_page_reads_as_its_article_in_the_app(make_app: Any, tmp_path: Path) -> None:
    """A saved .html page opens in the reader as its article, not its page furniture."""
    from web_samples import ARTICLE_PARAGRAPHS, news_page

    from tui.screens.reader import ReaderScreen
    from tui.widgets.article_view import ArticleView

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "flood.html").write_bytes(news_page())
    app = make_app(corpus, tmp_path / "index")
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert (
            view.article is not None
            and view.article.title == "Brussels flood barrier holds through storm"
        )
        assert view.text == "\n\n".join(ARTICLE_PARAGRAPHS)
        shown = "\n".join(view.render_line(y).text for y in range(30))
        assert "Marie Lenoir" in shown and "cookies" not in shown and "Subscribe" not in shown
