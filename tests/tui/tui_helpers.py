"""Helpers shared by the app tests (imported by name: ``tests/tui`` is on ``sys.path``)."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).parents[2] / "seeds"
KURSK = "004_3a8db0f9f1ecf686.txt"
HEADLINE = "000_44cfc8ca5dd0595f.txt"


async def settle(pilot: object) -> None:
    """Wait for every worker, then for the messages they posted.

    Exclusive workers cancel the one they replace (a second catalogue load
    replaces the first), so a cancelled worker is expected and not an error.
    Any other worker failure still propagates.
    """
    from textual.worker import WorkerCancelled

    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(3):
        for worker in list(app.workers):
            try:
                await worker.wait()
            except WorkerCancelled:
                pass
        await pilot.pause()  # type: ignore[attr-defined]


async def open_compare(pilot: object) -> object:
    """The compare screen of the two seed reports, pushed and settled."""
    from tui.screens.compare import CompareScreen

    await settle(pilot)
    app = pilot.app  # type: ignore[attr-defined]
    screen = CompareScreen(app.engine, HEADLINE, KURSK)
    await app.push_screen(screen)
    await settle(pilot)
    return screen


def compare_status(screen: object) -> str:
    """The compare screen's status line."""
    from textual.widgets import Static

    return str(screen.query_one("#compare-status", Static).content)  # type: ignore[attr-defined]
