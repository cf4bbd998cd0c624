"""User settings (the chosen theme) kept in a small JSON file.

The file lives in ``platformdirs.user_config_dir("newsdesk")``; the environment variable
``NEWSDESK_CONFIG_DIR`` moves it (tests point it at a temporary folder).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

ENV_VAR = "NEWSDESK_CONFIG_DIR"
FILENAME = "settings.json"


def config_dir() -> Path:
    """The folder holding ``settings.json``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("newsdesk"))


@dataclass
class Settings:
    """What newsdesk remembers between runs."""

    theme: str = "textual-dark"

    @classmethod
    def load(cls) -> Settings:
        """Read the settings, falling back to defaults on a missing or broken file."""
        try:
            data = json.loads((config_dir() / FILENAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        theme = data.get("theme")
        return cls(theme=theme if isinstance(theme, str) and theme else cls.theme)

    def save(self) -> None:
        """Write the settings atomically; failures are silent (settings are a convenience)."""
        folder = config_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Keys this class does not hold (the user's "keymap", settings of a later version) are
            # the user's: kept as they are, only ours replaced.
            try:
                kept = json.loads((folder / FILENAME).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                kept = {}
            data = {**(kept if isinstance(kept, dict) else {}), **asdict(self)}
            tmp = folder / f"{FILENAME}.{os.getpid()}.tmp"
            tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
            os.replace(tmp, folder / FILENAME)
        except OSError:
            pass
