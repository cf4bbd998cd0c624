"""Bindings have ids, can be remapped from settings.json, and are all named in the README."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.widgets import Static
from tui_helpers import settle

from tui.keymap import binding_ids, bindings

README = Path(__file__).parents[2] / "README.md"


def test_every_binding_has_a_unique_id() -> None:
    ids = binding_ids()
    assert len(ids) == len(set(ids)) == len(bindings())
    assert {"library.sort", "library.mark", "reader.open_url", "view.half_down"} <= set(ids)


def test_the_readme_keys_table_names_every_binding_id() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [key_id for key_id in binding_ids() if f"`{key_id}`" not in text]
    assert not missing, f"binding ids missing from the README: {missing}"


async def test_keymap_from_settings_remaps_and_reports_unknown_ids(
    make_app: Any, _config_dir: Path
) -> None:
    _config_dir.mkdir(parents=True, exist_ok=True)
    (_config_dir / "settings.json").write_text(
        json.dumps(
            {
                "theme": "textual-dark",
                "keymap": {"library.sort": "O", "nope.nothing": "x", "library.panel": 3},
            }
        ),
        encoding="utf-8",
    )
    app = make_app()
    notes: list[str] = []
    real = app.notify
    app.notify = lambda m, **kw: (notes.append(m), real(m, **kw))  # type: ignore[method-assign]
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"korea", "enter")
        await settle(pilot)
        status = app.screen.query_one("#status", Static)
        assert "best first" in str(status.render())
        await pilot.press("s")  # no longer the sort key
        await settle(pilot)
        assert "best first" in str(status.render())
        await pilot.press("O")
        await settle(pilot)
        assert "newest first" in str(status.render())
    assert any("'nope.nothing'" in n for n in notes)
    assert any("'library.panel'" in n for n in notes)


def test_saving_the_theme_keeps_the_users_keymap(_config_dir: Path) -> None:
    from tui.settings import Settings

    _config_dir.mkdir(parents=True, exist_ok=True)
    path = _config_dir / "settings.json"
    path.write_text(
        json.dumps({"theme": "textual-dark", "keymap": {"library.sort": "O"}, "later": [1]}),
        encoding="utf-8",
    )
    Settings(theme="textual-light").save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved == {"theme": "textual-light", "keymap": {"library.sort": "O"}, "later": [1]}
    assert Settings.load().theme == "textual-light"
