"""No import cycle among the package's modules, counting every import wherever it is written."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from architecture_support import ImportGraph, build_graph, find_cycle, package_modules


def test_no_cycles() -> None:
    graph = build_graph()
    cycle = find_cycle(graph)
    if cycle is not None:
        steps = "\n".join(
            f"  {importer} -> {imported}  ({graph.where(importer, imported)})"
            for importer, imported in pairwise(cycle)
        )
        raise AssertionError(
            f"Import cycle ({len(cycle) - 1} modules):\n{steps}\n"
            "Fix: move the shared piece down a layer, or pass it in (a callback or a "
            "protocol) so that the lower module does not import the upper one."
        )


def _graph(edges: dict[str, list[str]]) -> ImportGraph:
    modules = package_modules()
    graph = ImportGraph(modules)
    graph.edges = {name: dict.fromkeys(targets, 1) for name, targets in edges.items()}
    return graph


def test_the_cycle_finder_names_one_cycle_in_order() -> None:
    assert find_cycle(_graph({"a": ["b"], "b": ["c"], "c": []})) is None
    assert find_cycle(_graph({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]})) == [
        "a",
        "b",
        "c",
        "a",
    ]
    assert find_cycle(_graph({"x": ["y", "z"], "y": [], "z": ["z2"], "z2": ["z"]})) == [
        "z",
        "z2",
        "z",
    ]


def test_function_level_relative_and_type_checking_imports_count(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text('"""Empty."""\nfrom __future__ import annotations\n')
    (package / "sub" / "__init__.py").write_text("from .low import VALUE\n")
    (package / "sub" / "low.py").write_text("VALUE = 1\n")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from pkg import b\n"
        "def f():\n    from .sub import low\n"
    )
    (package / "b.py").write_text("import pkg.a\n")
    graph = build_graph(tmp_path, "pkg")
    assert graph.edges["pkg.a"] == {"pkg.b": 3, "pkg.sub.low": 5, "pkg.sub": 5}
    assert graph.edges["pkg.b"] == {"pkg.a": 1}  # pkg's own __init__ has no code
    assert graph.edges["pkg.sub"] == {"pkg.sub.low": 1}  # its own package is nesting
    assert find_cycle(graph) == ["pkg.a", "pkg.b", "pkg.a"]
