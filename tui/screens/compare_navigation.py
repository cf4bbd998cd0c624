"""The compare screen's moves between claims: the next or previous aligned claim, conflict and
sentence one report alone has, each levelled in both panes and explained on the status line;
pairings set aside and restored; the panes swapped (mixed into ``CompareScreen``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.widgets import Static

from tui.screens.compare_model import (
    Link,
    claim_links,
    conflict_head,
    conflict_links,
    conflicts_of,
    ordered,
    summary,
)
from tui.widgets.lists import safe
from tui.widgets.styling import component_style

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.engine import Comparison
    from tui.widgets.compare_pane import ComparePane

    _Base = Screen[None]
else:
    _Base = object


class CompareNavigation(_Base):
    """Bindings' actions of the compare screen that select claims, pairings and sides."""

    comparison: Comparison | None
    engine_comparison: Comparison | None
    set_aside: set[tuple[int, int, int, int]]
    _set_aside_order: list[tuple[int, int, int, int]]
    only_index: int | None
    left: str
    claims: list[Link]
    conflicts: list[Link]
    current: Link | None
    _explained: tuple[Link, str] | None

    if TYPE_CHECKING:

        @property
        def right(self) -> str: ...

        def _panes(self) -> tuple[ComparePane, ComparePane]: ...

        def _fill(self) -> None: ...

        def set_status(self, text: str) -> None: ...

    def _passages(self, link: Link) -> tuple[tuple[int, int], tuple[int, int]]:
        """The link's passages as (left, right) spans."""
        a, b = (link.a.start, link.a.end), (link.b.start, link.b.end)
        return (a, b) if self.left == "a" else (b, a)

    def _select(self, link: Link | None) -> None:
        left, right = self._panes()
        if link is None:
            for pane in (left, right):
                pane.set_selected(None)
                pane.set_diffs(())
            return
        lspan, rspan = self._passages(link)
        left.set_selected(lspan)
        right.set_selected(rspan)
        diffs = (link.a_diff, link.b_diff)
        left.set_diffs(diffs[0] if self.left == "a" else diffs[1])
        right.set_diffs(diffs[1] if self.left == "a" else diffs[0])
        left.level(lspan[0], rspan[0])

    def _step(self, links: list[Link], step: int, what: str) -> None:
        if self.comparison is None:
            self.set_status("still comparing…")
            return
        if not links:
            self.set_status(f"no {what}s")
            return
        seq = ordered(links, self.left)
        if self.current in seq and self._in_view(self.current):
            index = (seq.index(self.current) + step) % len(seq)
        else:
            index = self._from_view(seq, step)
        self.current = seq[index]
        self._select(self.current)
        self._explain(self.current, f"{what} {index + 1} of {len(seq)}")

    def _line(self, link: Link) -> int:
        """The row of the left (or upper) pane where the link's passage there starts."""
        return self._panes()[0].line_of(self._passages(link)[0][0])

    def _in_view(self, link: Link) -> bool:
        """Whether the link's passage in the left (or upper) pane is on screen."""
        pane = self._panes()[0]
        top = round(pane.scroll_y)
        return top <= self._line(link) < top + max(1, pane.size.height)

    def _from_view(self, seq: list[Link], step: int) -> int:
        """Where ``]`` / ``[`` start once the selection is scrolled out of sight (or there is
        none): the first link from the top of the view, or the last before its bottom, as less
        searches from the screen; ``]`` after scrolling down with ``j`` went back up to the
        claim after the old selection."""
        pane = self._panes()[0]
        top = round(pane.scroll_y)
        lines = [self._line(link) for link in seq]
        if step > 0:
            return next((k for k, line in enumerate(lines) if line >= top), 0)
        bottom = top + max(1, pane.size.height)
        return next((k for k in range(len(seq) - 1, -1, -1) if lines[k] < bottom), len(seq) - 1)

    def _explain(self, link: Link, where: str) -> None:
        assert self.comparison is not None
        self._explained = (link, where)
        if link.kind == "conflict":
            text = Content.assemble(
                (conflict_head(where, link), self._error_style("#compare-status")),
                safe(link.detail),
            )
        else:
            kind = "same claim" if link.kind == "shared" else "related claim"
            details = conflicts_of(self.comparison, link)
            text = Content.assemble((f"{where}: ", "bold"), f"{kind} (similarity {link.score:.2f})")
            if details:
                text += Content.assemble(
                    ("  ! ", self._error_style("#compare-status")), safe("; ".join(details))
                )
        self.query_one("#compare-status", Static).update(text)

    def _error_style(self, on: str = "#compare-summary") -> Any:
        """Bold error-coloured text (the pane's component class), readable on the widget ``on``."""
        from textual.style import Style

        from tui.widgets.styling import readable

        style = component_style(self._panes()[0], "compare-pane--error-text")
        ground = self.query_one(on).background_colors[1]
        if style.foreground is None:
            return style
        return Style(foreground=readable(style.foreground, ground), bold=True)

    def action_claim(self, step: int) -> None:
        """Select the next (``1``) or previous (``-1``) aligned claim and level it in both panes."""
        self._step(self.claims, step, "claim")

    def _onlys(self) -> list[tuple[str, Any]]:
        """Sentences one report alone has: the left pane's in reading order, then the right's."""
        if self.comparison is None:
            return []
        c = self.comparison
        by_side = {"a": c.only_a, "b": c.only_b}
        return [(side, p) for side in (self.left, self.right) for p in by_side[side]]

    def action_only(self, step: int) -> None:
        """Select the next (``1``) or previous (``-1``) sentence that only one report has."""
        if self.comparison is None:
            self.set_status("still comparing…")
            return
        onlys = self._onlys()
        if not onlys:
            self.set_status("every sentence is aligned with the other report")
            return
        if self.only_index is None:
            index = 0 if step > 0 else len(onlys) - 1
        else:
            index = (self.only_index + step) % len(onlys)
        self.only_index = index
        self.current = None
        side, passage = onlys[index]
        left, right = self._panes()
        here, there = (left, right) if side == self.left else (right, left)
        there.set_selected(None)
        there.set_diffs(())
        here.set_diffs(())
        here.set_selected((passage.start, passage.end))
        height = max(1, here.size.height)
        here.move_to(here.line_of(passage.start) - height // 3)
        n = sum(1 for s, _ in onlys if s == side)
        k = sum(1 for s, _ in onlys[: index + 1] if s == side)
        where = self._place(side == self.left)
        self.set_status(f"· only in {side.upper()} ({where}): {k} of {n}")

    def _place(self, first: bool, *, on: bool = False) -> str:
        """Where a pane stands as the screen is laid out now: left or right, or (below 100
        columns, where the reports stack) top or bottom; ``on`` gives "on the left"/"on top"."""
        if self.has_class("-narrow"):
            return (
                ("on top" if first else "at the bottom") if on else ("top" if first else "bottom")
            )
        word = "left" if first else "right"
        return f"on the {word}" if on else word

    def action_set_aside(self) -> None:
        """Set the selected aligned claim aside as a wrong pairing (remembered for these two
        articles; the export lists it)."""
        link = self.current
        if self.comparison is None or link is None or link.kind == "conflict":
            self.set_status("select an aligned claim first (] or [), then d sets it aside")
            return
        pairing = (link.a.start, link.a.end, link.b.start, link.b.end)
        self.set_aside.add(pairing)
        self._set_aside_order.append(pairing)
        self._apply_set_aside("pairing set aside: shown as unaligned (u restores it)")

    def action_restore(self) -> None:
        """Restore the pairing set aside last (or, from an earlier visit, every one)."""
        if not self.set_aside:
            self.set_status("no pairing is set aside")
            return
        if self._set_aside_order:
            self.set_aside.discard(self._set_aside_order.pop())
        else:
            self.set_aside.clear()
        self._apply_set_aside("pairing restored")

    def _apply_set_aside(self, message: str) -> None:
        from tui.setaside import save, without

        assert self.engine_comparison is not None
        try:
            save(self.engine_comparison.a, self.engine_comparison.b, self.set_aside)
        except OSError as exc:
            self.notify(f"cannot remember it: {exc}", severity="warning", markup=False)
        self.comparison = without(self.engine_comparison, self.set_aside)
        self.claims = claim_links(self.comparison)
        self.conflicts = conflict_links(self.comparison)
        self.current = None
        self.query_one("#compare-summary", Static).update(
            summary(self.comparison, self._error_style())
        )
        self._fill()
        n = len(self.set_aside)
        self.set_status(f"{message} · {n} set aside")

    def action_conflict(self, step: int) -> None:
        """Select the next or previous disagreement and show the engine's explanation."""
        self._step(self.conflicts, step, "conflict")

    def action_swap(self) -> None:
        """Swap the panes (A and B keep their letters)."""
        self.left = self.right
        self._fill()
        if self.current is None:
            self.set_status(f"{self.left.upper()} is now {self._place(True, on=True)}")
            return
        kind = "conflict" if self.current.kind == "conflict" else "claim"
        seq = ordered(self.conflicts if kind == "conflict" else self.claims, self.left)
        self._explain(self.current, f"{kind} {seq.index(self.current) + 1} of {len(seq)}")
