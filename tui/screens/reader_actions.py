"""The reader's actions that leave the article or act on it as a whole: back, the side panel,
the web address, the A mark, the story and compare screens (mixed into ``ReaderScreen``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from tui.widgets.lists import VimOptionList, safe

if TYPE_CHECKING:
    from textual.screen import Screen

    from index.models import Article
    from tui.engine import Engine

    _Base = Screen[None]
else:
    _Base = object


class ReaderActions(_Base):
    """Bindings' actions of the reader screen that need only its article and engine."""

    engine: Engine
    article_id: str
    article: Article | None

    def action_back(self) -> None:
        """Return to the previous screen."""
        self.dismiss()

    def action_focus_entities(self) -> None:
        """Move to the entity list (showing the side panel if hidden)."""
        self.set_class(self.has_class("-narrow"), "-show-side")
        self.set_focus(self.query_one("#entities"))

    def action_focus_related(self) -> None:
        """Move to the related reports."""
        self.set_class(self.has_class("-narrow"), "-show-side")
        self.set_focus(self.query_one("#related"))

    def action_toggle_panel(self) -> None:
        """Show or hide the side panel."""
        self.toggle_class("-show-side")

    def action_open_url(self) -> None:
        """Open the article's web address in the browser (only http and https addresses)."""
        url = (self.article.url or "").strip() if self.article is not None else ""
        if not url:
            self.notify("this article has no web address", severity="warning")
            return
        if not url.lower().startswith(("http://", "https://")):
            # The address is article data: never hand a file:, javascript: or other scheme on.
            self.notify(f"not a web address: {safe(url)[:80]}", severity="warning", markup=False)
            return
        self.app.open_url(url)
        self.notify(f"opening {safe(url)[:100]}", markup=False)

    def action_mark(self) -> None:
        """Mark this article as A, to compare with any other (again: clear the mark)."""
        from tui.marks import toggle_mark

        if self.article is not None:
            toggle_mark(self.app, self.article_id, self.article.title)
            self.show_mark()

    def on_screen_resume(self) -> None:
        self.show_mark()

    def show_mark(self) -> None:
        """Show the article marked as A (if any) under the text."""
        from tui.marks import marked

        mark = marked(self.app)
        if mark is None:
            text = ""
        elif mark.article_id == self.article_id:
            text = "this article is A: c on another article compares them"
        else:
            # The key hint first: a narrow line cuts the title, never the hint.
            text = f"c compares A with this article · {mark.label}"
        widget = self.query_one("#reader-mark", Static)
        widget.update(Content(text))
        widget.display = bool(text)

    def action_story(self) -> None:
        """The whole story: this article and its related reports, claim by claim."""
        from tui.screens.story import open_story

        open_story(self, self.engine, self.article_id)

    def action_compare(self) -> None:
        """Compare the article marked as A with this one; without a mark, this one with the
        highlighted related report."""
        from tui.marks import marked

        mark = marked(self.app)
        if mark is not None and mark.article_id != self.article_id:
            from tui.screens.compare import CompareScreen

            self.app.push_screen(CompareScreen(self.engine, mark.article_id, self.article_id))
            return
        option = self.query_one("#related", VimOptionList).highlighted_option
        if option is None or not option.id:
            self.notify("choose a related report to compare with (r)", severity="warning")
            return
        try:
            from tui.screens.compare import CompareScreen
        except ImportError:
            self.notify("compare screen not available yet", severity="warning")
            return
        self.app.push_screen(CompareScreen(self.engine, self.article_id, option.id))
