"""The ``%%app`` cell magic and the script compilation it shares with ``st.app``."""

from __future__ import annotations

import ast
from typing import Any

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring

from jupyter_fragments._runtime.session import get_session


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


def compile_script(shell: Any, source: str) -> Any:
    """Compile an app script as IPython compiles cells (tracebacks show its lines)."""
    transformed = shell.transform_cell(source) if shell is not None else source
    filename = (
        shell.compile.cache(transformed, getattr(shell, "execution_count", 0))
        if shell is not None
        else "<app>"
    )
    tree = ast.parse(transformed, filename=filename)
    tree = _MagicWrites().visit(tree)
    return compile(tree, filename, "exec")


@magics_class
class AppMagics(Magics):  # type: ignore[misc]
    """``%%app``: run the cell as an app script."""

    @magic_arguments()
    @argument(
        "name", nargs="?", default=None, help="Name of the app (replaces an app of that name)."
    )
    @argument(
        "--strict",
        dest="strict",
        action="store_const",
        const=True,
        default=None,
        help="Fail the cell when the app raises (the traceback still shows in the app).",
    )
    @argument(
        "--no-strict",
        dest="strict",
        action="store_const",
        const=False,
        help="Never fail the cell, whatever Fragments.strict says.",
    )
    @cell_magic
    def app(self, line: str, cell: str) -> None:
        """Run this cell as an app: top to bottom, rerun on every interaction.

        Usage: ``%%app [name] [--strict | --no-strict]``
        """
        try:
            args = parse_argstring(self.app, line)
        except UsageError as exc:
            raise UsageError(
                f"%%app {line.strip()}: {exc}. Fix: use %%app [name] [--strict | --no-strict]."
            ) from None
        from jupyter_fragments._runtime.api import run_script

        shell = self.shell
        code = compile_script(shell, cell)
        namespace = shell.user_ns if shell is not None else {}

        def script() -> None:
            exec(code, namespace)

        run_script(script, key=cell_id(shell) or args.name, name=args.name, strict=args.strict)


def register(shell: Any) -> AppMagics:
    magics = AppMagics(shell)
    shell.register_magics(magics)
    return magics


def unregister(shell: Any, magics: AppMagics) -> None:
    manager = shell.magics_manager
    for kind, names in magics.magics.items():
        table = manager.magics.get(kind, {})
        for name in names:
            table.pop(name, None)
    manager.registry.pop(type(magics).__name__, None)
    get_session(shell)
