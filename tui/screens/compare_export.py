"""Modals of the compare screen: name the Markdown brief's file, and confirm an overwrite."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, Static


def _part(article_id: str, most: int = 40) -> str:
    """An article id reduced to safe file-name characters (at most ``most``)."""
    # A line of a .jsonl keeps its id whole: "wiki.jsonl#M0086.english" and "#M0086.french"
    # are two articles (read as a file name, both ended in "M0086").
    file, _, line = article_id.partition("#")
    stem = f"{Path(file).name}-{line}" if line else Path(file).stem or article_id
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.")[:most] or "article"


def default_name(a_id: str, b_id: str) -> str:
    """``compare-<a>-<b>.md`` from two article ids, reduced to safe file-name characters."""
    return f"compare-{_part(a_id)}-{_part(b_id)}.md"


def resolve(name: str) -> Path:
    """The file a typed name means: ``~`` expanded, relative to the current working directory."""
    path = Path(name.strip()).expanduser()
    return path if path.is_absolute() else Path.cwd() / path


def write_brief(path: Path, text: str, *, overwrite: bool) -> None:
    """Write ``text`` (UTF-8); refuse to replace an existing file unless ``overwrite``.

    Raises:
        FileExistsError: the file exists and ``overwrite`` is false.
        OSError: the file cannot be written.
    """
    with path.open("w" if overwrite else "x", encoding="utf-8", newline="") as out:
        out.write(text)


def name_problem(path: Path) -> str | None:
    """Why a brief cannot be written at ``path`` (a folder, a folder that does not exist, one that
    cannot be written to), or ``None``."""
    from tui.widgets.lists import safe

    if path.is_dir():
        return f"{safe(str(path))} is a folder: end the name with a file name"
    folder = path.parent
    if not folder.is_dir():
        return f"no folder {safe(str(folder))}"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot write in {safe(str(folder))} (permission denied)"
    return None


class ExportScreen(ModalScreen[str | None]):
    """Ask for the file name of the Markdown brief; dismisses with the name, or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(self, default: str, title: str = "Export the comparison as Markdown") -> None:
        super().__init__(classes="overlay")
        self.default = default
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="overlay-box compare-dialog"):
            yield Label(self.title_text, classes="overlay-title")
            yield Static(Content(f"Folder: {Path.cwd()}"), classes="overlay-hint")
            yield Input(value=self.default, id="export-name", select_on_focus=False)
            yield Static("", id="export-problem")
            yield Label("Enter saves · Esc cancels", classes="overlay-hint")

    def on_mount(self) -> None:
        self.query_one("#export-problem").display = False

    @on(Input.Submitted, "#export-name")
    def _submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.dismiss(None)
            return
        # Said here, with the name still typed: a folder that does not exist closed the dialog
        # with "cannot write ...: No such file or directory", and a folder's own name was offered
        # to be replaced ("/tmp exists. Replace it?").
        problem = name_problem(resolve(event.value))
        if problem:
            line = self.query_one("#export-problem", Static)
            line.update(Content(problem))
            line.display = True
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; dismisses with ``True`` for yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(classes="overlay")
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="overlay-box compare-dialog"):
            yield Label("Replace file?", classes="overlay-title")
            yield Static(Content(self.question))
            yield Label("y replaces · n or Esc keeps it", classes="overlay-hint")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)


def story_name(report_ids: list[str]) -> str:
    """``story-<first report>.md``, reduced to safe file-name characters as :func:`default_name`."""
    # One id, so room for all of it: "wikinews_multiling2011.jsonl-M0080.english", not "…engli".
    return f"story-{_part(report_ids[0], 80) if report_ids else 'article'}.md"


def export_markdown(
    screen: Screen[Any], default: str, title: str, render: Callable[[], str]
) -> None:
    """Ask for a file name (:class:`ExportScreen`), confirm replacing an existing file, then
    write ``render()`` there in a worker thread and say what happened in a notification.

    The story view's export (``m``): ``newsdesk story --format markdown`` wrote it, the app had
    no way to.
    """
    from tui.widgets.lists import safe

    def save(path: Path, overwrite: bool) -> None:
        shown = safe(str(path))
        app = screen.app
        try:
            write_brief(path, render(), overwrite=overwrite)
        except FileExistsError:
            note, severity = f"{shown} exists: not replaced", "warning"
        except OSError as exc:
            note, severity = f"cannot write {shown}: {safe(exc.strerror or str(exc))}", "error"
        else:
            note, severity = f"saved {shown}", "information"
        app.call_from_thread(
            app.notify,
            note,
            title="Export",
            severity=severity,
            markup=False,
        )

    def start(path: Path, overwrite: bool) -> None:
        screen.run_worker(
            lambda: save(path, overwrite),
            thread=True,
            group="export",
            exclusive=True,
            exit_on_error=False,
        )

    def named(name: str | None) -> None:
        if not name:
            return
        path = resolve(name)
        if not path.exists():
            start(path, False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                start(path, True)

        screen.app.push_screen(ConfirmScreen(f"{safe(str(path))} exists. Replace it?"), answered)

    screen.app.push_screen(ExportScreen(default, title), named)
