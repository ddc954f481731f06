"""The package's module graph read from its source: every import, wherever it is written.

Reads files only (nothing is imported), so the tests need no kernel and see imports
inside functions and under ``TYPE_CHECKING`` as well as top-level ones.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "jupyter_fragments"
#: Built output of the JupyterLab extension: not Python source of the package.
SKIPPED = ("labextension",)


@dataclass
class Module:
    """One module of the package: its dotted name, file and parsed source."""

    name: str
    path: Path
    tree: ast.Module
    is_package: bool

    @property
    def relative(self) -> str:
        return self.path.relative_to(ROOT).as_posix()


@dataclass
class ImportGraph:
    """Edges between the package's modules, each with where its first import is written."""

    modules: dict[str, Module]
    edges: dict[str, dict[str, int]] = field(default_factory=dict)

    def where(self, importer: str, imported: str) -> str:
        return f"{self.modules[importer].relative}:{self.edges[importer][imported]}"


def package_modules(root: Path = ROOT, package: str = PACKAGE) -> dict[str, Module]:
    """Every ``.py`` file of the package, by dotted module name (``__init__`` as the package)."""
    modules = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if any(part in SKIPPED for part in parts[1:-1]):
            continue
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        modules[name] = Module(name, path, tree, is_package)
    return modules


def _has_code(module: Module) -> bool:
    """Whether running the module does anything beyond a docstring and ``__future__``."""
    for index, node in enumerate(module.tree.body):
        is_docstring = (
            index == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        )
        is_future = isinstance(node, ast.ImportFrom) and node.module == "__future__"
        if not (is_docstring or is_future):
            return True
    return False


def _base(module: Module, node: ast.ImportFrom) -> str | None:
    """The absolute package or module a ``from ... import`` reads from."""
    if node.level == 0:
        return node.module
    package = module.name if module.is_package else module.name.rpartition(".")[0]
    parts = package.split(".")
    if node.level - 1 >= len(parts):
        return None
    parts = parts[: len(parts) - (node.level - 1)]
    return ".".join(parts + ([node.module] if node.module else []))


def _imported_names(module: Module, known: dict[str, Module]) -> list[tuple[str, int]]:
    """The modules one module names in its import statements, with their line numbers."""
    found: list[tuple[str, int]] = []
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _base(module, node)
            if base is None:
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append((candidate if candidate in known else base, node.lineno))
    return found


def build_graph(root: Path = ROOT, package: str = PACKAGE) -> ImportGraph:
    """The package's import graph, counting every import statement anywhere in a module.

    ``from pkg import name`` imports the module ``pkg.name`` when there is one, else
    ``pkg``. Importing ``a.b.c`` also runs the ``__init__`` of each package above it
    (``a.b``, ``a``); such a package counts as imported too, but only when its
    ``__init__`` has code beyond a docstring (an empty one cannot take part in a cycle)
    and only when it does not contain the importer (a module's own packages are being
    imported already when it runs: that is nesting, not a dependency). Imports of
    other distributions and dynamic imports (``importlib``, ``__import__``) are not
    counted.
    """
    modules = package_modules(root, package)
    graph = ImportGraph(modules)
    for module in modules.values():
        edges = graph.edges.setdefault(module.name, {})
        for name, line in _imported_names(module, modules):
            targets = [name] if name in modules else []
            parts = name.split(".")
            for depth in range(1, len(parts)):
                ancestor = ".".join(parts[:depth])
                contains_importer = module.name == ancestor or module.name.startswith(
                    ancestor + "."
                )
                if ancestor in modules and not contains_importer and _has_code(modules[ancestor]):
                    targets.append(ancestor)
            for target in targets:
                if target != module.name:
                    edges.setdefault(target, line)
    return graph


def find_cycle(graph: ImportGraph) -> list[str] | None:
    """One cycle of the graph as ``[a, b, ..., a]``, or None (depth-first, sorted order)."""
    done: set[str] = set()
    for start in sorted(graph.edges):
        if start in done:
            continue
        path = [start]
        on_path = {start}
        stack = [iter(sorted(graph.edges[start]))]
        while stack:
            following = next(stack[-1], None)
            if following is None:
                stack.pop()
                done.add(path[-1])
                on_path.discard(path.pop())
                continue
            if following in on_path:
                return [*path[path.index(following) :], following]
            if following not in done:
                path.append(following)
                on_path.add(following)
                stack.append(iter(sorted(graph.edges.get(following, {}))))
    return None
