"""Rooms of a readable size: no module over 500 lines, class over 300, function over 80."""

from __future__ import annotations

import ast

from architecture_support import package_modules

MODULE_LINES = 500
CLASS_LINES = 300
FUNCTION_LINES = 80


def _span(node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return (node.end_lineno or node.lineno) - first + 1


def oversized() -> list[str]:
    """Every module, class and function over its limit, as ``path:line what: N lines``."""
    found = []
    for module in package_modules().values():
        lines = len(module.path.read_text(encoding="utf-8").splitlines())
        if lines > MODULE_LINES:
            found.append(f"{module.relative}: module, {lines} lines (limit {MODULE_LINES})")
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ClassDef):
                kind, limit = "class", CLASS_LINES
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                kind, limit = "function", FUNCTION_LINES
            else:
                continue
            span = _span(node)
            if span > limit:
                where = f"{module.relative}:{node.lineno}"
                found.append(f"{where}: {kind} {node.name}, {span} lines (limit {limit})")
    return sorted(found)


def test_sizes() -> None:
    found = oversized()
    assert not found, (
        f"{len(found)} over the size limits:\n  "
        + "\n  ".join(found)
        + "\nFix: split by concept (a module per family, a class per job, a helper per step)."
    )
