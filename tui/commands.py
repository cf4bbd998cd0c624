"""Command palette provider: the current screen's actions, by their footer descriptions."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode


class ScreenCommands(Provider):
    """Offers every active binding of the screen the palette was opened from."""

    def _commands(self) -> list[tuple[str, str, DOMNode, str]]:
        seen: set[str] = set()
        out: list[tuple[str, str, DOMNode, str]] = []
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not active.enabled or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            out.append(
                (
                    binding.description,
                    binding.action,
                    active.node,
                    self.app.get_key_display(binding),
                )
            )
        return out

    async def discover(self) -> Hits:
        for description, action, node, key in self._commands():
            yield DiscoveryHit(
                description, partial(self.app.run_action, action, node), help=f"key: {key}"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, action, node, key in self._commands():
            score = matcher.match(description)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(description),
                    partial(self.app.run_action, action, node),
                    help=f"key: {key}",
                )
