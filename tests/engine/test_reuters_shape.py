"""Real corpora read right: titles as sources give them, hard-wrapped paragraphs, compact snippets.

The corpora are written here in the shape of Reuters-21578 (`.jsonl` with a `title`, bodies wrapped at
~70 columns with indented paragraphs) and of plain wrapped newswire text.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from index.analysis.sentences import split_sentences
from index.ingest.files import SourceFile
from index.ingest.formats import read_file, text_article
from index.search import search

COCOA = (
    "Showers continued throughout the week in\n"
    "the Bahia cocoa zone, alleviating the drought since early\n"
    "January and improving prospects for the coming temporao,\n"
    "although normal humidity levels have not been restored,\n"
    "Comissaria Smith said in its weekly review.\n"
    "    The dry period means the temporao will be late this year.\n"
    "    Arrivals for the week ended February 22 were 155,221 bags\n"
    "of 60 kilos making a cumulative total for the season of 5.93\n"
    "mln against 5.81 at the same stage last year.\n"
    "\n Reuter"
)
ICCO = (
    "The International Cocoa Organization\n"
    "(ICCO) council agreed on buffer stock rules, delegates said,\n"
    "after two weeks of talks in London on the pact.\n"
    "    The rules take effect at once.\n"
)


def _jsonl(tmp_path: Path, rows: list[dict[str, Any]]) -> list[Any]:
    f = tmp_path / "wire.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    articles, skipped = read_file(SourceFile(str(f), str(tmp_path), f.stat().st_size, 0))
    assert skipped == []
    return articles


def test_jsonl_title_is_the_title_and_the_body_is_not_mined(tmp_path: Path) -> None:
    cocoa, icco = _jsonl(
        tmp_path,
        [
            {"id": "1", "title": "BAHIA COCOA REVIEW", "text": COCOA},
            {"id": "2", "title": "ICCO AGREES BUFFER RULES", "text": ICCO},
        ],
    )
    assert cocoa.title == "BAHIA COCOA REVIEW"
    assert icco.title == "ICCO AGREES BUFFER RULES"
    for a in (cocoa, icco):
        assert all(b.kind == "paragraph" for b in a.blocks)
    first = icco.text[icco.blocks[0].start : icco.blocks[0].end]
    assert first.startswith("The International Cocoa Organization\n(ICCO) council agreed")
    assert first.endswith("on the pact.")


def test_jsonl_body_repeating_its_title_shows_it_as_the_heading(tmp_path: Path) -> None:
    (a,) = _jsonl(
        tmp_path,
        [
            {
                "id": "1",
                "title": "Cocoa talks end",
                "text": "Cocoa talks end\nThe talks ended on Friday.\nDelegates left.",
            }
        ],
    )
    assert a.blocks[0].kind == "heading" and a.text[: a.blocks[0].end] == "Cocoa talks end"


def test_wrapped_body_is_reflowed_into_paragraphs_offsets_on_the_file_text(tmp_path: Path) -> None:
    (a,) = _jsonl(tmp_path, [{"id": "1", "title": "BAHIA COCOA REVIEW", "text": COCOA}])
    paragraphs = [a.text[b.start : b.end] for b in a.blocks]
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Showers continued") and paragraphs[0].endswith(
        "weekly review."
    )
    assert paragraphs[1] == "The dry period means the temporao will be late this year."
    assert paragraphs[2].startswith("Arrivals") and paragraphs[2].endswith("last year.")
    assert paragraphs[3] == "Reuter"
    # Sentences never cross a paragraph, and the first sentence runs across the wrapped lines.
    sentences = split_sentences(a.text)
    assert sentences[0].text.startswith("Showers") and sentences[0].text.endswith("weekly review.")
    for s in sentences:
        assert any(b.start <= s.start and s.end <= b.end for b in a.blocks)


def test_plain_wrapped_text_without_indents_breaks_where_the_author_did() -> None:
    paras = [
        (
            "The first paragraph talks about cocoa and goes on for a while with several words. It "
            "ends here."
        ),
        (
            "Second paragraph starts and keeps going on about prices and shipments and more until it "
            "ends."
        ),
        "Third one is here with more words and more words to make the wrap meaningful for a test.",
    ]
    text = "Cocoa prices rise\n" + "\n".join(textwrap.fill(p, 60) for p in paras) + "\n"
    a = text_article(text, "w.txt", "/w.txt")
    assert a.title == "Cocoa prices rise" and a.blocks[0].kind == "heading"
    body = [" ".join(a.text[b.start : b.end].split()) for b in a.blocks[1:]]
    assert body == paras


def test_first_wrapped_line_is_not_a_headline() -> None:
    a = text_article(COCOA, "c.txt", "/c.txt")
    assert a.blocks[0].kind == "paragraph"
    assert a.title.startswith("Showers continued throughout the week in the Bahia cocoa zone")


def test_snippets_collapse_whitespace_runs(tmp_path: Path, make_store: Callable[..., Any]) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = (
        "Palm oil output fell\nExports went to buyers that are Malaysian.     Thus the\n"
        "       trade in palm oil slowed,\n\n\n   traders said.\n"
    )
    (corpus / "palm.txt").write_text(text, "utf-8")
    store = make_store(corpus)
    store.update()
    (hit,) = search(store, "thus trade").hits
    for snip in hit.snippets:
        assert "  " not in snip.text and "\n" not in snip.text
        assert {snip.text[a:b].lower() for a, b in snip.highlights} == {"thus", "trade"}
    assert "Malaysian. Thus the trade in palm oil slowed, traders said." in hit.snippets[0].text


def test_short_text_wrapped_by_hand_keeps_its_blank_line_paragraphs() -> None:
    text = "Title line\n\nThis is a paragraph wrapped\nby hand over three\nlines of text.\n\nSecond one.\n"
    a = text_article(text, "x.txt", "/x.txt")
    assert [(b.kind, text[b.start : b.end]) for b in a.blocks] == [
        ("heading", "Title line"),
        ("paragraph", "This is a paragraph wrapped\nby hand over three\nlines of text."),
        ("paragraph", "Second one."),
    ]


def test_a_line_ending_on_a_month_carries_its_day_but_a_headline_keeps_its_dateline() -> None:
    table = (
        "Shr 73 cts vs 58 cts\n    Net 1,101,000 vs 901,000\n    NOTE: Results include BMD of "
        "New England Inc from September\n1, 1986 purchase.\n Reuter"
    )
    a = text_article(table, "t.txt", "/t.txt", title="THUNANDER CORP YEAR NET")
    assert [table[b.start : b.end] for b in a.blocks][2] == (
        "NOTE: Results include BMD of New England Inc from September\n1, 1986 purchase."
    )
    dateline = (
        "Texas prisoner captured after week on the run\n7:15 a.m. Dec. 7, 2009\nHe was found."
    )
    first = split_sentences(dateline)[0]
    assert first.text == "Texas prisoner captured after week on the run"
