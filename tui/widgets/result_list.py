"""The library's list: every article or every search hit, drawn only where it is on screen.

An ``OptionList`` measures every option's wrapped height when it is filled, so 10,000 hits cost
200 times what 50 do. Here each row has a height known from its kind alone (a hit: title, source
line and ``SNIPPET_LINES`` snippet lines, each cut to the width), so filling the list is a pass of
integer sums and drawing touches only the visible rows. Hits listed without snippets ask for them
(``SnippetsWanted``) when they first come into view.

Every line is a ``Content`` styled by offset: titles and snippets are untrusted, never markup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content, Span
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from tui.widgets.layout import safe_same_length
from tui.widgets.lists import file_name, meta_line, safe
from tui.widgets.styling import component_style
from tui.widgets.vimkeys import PendingG

SNIPPET_LINES = 2
"""Snippet lines under each hit (each one line, cut to the width)."""
STORY_SEP = "  ·  "
"""Between a story's headline and its count of reports."""
_HEIGHTS = {"story": 1, "gap": 1, "article": 2, "hit": 2 + SNIPPET_LINES}


@dataclass(slots=True)
class Row:
    """One entry of the list: a story heading, a gap, an article or a hit."""

    kind: str
    item: Any = None
    """An ``ArticleInfo`` or ``Hit`` (``title``, ``source``, ``date``, ``id``); a story's title."""
    indent: int = 0

    @property
    def id(self) -> str | None:
        return self.item.id if self.kind in ("article", "hit") else None


class ResultList(PendingG, ScrollView, can_focus=True):
    """The catalogue (grouped by story) or every ranked hit of a search, one cursor row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "result-list--title",
        "result-list--meta",
        "result-list--story",
        "result-list--highlight",
        "result-list--cursor",
        "result-list--bar",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", id="results.open"),  # shown: new users look for it
        Binding("j,down", "cursor_down", "Down", show=False, id="results.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="results.up"),
        Binding("g", "g_prefix", "First", show=False, id="results.first"),
        Binding("home", "first", "First", show=False, id="results.home"),
        Binding("G,end", "last", "Last", show=False, id="results.last"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="results.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="results.half_up"),
        Binding(
            "ctrl+f,pagedown,space", "page(1)", "Page down", show=False, id="results.page_down"
        ),
        Binding("ctrl+b,pageup,b", "page(-1)", "Page up", show=False, id="results.page_up"),
    ]

    class Selected(Message):
        """An article was chosen (Enter or a click)."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class SnippetsWanted(Message):
        """Hits came into view whose snippets are not known yet."""

        def __init__(self, ids: tuple[str, ...]) -> None:
            super().__init__()
            self.ids = ids

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self._starts: list[int] = []
        self._lines = 0
        self.cursor: int | None = None
        """Index in ``rows`` of the highlighted article or hit."""
        self._snippets: dict[str, Sequence[Any]] = {}
        self._asked: set[str] = set()
        self._wanted: list[str] = []
        self._styles: dict[str, Style] = {}
        self._styles_key: tuple[object, ...] = ()

    # -- filling -------------------------------------------------------------------------------

    def show_catalogue(self, infos: Sequence[Any], stories: Sequence[Any] | None) -> None:
        """List every article, grouped under its story when ``stories`` is known.

        The order of ``infos`` (newest or oldest first) holds within each story, and the stories
        come in the order of their first report in it.
        """
        rank = {info.id: n for n, info in enumerate(infos)}
        rows: list[Row] = []
        placed: set[str] = set()
        groups: list[tuple[list[int], str]] = []  # (members' places in infos, story title)
        for story in stories or ():
            places = sorted({rank[i] for i in story.article_ids if i in rank and i not in placed})
            if len(places) < 2:
                continue
            placed.update(infos[n].id for n in places)
            groups.append((places, story.title))
        for places, title in sorted(groups):
            if rows:
                rows.append(Row("gap"))
            rows.append(Row("story", f"{safe(title)}{STORY_SEP}{len(places)} reports"))
            rows.extend(Row("article", infos[n], 3) for n in places)
        if placed and len(placed) < len(infos):
            rows += [Row("gap"), Row("story", "Other reports")]
        indent = 3 if placed else 0
        rows.extend(Row("article", info, indent) for info in infos if info.id not in placed)
        self._fill(rows)

    def show_hits(self, hits: Sequence[Any], keep: bool = False) -> None:
        """List ranked hits; those without snippets get them through ``SnippetsWanted``.

        ``keep``: the cursor and the view stay where they are (the list grows under them).
        """
        rows: list[Row] = []
        for hit in hits:
            if rows:
                rows.append(Row("gap"))
            rows.append(Row("hit", hit))
        self._fill(rows, keep)

    def set_snippets(self, found: Mapping[str, Sequence[Any]]) -> None:
        """Snippets fetched for hits on screen."""
        self._snippets.update(found)
        self.refresh()

    def _fill(self, rows: list[Row], keep: bool = False) -> None:
        cursor, top = self.cursor, self.scroll_offset.y
        self.rows = rows
        self._snippets, self._asked, self._wanted = {}, set(), []
        starts, total = [], 0
        for row in rows:
            starts.append(total)
            total += _HEIGHTS[row.kind]
        self._starts, self._lines = starts, total
        self.virtual_size = Size(self.size.width, total)
        if keep and cursor is not None and cursor < len(rows) and rows[cursor].id is not None:
            self.cursor = cursor
            self.scroll_to(y=top, animate=False, immediate=True)
        else:
            self.cursor = self._next_selectable(0, 1)
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    # -- queries -------------------------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        """The ids listed, in order."""
        return [row.id for row in self.rows if row.id is not None]

    @property
    def highlighted_id(self) -> str | None:
        """The id of the article or hit under the cursor."""
        return self.rows[self.cursor].id if self.cursor is not None else None

    def contents(self, article_id: str, width: int = 10_000) -> list[Content]:
        """The lines of an article's row as drawn at ``width`` (tests and the help read them)."""
        index = next(n for n, row in enumerate(self.rows) if row.id == article_id)
        row = self.rows[index]
        return [self._line(row, n, width) for n in range(_HEIGHTS[row.kind])]

    @property
    def plain(self) -> str:
        """Every row's text, untruncated (snippets as far as they are known)."""
        lines = []
        for row in self.rows:
            lines += [self._line(row, n, 10_000).plain for n in range(_HEIGHTS[row.kind])]
        return "\n".join(lines)

    def row_at_line(self, line: int) -> int | None:
        """The row drawn on virtual line ``line``."""
        if not 0 <= line < self._lines:
            return None
        return bisect_right(self._starts, line) - 1

    # -- moving --------------------------------------------------------------------------------

    def _next_selectable(self, start: int, step: int) -> int | None:
        i = start
        while 0 <= i < len(self.rows):
            if self.rows[i].id is not None:
                return i
            i += step
        return None

    def move_to(self, index: int | None) -> None:
        """Put the cursor on row ``index`` and bring it into view."""
        if index is None or not 0 <= index < len(self.rows):
            return
        self.cursor = index
        top = self._starts[index]
        height = _HEIGHTS[self.rows[index].kind]
        self.scroll_to_region(
            Region(0, top, max(1, self.size.width), height),
            animate=False,
            force=True,
            immediate=True,
        )
        self.refresh()

    def go_top(self) -> None:
        self.action_first()

    def action_cursor_down(self) -> None:
        """Next article or hit."""
        if self.cursor is not None:
            self.move_to(self._next_selectable(self.cursor + 1, 1))

    def action_cursor_up(self) -> None:
        """Previous article or hit."""
        if self.cursor is not None:
            self.move_to(self._next_selectable(self.cursor - 1, -1))

    def action_first(self) -> None:
        """The first article or hit."""
        self.move_to(self._next_selectable(0, 1))

    def action_last(self) -> None:
        """The last article or hit."""
        self.move_to(self._next_selectable(len(self.rows) - 1, -1))

    def _move_lines(self, lines: int) -> None:
        if self.cursor is None:
            return
        target = self._starts[self.cursor] + lines
        target = max(0, min(self._lines - 1, target))
        row = self.row_at_line(target)
        if row is None:
            return
        step = 1 if lines > 0 else -1
        found = self._next_selectable(row, step)
        if found is None or found == self.cursor:
            found = self._next_selectable(row, -step)
        # The view moves by the same amount, as in less: the cursor keeps its place on screen.
        self.scroll_to(y=self.scroll_offset.y + lines, animate=False, immediate=True)
        self.move_to(found)

    def action_half_page(self, direction: int) -> None:
        """Half a screen down (1) or up (-1)."""
        self._move_lines(direction * max(1, self.size.height // 2))

    def action_page(self, direction: int) -> None:
        """A screen down (1) or up (-1)."""
        self._move_lines(direction * max(1, self.size.height - 1))

    def action_select(self) -> None:
        """Open the article under the cursor."""
        article_id = self.highlighted_id
        if article_id is not None:
            self.post_message(self.Selected(article_id))

    async def _on_click(self, event: events.Click) -> None:
        row = self.row_at_line(int(self.scroll_offset.y) + event.y)
        if row is not None and self.rows[row].id is not None:
            self.move_to(row)
            self.action_select()

    # -- drawing -------------------------------------------------------------------------------

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self._lines)
        self.call_after_refresh(self._keep_cursor)

    def _keep_cursor(self) -> None:
        self.move_to(self.cursor)

    def _style(self, cls: str) -> Style:
        # Resolved once per theme and focus state (focus tints the background).
        key = (self.app.theme, self.has_focus, self.screen.classes)
        if key != self._styles_key:
            self._styles, self._styles_key = {}, key
        style = self._styles.get(cls)
        if style is None:
            style = self._styles[cls] = component_style(self, cls)
        return style

    def render_line(self, y: int) -> Strip:
        # Without the scrollbar's columns: a line drawn under it loses its last characters (the
        # ellipsis of a cut title, a story's count of reports).
        width = self.scrollable_content_region.width
        line = int(self.scroll_offset.y) + y
        index = self.row_at_line(line)
        base = self.visual_style
        if index is None:
            return Strip.blank(width, base.rich_style)
        if index == self.cursor:
            base = base + self._style("result-list--cursor")
        row = self.rows[index]
        content = self._line(row, line - self._starts[index], max(1, width - 2 - row.indent))
        content = content.pad_left(row.indent)
        if index == self.cursor:  # a bar down the cursor row's left edge
            content = Content("▌").stylize(self._style("result-list--bar")) + content
        else:
            content = content.pad_left(1)
        return Strip(content.render_segments(base)).crop_extend(0, width, base.rich_style)

    def _line(self, row: Row, offset: int, width: int) -> Content:
        kind, item = row.kind, row.item
        if kind == "gap":
            return Content("")
        if kind == "story":
            # A long headline is cut, never the count of reports after it.
            text = str(item)
            headline, sep, count = text.rpartition(STORY_SEP)
            if not sep:
                headline, count = text, ""
            tail = sep + count
            cut = Content(headline).truncate(max(1, width - 2 - len(tail)), ellipsis=True)
            head = (cut + tail).stylize(self._style("result-list--story"))
            return (Content("▾ ") + head).truncate(width, ellipsis=True)
        if offset == 0:
            title = Content(safe(item.title)).stylize(self._style("result-list--title"))
            return title.truncate(width, ellipsis=True)
        if offset == 1:
            # No source or date (plain .txt files): the file name tells the reports apart.
            meta = meta_line(item.source, item.date, missing=file_name(item.id))
            return (
                Content(meta)
                .stylize(self._style("result-list--meta"))
                .truncate(width, ellipsis=True)
            )
        snippets = item.snippets or self._snippets.get(item.id)
        if snippets is None:
            if item.id not in self._asked:
                self._ask(item.id)
            return (
                Content("…").stylize(self._style("result-list--meta"))
                if offset == 2
                else Content("")
            )
        n = offset - 2
        if n >= len(snippets):
            return Content("")
        return _snippet_line(snippets[n], self._style("result-list--highlight"), width)

    def _ask(self, article_id: str) -> None:
        self._asked.add(article_id)
        if not self._wanted:
            self.call_after_refresh(self._post_wanted)
        self._wanted.append(article_id)

    def _post_wanted(self) -> None:
        wanted, self._wanted = tuple(self._wanted), []
        if wanted:
            self.post_message(self.SnippetsWanted(wanted))


def _snippet_line(snippet: Any, mark: Style, width: int) -> Content:
    """One line of a snippet cut to ``width``, moved left when its first match would be cut."""
    text = safe_same_length(snippet.text).replace("\n", " ")
    marks = [(a, b) for a, b in snippet.highlights if b > a]
    skip = 0
    if marks and marks[0][1] + 4 > width:
        skip = max(0, marks[0][0] - width // 3)
        space = text.find(" ", skip, marks[0][0])
        skip = space + 1 if space >= 0 else skip
    spans = [Span(a - skip + 2, b - skip + 2, mark) for a, b in marks if a >= skip]
    line = Content("… " + text[skip:] + " …", spans=spans, strip_control_codes=False)
    return line.truncate(width, ellipsis=True)
