"""Option lists of the library and reader, and the prompts they show.

Every prompt is built from ``Content`` objects with styles applied by offset: article text and
snippets are untrusted and never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.models import ENTITY_LABELS, Article
from tui.engine import entity_kind
from tui.widgets.layout import safe_same_length
from tui.widgets.styling import component_style
from tui.widgets.vimkeys import PendingG

LABEL_NAMES = {label: entity_kind(label).display for label in ENTITY_LABELS}
"""Each entity label's heading ("People"), from the engine's vocabulary."""


def safe(text: str | None) -> str:
    """One line of untrusted text, neutralised, newlines folded to spaces.

    By the article view's rule (``layout.safe_same_length``: each unsafe character one visible
    mark, an escape sequence's ESC the escape mark and the rest as written), so a title reads the
    same in every widget: the list showed "␛red␛" (the engine's ``neutralise`` makes a whole
    sequence one mark) where the reader showed "␛[31mred␛[0m".
    """
    return " ".join(safe_same_length(text or "").split())


UNREAD_CELLS = 20
"""How much of a date that could not be read ``meta_line`` shows."""


def meta_line(source: str | None, date: str | None, missing: str = "unknown source") -> str:
    """``source · date`` (either may be missing; ``missing`` when both are).

    A date that could not be read is shown as written, marked "(date unread)", its first
    ``UNREAD_CELLS`` characters only: a WikiNews "date" of a whole sentence ("Countries affected by
    the 2004 Indian Ocean tsunami") filled the related panel's line, and the mark and the "% alike"
    after it were cut off.
    """
    from tui.engine import is_parsed

    if date and not is_parsed(date):
        date = " ".join(date.split())
        if len(date) > UNREAD_CELLS:
            date = date[: UNREAD_CELLS - 1].rstrip() + "…"
        date = f"{date} (date unread)"
    return " · ".join(safe(x) for x in (source, date) if x) or missing


def file_name(article_id: str) -> str:
    """The short name of an article's file (``a/b.txt`` -> ``b.txt``, ``x.jsonl#7`` kept whole)."""
    return safe(article_id.rsplit("/", 1)[-1])


class Hanging(Visual):
    """Content whose wrapped lines start ``indent`` cells in (a hanging indent), one or more
    newline-separated rows each wrapped on its own.

    A long entity name wrapped to the start of the row, where the next entry's bullet stands:
    "● Gulf Cooperation Council" / "3" in the sidebar, "Hydrographic and Oceanographic" /
    "Service of the Chilean Army  org" among the entities of a comparison.
    """

    def __init__(self, content: Content, indent: int) -> None:
        self._rows = content.split("\n")
        self._indent = indent
        self._cache: tuple[int, list[Content]] | None = None

    @property
    def plain(self) -> str:
        """The text, unwrapped."""
        return "\n".join(row.plain for row in self._rows)

    def __str__(self) -> str:
        return self.plain

    def _lines(self, width: int) -> list[Content]:
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1]
        lines: list[Content] = []
        for row in self._rows:
            lines.extend(self._wrap(row, width))
        self._cache = (width, lines)
        return lines

    def _wrap(self, row: Content, width: int) -> list[Content]:
        first, *more = row.wrap(max(1, width)) or [row]
        if not more or width <= self._indent + 1:
            return [first, *more]
        start = len(first.plain)
        rest = row[start:]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
        pad = " " * self._indent
        return [first, *(line.pad_left(len(pad)) for line in rest.wrap(width - self._indent))]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((row.cell_length for row in self._rows), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self._lines(width))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        lines = self._lines(width)
        if height is not None:
            lines = lines[:height]
        strips = []
        for line in lines:
            drawn = line.render_strips(width, 1, style, options)
            strips.append(drawn[0] if drawn else Strip.blank(width, style.rich_style))
        return strips


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def title_in_text(article: Article) -> bool:
    """True when the text opens with the title (a headline line, or a title derived from it)."""
    if not article.title:
        return True
    first = article.blocks[0] if article.blocks else None
    start, end = (first.start, first.end) if first else (0, len(article.text))
    opening = _words(article.text[start : min(end, start + 2 * len(article.title) + 40)])
    title = _words(article.title).rstrip("…").rstrip()
    return bool(title) and opening.startswith(title)


def header(article: Article) -> Content:
    """The title (unless the text opens with it) over ``source · date`` (or the file name)."""
    meta = Content(meta_line(article.source, article.date, file_name(article.id))).stylize(
        "$text-muted"
    )
    if title_in_text(article):
        return meta
    return Content("\n").join([Content(safe(article.title)).stylize("bold"), meta])


class VimOptionList(PendingG, OptionList):
    """An ``OptionList`` that also moves with ``j``/``k``, ``g g`` (first) and ``G`` (last)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "g_prefix", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="list.half_down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="list.half_up"),
        Binding("ctrl+f,space", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("ctrl+b,b", "page_up", "Page up", show=False, id="list.page_up"),
    ]

    def action_half_page(self, direction: int) -> None:
        """Move the highlight half a screen down (1) or up (-1)."""
        if self.highlighted is None or not self.options:
            return
        # OptionList keeps a line per wrapped row (``_lines``: option index, line): the same
        # table its own page keys use.
        lines = self._lines
        here = self._index_to_line.get(self.highlighted, 0)
        target = max(0, min(len(lines) - 1, here + direction * max(1, self.size.height // 2)))
        index = lines[target][0]
        for step in (1, -1) if direction > 0 else (-1, 1):  # past a heading, else back
            found = index
            while 0 <= found < len(self.options) and self.options[found].disabled:
                found += step
            if 0 <= found < len(self.options):
                self.highlighted = found
                return

    def go_top(self) -> None:
        self.action_first()

    _style_cache: dict[str, Any] | None = None

    def style_of(self, component: str) -> Any:
        """The resolved (opaque) style of one of this list's component classes.

        Within one listing (see ``_one_pass``) each style is resolved once, not once per row: at
        2,000 rows that was a third of the time to the first screen.
        """
        cache = self._style_cache
        if cache is None:
            return component_style(self, component)
        found = cache.get(component)
        if found is None:
            found = cache[component] = component_style(self, component)
        return found

    @contextmanager
    def _one_pass(self) -> Iterator[None]:
        """Resolve each component style once while a listing is built (styles can change between
        listings, with the theme)."""
        self._style_cache = {}
        try:
            yield
        finally:
            self._style_cache = None


class FacetList(VimOptionList):
    """Entities named in the current results, grouped by label, with article counts."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "facet-list--heading",
        "facet-list--count",
        *(f"facet-list--{label.lower()}" for label in ENTITY_LABELS),
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.facets: dict[str, Any] = {}

    def show(self, facets: Sequence[Any], count_word: str = "", more: str = "") -> None:
        """List ``facets`` (``Facet`` or any object with label, name, count), then ``more`` (what
        is left out, if anything) in a line that cannot be chosen."""
        self.facets = {}
        with self._one_pass():  # an article of 2 MB lists a thousand entities
            options = self._facet_options(facets, count_word)
        if more:
            options.append(Option(Content(more).stylize("$text-muted"), disabled=True))
        self.set_options(options)
        self.highlighted = next((n for n, o in enumerate(self.options) if not o.disabled), None)

    def _facet_options(self, facets: Sequence[Any], count_word: str) -> list[Option | None]:
        options: list[Option | None] = []
        for label in ENTITY_LABELS:
            group = [f for f in facets if f.label == label]
            if not group:
                continue
            options.append(
                Option(
                    Content(LABEL_NAMES[label]).stylize(self.style_of("facet-list--heading")),
                    disabled=True,
                )
            )
            for n, facet in enumerate(group):
                key = f"{label}|{facet.canonical}|{n}"
                self.facets[key] = facet
                name = Content("● ").stylize(self.style_of(f"facet-list--{label.lower()}"))
                count = Content(f"  {facet.count}{count_word}").stylize(
                    self.style_of("facet-list--count")
                )
                prompt = Hanging(name + Content(safe(facet.name)) + count, 2)
                options.append(Option(prompt, id=key))
        return options

    def facet(self, option_id: str | None) -> Any:
        """The facet behind an option id."""
        return self.facets.get(option_id or "")
