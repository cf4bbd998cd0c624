"""The newsdesk Textual app: opens the index off the UI thread, keeps it fresh, routes screens."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from tui.commands import ScreenCommands
from tui.engine import Engine, EngineError, StoreFactory, default_factory
from tui.messages import (
    CataloguePreviewed,
    IndexProgress,
    IndexUpdated,
    OpenArticle,
    StoreFailed,
    StoreOpened,
)
from tui.screens.help import HelpScreen, SkippedScreen
from tui.screens.library import LibraryScreen
from tui.settings import Settings


class NewsdeskApp(App[None]):
    """A keyboard-driven reader for comparing news reports.

    Args:
        corpus_paths: Files or folders of articles.
        index_dir: Where the index lives (default: the user cache folder).
        store_factory: Opens the store (tests inject their own).
        update_index: Bring the index up to date after opening it.
    """

    TITLE = "newsdesk"
    CSS_PATH = "styles/app.tcss"
    # Only the screen's commands (and the theme picker, last): Textual's generic Keys, Maximize
    # and Screenshot led the palette.
    COMMANDS: ClassVar[set[Any]] = {ScreenCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual's own declaration)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("S", "skipped", "Skipped files", show=False, id="app.skipped"),
        Binding("F", "fetch_feeds", "Fetch feeds", show=False, id="app.fetch_feeds"),
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit", priority=True),
        # Terminal habit: Ctrl-C leaves (a focused input still uses it to copy a selection).
        Binding("ctrl+c", "quit", "Quit", show=False, id="app.interrupt"),
    ]

    def __init__(
        self,
        corpus_paths: Sequence[str],
        index_dir: str | None = None,
        *,
        store_factory: StoreFactory | None = None,
        update_index: bool = True,
        compare: tuple[Any, Any] | None = None,
        corpus_notes: Sequence[str] = (),
        samples: bool = False,
        corpus_label: str | None = None,
        in_library: bool = True,
    ) -> None:
        super().__init__()
        self.corpus_paths = list(corpus_paths)
        self.index_dir = index_dir
        self.engine = Engine()
        """The app's one door to the engine (``tui/engine.py``); its store opens in a worker."""
        self.skipped_files: list[Any] = []
        self._factory = store_factory or default_factory
        self._update_index = update_index
        self._settings = Settings.load()
        self.library = LibraryScreen(self.engine)
        self.marked: Any = None
        """The article marked as A for a comparison (``tui.marks.Marked``), if any."""
        self._compare_first = compare
        from tui.library import EMPTY_STATUS

        self.corpus_note = EMPTY_STATUS if samples else corpus_label
        """Which corpus the app is on (the library's status line ends with it)."""
        self.in_library = in_library
        """Whether that corpus is the library (else PATHs given on the command line)."""
        self._corpus_notes = list(corpus_notes)
        self.first_screen_ready = False
        """True once the library has listed the catalogue (benchmarks wait for it)."""

    @property
    def store(self) -> Any:
        """The open store (``None`` until it is open)."""
        return self.engine.store

    # -- start-up ------------------------------------------------------------------------------

    def on_load(self) -> None:
        # The engine indexes a large corpus in worker processes, and multiprocessing starts its
        # resource tracker with sys.stderr's file descriptor. Once the app runs, Textual's stderr
        # has none (fileno -1) and every index run failed with "bad value(s) in fds_to_keep":
        # start the tracker now, while stderr is still the terminal's.
        # Where no tracker can start, the engine falls back to indexing in one process.
        with contextlib.suppress(ImportError, OSError, ValueError):
            from multiprocessing import resource_tracker

            resource_tracker.ensure_running()

    def on_mount(self) -> None:
        if self._settings.theme in self.available_themes:
            self.theme = self._settings.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        from tui.keymap import apply_keymap

        apply_keymap(self)  # "keymap" in settings.json: binding id -> keys
        self.push_screen(self.library)
        for note in self._corpus_notes:  # an empty library, a library folder that cannot be read
            self.notify(note, title="Library", severity="warning", timeout=8, markup=False)
        if self._compare_first is not None:  # newsdesk --compare A B
            from tui.screens.compare import CompareScreen

            a, b = self._compare_first
            self.push_screen(CompareScreen(self.engine, a.id, b.id, articles=(a, b)))
        if self._factory is default_factory:
            self.preview_catalogue()
        self.open_store()

    @work(thread=True, exclusive=True, group="preview", exit_on_error=False)
    def preview_catalogue(self) -> None:
        """List what the index already holds before Whoosh is even imported (fast first screen)."""
        try:
            rows = Engine.preview(self.corpus_paths, self.index_dir)
        except Exception:
            return
        if rows:
            self.post_message(CataloguePreviewed(rows))

    def _theme_changed(self, theme: Any) -> None:
        self._settings.theme = theme.name
        self._settings.save()

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def open_store(self) -> None:
        """Open (or create) the index: fast, but it touches the disk, so never on the UI thread."""
        try:
            store = self.engine.open(self._factory, self.corpus_paths, self.index_dir)
        except EngineError as exc:
            self.post_message(StoreFailed(str(exc), fatal=True))
            return
        try:
            skipped: list[Any] = self.engine.skipped()
        except Exception:
            skipped = []
        self.post_message(StoreOpened(store, skipped))

    @on(StoreOpened)
    def _store_opened(self, message: StoreOpened) -> None:
        self.skipped_files = message.skipped
        for note in self.engine.messages:
            self.notify(note, title="Index", markup=False)
        self.library.set_store()
        if self._update_index:
            self.update_index()

    @on(StoreFailed)
    def _store_failed(self, message: StoreFailed) -> None:
        self.library.hide_progress()
        # Messages quote paths and titles: never parsed as markup.
        self.notify(message.message, title="Index", severity="error", timeout=10, markup=False)
        if message.fatal:
            self.library.set_status(f"⚠ {message.message}", error=True)

    # -- index runs ----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def update_index(self) -> None:
        """Bring the index up to date with the corpus, reporting progress."""
        worker = get_current_worker()
        self.post_message(IndexProgress(0, 1))

        def progress(done: int, total: int, path: str) -> None:
            self.post_message(IndexProgress(done, total))

        try:
            report = self.engine.update(progress, lambda: worker.is_cancelled)
        except EngineError as exc:  # the index is busy, cannot be written, or indexing failed
            self.post_message(StoreFailed(str(exc)))
            return
        if not worker.is_cancelled:
            self.post_message(IndexUpdated(report))

    @on(IndexProgress)
    def _index_progress(self, message: IndexProgress) -> None:
        self.library.show_progress(message.done, message.total)

    @on(CataloguePreviewed)
    def _catalogue_previewed(self, message: CataloguePreviewed) -> None:
        self.library.preview(message.infos)

    @on(IndexUpdated)
    def _index_updated(self, message: IndexUpdated) -> None:
        report = message.report
        self.library.hide_progress()
        self.skipped_files = list(report.skipped)
        changed = report.added + report.updated + report.removed
        if changed:
            self.notify(
                f"Index updated: {report.added:,} added, {report.updated:,} updated, "
                f"{report.removed:,} removed",
                title="Index",
            )
        if changed or len(self.engine.catalogue()) != len(self.library.catalogue):
            # Another process may have indexed while this app waited for the write lock.
            self.library.reload()
        if report.skipped:
            from tui.library import skipped_count

            self.notify(
                f"{skipped_count([s.path for s in report.skipped])} — press S to see why",
                title="Index",
                severity="warning",
            )

    # -- navigation ----------------------------------------------------------------------------

    @on(OpenArticle)
    def _open_article(self, message: OpenArticle) -> None:
        from tui.screens.reader import ReaderScreen

        if self.store is not None:
            self.push_screen(ReaderScreen(self.engine, message.article_id, message.terms))

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_fetch_feeds(self) -> None:
        """Fetch every feed in the background (``tui/fetching.py``); new articles are indexed."""
        from tui import fetching

        fetching.start(self)

    def action_skipped(self) -> None:
        """List the files the last index run skipped, and why."""
        if not isinstance(self.screen, SkippedScreen):
            self.push_screen(SkippedScreen(self.skipped_files))
