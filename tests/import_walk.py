"""Which modules a Python source imports, at any depth: shared by the engine's hygiene test and the
UI's door test."""

from __future__ import annotations

import ast


def imported_modules(source: str, expand: str = "") -> list[str]:
    """Every module ``source`` imports: ``import a.b``, ``from a.b import c`` (as ``a.b``), in
    functions and under ``TYPE_CHECKING`` too, and ``import_module("x")`` / ``__import__("x")``
    with a literal name. ``from <expand> import name`` is read as ``<expand>.name`` (``from index
    import search`` reaches ``index.search``)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if expand and node.module == expand:
                names.extend(f"{expand}.{a.name}" for a in node.names)
            else:
                names.append(node.module)
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in ("import_module", "__import__")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.append(str(node.args[0].value))
    return names
