"""The library writes counts of a thousand or more as the rest of the app does: "1,001 articles in
the library" and "Index updated: 1,001 added" (they said "1001"); before the first index run ends it
says the articles are coming, not that the library is empty."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.widgets import Static
from tui_helpers import settle

from tui.screens.library import LibraryScreen


async def test_counts_of_a_thousand_have_separators(make_app: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = (
        json.dumps({"id": str(n), "title": f"Note {n}", "text": f"The port reopened, note {n}."})
        for n in range(1001)
    )
    (corpus / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    app = make_app(corpus, tmp_path / "index")
    async with app.run_test(size=(160, 30)) as pilot:
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert "empty" not in library.empty_status()  # a run is still to end
        await settle(pilot)
        status = str(library.query_one("#status", Static).render().plain)
        assert status.startswith("1,001 articles in the library · newest first"), status
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Index updated: 1,001 added, 0 updated") for m in said), said
