"""Command palette provider: the current screen's actions, by their footer descriptions."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode


def _rank(active: Any, screen: Any) -> int:
    """The screen's own keys first, then its widgets', then the app's (as in the help)."""
    key_id = active.binding.id or ""
    if key_id.startswith("app."):
        return 2
    return 0 if active.node is screen else 1


def _help(key: str) -> str:
    return f"key: {key}" if key else "choose the colour theme (remembered)"


class ScreenCommands(Provider):
    """Offers every active binding of the screen the palette was opened from.

    Only newsdesk's own bindings (those with an id): Textual's generic moves (arrow keys, Scroll
    Left, Focus Next) are not commands, and a focused list's would otherwise lead the palette.
    Actions reached by two keys are one command naming both. Textual's system commands (Keys,
    Maximize, Screenshot) are left out; its theme picker comes last.
    """

    def _commands(self) -> list[tuple[str, str, DOMNode, str]]:
        found: dict[str, tuple[str, DOMNode, list[str]]] = {}
        actives = [
            active
            for active in self.screen.active_bindings.values()
            if active.enabled and active.binding.description and active.binding.id
        ]
        for active in sorted(actives, key=lambda active: _rank(active, self.screen)):
            binding = active.binding
            key = self.app.get_key_display(binding)
            if binding.description in found:
                keys = found[binding.description][2]
                if key not in keys:
                    keys.append(key)
                continue
            found[binding.description] = (binding.action, active.node, [key])
        return [
            (description, action, node, ", ".join(keys))
            for description, (action, node, keys) in found.items()
        ]

    def _all(self) -> list[tuple[str, str, DOMNode, str]]:
        """The screen's commands, then the one of Textual's that newsdesk keeps (the theme)."""
        theme = ("Theme", "app.change_theme", self.app, "")
        return [*self._commands(), theme]

    async def discover(self) -> Hits:
        for description, action, node, key in self._all():
            yield DiscoveryHit(
                description, partial(self.app.run_action, action, node), help=_help(key)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, action, node, key in self._all():
            score = matcher.match(description)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(description),
                    partial(self.app.run_action, action, node),
                    help=_help(key),
                )
