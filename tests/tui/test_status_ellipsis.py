"""The library's status row at 80 columns with a long query: cut with an ellipsis, and the mark
of A keeps its share of the row.

Walking the app on Reuters: '3 results for opec oil org:"gulf cooperation council" · best first ·
on reut' was cut mid-word, and with an article marked as A its name and '(c compares)' had no room.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Static
from tui_helpers import settle

from tui.widgets.tail_line import TailLine

QUERY = "kursk OR troops OR soldiers OR pyongyang OR moscow OR ukraine OR russia"
KEYS = ["space" if c == " " else c for c in QUERY]


async def test_a_long_status_ends_in_an_ellipsis_beside_the_mark(make_app: Any) -> None:
    app = make_app()
    app.corpus_note = "your library (2 folders)"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.press("slash", *KEYS, "enter")
        await settle(pilot)
        status = app.screen.query_one("#status", Static)
        mark = app.screen.query_one("#mark", TailLine)
        assert QUERY in str(status.content)
        assert status.region.right <= mark.region.x
        assert mark.region.width >= len("A: … (c compares)")
        shown = "".join(s.text for s in status.render_lines(status.region.reset_offset)[:1])
        assert shown.rstrip().endswith("…")
