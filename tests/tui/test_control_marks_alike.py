"""One rule for untrusted text in every widget: an escape sequence in a title reads the same in the
result list, the reader and the story view ("␛[31mred␛[0m"; the list showed "␛red␛")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from textual.widget import Widget
from textual.widgets import Static
from tui_helpers import settle

from tui.widgets.article_view import ArticleView
from tui.widgets.layout import safe_same_length
from tui.widgets.lists import safe
from tui.widgets.result_list import ResultList

SIZE = (160, 45)
TITLE = "Strike \x1b[31mred\x1b[0m ends"
SHOWN = "Strike ␛[31mred␛[0m ends"


def _lines(widget: Widget) -> str:
    return "\n".join(
        "".join(seg.text for seg in widget.render_line(y)) for y in range(widget.size.height)
    )


@given(st.text(alphabet=st.characters(max_codepoint=0x206F), max_size=40))
def test_safe_is_the_article_views_rule_on_one_line(text: str) -> None:
    assert safe(text) == " ".join(safe_same_length(text).split())


def test_an_escape_sequence_is_shown_as_written() -> None:
    assert safe(TITLE) == SHOWN


async def test_list_and_reader_show_a_title_alike(make_app: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    record = {"id": "a", "title": TITLE, "text": "Dock workers ended their strike on Monday."}
    (corpus / "news.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    app = make_app(corpus, tmp_path / "idx")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listed = _lines(app.screen.query_one(ResultList))
        assert SHOWN in listed, listed
        await pilot.press("enter")
        await settle(pilot)
        head = str(app.screen.query_one("#head", Static).render())
        assert SHOWN in head, head
        assert "\x1b" not in _lines(app.screen.query_one(ArticleView))
