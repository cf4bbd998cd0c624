"""``newsdesk add``, ``feeds`` and ``fetch`` in subprocesses, against a loopback server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from web_samples import ARTICLE_PARAGRAPHS, Route, atom_feed, news_page, opml, rss_feed, serve

HTML = {"Content-Type": "text/html; charset=utf-8"}
RSS = {"Content-Type": "application/rss+xml"}
Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture()
def newsdesk(tmp_path: Path) -> Run:
    """Run ``python -m tui ARGS`` with its data, cache and config folders in ``tmp_path``."""
    env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "NO_COLOR": "1",
        "NEWSDESK_DATA_DIR": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "NEWSDESK_CONFIG_DIR": str(tmp_path / "config"),
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "tui", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=300,
            check=False,
        )

    return run


def _pages(base: str) -> dict[str, Route]:
    routes: dict[str, Route] = {
        "/feed.xml": Route(rss_feed(base), headers={**RSS, "ETag": '"v1"'}),
        "/atom.xml": Route(atom_feed(base), headers={"Content-Type": "application/atom+xml"}),
        "/article": Route(news_page(), headers=HTML),
    }
    for n in (1, 2):
        paragraphs = tuple(p.replace("Brussels", f"Harbourtown{n}") for p in ARTICLE_PARAGRAPHS)
        routes[f"/page/{n}"] = Route(news_page(paragraphs=paragraphs), headers=HTML)
    return routes


def test_feeds_fetch_search_compare(newsdesk: Run, tmp_path: Path) -> None:
    """The issue's 'done when': add a feed, fetch, search finds it, a second fetch saves nothing."""
    folder = tmp_path / "data" / "articles"
    with serve() as srv:
        srv.routes.update(_pages(srv.base))
        add = newsdesk("feeds", "add", srv.url("/feed.xml"), srv.url("/atom.xml"))
        assert add.returncode == 0, add.stderr
        first = newsdesk("fetch", "--json")
        second = newsdesk("fetch", "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout)
    assert report["new"] == 5 and report["folder"] == str(folder)
    assert [(f["status"], len(f["new"])) for f in report["feeds"]] == [("new", 3), ("new", 2)]
    assert json.loads(second.stdout)["new"] == 0
    assert [f["status"] for f in json.loads(second.stdout)["feeds"]] == ["unchanged", "unchanged"]

    found = newsdesk("search", "Harbourtown1", str(folder), "--json")
    hits = json.loads(found.stdout)["hits"]
    assert [h["title"] for h in hits] == ["Gazette: barrier page one"]
    assert newsdesk("search", "cookies", str(folder), "--json").stdout.count('"id"') == 0

    a, b = (Path(p) for p in json.loads(first.stdout)["feeds"][1]["new"])
    compared = newsdesk("compare", str(a), str(b), "--format", "json")
    assert compared.returncode == 0, compared.stderr
    assert json.loads(compared.stdout)


def test_add_url_saves_markdown_with_front_matter(newsdesk: Run, tmp_path: Path) -> None:
    into = tmp_path / "mine"
    with serve() as srv:
        srv.routes.update(_pages(srv.base))
        out = newsdesk("add", srv.url("/article"), "--into", str(into), "--json")
        again = newsdesk("add", srv.url("/article"), "--into", str(into))
    assert out.returncode == 0, out.stderr
    saved = json.loads(out.stdout)
    assert saved["title"] == "Brussels flood barrier holds through storm" and saved["indexed"] == 1
    text = Path(saved["path"]).read_text(encoding="utf-8")
    head = text.split("---")[1]
    for line in (
        "title: Brussels flood barrier holds through storm",
        "date: '2024-10-15'",
        "source: The Lowlands Courier",
        "author: Anna de Vries",
        "fetched: '",
    ):
        assert line in head
    assert f"url: {srv.url('/article')}" in head
    assert ARTICLE_PARAGRAPHS[1] in text and "Accept all cookies" not in text
    assert again.returncode == 0 and "already saved" in again.stdout
    assert [p.name for p in into.iterdir()] == [Path(saved["path"]).name]
    listed = newsdesk("search", "Vilvoorde", str(into), "--json")
    assert json.loads(listed.stdout)["total"] == 1


def test_add_url_default_folder_and_failures(newsdesk: Run, tmp_path: Path) -> None:
    with serve() as srv:
        srv.routes.update(_pages(srv.base))
        srv.routes["/img"] = Route(b"\x89PNG", headers={"Content-Type": "image/png"})
        ok = newsdesk("add", srv.url("/article"))
        missing = newsdesk("add", srv.url("/missing"))
        image = newsdesk("add", srv.url("/img"))
    scheme = newsdesk("add", "file:///etc/passwd")
    assert (
        ok.returncode == 0
        and len(list((tmp_path / "data" / "articles" / "pages").glob("*.md"))) == 1
    )
    for proc, reason in (
        (missing, "HTTP 404"),
        (image, "not an HTML page"),
        (scheme, "only http and https"),
    ):
        assert proc.returncode == 1
        assert reason in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
        assert "Traceback" not in proc.stderr


def test_feeds_import_list_remove(newsdesk: Run, tmp_path: Path) -> None:
    list_file = tmp_path / "subs.opml"
    list_file.write_bytes(opml(["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/b.xml"]))
    imported = newsdesk("feeds", "import", str(list_file), "--json")
    assert json.loads(imported.stdout)["added"] == [
        "http://127.0.0.1:9/a.xml",
        "http://127.0.0.1:9/b.xml",
    ]
    assert [f["url"] for f in json.loads(newsdesk("feeds", "list", "--json").stdout)] == [
        "http://127.0.0.1:9/a.xml",
        "http://127.0.0.1:9/b.xml",
    ]
    assert newsdesk("feeds", "remove", "http://127.0.0.1:9/a.xml").returncode == 0
    gone = newsdesk("feeds", "remove", "http://127.0.0.1:9/a.xml")
    assert gone.returncode == 2 and "not a feed in the list" in gone.stderr
    assert [f["url"] for f in json.loads(newsdesk("feeds", "list", "--json").stdout)] == [
        "http://127.0.0.1:9/b.xml"
    ]
    refused = newsdesk("feeds", "add", "file:///etc/passwd")
    assert refused.returncode == 2 and "only http and https" in refused.stderr
    bad = tmp_path / "bad.opml"
    bad.write_text("<rss/>")
    assert newsdesk("feeds", "import", str(bad)).returncode == 1


def test_fetch_reports_each_failure_and_goes_on(newsdesk: Run, tmp_path: Path) -> None:
    with serve() as srv:
        srv.routes.update(_pages(srv.base))
        srv.routes["/html"] = Route(news_page(), headers=HTML)
        srv.routes["/loop"] = Route(b"", 302, headers={"Location": "/loop"})
        urls = [srv.url(p) for p in ("/html", "/loop", "/gone", "/feed.xml")]
        newsdesk("feeds", "add", *urls)
        out = newsdesk("fetch", "--json", "--timeout", "5")
        text = newsdesk("fetch", "--timeout", "5")
    assert out.returncode == 1  # some feed failed
    feeds = {f["url"]: f for f in json.loads(out.stdout)["feeds"]}
    assert feeds[urls[0]]["reason"] == "not an RSS or Atom feed (an HTML page)"
    assert "redirect loop" in feeds[urls[1]]["reason"]
    assert feeds[urls[2]]["reason"] == "HTTP 404 Not Found"
    assert feeds[urls[3]]["status"] == "new" and len(feeds[urls[3]]["new"]) == 3
    lines = text.stdout.splitlines()
    assert any(
        line.startswith("failed") and urls[1] in line and "redirect loop" in line for line in lines
    )
    assert lines[-1].startswith("0 new articles in ")


def test_saved_html_in_a_corpus_is_indexed(newsdesk: Run, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "flood.html").write_bytes(news_page())
    (corpus / "front.html").write_bytes(b"<html><body><a href='/'>Home</a></body></html>")
    out = newsdesk("index", str(corpus), "--json")
    report = json.loads(out.stdout)
    assert report["added"] == 1
    assert [s["reason"] for s in report["skipped"]] == [
        "no article found in the page (under 25 words of text)"
    ]
    hits = json.loads(newsdesk("search", "sandbags", str(corpus), "--json").stdout)["hits"]
    assert [(h["title"], h["source"], h["date"]) for h in hits] == [
        ("Brussels flood barrier holds through storm", "The Lowlands Courier", "2024-10-15")
    ]


@pytest.mark.parametrize("command", ["add", "feeds", "fetch"])
def test_help_and_version(newsdesk: Run, command: str) -> None:
    h = newsdesk(command, "--help")
    assert (
        h.returncode == 0 and h.stdout.startswith(f"usage: newsdesk {command} [") and h.stderr == ""
    )
    v = newsdesk(command, "--version")
    assert v.returncode == 0 and v.stdout.startswith("newsdesk ")


def test_feeds_without_an_action_is_a_usage_error(newsdesk: Run) -> None:
    for argv in (["feeds"], ["feeds", "frob"], ["feeds", "remove"], ["feeds", "add"]):
        r = newsdesk(*argv)
        assert r.returncode == 2 and "Traceback" not in r.stderr, argv


def test_fetched_articles_join_the_library(newsdesk: Run, tmp_path: Path) -> None:
    """From a fresh install: feeds add, fetch, then search with no PATH finds them in the library."""
    pytest.importorskip("tui.library")
    with serve() as srv:
        srv.routes.update(_pages(srv.base))
        newsdesk("feeds", "add", srv.url("/atom.xml"))
        fetched = newsdesk("fetch")
        added = newsdesk("add", srv.url("/article"))
    assert fetched.returncode == 0 and added.returncode == 0, fetched.stderr + added.stderr
    folder = str((tmp_path / "data" / "articles").resolve())
    library = json.loads((tmp_path / "config" / "library.json").read_text(encoding="utf-8"))
    assert library["folders"] == [folder]
    assert f"(added {folder} to the library)" in fetched.stderr
    hits = json.loads(newsdesk("search", "barrier", "--json").stdout)["hits"]
    assert sorted(h["title"] for h in hits) == [
        "Brussels flood barrier holds through storm",
        "Gazette: barrier page one",
        "Gazette: barrier page two",
    ]
