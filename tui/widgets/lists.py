"""Option lists of the library and reader, and the prompts they show.

Every prompt is built from ``Content`` objects with styles applied by offset: article text and
snippets are untrusted and never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content, Span
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.models import ENTITY_LABELS
from index.textsafe import neutralise
from tui.widgets.layout import safe_same_length

LABEL_NAMES = {
    "PERSON": "People",
    "ORG": "Organisations",
    "PLACE": "Places",
    "GROUP": "Groups",
    "DATE": "Dates",
    "QUANTITY": "Figures",
}


def safe(text: str | None) -> str:
    """One line of untrusted text, neutralised, newlines folded to spaces."""
    return " ".join(neutralise(text or "").split())


def meta_line(source: str | None, date: str | None) -> str:
    """``source · date`` (either may be missing)."""
    return " · ".join(safe(x) for x in (source, date) if x) or "unknown source"


class VimOptionList(OptionList):
    """An ``OptionList`` that also moves with ``j``/``k``/``g``/``G``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
    ]

    def style_of(self, component: str) -> Any:
        """The partial style of one of this list's component classes."""
        return self.get_visual_style(component, partial=True)


class ResultList(VimOptionList):
    """The library's list: the catalogue (grouped by story) or ranked search hits."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "result-list--title",
        "result-list--meta",
        "result-list--story",
        "result-list--highlight",
    }

    def _title(self, title: str, indent: str = "") -> Content:
        return Content(indent + safe(title)).stylize(self.style_of("result-list--title"))

    def _meta(self, source: str | None, date: str | None, indent: str = "") -> Content:
        return Content(indent + meta_line(source, date)).stylize(self.style_of("result-list--meta"))

    def show_catalogue(self, infos: Sequence[Any], stories: Sequence[Any] | None) -> None:
        """List every article, grouped under its story when ``stories`` is known."""
        by_id = {info.id: info for info in infos}
        options: list[Option | None] = []
        placed: set[str] = set()
        for story in stories or ():
            members = [by_id[i] for i in story.article_ids if i in by_id and i not in placed]
            if len(members) < 2:
                continue
            if options:
                options.append(None)
            head = Content(f"▾ {safe(story.title)}  ·  {len(members)} reports")
            options.append(Option(head.stylize(self.style_of("result-list--story")), disabled=True))
            for info in members:
                placed.add(info.id)
                options.append(self._article_option(info, "   "))
        if placed and len(placed) < len(infos):
            options.append(None)
            options.append(
                Option(
                    Content("▾ Other reports").stylize(self.style_of("result-list--story")),
                    disabled=True,
                )
            )
        for info in infos:
            if info.id not in placed:
                options.append(self._article_option(info, "   " if placed else ""))
        self._replace(options)

    def _article_option(self, info: Any, indent: str) -> Option:
        prompt = Content("\n").join(
            [self._title(info.title, indent), self._meta(info.source, info.date, indent)]
        )
        return Option(prompt, id=info.id)

    def show_hits(self, hits: Sequence[Any]) -> None:
        """List ranked hits with their snippets, matched words highlighted."""
        options: list[Option | None] = []
        mark = self.style_of("result-list--highlight")
        for hit in hits:
            lines = [self._title(hit.title), self._meta(hit.source, hit.date)]
            for snip in hit.snippets:
                text = safe_same_length(snip.text).replace("\n", " ")
                spans = [Span(a + 2, b + 2, mark) for a, b in snip.highlights if b > a]
                lines.append(Content("… " + text + " …", spans=spans, strip_control_codes=False))
            if options:
                options.append(None)
            options.append(Option(Content("\n").join(lines), id=hit.id))
        self._replace(options)

    def _replace(self, options: Iterable[Option | None]) -> None:
        self.set_options(options)
        first = next((n for n, o in enumerate(self.options) if not o.disabled), None)
        self.highlighted = first


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

    def show(self, facets: Sequence[Any], count_word: str = "") -> None:
        """List ``facets`` (``Facet`` or any object with label, name, count)."""
        self.facets = {}
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
                options.append(Option(name + Content(safe(facet.name)) + count, id=key))
        self.set_options(options)
        self.highlighted = next((n for n, o in enumerate(self.options) if not o.disabled), None)

    def facet(self, option_id: str | None) -> Any:
        """The facet behind an option id."""
        return self.facets.get(option_id or "")
