"""Streamlit script files run unchanged in a cell: ``st.run_file("app.py")`` (and the
``%app_file`` magic), with Streamlit's ``pages/`` folder of a multipage app.
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

from jupyter_fragments._elements.navigation import Page, show_pages
from jupyter_fragments._elements.scripts import STREAMLIT_MODULES
from jupyter_fragments._runtime.app import App
from jupyter_fragments._runtime.files import ScriptFile, run_file_app

_NUMBER = re.compile(r"^([0-9]*)")


def run_file(
    path: str | os.PathLike[str], *, name: str | None = None, strict: bool | None = None
) -> App:
    """Run a Streamlit script file as an app in this cell, without changing the file.

    In the file, ``import streamlit as st`` (and ``streamlit.components.v1``,
    ``streamlit.errors``, ``streamlit.testing.v1``) give this package, while ``import
    streamlit`` keeps its meaning everywhere else in the kernel. Each run starts from a
    fresh namespace with ``__name__ == "__main__"``, as ``streamlit run`` does; the file is
    read again when it changed, and running the cell again replaces the app. Modules next
    to the file that it imports get the same imports. A ``pages/`` folder beside a script
    that does not call ``st.navigation`` makes a multipage app, as in Streamlit: the script
    is the first page, then ``pages/*.py`` in Streamlit's order. ``%app_file app.py`` does
    the same.

    Parameters
    ----------
    path : str or path
        The script, relative to the working directory.
    name : str, optional
        A name for the app (replaces an app of that name); default: the file's name.
    strict : bool, optional
        Fail the cell when the app raises (default: ``Fragments.strict``).

    Returns
    -------
    App
        The running app.

    Examples
    --------
    >>> dashboard = st.run_file("streamlit_app.py")  # doctest: +SKIP
    """
    pages = _pages_folder(Path(path).resolve())
    run = None if not pages else lambda script: _multipage(script, pages)
    return run_file_app(path, STREAMLIT_MODULES, name=name, strict=strict, run=run)


def _calls_navigation(path: Path) -> bool:
    """Whether the script calls ``st.navigation`` (then its ``pages/`` folder is ignored)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return False
    return any(
        isinstance(node, ast.Call)
        and getattr(node.func, "attr", getattr(node.func, "id", None)) == "navigation"
        for node in ast.walk(tree)
    )


def _pages_folder(main: Path) -> list[Path]:
    """The ``pages/*.py`` beside ``main``, in Streamlit's order (leading number, then name)."""
    folder = main.parent / "pages"
    if not folder.is_dir() or _calls_navigation(main):
        return []

    def order(path: Path) -> tuple[float, str]:
        number = _NUMBER.match(path.name)
        digits = number.group(1) if number else ""
        return (float(digits) if digits else float("inf"), path.stem.lower())

    return sorted((p for p in folder.glob("*.py") if not p.name.startswith(".")), key=order)


def _multipage(script: ScriptFile, pages: list[Path]) -> None:
    """One run of a script with a ``pages/`` folder: the menu, then the page shown."""
    base = script.path.parent
    every = [Page(script.path, default=True, _base=base), *(Page(p, _base=base) for p in pages)]
    show_pages(every, position="sidebar", expanded=False, base=base).run()
