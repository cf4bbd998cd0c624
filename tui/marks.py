"""The article marked as A, to compare with any other (meld's "compare with marked")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.widgets.lists import safe


@dataclass(frozen=True)
class Marked:
    """An article marked as side A of a comparison."""

    article_id: str
    title: str

    @property
    def label(self) -> str:
        """``A: title`` cut to fit a status line (untrusted text made safe)."""
        title = safe(self.title) or self.article_id
        return f"A: {title[:60]}{'…' if len(title) > 60 else ''}"


def toggle_mark(app: Any, article_id: str, title: str) -> Marked | None:
    """Mark an article as A, or clear the mark when it is that article already; the new mark."""
    current = getattr(app, "marked", None)
    app.marked = (
        None
        if current is not None and current.article_id == article_id
        else Marked(article_id, title)
    )
    if app.marked is None:
        app.notify("A cleared")
    else:
        app.notify(f"{app.marked.label} — c on another article compares them", markup=False)
    marked: Marked | None = app.marked
    return marked


def marked(app: Any) -> Marked | None:
    """The article marked as A, if any."""
    return getattr(app, "marked", None)
