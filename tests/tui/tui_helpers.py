"""Helpers shared by the app tests (imported by name: ``tests/tui`` is on ``sys.path``)."""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).parents[2] / "seeds"
KURSK = "004_3a8db0f9f1ecf686.txt"
HEADLINE = "000_44cfc8ca5dd0595f.txt"


async def settle(pilot: object) -> None:
    """Wait for every worker, then for the messages they posted."""
    app = pilot.app  # type: ignore[attr-defined]
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]
