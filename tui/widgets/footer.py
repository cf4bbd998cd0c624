"""The footer, fitted to the width: the keys a screen can spare give way before help and quit.

Textual's footer lays its keys out in one row and cuts what does not fit; the app's own keys
(``? Help``) come last, so they went first. At 80 columns, once an article was marked as A, the
library's footer read "... a Mark A c Compare with A" and ``q Quit ? Help`` were under the
palette key; with a "did you mean" suggestion too, half the row was gone.
"""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

FIT_DELAY = 0.02
"""Seconds between composing the keys and measuring them."""


class FittedFooter(Footer):
    """A compact footer that hides, when the row is too narrow, the keys its screen names in
    ``FOOTER_SPARE`` (actions, the first given way first).

    A hidden key still works, and the help (``?``) and the palette still list it.
    """

    def __init__(self) -> None:
        super().__init__(compact=True)

    async def recompose(self) -> None:
        await super().recompose()
        self._fit_soon()

    def on_resize(self) -> None:
        for key in self.query(FooterKey):
            key.display = True
        self._fit_soon()

    def _fit_soon(self, tries: int = 25) -> None:
        # A timer, not call_after_refresh: the refresh that lays out new keys may already have
        # passed, and an idle app makes no other (the fit then waited for the next key press).
        self.set_timer(FIT_DELAY, lambda: self._fit(tries))

    def _room(self) -> int:
        """The cells the keys may use: up to the palette key when it is shown."""
        palette = [k for k in self.query(FooterKey) if k.has_class("-command-palette")]
        return palette[0].region.x - self.region.x if palette else self.size.width

    def _used(self) -> int:
        """The cells the shown keys take with their margins (summed, not read off their places:
        those are stale until the next layout, and a second fit would hide one key more)."""
        return sum(
            c.region.width + c.styles.margin.left + c.styles.margin.right
            for c in self.children
            if c.display and not c.has_class("-command-palette")
        )

    def _fit(self, tries: int) -> None:
        spare: tuple[str, ...] = getattr(self.screen, "FOOTER_SPARE", ())
        if not spare or not self.is_attached:
            return
        if any(c.display and not c.region.width for c in self.children) and tries:
            # Keys just composed are not laid out yet: measure them a little later.
            self._fit_soon(tries - 1)
            return
        overflow = self._used() - self._room()
        keys = [
            k
            for k in self.children
            if isinstance(k, FooterKey) and not k.has_class("-grouped", "-command-palette")
        ]
        for action in spare:
            if overflow <= 0:
                break
            for key in keys:
                if key.action == action and key.display:
                    key.display = False
                    overflow -= key.region.width + key.styles.margin.left + key.styles.margin.right
