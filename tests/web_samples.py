"""Saved web pages, feeds and an OPML file shaped like the ones news sites serve, and a loopback server.

Shared by ``tests/engine`` and ``tests/cli`` (this folder is on ``sys.path`` through its conftest).
Every page is written here by hand: no test reaches beyond 127.0.0.1.
"""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

ARTICLE_PARAGRAPHS = (
    (
        "Officials in Brussels said on Tuesday that the new flood barrier along the river Senne had held "
        "through the worst storm in a decade, sparing the old town from the water that reached its gates."
    ),
    (
        "“We built it for a hundred-year flood and we got one in its third winter,” said Marie Lenoir, the "
        "engineer who led the project for the regional water authority."
    ),
    (
        "The barrier cost 42 million euros and took four years to build. Critics had called it an "
        "expensive answer to a rare problem; several of them visited the site on Wednesday morning."
    ),
    (
        "Downstream, in the villages of Vilvoorde and Zemst, volunteers filled sandbags through the night "
        "as the river rose 3.2 metres above its usual level before falling again by dawn."
    ),
)
NAV_WORDS = ("Subscribe to our newsletter", "Accept all cookies", "Most read this week")
COMMENT_WORDS = "This is the worst reporting I have ever seen, first!!!"

_JSON_LD = """<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Brussels flood barrier holds through storm",
 "datePublished": "2024-10-15T08:30:00+02:00",
 "author": {"@type": "Person", "name": "Anna de Vries"},
 "publisher": {"@type": "Organization", "name": "The Lowlands Courier"}}
</script>"""


def news_page(
    charset: str = "utf-8",
    meta_charset: bool = True,
    paragraphs: tuple[str, ...] = ARTICLE_PARAGRAPHS,
    hostile: str = "",
) -> bytes:
    """A news article page: Open Graph and JSON-LD metadata, a cookie banner, navigation, ads, scripts,
    comments and a related-stories box around the article markup, encoded in ``charset``."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    head_charset = f'<meta charset="{charset}">' if meta_charset else ""
    page = f"""<!DOCTYPE html>
<html lang="en"><head>{head_charset}
<title>Brussels flood barrier holds through storm | The Lowlands Courier</title>
<meta property="og:title" content="Brussels flood barrier holds through storm">
<meta property="og:site_name" content="The Lowlands Courier">
<meta property="og:type" content="article">
<meta name="author" content="Anna de Vries">
<meta property="article:published_time" content="2024-10-15T08:30:00+02:00">
<link rel="canonical" href="https://courier.example/news/2024/10/15/flood-barrier">
{_JSON_LD}
<script>window.dataLayer = [{{"page": "article"}}]; function trackAll() {{ return 1; }}</script>
<style>body {{ font-family: serif; }} .ad {{ display: block; }}</style>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
<button>{NAV_WORDS[1]}</button></div>
<header><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">{NAV_WORDS[0]}</a></li></ul></nav></header>
<div class="ad ad-top">ADVERTISEMENT Buy the new SuperPhone now, only 999 euros</div>
<main><article class="article">
<h1 class="headline">Brussels flood barrier holds through storm</h1>
<p class="byline">By <span class="author">Anna de Vries</span> ·
<time datetime="2024-10-15T08:30:00+02:00">15 October 2024</time></p>
<div class="article-body">
{body}
{hostile}
</div></article>
<aside class="related"><h2>{NAV_WORDS[2]}</h2><ul>
<li><a href="/a">Ten things about trains</a></li><li><a href="/b">Why cats sleep all day</a></li>
</ul></aside>
<section id="comments" class="comments"><h2>Comments (2)</h2>
<div class="comment"><p class="comment-body">{COMMENT_WORDS}</p></div>
<div class="comment"><p class="comment-body">Great article, thanks to the reporter.</p></div>
</section></main>
<footer><p>© 2024 The Lowlands Courier. All rights reserved.</p>
<a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
<script src="/js/tracker.js"></script>
</body></html>
"""
    return page.encode(charset)


TEASER_PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Front page | Courier</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="teaser"><h2><a href="/a">Flood barrier holds</a></h2><p>Read more</p></div>
<div class="teaser"><h2><a href="/b">Trains late again</a></h2><p>Read more</p></div>
<div class="teaser"><h2><a href="/c">Cats asleep</a></h2><p>Read more</p></div>
<footer>(c) Courier</footer></body></html>
"""
"""A front page of teasers: links and headlines, no article."""


def rss_feed(base: str, items: int = 3, full: bool = True) -> bytes:
    """An RSS 2.0 feed of ``items`` items linking to ``{base}/story/N`` (full text in
    ``content:encoded`` when ``full``, else a one-line summary)."""
    entries = []
    for n in range(1, items + 1):
        content = (
            "<content:encoded><![CDATA["
            + "".join(f"<p>{p} (Story {n}.)</p>" for p in ARTICLE_PARAGRAPHS)
            + "]]></content:encoded>"
            if full
            else ""
        )
        entries.append(
            f"""<item><title>Story number {n}: river news</title>
<link>{base}/story/{n}</link><guid isPermaLink="false">courier-{n}</guid>
<pubDate>Tue, 1{n} Oct 2024 08:0{n}:00 GMT</pubDate><dc:creator>Reporter {n}</dc:creator>
<description>A short summary of story {n}.</description>{content}</item>"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>The Lowlands Courier</title><link>{base}/</link><description>News</description>
{"".join(entries)}
</channel></rss>
""".encode()


def atom_feed(base: str) -> bytes:
    """An Atom feed of two entries with only summaries: the linked pages must be fetched."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Gazette</title>
<link href="{base}/"/><id>urn:gazette</id><updated>2024-10-16T10:00:00Z</updated>
<entry><title>Gazette: barrier page one</title><id>urn:gazette:1</id>
<link rel="alternate" href="{base}/page/1"/><updated>2024-10-16T09:00:00Z</updated>
<author><name>Pieter Claes</name></author><summary>Short summary one.</summary></entry>
<entry><title>Gazette: barrier page two</title><id>urn:gazette:2</id>
<link rel="alternate" href="{base}/page/2"/><updated>2024-10-16T10:00:00Z</updated>
<summary>Short summary two.</summary></entry>
</feed>
""".encode()


def opml(urls: list[str]) -> bytes:
    """An OPML subscription list with the feeds nested in a folder outline."""
    outlines = "".join(
        f'<outline type="rss" text="Feed {n}" xmlUrl="{u}"/>' for n, u in enumerate(urls)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
<outline text="News">{outlines}</outline><outline text="Empty folder"/>
</body></opml>
""".encode()


@dataclass
class Route:
    """What the server answers for one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (a slow server)."""
    drip: float = 0.0
    """Seconds to wait between 256-byte pieces of the body (a server that answers without end)."""


@dataclass
class Server:
    """A loopback HTTP server with routes set by the test; records each request's headers."""

    base: str
    routes: dict[str, Route | Callable[[dict[str, str]], Route]]
    requests: list[tuple[str, dict[str, str]]]

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        return self.base + path


@contextmanager
def serve(
    routes: dict[str, Route | Callable[[dict[str, str]], Route]] | None = None,
) -> Iterator[Server]:
    """Run a threaded HTTP server on 127.0.0.1 (a free port) for the duration of the block."""
    state = Server("", dict(routes or {}), [])

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = (
            True  # headers and body are two writes: no 40 ms delayed-ACK stall
        )

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            headers = {k.lower(): v for k, v in self.headers.items()}
            state.requests.append((self.path, headers))
            route = state.routes.get(self.path)
            if callable(route):
                route = route(headers)
            if route is None:
                route = Route(b"not found", 404)
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if "Content-Length" not in route.headers:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                if route.drip:
                    for at in range(0, len(route.body), 256):
                        self.wfile.write(route.body[at : at + 256])
                        self.wfile.flush()
                        time.sleep(route.drip)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def gzip_bomb(size: int) -> bytes:
    """``size`` zero bytes gzipped (a few kilobytes that expand to ``size``)."""
    return gzip.compress(b"\0" * size, compresslevel=9)
