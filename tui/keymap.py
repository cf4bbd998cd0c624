"""Key remapping: ``"keymap"`` in ``settings.json`` maps binding ids to keys (as posting does).

Example ``settings.json``::

    {"theme": "nord", "keymap": {"library.search": "ctrl+f", "reader.back": "q,backspace"}}

Every binding newsdesk declares has an id (``screen.action``); ``binding_ids`` lists them all, and
the README's keys table names each one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from textual.binding import Binding


def _classes() -> list[type]:
    from tui.app import NewsdeskApp
    from tui.screens.compare import CompareScreen
    from tui.screens.compare_export import ConfirmScreen, ExportScreen
    from tui.screens.help import HelpScreen
    from tui.screens.library import LibraryScreen
    from tui.screens.reader import ReaderScreen
    from tui.screens.story import ClaimsTable, StoryScreen
    from tui.widgets.article_view import ArticleView
    from tui.widgets.lists import VimOptionList
    from tui.widgets.result_list import ResultList

    return [
        NewsdeskApp,
        LibraryScreen,
        ResultList,
        VimOptionList,
        ReaderScreen,
        ArticleView,
        CompareScreen,
        ExportScreen,
        ConfirmScreen,
        HelpScreen,
        StoryScreen,
        ClaimsTable,
    ]


def bindings() -> list[Binding]:
    """Every binding newsdesk declares (its own, not Textual's), in declaration order."""
    out: list[Binding] = []
    for cls in _classes():
        for binding in cls.__dict__.get("BINDINGS", []) + _inherited(cls):
            if isinstance(binding, Binding) and binding.id and binding not in out:
                out.append(binding)
    return out


def _inherited(cls: type) -> list[Any]:
    # HelpScreen's keys are declared on its base, the overlay shared with the skipped-files list.
    return [
        b
        for base in cls.__mro__[1:]
        for b in base.__dict__.get("BINDINGS", [])
        if base.__module__.startswith("tui.")
    ]


def binding_ids() -> list[str]:
    """The id of every binding (each can be remapped)."""
    return [b.id for b in bindings() if b.id]


def read_keymap(path: Any) -> tuple[dict[str, str], list[str]]:
    """The ``keymap`` of a settings file, and a note for each entry that cannot be used.

    Entries naming an unknown binding id, or a key that is not a non-empty string, are left out.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, []
    raw = data.get("keymap") if isinstance(data, dict) else None
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return {}, ["settings.json: keymap must be an object of binding id -> keys"]
    known = set(binding_ids())
    keymap: dict[str, str] = {}
    notes: list[str] = []
    for key_id, keys in raw.items():
        if key_id not in known:
            notes.append(f"settings.json keymap: no binding has the id {key_id!r}")
        elif not isinstance(keys, str) or not keys.strip():
            notes.append(f'settings.json keymap: {key_id!r} needs keys such as "ctrl+f"')
        else:
            keymap[key_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    return keymap, notes


def apply_keymap(app: Any) -> None:
    """Apply the settings file's keymap to ``app``, telling the user about entries left out."""
    from tui.settings import FILENAME, config_dir

    keymap, notes = read_keymap(config_dir() / FILENAME)
    if keymap:
        app.set_keymap(keymap)
    for note in notes:
        app.notify(note, title="Keys", severity="warning", markup=False)


def table_rows(ids: Iterable[str]) -> list[str]:
    """Markdown rows ``| id | keys | what |`` for the README's keys table."""
    by_id = {b.id: b for b in bindings()}
    rows = []
    for key_id in ids:
        b = by_id[key_id]
        rows.append(f"| `{key_id}` | `{b.key}` | {b.description} |")
    return rows
