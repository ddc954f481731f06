"""The ``%%app`` cell magic (the cell becomes an app script, see `_runtime.script`) and the
``%app_file`` line magic (a Streamlit script file runs as an app, see `_runtime.files`).
"""

from __future__ import annotations

from typing import Any

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, line_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring

from jupyter_fragments._elements.script_apps import run_file
from jupyter_fragments._runtime.api import run_script
from jupyter_fragments._runtime.script import cell_id, compile_script


@magics_class
class AppMagics(Magics):
    """``%%app``: run the cell as an app script; ``%app_file``: run a script file as an app."""

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
        shell = self.shell
        code = compile_script(shell, cell)
        namespace = shell.user_ns if shell is not None else {}

        def script() -> None:
            exec(code, namespace)

        run_script(script, key=cell_id(shell) or args.name, name=args.name, strict=args.strict)

    @magic_arguments()
    @argument("path", help="The Streamlit script file (relative to the working directory).")
    @argument(
        "name", nargs="?", default=None, help="Name of the app (replaces an app of that name)."
    )
    @argument("--strict", dest="strict", action="store_const", const=True, default=None,
              help="Fail the cell when the app raises.")  # fmt: skip
    @argument("--no-strict", dest="strict", action="store_const", const=False,
              help="Never fail the cell, whatever Fragments.strict says.")  # fmt: skip
    @line_magic
    def app_file(self, line: str) -> None:
        """Run a Streamlit script file as an app in this cell, the file unchanged.

        ``import streamlit as st`` in the file gives jupyter_fragments; running the cell
        again reads the file again and replaces the app.

        Usage: ``%app_file path/to/app.py [name] [--strict | --no-strict]``
        """
        try:
            args = parse_argstring(self.app_file, line)
        except UsageError as exc:
            raise UsageError(
                f"%app_file {line.strip()}: {exc}. Fix: use %app_file path/to/app.py [name] "
                "[--strict | --no-strict]."
            ) from None
        run_file(args.path.strip("'\""), name=args.name, strict=args.strict)


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
