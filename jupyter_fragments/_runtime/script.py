"""App scripts: compiling a cell's source as IPython does, Streamlit's "magic" writes,
and the frontend's id of the cell being executed.
"""

from __future__ import annotations

import ast
import linecache
from typing import Any


def cell_id(shell: Any) -> str | None:
    """The frontend's id of the cell being executed (JupyterLab, Notebook 7, VS Code)."""
    kernel = getattr(shell, "kernel", None)
    parent: dict[str, Any] = {}
    if kernel is not None and hasattr(kernel, "get_parent"):
        try:
            parent = kernel.get_parent("shell") or {}
        except TypeError:
            parent = kernel.get_parent() or {}
    metadata = parent.get("metadata") or {}
    value = metadata.get("cellId")
    return str(value) if value else None


class _MagicWrites(ast.NodeTransformer):
    """Streamlit's "magic": a bare expression on its own line at top level is written.

    Calls are left alone (``st.button("x")`` on its own line must not write ``False``).
    The compiled script calls the public package's ``_magic_write`` by name at run time.
    """

    def visit_Module(self, node: ast.Module) -> ast.Module:
        body: list[ast.stmt] = []
        for i, stmt in enumerate(node.body):
            if (
                isinstance(stmt, ast.Expr)
                and not isinstance(stmt.value, (ast.Call, ast.Await, ast.Yield, ast.YieldFrom))
                and not (
                    i == 0
                    and isinstance(stmt.value, ast.Constant)
                    and isinstance(stmt.value.value, str)
                )
            ):
                call = ast.Call(
                    func=ast.Attribute(
                        value=ast.Call(
                            func=ast.Name(id="__import__", ctx=ast.Load()),
                            args=[ast.Constant("jupyter_fragments")],
                            keywords=[],
                        ),
                        attr="_magic_write",
                        ctx=ast.Load(),
                    ),
                    args=[stmt.value],
                    keywords=[],
                )
                stmt = ast.copy_location(ast.Expr(value=call), stmt)
            body.append(stmt)
        node.body = body
        return ast.fix_missing_locations(node)


def compile_script(shell: Any, source: str, filename: str | None = None) -> Any:
    """Compile an app script as IPython compiles cells (tracebacks show its lines).

    A script read from a file keeps its ``filename`` (tracebacks show the file's lines).
    """
    if filename is not None:
        transformed = source
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    else:
        transformed = shell.transform_cell(source) if shell is not None else source
        filename = (
            shell.compile.cache(transformed, getattr(shell, "execution_count", 0))
            if shell is not None
            else "<app>"
        )
    tree = ast.parse(transformed, filename=filename)
    tree = _MagicWrites().visit(tree)
    # the script's own future imports (and the notebook's, as IPython gives cells), never
    # this module's `from __future__ import annotations`
    flags = getattr(getattr(shell, "compile", None), "flags", 0) if shell is not None else 0
    return compile(tree, filename, "exec", flags=int(flags), dont_inherit=True)
