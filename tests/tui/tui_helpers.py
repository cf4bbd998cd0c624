"""Helpers shared by the app tests (imported by name: ``tests/tui`` is on ``sys.path``)."""

from __future__ import annotations

from collections.abc import Callable
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
    # At least three rounds, then on while the messages handled start new workers: a worker's
    # result can start the next one (an index run, then the catalogue, then the stories), and on a
    # loaded machine three rounds did not always see the end of that chain.
    for rounds in range(1, 41):
        for worker in list(app.workers):
            try:
                await worker.wait()
            except WorkerCancelled:
                pass
        await pilot.pause()  # type: ignore[attr-defined]
        if rounds >= 3 and not any(not w.is_finished for w in app.workers):
            break


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


async def open_story(pilot: object) -> object:
    """The story screen of the two seed reports, pushed and settled."""
    from tui.screens.story import StoryScreen

    await settle(pilot)
    app = pilot.app  # type: ignore[attr-defined]
    screen = StoryScreen(app.engine, [HEADLINE, KURSK])
    await app.push_screen(screen)
    await settle(pilot)
    return screen


async def replaced_only_after_asking(pilot: object, file: Path, expected: str) -> None:
    """``m``, ``Enter`` again over an exported ``file``: "no" keeps it, "yes" writes ``expected``,
    and the screen that exported is shown again."""
    from tui.screens.compare_export import ConfirmScreen

    app = pilot.app  # type: ignore[attr-defined]
    screen = app.screen
    file.write_text("keep me", encoding="utf-8")
    await pilot.press("m", "enter")  # type: ignore[attr-defined]
    await settle(pilot)
    assert isinstance(app.screen, ConfirmScreen)
    await pilot.press("n")  # type: ignore[attr-defined]
    await settle(pilot)
    assert file.read_text(encoding="utf-8") == "keep me"
    await pilot.press("m", "enter")  # type: ignore[attr-defined]
    await settle(pilot)
    await pilot.press("y")  # type: ignore[attr-defined]
    await settle(pilot)
    assert file.read_text(encoding="utf-8") == expected
    assert app.screen is screen


async def until(pilot: object, ready: Callable[[], bool], tries: int = 100) -> None:
    """Pause in short steps until ``ready()`` (at most ``tries`` steps of 0.05 s): what a frame
    draws a moment later (a toast) is waited for, never a fixed pause a loaded machine outlasts."""
    for _ in range(tries):
        if ready():
            return
        await pilot.pause(0.05)  # type: ignore[attr-defined]
