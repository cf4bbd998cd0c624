"""The article body: wrapped once per width, only the visible lines drawn, highlights by offset.

Colours come from component classes (``article-view--entity-person`` ...) resolved at draw time, so a
theme change or a toggled label needs a refresh, not a re-layout.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content, Span
from textual.geometry import Size
from textual.message import Message
from textual.style import Style
from textual.worker import get_current_worker

from index.models import ENTITY_LABELS, Article, Entity
from tui.widgets.layout import Line, iter_layout
from tui.widgets.offset_text import OffsetText
from tui.widgets.vimkeys import PendingG

PREFIX = "article-view--"
INLINE_STYLES = {
    "em": "italic",
    "strong": "bold",
    "code": "reverse",
    "strike": "strike",
    "link": "underline",
}


def entity_class(label: str) -> str:
    """The component class that colours entities of ``label``."""
    return f"article-view--entity-{label.lower()}"


class _Ranges:
    """Sorted ``(start, end, cls)`` ranges with a fast lookup of those touching a slice."""

    def __init__(self, ranges: Iterable[tuple[int, int, str]]) -> None:
        self.items = sorted(r for r in ranges if r[1] > r[0])
        self.starts = [r[0] for r in self.items]
        self.longest = max((r[1] - r[0] for r in self.items), default=0)

    def within(self, start: int, end: int) -> Iterable[tuple[int, int, str]]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        for item in self.items[lo:hi]:
            if item[1] > start:
                yield item


LONG_TEXT = 100_000
"""Characters above which the text is laid out in a worker thread, its first screens at once."""
FIRST_LINES = 300
"""Lines of a long text laid out before it is first drawn (several screens)."""


class ArticleView(PendingG, OffsetText, can_focus=True, inherit_bindings=False):
    """A scrollable, centred, wrapped article with entity, match and current-range highlights."""

    COMPONENT_PREFIX = PREFIX
    MARGIN = 2

    @dataclass
    class LayoutProgress(Message):
        """A long text's layout: ``done`` of ``total`` characters laid out (``done == total``:
        every line is there)."""

        done: int
        total: int

    @dataclass
    class LaidOut(Message):
        """The worker's whole layout of ``article`` at ``width``."""

        article: Article
        width: int
        lines: list[Line]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--heading",
        "article-view--blockquote",
        "article-view--code",
        "article-view--prefix",
        "article-view--match",
        "article-view--selected",
        "article-view--current",
        *(entity_class(label) for label in ENTITY_LABELS),
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        # The scroll view's own bindings are not inherited: the arrows and Page keys are here, with
        # ids, so that help lists them and a keymap can move them.
        Binding("j,down", "scroll_down", "Down", show=False, id="view.down"),
        Binding("k,up", "scroll_up", "Up", show=False, id="view.up"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="view.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="view.half_up"),
        Binding("space,ctrl+f,pagedown", "page_down", "Page down", show=False, id="view.page_down"),
        Binding("b,ctrl+b,pageup", "page_up", "Page up", show=False, id="view.page_up"),
        Binding("g", "g_prefix", "Top", show=False, id="view.top"),
        Binding("home", "top", "Top", show=False, id="view.home"),
        Binding("G,end", "bottom", "Bottom", show=False, id="view.bottom"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._laid_width = -1
        self._inline = _Ranges(())
        self._entities: list[Entity] = []
        self._entity_ranges = _Ranges(())
        self._marks = _Ranges(())
        self._current: tuple[int, int] | None = None
        self.shown_labels: set[str] = set(ENTITY_LABELS)
        self.show_entities = True
        self.complete = True
        """Whether every line of the text is laid out (a long text's come from a worker)."""

    def go_top(self) -> None:
        self.action_top()

    def action_half_page(self, direction: int) -> None:
        """Half a screen down (1) or up (-1), as Ctrl-D / Ctrl-U in less and vim."""
        step = direction * max(1, self.size.height // 2)
        self.scroll_to(y=self.scroll_offset.y + step, animate=False, immediate=True)

    def action_top(self) -> None:
        """Jump to the start (no animation: a long article would crawl)."""
        self.scroll_home(animate=False)

    def action_bottom(self) -> None:
        """Jump to the end."""
        self.scroll_end(animate=False)

    # -- content -------------------------------------------------------------------------------

    def set_article(self, article: Article, entities: Sequence[Entity]) -> None:
        """Show an article and remember its entities (shown per ``shown_labels``)."""
        self._set_text(article)
        self._inline = _Ranges(
            (s.start, s.end, INLINE_STYLES[s.label])
            for s in article.inline
            if s.label in INLINE_STYLES
        )
        self._entities = list(entities)
        self._laid_width = -1
        self._update_entities()
        self._relayout()

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """The shown article's entities, come after its text (nothing laid out again)."""
        self._entities = list(entities)
        self._update_entities()

    def _update_entities(self) -> None:
        shown = self.shown_labels if self.show_entities else set()
        self._entity_ranges = _Ranges(
            (e.start, e.end, entity_class(e.label)) for e in self._entities if e.label in shown
        )
        self.refresh()

    def set_labels(self, show: bool, labels: Iterable[str]) -> None:
        """Show entity colours (``show``) for ``labels`` only."""
        self.show_entities = show
        self.shown_labels = set(labels)
        self._update_entities()

    def set_marks(
        self,
        ranges: Iterable[tuple[int, int]],
        cls: str = "article-view--match",
        selected: Iterable[tuple[int, int]] = (),
    ) -> None:
        """Mark search matches (``cls``) and the selected entity's mentions."""
        marks = [(a, b, cls) for a, b in ranges]
        marks += [(a, b, "article-view--selected") for a, b in selected]
        self._marks = _Ranges(marks)
        self.refresh()

    def set_current(self, span: tuple[int, int] | None) -> None:
        """Mark one range as current and scroll it into view."""
        self._current = span
        if span is not None:
            self.scroll_to_offset(span[0])
        self.refresh()

    # -- layout --------------------------------------------------------------------------------

    def _relayout(self) -> None:
        if self.article is None or self.size.width <= 0:
            return
        if self._laid_width == self.measure:
            return
        self._laid_width = self.measure
        if len(self.text) <= LONG_TEXT:
            self._wrap()
            self.complete = True
        else:
            # A long text (a 2 MB file took seconds to wrap): its first screens now, the whole of
            # it in a worker thread, drawn as soon as it is there (LayoutProgress tells how far).
            lines = iter_layout(self.article, self.text, self.measure)
            self._set_lines(list(islice(lines, FIRST_LINES)))
            self.complete = False
            self.post_message(
                self.LayoutProgress(self._lines[-1].end if self._lines else 0, len(self.text))
            )
            article, text, width = self.article, self.text, self.measure
            self.run_worker(
                lambda: self._lay_out(article, text, width),
                thread=True,
                exclusive=True,
                group="layout",
                exit_on_error=False,
            )
        self.virtual_size = Size(self.size.width, len(self._lines) + 1)
        self.refresh()

    @property
    def laid_out_share(self) -> float:
        """How much of the text is laid out (1.0 once it all is)."""
        if self.complete or not self._line_starts:
            return 1.0 if self.complete else 0.0
        return self._line_starts[-1] / max(1, len(self.text))

    def _set_lines(self, lines: list[Line]) -> None:
        self._lines = lines
        self._line_starts = [line.start for line in lines]

    def _lay_out(self, article: Article, text: str, width: int) -> None:
        """Lay the whole text out (worker thread), telling the progress a few times a second."""
        worker = get_current_worker()
        total, lines, told = len(text), [], time.monotonic()
        for line in iter_layout(article, text, width):
            lines.append(line)
            if len(lines) % 2000 == 0:
                if worker.is_cancelled:
                    return
                if time.monotonic() - told > 0.25:
                    told = time.monotonic()
                    self.post_message(self.LayoutProgress(line.start, total))
        if not worker.is_cancelled:
            self.post_message(self.LaidOut(article, width, lines))

    def on_article_view_laid_out(self, message: LaidOut) -> None:
        message.stop()
        if message.article is not self.article or message.width != self._laid_width:
            return  # another article or width since: its own worker is on its way
        self._set_lines(message.lines)
        self.complete = True
        self.virtual_size = Size(self.size.width, len(self._lines) + 1)
        self.refresh()
        self.post_message(self.LayoutProgress(len(self.text), len(self.text)))
        if self._current is not None:
            self.call_after_refresh(self._keep_current)

    def on_resize(self) -> None:
        self._relayout()
        if self._current is not None:
            # A panel opened beside or under the text: the match being read stays in view.
            self.call_after_refresh(self._keep_current)

    def _keep_current(self) -> None:
        if self._current is not None:
            self.scroll_to_offset(self._current[0])

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the line holding ``offset`` is visible, a third of the way down."""
        line = self.line_of(offset)
        top, height = int(self.scroll_offset.y), max(1, self.size.height)
        if not top <= line < top + height - 1:
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    # -- drawing -------------------------------------------------------------------------------

    def line_content(self, index: int, y: int) -> Content | None:
        if index >= len(self._lines):
            return None
        line = self._lines[index]
        margin = max(0, (self.size.width - self.measure) // 2) + line.indent
        return self._line_content(line).pad_left(margin)

    def _style(self, cls: str) -> Style | str:
        """A component class's style; an inline style ("italic") as it is."""
        return self.component(cls.removeprefix(PREFIX)) if cls.startswith(PREFIX) else cls

    def _line_content(self, line: Line) -> Content:
        if line.kind == "blank":
            return Content("")
        if line.kind == "rule":
            return Content(
                "─" * self.measure, spans=[Span(0, self.measure, self.component("prefix"))]
            )
        a, b = line.start, line.end
        spans: list[Span] = []
        if line.kind in ("heading", "blockquote", "code"):
            spans.append(Span(0, b - a, self.component(line.kind)))
        for ranges in (self._inline, self._entity_ranges, self._marks):
            for s, e, cls in ranges.within(a, b):
                spans.append(Span(max(s, a) - a, min(e, b) - a, self._style(cls)))
        cur = self._current
        if cur and cur[0] < b and cur[1] > a:
            spans.append(Span(max(cur[0], a) - a, min(cur[1], b) - a, self.component("current")))
        body = self.text_content(line, spans)
        if line.prefix:
            prefix = Content(
                line.prefix, spans=[Span(0, len(line.prefix), self.component("prefix"))]
            )
            return prefix + body
        return body
