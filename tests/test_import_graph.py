"""The stages depend one way: no import cycle among the modules of checker/.

Imports are read with `ast` from every module, wherever they are written (at the top, inside a
function, under `if TYPE_CHECKING:`): a late import hides a cycle from Python, not from a reader.
Importing `checker.a.b` runs `checker/a/__init__.py` as well, so it counts as importing the
package `checker.a` too (except from inside that package).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

from helpers import REPO

PACKAGE = REPO / "checker"


def module_names() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(REPO).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _absolute(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The absolute name of a relative import (`from . import x` in checker.a.b)."""
    base = module.split(".")
    if not is_package:
        base.pop()
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([name] if name else []))


def imports_of(module: str, path: Path, known: set[str]) -> set[str]:
    """The modules of checker/ that `module` imports, anywhere in its source."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = _absolute(module, path.name == "__init__.py", node.level, node.module)
            targets.add(base)
            targets.update(f"{base}.{alias.name}" for alias in node.names)  # submodules imported by name
    found: set[str] = set()
    for target in targets:
        parts = target.split(".")
        for cut in range(1, len(parts) + 1):  # the target and the packages it runs the __init__ of
            name = ".".join(parts[:cut])
            inside = module == name or module.startswith(name + ".")
            if name in known and name != module and not inside:
                found.add(name)
    return found


def import_graph() -> nx.DiGraph:
    names = module_names()
    graph = nx.DiGraph()
    graph.add_nodes_from(names)
    for module, path in names.items():
        for target in imports_of(module, path, set(names)):
            graph.add_edge(module, target)
    return graph


def test_no_import_cycles_in_checker() -> None:
    graph = import_graph()
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert not cycles, "import cycles (each list is a set of modules importing each other): " + "; ".join(
        " <-> ".join(c) for c in sorted(cycles))


def test_the_graph_sees_late_and_type_only_imports(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from checker.models import Claim\n"
        "def f():\n    from checker.ingest.view import TextView\n    import checker.store.db\n",
        encoding="utf-8")
    known = set(module_names())
    assert imports_of("checker.x", source, known) == {
        "checker.models", "checker.ingest", "checker.ingest.view", "checker.store", "checker.store.db"}
