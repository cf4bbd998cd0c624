"""Fetching over HTTP with limits, and feeds: every case served from a loopback server."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest
from web_samples import (
    ARTICLE_PARAGRAPHS,
    Route,
    atom_feed,
    gzip_bomb,
    news_page,
    opml,
    rss_feed,
    serve,
)

from index.ingest.formats import read_paths
from index.models import Article
from index.web.feedlist import FeedError, FeedList, read_opml
from index.web.feeds import fetch_feeds
from index.web.http import Fetcher, FetchError
from index.web.pages import fetch_page

HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml"}


def test_get_decodes_and_reports_headers() -> None:
    with (
        serve(
            {
                "/a": Route(
                    b"hello", headers={"Content-Type": "text/plain; charset=koi8-r", "ETag": '"x1"'}
                )
            }
        ) as srv,
        Fetcher() as f,
    ):
        r = f.get(srv.url("/a"))
    assert (r.status, r.body, r.content_type, r.charset, r.etag) == (
        200,
        b"hello",
        "text/plain",
        "koi8-r",
        '"x1"',
    )


@pytest.mark.parametrize(
    ("route", "reason"),
    [
        (Route(b"gone", 404), "HTTP 404"),
        (Route(b"oops", 500), "HTTP 500"),
        (Route(b"x" * 5000), "too large"),
        (Route(b"\x1f\x8bnot gzip at all", headers={"Content-Encoding": "gzip"}), "damaged gzip"),
        (Route(b"x", headers={"Content-Encoding": "br"}), "unsupported content encoding"),
        (Route(b"", 302, headers={"Location": "/loop"}), "redirect loop"),
        (Route(b"", 302, headers={"Location": "file:///etc/passwd"}), "not http(s)"),
    ],
)
def test_failures_are_one_line_reasons(route: Route, reason: str) -> None:
    with (
        serve({"/loop": route}) as srv,
        Fetcher(max_bytes=4000) as f,
        pytest.raises(FetchError, match=re.escape(reason)),
    ):
        f.get(srv.url("/loop"))


def test_a_gzip_bomb_stops_at_the_limit() -> None:
    bomb = gzip_bomb(200_000_000)  # 200 MB of zeros in ~200 KB
    with (
        serve({"/bomb": Route(bomb, headers={"Content-Encoding": "gzip"})}) as srv,
        Fetcher(max_bytes=1_000_000) as f,
        pytest.raises(FetchError, match="compressed response expands"),
    ):
        f.get(srv.url("/bomb"))


def test_gzip_within_the_limit_is_decoded() -> None:
    import gzip

    with (
        serve(
            {"/z": Route(gzip.compress(b"abc" * 1000), headers={"Content-Encoding": "gzip"})}
        ) as srv,
        Fetcher(max_bytes=4000) as f,
    ):
        assert f.get(srv.url("/z")).body == b"abc" * 1000


def test_a_server_that_never_answers_times_out() -> None:
    with (
        serve({"/slow": Route(b"late", delay=3)}) as srv,
        Fetcher(timeout=0.3) as f,
        pytest.raises(FetchError, match="timed out"),
    ):
        f.get(srv.url("/slow"))


def test_a_server_that_drips_hits_the_deadline() -> None:
    # Each piece comes well within the read timeout; the whole never does.
    with (
        serve({"/drip": Route(b"x" * 256 * 40, drip=0.05)}) as srv,
        Fetcher(timeout=5, deadline=0.5) as f,
        pytest.raises(FetchError, match="too slow"),
    ):
        f.get(srv.url("/drip"))


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://x.example/a", "javascript:alert(1)", "http://"]
)
def test_only_http_urls(url: str) -> None:
    with Fetcher() as f, pytest.raises(FetchError):
        f.get(url)


def test_fetch_page_refuses_what_is_not_html() -> None:
    with (
        serve({"/img": Route(b"\x89PNG....", headers={"Content-Type": "image/png"})}) as srv,
        Fetcher() as f,
        pytest.raises(FetchError, match="not an HTML page"),
    ):
        fetch_page(f, srv.url("/img"))


def test_fetch_page_uses_the_header_charset() -> None:
    text = "Москва сообщила во вторник о наводнении на реке, и жители ушли из домов у воды. " * 3
    page = news_page(charset="koi8-r", meta_charset=False, paragraphs=(text,))
    with (
        serve({"/ru": Route(page, headers={"Content-Type": "text/html; charset=KOI8-R"})}) as srv,
        Fetcher() as f,
    ):
        got, final = fetch_page(f, srv.url("/ru"))
    assert text.strip() in got.text
    assert final == srv.url("/ru")


# Feeds -----------------------------------------------------------------------------------------


def _articles(folder: Path) -> list[Article]:
    return [a for a in read_paths([folder]) if isinstance(a, Article)]


def _conditional(body: bytes, etag: str) -> object:
    def route(headers: dict[str, str]) -> Route:
        if headers.get("if-none-match") == etag:
            return Route(b"", 304, headers={"ETag": etag})
        return Route(body, headers={**RSS, "ETag": etag})

    return route


def test_rss_items_saved_once_as_markdown(tmp_path: Path) -> None:
    feeds = FeedList(tmp_path / "data")
    root = tmp_path / "data" / "articles"
    with serve() as srv, Fetcher() as f:
        srv.routes["/feed.xml"] = _conditional(rss_feed(srv.base), '"v1"')
        feeds.add([srv.url("/feed.xml")])
        [first] = fetch_feeds(feeds, root, f)
        [second] = fetch_feeds(feeds, root, f)
        conditional = [h for p, h in srv.requests if p == "/feed.xml"][-1]
    assert first.status == "new" and len(first.new) == 3 and first.title == "The Lowlands Courier"
    assert second.status == "unchanged" and second.new == ()
    assert conditional.get("if-none-match") == '"v1"'
    # Full text came in the feed: no page was fetched.
    assert not any(p.startswith("/story") for p, _ in srv.requests)
    articles = sorted(_articles(root), key=lambda a: a.title)
    assert [a.title for a in articles] == [f"Story number {n}: river news" for n in (1, 2, 3)]
    a = articles[0]
    assert (a.date, a.author, a.source, a.url) == (
        "2024-10-11",
        "Reporter 1",
        "The Lowlands Courier",
        srv.url("/story/1"),
    )
    assert ARTICLE_PARAGRAPHS[0] in a.text and "(Story 1.)" in a.text
    assert Path(first.new[0]).parent.parent == root / "feeds"


def test_saved_items_not_duplicated_when_the_list_is_lost(tmp_path: Path) -> None:
    root = tmp_path / "articles"
    with serve() as srv, Fetcher() as f:
        srv.routes["/feed.xml"] = Route(rss_feed(srv.base), headers=RSS)
        feeds = FeedList(tmp_path / "data")
        feeds.add([srv.url("/feed.xml")])
        fetch_feeds(feeds, root, f)
        # The list forgets what it saw (but keeps the folder name): the files themselves say.
        state = json.loads(feeds.path.read_text())
        state["feeds"][0]["seen"] = []
        feeds.path.write_text(json.dumps(state))
        [again] = fetch_feeds(feeds, root, f)
        srv.routes["/feed.xml"] = Route(rss_feed(srv.base, items=4), headers=RSS)
        [more] = fetch_feeds(feeds, root, f)
    assert again.status == "unchanged"
    assert len(more.new) == 1 and "story-number-4" in more.new[0]
    assert len(_articles(root)) == 4


def test_atom_summaries_fetch_the_linked_pages(tmp_path: Path) -> None:
    root = tmp_path / "articles"
    with serve() as srv, Fetcher() as f:
        srv.routes["/atom.xml"] = Route(
            atom_feed(srv.base), headers={"Content-Type": "application/atom+xml"}
        )
        srv.routes["/page/1"] = Route(news_page(), headers=HTML)
        srv.routes["/page/2"] = Route(b"missing", 404)
        feeds = FeedList(tmp_path / "data")
        feeds.add([srv.url("/atom.xml")])
        [first] = fetch_feeds(feeds, root, f)
        assert first.status == "new" and len(first.new) == 1
        assert first.item_errors == ((srv.url("/page/2"), "HTTP 404 Not Found"),)
        # An item that failed keeps the feed's validators unsaved, so it is tried again.
        assert feeds.load()[0].etag is None
        srv.routes["/page/2"] = Route(news_page(), headers=HTML)
        [second] = fetch_feeds(feeds, root, f)
    assert second.status == "new" and len(second.new) == 1 and second.item_errors == ()
    by_title = {a.title: a for a in _articles(root)}
    one = by_title["Gazette: barrier page one"]
    assert (
        one.author == "Pieter Claes"
        and one.source == "Harbour Gazette"
        and one.date == "2024-10-16"
    )
    assert one.text == "\n\n".join(ARTICLE_PARAGRAPHS)  # the page's article, not its furniture
    assert by_title["Gazette: barrier page two"].author == "Anna de Vries"  # from the page itself


def test_a_failing_feed_keeps_what_was_saved(tmp_path: Path) -> None:
    root = tmp_path / "articles"
    with serve() as srv, Fetcher() as f:
        srv.routes["/feed.xml"] = Route(rss_feed(srv.base), headers=RSS)
        srv.routes["/bad.xml"] = Route(news_page(), headers=HTML)
        feeds = FeedList(tmp_path / "data")
        feeds.add([srv.url("/feed.xml"), srv.url("/bad.xml"), srv.url("/nothing")])
        reports = fetch_feeds(feeds, root, f)
        assert [r.status for r in reports] == ["new", "failed", "failed"]
        assert "not an RSS or Atom feed (an HTML page)" in (reports[1].reason or "")
        assert reports[2].reason == "HTTP 404 Not Found"
        srv.routes["/feed.xml"] = Route(b"<html>down for maintenance", 503)
        [down, _, _] = fetch_feeds(feeds, root, f)
    assert down.status == "failed" and "503" in (down.reason or "")
    assert len(_articles(root)) == 3
    state = feeds.load()[0]
    assert len(state.seen) == 6  # 3 GUIDs and 3 URLs, still known
    assert (state.last_status, state.last_error) == ("failed", "HTTP 503 Service Unavailable")
    assert [f.last_status for f in feeds.load()[1:]] == ["failed", "failed"]


def test_feeds_are_fetched_a_few_at_once(tmp_path: Path) -> None:
    # Both feeds wait for each other: fetched one after the other, the first would time out.
    barrier = threading.Barrier(2, timeout=10)

    def meet(body: bytes) -> object:
        def route(_headers: dict[str, str]) -> Route:
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                return Route(b"alone", 500)
            return Route(body, headers=RSS)

        return route

    with serve() as srv, Fetcher() as f:
        srv.routes["/a.xml"] = meet(rss_feed(srv.base + "/a", items=1))
        srv.routes["/b.xml"] = meet(rss_feed(srv.base + "/b", items=1))
        feeds = FeedList(tmp_path / "data")
        feeds.add([srv.url("/a.xml"), srv.url("/b.xml")])
        reports = fetch_feeds(feeds, tmp_path / "articles", f, workers=2)
    assert [r.status for r in reports] == ["new", "new"]


def test_feed_list_add_remove_refuse(tmp_path: Path) -> None:
    feeds = FeedList(tmp_path)
    added, present, refused = feeds.add(
        [
            "http://127.0.0.1:9/a.xml",
            "file:///etc/passwd",
            "http://127.0.0.1:9/a.xml",
            " https://127.0.0.1:9/b ",
        ]
    )
    assert added == ["http://127.0.0.1:9/a.xml", "https://127.0.0.1:9/b"]
    assert present == ["http://127.0.0.1:9/a.xml"]
    assert [u for u, _ in refused] == ["file:///etc/passwd"]
    assert feeds.remove("http://127.0.0.1:9/a.xml") is not None
    assert feeds.remove("http://127.0.0.1:9/a.xml") is None
    assert [f.url for f in FeedList(tmp_path).load()] == ["https://127.0.0.1:9/b"]
    feeds.path.write_text("[1, 2]")
    with pytest.raises(FeedError):
        feeds.load()


def test_opml_nested_outlines() -> None:
    urls = ["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"]
    assert [u for u, _ in read_opml(opml(urls))] == urls
    with pytest.raises(FeedError, match="not an OPML file"):
        read_opml(b"<rss><channel/></rss>")
    with pytest.raises(FeedError, match="XML error"):
        read_opml(b"<opml><body>")


def test_a_hostile_item_date_never_names_a_file_outside_the_feed_folder(tmp_path: Path) -> None:
    feed = rss_feed("http://127.0.0.1:9", items=1).replace(
        b"<pubDate>Tue, 11 Oct 2024 08:01:00 GMT</pubDate>", b"<pubDate>../../../escaped</pubDate>"
    )
    with serve({"/f.xml": Route(feed, headers=RSS)}) as srv, Fetcher() as f:
        feeds = FeedList(tmp_path / "data")
        feeds.add([srv.url("/f.xml")])
        [report] = fetch_feeds(feeds, tmp_path / "data" / "articles", f)
    [saved] = report.new
    folder = tmp_path / "data" / "articles" / "feeds"
    assert Path(saved).resolve().parent.parent == folder.resolve()
    assert not list(tmp_path.glob("*escaped*")) and "escaped" not in Path(saved).name


def test_one_fetch_at_a_time(tmp_path: Path) -> None:
    from index.web.feedlist import file_lock

    feeds = FeedList(tmp_path / "data")
    feeds.add(["http://127.0.0.1:9/a.xml"])
    with file_lock(feeds.folder / ".fetch.lock", 0, "held"), Fetcher() as f:
        with pytest.raises(FeedError, match="another newsdesk fetch is running"):
            fetch_feeds(feeds, tmp_path / "articles", f)
        # The list itself can still be changed meanwhile.
        assert feeds.add(["http://127.0.0.1:9/b.xml"])[0] == ["http://127.0.0.1:9/b.xml"]


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">'.encode() for n in range(8)
    )
    + b']><rss version="2.0"><channel><title>&i;</title></channel></rss>'
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
    b'<rss version="2.0"><channel><title>T&x;</title><item><title>t&x;</title><guid>g</guid>'
    b"<content:encoded xmlns:content='http://purl.org/rss/1.0/modules/content/'>&x;</content:encoded>"
    b"</item></channel></rss>"
)


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [
        (b"", "failed", "not an RSS or Atom feed"),
        (bytes(range(256)) * 10, "failed", "not an RSS or Atom feed"),
        (LAUGHS, "unchanged", None),  # entity expansion refused by the parser: an empty feed
        (
            XXE,
            "failed",
            "1 item not saved",
        ),  # the external entity is not read: no text, its page 404s
    ],
)
def test_hostile_feeds(tmp_path: Path, body: bytes, status: str, reason: str | None) -> None:
    with serve({"/f": Route(body, headers=RSS)}) as srv, Fetcher(timeout=3) as f:
        feeds = FeedList(tmp_path / "data")
        feeds.add([srv.url("/f")])
        [report] = fetch_feeds(feeds, tmp_path / "articles", f)
    assert report.status == status
    assert report.reason == reason or (reason and reason in (report.reason or ""))
    assert len(report.title or "") < 10  # no entity expanded, no file read
    assert not list((tmp_path / "articles").rglob("*.md"))


def test_a_teaser_in_content_fetches_the_page_and_keeps_the_longer(tmp_path: Path) -> None:
    teaser = (
        "Officials in Brussels said on Tuesday that the new flood barrier along the river Senne had "
        "held through the worst storm in a decade. Read the full story on our site."
    )
    feed = rss_feed("BASE", items=2, full=False).replace(
        b"<description>A short summary of story 1.</description>",
        f"<description>x</description><content:encoded><![CDATA[<p>{teaser}</p>]]></content:encoded>".encode(),
    )
    with serve() as srv, Fetcher() as f:
        srv.routes["/f.xml"] = Route(feed.replace(b"BASE", srv.base.encode()), headers=RSS)
        srv.routes["/story/1"] = Route(news_page(), headers=HTML)
        srv.routes["/story/2"] = Route(b"down", 503)
        feeds = FeedList(tmp_path / "data")
        feeds.add([srv.url("/f.xml")])
        [report] = fetch_feeds(feeds, tmp_path / "articles", f)
    # Item 1: the page was fetched and is longer than the teaser; item 2 has no text and its page failed.
    assert len(report.new) == 1 and report.item_errors == (
        (srv.url("/story/2"), "HTTP 503 Service Unavailable"),
    )
    [article] = _articles(tmp_path / "articles")
    assert article.text == "\n\n".join(ARTICLE_PARAGRAPHS)


def test_an_item_that_can_never_be_saved_does_not_refetch_the_feed(tmp_path: Path) -> None:
    feed = rss_feed("BASE", items=1).replace(
        b"</channel>",
        b"<item><title>No link, no id</title><description>x</description></item></channel>",
    )
    with serve() as srv, Fetcher() as f:
        srv.routes["/f.xml"] = _conditional(feed.replace(b"BASE", srv.base.encode()), '"e1"')
        feeds = FeedList(tmp_path / "data")
        feeds.add([srv.url("/f.xml")])
        [first] = fetch_feeds(feeds, tmp_path / "articles", f)
        [second] = fetch_feeds(feeds, tmp_path / "articles", f)
    assert len(first.new) == 1 and first.item_errors == (("No link, no id", "no id and no link"),)
    assert feeds.load()[0].etag == '"e1"'
    assert second.status == "unchanged" and second.item_errors == ()


def test_a_cancelled_run_starts_no_more_requests(tmp_path: Path) -> None:
    with serve() as srv, Fetcher() as f:
        srv.routes["/a.xml"] = Route(rss_feed(srv.base, items=1), headers=RSS)
        feeds = FeedList(tmp_path / "data")
        feeds.add([srv.url("/a.xml")])
        [report] = fetch_feeds(feeds, tmp_path / "articles", f, cancelled=lambda: True)
        assert srv.requests == []
    assert (report.status, report.reason) == ("failed", "cancelled")
    assert feeds.load()[0].last_fetch is None
