"""Stand-ins for modules a library imports but never calls here, in place while it imports.

Whoosh imports ``urllib.request`` (for a download helper it never calls), ``cached_property`` (which
imports ``asyncio``) and its English word-variation tables: ~90 ms of CPU, a fifth of a command-line
search (``index.store.whoosh_compat.load_whoosh`` lists them). :func:`standing_in` puts a stand-in
module in ``sys.modules`` for each while the library imports, holding only the names the library
takes from it, then removes it: a later ``import`` of that module loads the real one.

A stand-in never changes what a program sees: any other name read from it (by another thread that
imported the module during that moment, say) loads the real module and comes from there (dunder names aside), and each
function it holds loads the real module and calls the real function.
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import types
from collections.abc import Callable, Iterator, Mapping
from typing import Any


class StandIn(types.ModuleType):
    """A module standing in for the real one: its own names, then the real module's (not its
    dunder names: the import system asks a module for ``__path__`` and the like, and must not load
    the real one by asking)."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(real_module(self.__name__), name)


def real_module(name: str) -> types.ModuleType:
    """The real module ``name``, imported now if only a stand-in was there."""
    if isinstance(sys.modules.get(name), StandIn):
        del sys.modules[name]
    return importlib.import_module(name)


def deferred(module: str, name: str) -> Callable[..., Any]:
    """A function that imports ``module`` when first called and calls its ``name``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(real_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"``{module}.{name}``, imported when first called."
    return call


@contextlib.contextmanager
def standing_in(modules: Mapping[str, Mapping[str, Any]]) -> Iterator[list[str]]:
    """Stand-ins for ``modules`` (module name -> the names it gives) while the block imports.

    A module already imported (or being imported) keeps its real self. A stand-in for a submodule
    is also set on its parent package when that is loaded, as an import would, and left there
    afterwards (it delegates; the real import replaces it). Yields the names stood in for.
    """
    placed: dict[str, StandIn] = {}
    for name, names in modules.items():
        if name in sys.modules:
            continue
        stand_in = StandIn(name)
        stand_in.__dict__.update(names)
        sys.modules[name] = placed[name] = stand_in
        parent, _, child = name.rpartition(".")
        if parent in sys.modules and not hasattr(sys.modules[parent], child):
            setattr(sys.modules[parent], child, stand_in)
    try:
        yield list(placed)
    finally:
        for name, stand_in in placed.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
