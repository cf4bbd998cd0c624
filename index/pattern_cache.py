"""Regular expressions compiled once per machine, not once per process.

The recognizer's patterns (dates, quantities, titles: long alternations of words) took 0.14-0.16 s
of CPU to compile in every process that analyses an article: a third of a one-file
``newsdesk index`` (target 0.5 s), and the same again in every build worker. ``re`` parses a
pattern and turns it into a list of integer codes for its C engine (``_sre.compile``); that list
depends only on the pattern, its flags and the Python build. It is kept here, in the user's
private cache folder (``patterns-<key>.marshal``, keyed by the Python build and ``_sre.MAGIC``),
and a later process hands it straight to ``_sre.compile``, which checks the codes again.

Anything unexpected (another Python, a damaged or foreign file, a pattern the cache does not hold)
falls back to ``re.compile``: the cache only ever costs speed. New patterns are written when the
process exits (once; a write that fails is forgotten).
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import threading
from pathlib import Path
from typing import Any, AnyStr

try:  # CPython's regular-expression engine (not on every Python)
    import _sre
except ImportError:  # pragma: no cover - other interpreters
    _sre = None

_Key = tuple[Any, int]
_Args = tuple[Any, ...]

_lock = threading.Lock()
_table: dict[_Key, _Args] | None = None  # what the cache file holds, loaded on first use
_added: dict[_Key, _Args] = {}  # compiled here, to be written at exit
_folder: list[Path | None] = []  # the cache folder, once named (None: no cache)


def compiled(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, from the codes a former process kept when it can."""
    flags = int(flags)
    if _sre is None or not isinstance(pattern, (str, bytes)) or not _usable():
        return re.compile(pattern, flags)
    key = (pattern, flags)
    args = _codes().get(key)
    if args is not None:
        try:
            compiled: re.Pattern[AnyStr] = _sre.compile(*args)
        except Exception:  # codes this engine refuses: compiled as usual
            pass
        else:
            if compiled.pattern == pattern:
                return compiled
    compiled, args = _compile_keeping(pattern, flags)
    if args is not None:
        with _lock:
            if not _added:
                atexit.register(save)
            _added[key] = args
    return compiled


def _usable() -> bool:
    """Whether this Python compiles as the cache expects (``re._compiler`` calls ``_sre.compile``
    with the pattern first: CPython 3.11 to 3.13)."""
    return sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)


def _compile_keeping(pattern: AnyStr, flags: int) -> tuple[re.Pattern[AnyStr], _Args | None]:
    """Compile ``pattern`` as ``re`` does, and catch the arguments its compiler hands
    ``_sre.compile`` (the codes to keep)."""
    from re import _compiler  # type: ignore[attr-defined]

    caught: list[_Args] = []
    real = _sre.compile

    def keep(*args: Any) -> Any:
        if args and args[0] is pattern:
            caught.append(args)
        return real(*args)

    with _lock:
        _sre.compile = keep
        try:
            compiled: re.Pattern[AnyStr] = _compiler.compile(pattern, flags)
        finally:
            _sre.compile = real
    if len(caught) != 1:
        return compiled, None
    args = tuple(_plain(a) for a in caught[0])
    try:
        marshal.dumps(args)
    except ValueError:  # something marshal cannot write: not kept
        return compiled, None
    return compiled, args


def _plain(value: Any) -> Any:
    """``value`` with plain ints, lists and dicts (the codes' operators are ``int`` subclasses,
    which ``marshal`` does not write)."""
    if isinstance(value, int):
        return int(value)
    if isinstance(value, list):
        return [int(v) if isinstance(v, int) else v for v in value]
    if isinstance(value, dict):
        return dict(value)
    return value


def _codes() -> dict[_Key, _Args]:
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = _read()
    return _table


def _read() -> dict[_Key, _Args]:
    path = _path()
    if path is None:
        return {}
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == _build()):
        return {}
    table = data[1]
    return table if isinstance(table, dict) else {}


def save() -> None:
    """Write the patterns compiled in this process beside those the cache holds (at exit)."""
    with _lock:
        if not _added:
            return
        table = {**(_table or {}), **_added}
        _added.clear()
    path = _path()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((_build(), table)))
        os.replace(tmp, path)
    except (OSError, ValueError):
        pass  # a read-only cache only costs speed


def _build() -> str:
    """What the codes depend on besides the pattern: the Python build and its engine."""
    return f"{sys.version} {sys.implementation.cache_tag} {getattr(_sre, 'MAGIC', '')}"


def _path() -> Path | None:
    if not _folder:
        _folder.append(_cache_folder())
    folder = _folder[0]
    if folder is None:
        return None
    # The file names the build's bytecode tag and engine; the whole build is checked inside.
    return folder / f"patterns-{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}.marshal"


def _cache_folder() -> Path | None:
    """The user's cache folder for newsdesk, as ``platformdirs.user_cache_path("newsdesk")``
    names it (the gazetteer's). On Linux its rule is read here: importing ``platformdirs`` costs
    25-45 ms, more than a command-line search saves by the cache."""
    override = os.environ.get("NEWSDESK_PATTERN_CACHE")
    if override is not None:
        return Path(override) if override else None  # empty: no cache
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_CACHE_HOME", "").strip() or os.path.expanduser("~/.cache")
        return Path(base) / "newsdesk"
    try:
        import platformdirs

        return Path(platformdirs.user_cache_path("newsdesk"))
    except Exception:
        return None
