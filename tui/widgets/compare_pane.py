"""One side of the compare screen: an article wrapped once per width, its claims marked by offset.

Each wrapped line starts with a four-cell gutter: a selection mark, the claim's kind (``=`` shared,
``≈`` related, ``!`` disputed, ``·`` only in this report) and a band in the claim's tint. Inside
the selected claim, the words the other report lacks or states otherwise are marked
(``compare-pane--diff``, and ``compare-pane--diff-figure`` / ``-name`` / ``-hedge`` / ``-status`` /
``-word`` by what they are). Colours are component classes (``compare-pane--tint-0`` ...) so themes
restyle them.

Two panes scroll together: a pane moved by the user moves its partner by the same number of lines
(``watch_scroll_y`` behind a shared re-entrancy guard), and ``level`` puts two given offsets on the
same row of their panes, which keeps an aligned claim level even when the two reports tell the story
in a different order. The virtual height has a screen of blank lines after the text so that any
line can be brought to any row.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.content import Content, Span
from textual.geometry import Size
from textual.message import Message
from textual.style import Style

from index.models import Article
from index.models import Span as WordSpan
from tui.widgets.layout import Line
from tui.widgets.offset_text import OffsetText
from tui.widgets.styling import readable

GUTTER = 4
TINTS = 4
SYMBOLS = {"shared": "=", "related": "≈", "only": "·"}
DIFF_LABELS = ("figure", "name", "hedge", "status", "word")


@dataclass(frozen=True, slots=True)
class Mark:
    """How one passage of this pane's article is shown.

    Attributes:
        start: Offset of the passage in the article text.
        end: End offset (exclusive).
        kind: ``shared``, ``related`` or ``only`` (in this report only).
        tint: Index of the pair colour (``-1`` for none).
        conflict: The passage takes part in a disagreement.
    """

    start: int
    end: int
    kind: str
    tint: int = -1
    conflict: bool = False


class SyncGuard:
    """Shared by two panes: set while one of them moves the other, so the move does not echo."""

    def __init__(self) -> None:
        self.busy = False


class ComparePane(OffsetText, can_focus=True, inherit_bindings=False):
    """A scrollable article whose claims are tinted, marked in a gutter and kept level with a partner.

    Without the scroll view's own key bindings: the compare screen's (arrows, Home/End, Page keys)
    move both panes and are listed in its help, which bindings of a focused pane shadowed.
    """

    COMPONENT_PREFIX = "compare-pane--"
    MARGIN = GUTTER + 1  # the gutter and the scrollbar

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"compare-pane--tint-{n}" for n in range(TINTS)),
        "compare-pane--only",
        "compare-pane--conflict",
        "compare-pane--selected",
        "compare-pane--gutter",
        "compare-pane--gutter-conflict",
        "compare-pane--gutter-selected",
        "compare-pane--heading",
        "compare-pane--placeholder",
        "compare-pane--diff",
        "compare-pane--error-text",
        *(f"compare-pane--diff-{label}" for label in DIFF_LABELS),
    }

    class Rewrapped(Message):
        """The pane's text was wrapped again to a new width (its lines moved)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.placeholder = "loading…"
        self.partner: ComparePane | None = None
        self.guard = SyncGuard()
        self._marks: list[Mark] = []
        self._mark_starts: list[int] = []
        self._longest = 0
        self._selected: tuple[int, int] | None = None
        self._diffs: list[WordSpan] = []
        self._laid = (-1, -1)

    # -- content -------------------------------------------------------------------------------

    def set_article(self, article: Article | None, marks: Iterable[Mark] = ()) -> None:
        """Show ``article`` (text neutralised one character for one, so offsets stay true)."""
        self._set_text(article)
        self._laid = (-1, -1)
        self.set_marks(marks)
        self._relayout()
        self.scroll_to(y=0, animate=False, immediate=True)

    def set_marks(self, marks: Iterable[Mark]) -> None:
        """Replace the claim marks (any order; overlapping marks are all drawn)."""
        self._marks = sorted((m for m in marks if m.end > m.start), key=lambda m: m.start)
        self._mark_starts = [m.start for m in self._marks]
        self._longest = max((m.end - m.start for m in self._marks), default=0)
        self.refresh()

    def set_selected(self, span: tuple[int, int] | None) -> None:
        """Mark one passage as the selected claim (or none)."""
        self._selected = span
        self.refresh()

    def set_diffs(self, spans: Iterable[WordSpan]) -> None:
        """Mark the words of the selected claim that the other report lacks (article offsets)."""
        self._diffs = sorted((s for s in spans if s.end > s.start), key=lambda s: s.start)
        self.refresh()

    @property
    def diffs(self) -> list[WordSpan]:
        """The marked word differences, in text order."""
        return list(self._diffs)

    @property
    def selected(self) -> tuple[int, int] | None:
        """The selected claim's span, if any."""
        return self._selected

    def link(self, partner: ComparePane) -> None:
        """Scroll together with ``partner`` (both share one guard)."""
        self.partner, partner.partner = partner, self
        partner.guard = self.guard

    # -- layout --------------------------------------------------------------------------------

    def _relayout(self) -> None:
        if self.size.width <= 0:
            return
        key = (self.measure, self.size.height)
        if self._laid == key:
            return
        if self._laid[0] != key[0] or not self._lines:
            rewrapped = self._laid[0] not in (-1, key[0]) and bool(self._lines)
            self._wrap()
            if rewrapped:  # a panel opened or closed beside it: the screen re-levels its claim
                self.post_message(self.Rewrapped())
        self._laid = key
        pad = max(1, self.size.height - 1)  # room to bring the last line to any row
        self.virtual_size = Size(self.size.width, len(self._lines) + pad)
        self.refresh()

    def on_resize(self) -> None:
        self._relayout()

    def row_of(self, offset: int) -> int:
        """The row (from the pane's top) at which text ``offset`` is drawn now."""
        return self.line_of(offset) - round(self.scroll_y)

    # -- scrolling together --------------------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        partner = self.partner
        if partner is None or self.guard.busy or old_value == new_value:
            return
        self.guard.busy = True
        try:
            partner.scroll_to(
                y=partner.scroll_y + (new_value - old_value), animate=False, immediate=True
            )
        finally:
            self.guard.busy = False

    def move_to(self, y: float) -> None:
        """Scroll this pane alone (the partner stays where it is)."""
        self.guard.busy = True
        try:
            self.scroll_to(y=max(0, y), animate=False, immediate=True)
        finally:
            self.guard.busy = False

    def level(self, offset: int, partner_offset: int) -> None:
        """Bring ``offset`` here and ``partner_offset`` in the partner to one row, a third down."""
        partner = self.partner
        if partner is None:
            return
        mine, theirs = self.line_of(offset), partner.line_of(partner_offset)
        height = max(1, min(self.size.height, partner.size.height))
        row = min(height // 3, mine, theirs)
        self.move_to(mine - row)
        partner.move_to(theirs - row)

    def action_scroll_home(self) -> None:
        """Home: both panes to the top."""
        self.to_top()

    def action_scroll_end(self) -> None:
        """End: both panes to the bottom."""
        self.to_bottom()

    def to_top(self) -> None:
        """Both panes to the start of their article."""
        self.move_to(0)
        if self.partner is not None:
            self.partner.move_to(0)

    def to_bottom(self) -> None:
        """Both panes to the end of their article (last line at the bottom)."""
        for pane in (self, self.partner):
            if pane is not None:
                pane.move_to(pane.line_count - pane.size.height + 1)

    def visible_text(self) -> list[str]:
        """The text of the lines now on screen, gutter included (for tests and tools)."""
        return [self.render_line(y).text for y in range(self.size.height)]

    # -- drawing -------------------------------------------------------------------------------

    def _over(self, cls: str, ground: str) -> Style:
        """``cls``'s style with its text colour made readable on ``ground``'s background (a
        disagreement's red drawn on a claim's tint)."""
        style = self.component(cls)
        if not ground:
            return style
        key = f"{cls} over {ground}"
        found = self._styles.get(key)  # kept with the component styles: cleared with them
        if found is None:
            under, fg = self.component(ground).background, style.foreground
            if under is not None and fg is not None:
                style = Style(
                    foreground=readable(fg, under),
                    bold=style.bold,
                    italic=style.italic,
                    underline=style.underline,
                )
            found = self._styles[key] = style
        return found

    def _marks_within(self, start: int, end: int) -> Sequence[Mark]:
        lo = bisect_left(self._mark_starts, start - self._longest)
        hi = bisect_left(self._mark_starts, max(end, start + 1))
        return [m for m in self._marks[lo:hi] if m.end > start]

    def line_content(self, index: int, y: int) -> Content | None:
        if self.article is None:
            if y == 1:
                return Content("  " + self.placeholder).stylize(self.component("placeholder"))
            return None
        if index >= len(self._lines):
            return None
        line = self._lines[index]
        return self._gutter(line) + self._line_content(line)

    def _gutter(self, line: Line) -> Content:
        if line.kind in ("blank", "rule"):
            return Content(" " * GUTTER)
        marks = self._marks_within(line.start, max(line.end, line.start + 1))
        if not marks:
            return Content(" " * GUTTER)
        starting = [m for m in marks if line.start <= m.start < line.end] or []
        lead = (starting or marks)[0]
        spans: list[Span] = []
        sel = self._selected
        chosen = sel is not None and any(m.start < sel[1] and m.end > sel[0] for m in marks)
        first = " "
        if chosen:
            first = (
                "▶"
                if sel is not None and line.start <= sel[0] < max(line.end, line.start + 1)
                else "┃"
            )
            spans.append(Span(0, 1, self.component("gutter-selected")))
        symbol = " "
        if starting:
            conflict = any(m.conflict for m in starting)
            symbol = "!" if conflict else SYMBOLS.get(lead.kind, " ")
            cls = "gutter-conflict" if conflict else "gutter"
            spans.append(Span(1, 2, self.component(cls)))
        if lead.tint >= 0:
            spans.append(Span(2, 3, self.component(f"tint-{lead.tint % TINTS}")))
        return Content(f"{first}{symbol}  ", spans=spans)

    def _line_content(self, line: Line) -> Content:
        if line.kind in ("blank", "rule"):
            return Content("")
        a, b = line.start, line.end
        spans: list[Span] = []
        if line.kind == "heading":
            spans.append(Span(0, b - a, self.component("heading")))
        for m in self._marks_within(a, b):
            s, e = max(m.start, a) - a, min(m.end, b) - a
            if m.tint >= 0:
                spans.append(Span(s, e, self.component(f"tint-{m.tint % TINTS}")))
            elif m.kind == "only":
                spans.append(Span(s, e, self.component("only")))
            if m.conflict:
                ground = f"tint-{m.tint % TINTS}" if m.tint >= 0 else ""
                spans.append(Span(s, e, self._over("conflict", ground)))
        sel = self._selected
        if sel and sel[0] < b and sel[1] > a:
            spans.append(Span(max(sel[0], a) - a, min(sel[1], b) - a, self.component("selected")))
        for d in self._diffs:
            if d.start < b and d.end > a:
                s, e = max(d.start, a) - a, min(d.end, b) - a
                spans.append(Span(s, e, self.component("diff")))
                if d.label in DIFF_LABELS:
                    spans.append(Span(s, e, self.component(f"diff-{d.label}")))
        body = self.text_content(line, spans)
        lead = " " * line.indent + line.prefix
        return Content(lead) + body if lead else body
