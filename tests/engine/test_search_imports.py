"""The search package imports one way along the path a query takes: no module cycle inside it.

Every import counts, module level or inside a function (a lazy import only hides a cycle). Run this
file as a script to print every cycle in the engine: ``.venv/bin/python tests/engine/test_search_imports.py``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(package: str) -> dict[str, set[str]]:
    """Module -> the modules of ``package`` it imports (``from pkg import sub`` names ``pkg.sub``)."""
    files = sorted((ROOT / package.replace(".", "/")).rglob("*.py"))
    modules = {module_name(f): f for f in files}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                edges.update(a.name for a in node.names if a.name in modules)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    if sub in modules:
                        edges.add(sub)
                    elif node.module in modules:
                        edges.add(node.module)
        edges.discard(name)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_search_package_has_no_import_cycle() -> None:
    graph = import_graph("index.search")
    assert len(graph) >= 8, "the search package was not found"
    # The package's __init__ imports its modules to show its public face; they never import it.
    inner = {m: {e for e in edges if e != "index.search"} for m, edges in graph.items()}
    assert cycles(inner) == []


def test_the_checker_finds_a_lazy_cycle(tmp_path: Path) -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_facets_read_the_execution_they_are_given() -> None:
    # The sidebar counts the keystroke's own matches: facets depend on execute, never the reverse.
    graph = import_graph("index.search")
    assert "index.search.execute" in graph["index.search.facets"]
    assert "index.search.facets" not in graph["index.search.execute"]


if __name__ == "__main__":
    found = cycles(import_graph("index"))
    for group in found:
        print(" <-> ".join(group))
    print(f"{len(found)} cycle(s) in index/")
    sys.exit(1 if found else 0)
