"""Help (built from the current screen's bindings) and the list of skipped files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tui.widgets.lists import safe
from tui.widgets.vimkeys import PendingG


class _Overlay(PendingG, ModalScreen[None]):
    """A read-only modal closed by Esc, q or ?, scrolled with the keys of every other view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close", id="overlay.close"),
        Binding("j", "scroll('down')", "Down", show=False, id="overlay.down"),
        Binding("k", "scroll('up')", "Up", show=False, id="overlay.up"),
        Binding(
            "ctrl+d", "scroll('half_down')", "Half page down", show=False, id="overlay.half_down"
        ),
        Binding("ctrl+u", "scroll('half_up')", "Half page up", show=False, id="overlay.half_up"),
        Binding(
            "space,ctrl+f", "scroll('page_down')", "Page down", show=False, id="overlay.page_down"
        ),
        Binding("b,ctrl+b", "scroll('page_up')", "Page up", show=False, id="overlay.page_up"),
        # The help lists "home, g g  First" and "end, G  Last" for the screen under it: the same
        # keys work here (G did nothing in the help, whose end is the search syntax).
        Binding("g", "g_prefix", "Top", show=False, id="overlay.first"),
        Binding("home", "scroll('top')", "Top", show=False, id="overlay.home"),
        Binding("G,end", "scroll('bottom')", "Bottom", show=False, id="overlay.last"),
    ]

    def __init__(self, title: str, body: Content) -> None:
        super().__init__(classes="overlay")
        self._title, self._body = title, body

    def compose(self) -> ComposeResult:
        with Vertical(classes="overlay-box"):
            yield Label(self._title, classes="overlay-title")
            with VerticalScroll(classes="overlay-scroll"):
                yield Static(self._body, classes="overlay-body")
            yield Label("Esc closes", classes="overlay-hint")

    def action_scroll(self, direction: str) -> None:
        """Scroll the body."""
        scroll = self.query_one(VerticalScroll)
        height = max(1, scroll.size.height)
        lines = {
            "down": 1,
            "up": -1,
            "half_down": height // 2,
            "half_up": -(height // 2),
            "page_down": height - 1,
            "page_up": 1 - height,
            "top": -scroll.max_scroll_y - 1,
            "bottom": scroll.max_scroll_y + 1,
        }[direction]
        y = max(0, min(scroll.max_scroll_y, scroll.scroll_y + lines))
        scroll.scroll_to(y=y, animate=False, immediate=True)

    def go_top(self) -> None:
        """``g g``: the top of the body."""
        self.action_scroll("top")


SEARCH_SYNTAX = (
    ("words", "all of them (AND between them)"),
    ("a OR b", "either"),
    ("NOT a, -a", "without it"),
    ("(a OR b) c", "groups"),
    ('"exact phrase"', "the words in a row"),
    ("prefix*", "words starting so"),
    ("fuzzy~, fuzzy~2", "1 or 2 edits, fewer if short"),
    ("title: body: source:", "in one field"),
    ("person: org: place: group:", "naming that entity"),
    ("quantity:10000", "naming that figure"),
    ('entity:"north korea"', "naming it, whatever its kind"),
    ("story: id:", "a story key, an article id"),
    ("date:2024, date:>2024-06", "published then"),
    ("date:[2024-01 TO 2024-06]", "published in a range"),
    ("date:yesterday, date:today", "published then, by your clock"),
    ('date:"october 13"', "naming that date"),
    ('date:"last week"', "saying so, from its own day"),
)
"""The help's last lines on a screen that names none of its own (``HELP_NOTES``): one example a
row, as the keys are. As one paragraph, the box cut examples across lines at 80 columns
(``date:[2024-01`` / ``TO 2024-06]``, ``fuzzy~ or`` / ``~2``): neither half can be typed."""


class HelpScreen(_Overlay):
    """The keys of a screen, read from its active bindings (never a hand-written list)."""

    def __init__(self, screen: Any) -> None:
        # The screen's own keys first, then its widgets' (moving about), then the app's; keys doing
        # the same thing share a row ("g g, home  Top"). Only newsdesk's bindings (those with an
        # id): Textual's generic ones said "^c Copy selected text" where Ctrl+C quits.
        def rank(active: Any) -> int:
            key_id = active.binding.id or ""
            if key_id.startswith("app."):
                return 2
            return 0 if active.node is screen else 1

        keys_of: dict[str, list[str]] = {}
        for active in sorted(screen.active_bindings.values(), key=rank):
            binding = active.binding
            if not binding.description or not binding.id or not active.enabled:
                continue  # (disabled: "c Compare with A" before anything is marked)
            key = screen.app.get_key_display(binding)
            if binding.action == "g_prefix":
                key = "g g"
            keys = keys_of.setdefault(binding.description, [])
            if key not in keys:
                keys.append(key)
        rows = [(", ".join(keys), description) for description, keys in keys_of.items()]
        width = max((len(k) for k, _ in rows), default=4) + 2
        lines = [Content.assemble((key.ljust(width), "bold"), desc) for key, desc in rows]
        lines.append(Content(""))
        # What the screen's marks mean (the compare screen hides its legend below 100 columns),
        # else the search syntax: that was told on the compare and story screens, which search
        # nothing, and their marks were not.
        # Notes are one paragraph, wrapped to the box: their lines were broken for 100 columns,
        # and at 80 each wrapped again on its own ("...NOT or -word," / "(groups),").
        notes = getattr(screen, "HELP_NOTES", None)
        if notes is None:
            lines.append(Content.styled("Search syntax", "bold"))
            pad = max(len(example) for example, _ in SEARCH_SYNTAX) + 2
            lines.extend(
                Content.assemble((example.ljust(pad), "bold"), what)
                for example, what in SEARCH_SYNTAX
            )
        else:
            lines.append(Content(" ".join(" ".join(line.split()) for line in notes)))
        name = getattr(screen, "HELP_TITLE", type(screen).__name__.replace("Screen", ""))
        super().__init__(f"Keys — {name}", Content("\n").join(lines))


class SkippedScreen(_Overlay):
    """Files the last index run skipped, with the reason for each."""

    def __init__(self, skipped: Sequence[Any]) -> None:
        if skipped:
            lines = [
                Content.assemble((safe(s.path), "bold"), "\n    ", safe(s.reason)) for s in skipped
            ]
            body = Content("\n").join(lines)
        else:
            body = Content("No files were skipped.")
        super().__init__(f"Skipped files ({len(skipped)})", body)
