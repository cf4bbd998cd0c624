"""The library's actions on the screen as a whole and its status row: the status line, the
suggestion and the A mark, compare, moving between the search box, results and sidebar, the
story view, and the index run's progress (mixed into ``LibraryScreen``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.widgets import Input, ProgressBar, Static

from tui.widgets.lists import FacetList, safe
from tui.widgets.result_list import ResultList
from tui.widgets.tail_line import TailLine

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.engine import Engine

    _Base = Screen[None]
else:
    _Base = object


SORT_NAMES = {"relevance": "best first", "newest": "newest first", "oldest": "oldest first"}


class LibraryActions(_Base):
    """Bindings' actions of the library screen that do not run a search, and its status row."""

    engine: Engine
    store: Any
    suggestion: str | None
    catalogue: list[Any]
    sort: str
    index_run_over = False
    """An index run has ended (or failed): an empty library is empty, not still being read."""

    if TYPE_CHECKING:

        @property
        def query_text(self) -> str: ...

    def on_screen_resume(self) -> None:
        self.show_mark()

    def show_mark(self) -> None:
        """Show the article marked as A (if any) beside the status."""
        from tui.marks import marked

        mark = marked(self.app)
        widget = self.query_one("#mark", TailLine)
        widget.show(mark.label if mark else "", " (c compares)" if mark else "")
        widget.display = mark is not None
        self.query_one("#status-row").set_class(mark is not None, "-marked")
        self.refresh_bindings()

    @staticmethod
    def _status_text(result: Any) -> str:
        """A search's count, query and order, as the status line shows them."""
        n = result.total
        order = SORT_NAMES.get(getattr(result, "sort", "relevance"), "")
        return f"{n:,} result{'s' if n != 1 else ''} for {safe(result.query)} · {order}"

    def _published_note(self, query: str) -> str | None:
        """When the corpus's articles were published, for a search by publication date that
        found nothing (worker thread)."""
        try:
            return self.engine.published_note(query)
        except Exception:
            return None

    def set_status(self, text: str, error: bool = False) -> None:
        """Show one line of status (plain text, never markup)."""
        status = self.query_one("#status", Static)
        note = getattr(self.app, "corpus_note", None)  # which corpus: samples, library, folders
        status.update(Content(f"{text} · {note}" if note and not error else text))
        status.set_class(error, "-error")
        # An error wraps: its remedy comes last ("... refusing to open it (choose an empty folder
        # with --index-dir)", "... write quantity:10000 ..."), and one line at 80 columns cut it.
        self.query_one("#status-row").set_class(error, "-error")

    def set_suggestion(self, suggestion: str | None) -> None:
        """Offer a corrected query (``d`` or a click applies it)."""
        self.suggestion = suggestion
        widget = self.query_one("#suggestion", Static)
        self._draw_suggestion()
        widget.display = bool(suggestion)
        # The status before it gives way (cut with an ellipsis): the suggestion and its key are
        # the way out of a typo, and at 80 columns the status alone filled the row.
        self.query_one("#status-row").set_class(bool(suggestion), "-suggesting")
        self.refresh_bindings()

    def _draw_suggestion(self) -> None:
        """The hint's key as it works now: while the search box has focus ``d`` is a letter of
        the query ("opek", then d, searched "opekd"), so the hint says Enter comes first."""
        suggestion = self.suggestion
        typing = self.focused is self.query_one("#query", Input)
        key = "(Enter, then d)" if typing else "(d)"
        text = f"did you mean: {safe(suggestion)}  {key}" if suggestion else ""
        self.query_one("#suggestion", Static).update(Content(text))

    def on_descendant_focus(self, event: Any) -> None:
        """Redraw the suggestion's key for where the focus is now."""
        if self.suggestion:
            self._draw_suggestion()

    def on_descendant_blur(self, event: Any) -> None:
        """Redraw the suggestion's key for where the focus is now."""
        if self.suggestion:
            self._draw_suggestion()

    def action_mark(self) -> None:
        """Mark the highlighted article as A (again: clear the mark)."""
        from tui.marks import toggle_mark

        results = self.query_one(ResultList)
        if results.cursor is None:
            return
        item = results.rows[results.cursor].item
        toggle_mark(self.app, item.id, item.title)
        self.show_mark()

    def action_compare(self) -> None:
        """Compare the article marked as A with the highlighted one."""
        from tui.marks import marked
        from tui.screens.compare import CompareScreen

        mark = marked(self.app)
        b_id = self.query_one(ResultList).highlighted_id
        if mark is None:
            self.notify(
                "mark an article as A first (a), then press c on another", severity="warning"
            )
        elif b_id is None or b_id == mark.article_id:
            self.notify("move to another article to compare with A", severity="warning")
        elif self.store is not None:
            self.app.push_screen(CompareScreen(self.engine, mark.article_id, b_id))

    def on_click(self, event: Any) -> None:
        if getattr(event, "widget", None) is self.query_one("#suggestion"):
            self.action_apply_suggestion()

    def show_progress(self, done: int, total: int) -> None:
        """Show the index run's progress."""
        self.add_class("-indexing")
        if self.is_mounted:
            self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def hide_progress(self) -> None:
        """Hide the progress bar; an index run that left nothing to list says so."""
        self.remove_class("-indexing")
        self.index_run_over = True
        if self.is_mounted and not self.catalogue and not self.query_text:
            # (A run that added articles reloads the catalogue next, which sets the status.)
            self.set_status(self.empty_status())

    def catalogue_status(self, n: int, limit: int) -> str:
        """The status line over the catalogue: how many articles, which are listed first.

        "in the library" only when the app is on the library (or the samples standing in for
        it): opened on PATHs it said "2,514 articles in the library · newest first · on
        reuters", of folders that are no library (the line ends with them).
        """
        order = "oldest" if self.sort == "oldest" else "newest"
        where = " in the library" if getattr(self.app, "in_library", True) else ""
        if n > limit:
            return f"{n:,} articles{where}; the {order} {limit:,} are listed: type to search"
        if n:
            return f"{n:,} article{'s' if n != 1 else ''}{where} · {order} first"
        return self.empty_status()

    def empty_status(self) -> str:
        """The status line of an empty library: still indexing, or nothing found."""
        if self.index_run_over:
            return "No articles found (S lists any files that were skipped)"
        # It said "The library is empty (indexing may still be running)" above the progress bar
        # of a first run, and after "sample articles: your library is empty".
        return "Nothing indexed yet: the articles are listed when the index run ends"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer the suggestion key only while there is a suggestion.

        ``/`` types itself in the search box.
        """
        if action == "apply_suggestion":
            return bool(self.suggestion)
        if action == "compare":  # offered (in the footer too) once an article is marked as A
            from tui.marks import marked

            return marked(self.app) is not None
        if action == "focus_search":
            return self.focused is not self.query_one("#query", Input)
        return True

    def action_focus_search(self) -> None:
        """Move to the search box."""
        # At once (focus() waits a turn): a fast typist's next keys must land in the box, not in
        # the list, where q quits.
        self.set_focus(self.query_one("#query", Input))

    def action_focus_facets(self) -> None:
        """Move to the entity sidebar (showing it on narrow screens)."""
        self.set_class(self.has_class("-narrow"), "-show-side")
        self.set_focus(self.query_one(FacetList))

    def action_toggle_panel(self) -> None:
        """Show or hide the entity sidebar."""
        self.toggle_class("-show-side")

    def action_apply_suggestion(self) -> None:
        """Replace the query with the suggested one."""
        if self.suggestion:
            self.query_one("#query", Input).value = self.suggestion

    def action_clear(self) -> None:
        """Leave the search box or the entity list for the results, or clear the query."""
        query = self.query_one("#query", Input)
        if self.focused is self.query_one(FacetList):
            # Back to the results, the search kept (it was cleared from here); on a narrow screen
            # the sidebar that f opened closes.
            if self.has_class("-narrow"):
                self.remove_class("-show-side")
            self.set_focus(self.query_one(ResultList))
        elif self.focused is query:
            self.set_focus(self.query_one(ResultList))
        elif query.value:
            query.value = ""

    def action_story(self) -> None:
        """The whole story of the highlighted article, claim by claim (the story view)."""
        from tui.screens.story import open_story

        article_id = self.query_one(ResultList).highlighted_id
        if article_id:
            open_story(self, self.engine, article_id)
