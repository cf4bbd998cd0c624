"""The reader shows an article's text before its entities are made (a 19 MB article's 313,000
entities kept its first screen waiting 3.4 s): they come after, with their colours and list."""

from __future__ import annotations

import threading
from typing import Any

from tui_helpers import settle

from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView

SIZE = (160, 45)


async def test_text_first_then_entities(make_app: Any, monkeypatch: Any) -> None:
    app = make_app()
    gate = threading.Event()
    made: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        real = app.engine.article_first

        def slow(article_id: str) -> Any:
            found = real(article_id)
            assert found is not None
            article, make = found

            def later() -> Any:
                gate.wait(30)
                made.append(article_id)
                return make()

            return article, later

        monkeypatch.setattr(app.engine, "article_first", slow)
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.05)
            screen = app.screen
            if isinstance(screen, ReaderScreen) and screen.article is not None:
                break
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.article is not None
        view = screen.query_one(ArticleView)
        assert view.text and not made  # the text is there, the entities not yet made
        assert screen.entities == []
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert made and screen.entities
        assert view._entities == screen.entities
        assert str(screen.query_one("#entities").get_option_at_index(0).prompt)
