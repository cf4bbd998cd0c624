"""vim's ``g g``: Textual has no key chords, so a first ``g`` waits briefly for the second."""

from __future__ import annotations

import time

from textual import events

GG_TIMEOUT = 1.0
"""Seconds a lone ``g`` waits for the second ``g``."""


class PendingG:
    """Mixin for a focusable widget: ``g`` twice within ``GG_TIMEOUT`` calls ``go_top``.

    Bind ``g`` to ``g_prefix``; any other key in between cancels the pending ``g``.
    """

    _g_until: float = 0.0

    def on_key(self, event: events.Key) -> None:
        if event.key != "g":
            self._g_until = 0.0

    @property
    def g_pending(self) -> bool:
        """True while a first ``g`` waits for its second."""
        return time.monotonic() < self._g_until

    def action_g_prefix(self) -> None:
        """First ``g``: wait for the second; second ``g``: go to the top."""
        if self.g_pending:
            self._g_until = 0.0
            self.go_top()
        else:
            self._g_until = time.monotonic() + GG_TIMEOUT

    def go_top(self) -> None:
        """Where ``g g`` goes (subclasses implement)."""
        raise NotImplementedError
