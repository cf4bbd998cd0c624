"""Main-text extraction from saved news pages: trafilatura (used) against readability-lxml.

Five hand-written pages in the shapes news sites use, each with its article's paragraphs as gold:
prints word precision / recall / F1 against the gold, how many furniture phrases leaked (navigation,
cookie banner, newsletter box, related stories, comments, captions), which metadata came out, and the
time per page. readability-lxml is not a dependency: install it aside to compare
(``pip install --target /tmp/alt readability-lxml cssselect chardet`` and ``PYTHONPATH=/tmp/alt``).

    python tests/benchmarks/eval_extract.py
    python tests/benchmarks/eval_extract.py --pages DIR   # also DIR/html/X.html against DIR/text/X.txt

``--pages`` takes real saved pages with their expected text, laid out as newspaper3k's test data
(``tests/data/html`` and ``tests/data/text`` of codelucas/newspaper: 157 news pages from 67 sites, 115
with an expected text of 50 words or more; those texts are that library's own checked output, so
neutral between the two measured here).
"""

from __future__ import annotations

import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from web_samples import ARTICLE_PARAGRAPHS, COMMENT_WORDS, NAV_WORDS, news_page

FURNITURE = [
    *NAV_WORDS,
    COMMENT_WORDS,
    "ADVERTISEMENT",
    "We use cookies",
    "Sign up for our",
    "Related stories",
    "Photo:",
    "Read more:",
    "Share this",
    "All rights reserved",
    "Comments",
    "Log in",
]

P2 = (
    (
        "Rescue teams reached the village of Ostrava Nova late on Sunday, two days after a landslide "
        "cut the only road into the valley and left about 300 residents without power."
    ),
    (
        "The regional governor, Tomas Hradek, said helicopters had flown out eleven people who needed "
        "hospital care, among them a newborn and her mother."
    ),
    (
        "Engineers expect the road to reopen by Thursday if the rain holds off, though forecasters warned "
        "of another band of storms moving in from the west."
    ),
    (
        "Residents described hearing a roar like a train before the hillside gave way. Nobody was killed, "
        "officials said, but four houses were destroyed."
    ),
)
P3 = tuple(
    f"{t} The count at the central station was {n} trains by noon."
    for n, t in enumerate(
        (
            "The strike began at dawn, with unions saying nine in ten drivers had stayed home.",
            "Commuters crowded the few buses that ran, and queues for taxis stretched around the block.",
            "The transport minister called the walkout irresponsible and said talks would resume Monday.",
            "Union leaders replied that they had asked for talks for six weeks and heard nothing.",
            "By evening, some regional lines were running an hourly service on reduced staff.",
        ),
        1,
    )
)


def div_soup() -> bytes:
    body = "".join(
        f"<div class='para'>{p}</div><div class='ad-slot'>ADVERTISEMENT</div>" for p in P2
    )
    return f"""<html><head><meta charset="utf-8"><title>Landslide: rescuers reach village - Valley Post</title>
<meta name="description" content="Rescue teams reached the village">
<meta name="date" content="2024-03-04"></head><body>
<div class="topbar"><a href="/login">Log in</a> <a href="/sub">Subscribe to our newsletter</a></div>
<div class="wrapper"><div class="col-main"><h1>Landslide: rescuers reach cut-off village</h1>
<div class="meta">By Jana Novak, March 4, 2024</div>
<figure><img src="x.jpg"><figcaption>Photo: the road after the slide (Valley Post)</figcaption></figure>
<div class="story-body">{body}
<div class="newsletter">Sign up for our morning briefing and never miss a story from the valley and beyond.</div>
</div></div>
<div class="col-side"><h3>Related stories</h3>
<div class="teaser"><p>Floods last year left the same valley cut off for nine days, and residents said little had
changed since then in how the region prepares for heavy rain in spring.</p></div>
<div class="teaser"><p>Opinion: the mountains are moving and our planning must move with them, writes our
columnist in a long piece about climate and the cost of rebuilding roads.</p></div></div></div>
<div class="footer">All rights reserved. Valley Post 2024.</div></body></html>""".encode()


def br_page() -> bytes:
    body = "<br><br>\n".join(P3)
    return f"""<html><head><meta charset="utf-8"><title>Rail strike halts trains</title>
<meta property="og:title" content="Rail strike halts trains across the country">
<meta property="og:site_name" content="Morning Wire"></head><body>
<table width="100%"><tr><td class="nav"><a href="/">Home</a> | <a href="/news">News</a> | Share this</td></tr>
<tr><td class="content"><font size="4"><b>Rail strike halts trains across the country</b></font><br><br>
{body}<br><br>Read more: <a href="/x">Strike timeline</a></td></tr></table>
<div id="cookie">We use cookies. <a>Accept all cookies</a></div></body></html>""".encode()


def comments_page() -> bytes:
    comments = "".join(
        f"<li class='comment'><p>{c}</p></li>"
        for c in (
            (
                "I live near the river and I can tell you that the barrier was never tested properly before "
                "this storm, and the council knew it for years but did nothing about the pumps at all."
            ),
            (
                "The cost of 42 million euros is a scandal when the hospital in our town still has no lift "
                "and the schools are falling apart; this is money spent on the capital as always."
            ),
            COMMENT_WORDS
            + " I have been reading this paper for thirty years and it used to be good.",
        )
    )
    page = news_page().decode()
    return page.replace(
        '<section id="comments" class="comments">',
        f'<section id="comments" class="comments"><ol>{comments}</ol>',
    ).encode()


PAGES: list[tuple[str, bytes, tuple[str, ...]]] = [
    ("news page: article markup, OG + JSON-LD", news_page(), ARTICLE_PARAGRAPHS),
    ("div soup, sidebar of teasers, newsletter box", div_soup(), P2),
    ("old CMS: table layout, <br> paragraphs", br_page(), P3),
    ("long reader comments", comments_page(), ARTICLE_PARAGRAPHS),
    (
        "same article as a short brief",
        news_page(paragraphs=ARTICLE_PARAGRAPHS[:2]),
        ARTICLE_PARAGRAPHS[:2],
    ),
]


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in re.findall(r"\w+", text))


def score(got: str, gold: tuple[str, ...]) -> tuple[float, float, int]:
    g, w = words(" ".join(gold)), words(got)
    common = sum((g & w).values())
    precision = common / max(1, sum(w.values()))
    recall = common / max(1, sum(g.values()))
    leaked = sum(
        1
        for f in FURNITURE
        if f.lower() in got.lower() and not any(f.lower() in p.lower() for p in gold)
    )
    return precision, recall, leaked


def trafilatura_text(html: bytes) -> tuple[str, dict[str, str | None]]:
    from index.ingest.html import PageError, decode_html, extract_page

    try:
        page = extract_page(decode_html(html)[0])
    except PageError:
        return "", {}
    return page.text, {
        "title": page.title,
        "date": page.date,
        "author": page.author,
        "site": page.site,
        "url": page.url,
    }


def readability_text(html: bytes) -> tuple[str, dict[str, str | None]]:
    import lxml.html
    from readability import Document

    doc = Document(html)
    text = lxml.html.fromstring(doc.summary()).text_content()
    return " ".join(text.split()), {"title": doc.short_title()}


def real_pages(folder: Path) -> list[tuple[str, bytes, tuple[str, ...]]]:
    """(name, page bytes, gold text) for every ``html/X.html`` whose ``text/X.txt`` has 50 words or more."""
    out = []
    for html in sorted((folder / "html").glob("*.html")):
        gold = folder / "text" / f"{html.stem}.txt"
        text = gold.read_text(encoding="utf-8", errors="replace") if gold.is_file() else ""
        # An expected text of a few words is that library's own failure, not a gold article.
        if len(text.split()) >= 50:
            out.append((html.stem, html.read_bytes(), (text,)))
    return out


def summary(name: str, fn: object, pages: list[tuple[str, bytes, tuple[str, ...]]]) -> None:
    import statistics

    f1s, ps, rs, times, empty = [], [], [], [], 0
    found: Counter[str] = Counter()
    for _label, html, gold in pages:
        t = time.perf_counter()
        try:
            text, _meta = fn(html)  # type: ignore[operator]
        except Exception:
            text = ""
        else:
            found.update(k for k, v in _meta.items() if v)
        times.append((time.perf_counter() - t) * 1000)
        p, r, _leaked = score(text, gold)
        empty += not text.strip()
        ps.append(p)
        rs.append(r)
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    print(
        f"  {name:<18} pages {len(pages)}  precision {statistics.mean(ps):.3f}  recall "
        f"{statistics.mean(rs):.3f}  F1 mean {statistics.mean(f1s):.3f} median "
        f"{statistics.median(f1s):.3f}  F1<0.5: {sum(f < 0.5 for f in f1s)}  no text: {empty}  "
        f"{statistics.median(times):.0f} ms median"
    )
    print(f"  {'':<18} metadata found: " + ", ".join(f"{k} {v}" for k, v in found.items()))


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, help="a folder with html/X.html and text/X.txt")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # dateutil's time-zone warnings on real pages
    tools = [("trafilatura", trafilatura_text)]
    try:
        import readability  # noqa: F401

        tools.append(("readability-lxml", readability_text))
    except ImportError:
        print("(readability-lxml not installed: only trafilatura is measured)")
    for name, fn in tools:
        fn(PAGES[0][1])  # import and warm up
        print(f"\n{name}")
        print(f"  {'page':<46} {'prec':>5} {'rec':>5} {'F1':>5} {'leaks':>5} {'ms':>6}  metadata")
        totals = [0.0, 0.0, 0.0, 0]
        for label, html, gold in PAGES:
            t = time.perf_counter()
            text, meta = fn(html)
            ms = (time.perf_counter() - t) * 1000
            p, r, leaked = score(text, gold)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            found = ",".join(k for k, v in meta.items() if v)
            print(f"  {label:<46} {p:5.2f} {r:5.2f} {f1:5.2f} {leaked:>5} {ms:6.1f}  {found}")
            totals[0] += p
            totals[1] += r
            totals[2] += f1
            totals[3] += leaked
        n = len(PAGES)
        print(
            f"  {'mean (leaks: total)':<46} {totals[0] / n:5.2f} {totals[1] / n:5.2f} "
            f"{totals[2] / n:5.2f} {totals[3]:>5}"
        )
    if args.pages:
        pages = real_pages(args.pages)
        print(f"\nreal pages in {args.pages} (word precision / recall against the expected text)")
        for name, fn in tools:
            summary(name, fn, pages)


if __name__ == "__main__":
    main()
