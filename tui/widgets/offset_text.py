"""The base of the reader's and the compare screen's article views: text drawn by character offset.

Both show one article's text, made safe one character for one (``layout.safe_same_length``) so the
engine's offsets stay true, wrapped once per width into ``layout.Line``s, and drawn a visible line at
a time with spans styled by component class. What differs is around that: the reader centres its
lines and colours entities and matches; a compare pane draws a gutter, tints claims and scrolls with
its partner. Those stay in ``article_view`` and ``compare_pane``; this holds the common part.
"""

from __future__ import annotations

from bisect import bisect_right

from textual.content import Content, Span
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from index.models import Article
from tui.widgets.layout import Line, layout, safe_same_length
from tui.widgets.styling import component_style

MAX_MEASURE = 88
"""The longest line of text, in cells (a readable measure)."""


class OffsetText(ScrollView, can_focus=True):
    """A scrollable article whose lines are laid out once per width and drawn by offset.

    Subclasses set ``COMPONENT_PREFIX`` (their component classes' common start) and ``MARGIN`` (cells
    of the width kept from the text), and draw a line's content in :meth:`line_content`.
    """

    COMPONENT_PREFIX = ""
    MARGIN = 2

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.text = ""
        """The article's text made safe to draw, as long as the original (offsets stay true)."""
        self._lines: list[Line] = []
        self._line_starts: list[int] = []
        self._styles: dict[str, Style] = {}
        self._styles_key: tuple[object, ...] = ()

    # -- text and layout -----------------------------------------------------------------------

    def _set_text(self, article: Article | None) -> None:
        """Take ``article``'s text (laid out by the next :meth:`_wrap`)."""
        self.article = article
        self.text = safe_same_length(article.text) if article else ""

    @property
    def measure(self) -> int:
        """Text width in cells: at most ``MAX_MEASURE``, leaving ``MARGIN`` cells of the width."""
        return max(10, min(MAX_MEASURE, self.size.width - self.MARGIN))

    def _wrap(self) -> None:
        """Wrap the text to the current measure."""
        self._lines = layout(self.article, self.text, self.measure) if self.article else []
        self._line_starts = [line.start for line in self._lines]

    @property
    def line_count(self) -> int:
        """Number of wrapped lines of text."""
        return len(self._lines)

    def line_of(self, offset: int) -> int:
        """The index of the wrapped line holding text ``offset``."""
        return max(0, bisect_right(self._line_starts, offset) - 1)

    # -- drawing -------------------------------------------------------------------------------

    def component(self, name: str) -> Style:
        """The style of component class ``COMPONENT_PREFIX + name``, resolved opaque
        (``styling.component_style``) once per theme, focus and screen state (focus tints the
        background; a narrow screen restyles)."""
        key = (self.app.theme, self.has_focus, self.screen.classes)
        if key != self._styles_key:
            self._styles, self._styles_key = {}, key
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = component_style(self, self.COMPONENT_PREFIX + name)
        return style

    def text_content(self, line: Line, spans: list[Span]) -> Content:
        """The text of ``line`` with ``spans`` (offsets from the line's start); line breaks inside a
        line are drawn as spaces, and nothing is stripped (the text is safe already)."""
        return Content(
            self.text[line.start : line.end].replace("\n", " "),
            spans=spans,
            strip_control_codes=False,
        )

    def line_content(self, index: int, y: int) -> Content | None:
        """What to draw on row ``y`` (wrapped line ``index``); ``None`` for a blank row."""
        raise NotImplementedError

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        index = round(self.scroll_y) + y
        content = self.line_content(index, y) if index >= 0 else None
        if content is None:
            return Strip.blank(width, base)
        return Strip(content.render_segments(self.visual_style)).crop_extend(0, width, base)
