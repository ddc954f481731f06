"""Streamlit scripts without any change: ``st.run_file("app.py")`` runs a Streamlit ``.py``
file as an app, and the names its imports get (``import streamlit as st`` and Streamlit's
public modules give this package's, for that file's code only).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jupyter_fragments._elements import connection, streamlit_errors
from jupyter_fragments._runtime.app import App
from jupyter_fragments._runtime.files import ModuleTarget, ScriptFile, run_file_app, script_file

#: Streamlit's public modules, and what a script run here gets for each.
STREAMLIT_MODULES: dict[str, ModuleTarget] = {
    "streamlit": "jupyter_fragments",
    "streamlit.components.v1": "jupyter_fragments.components.v1",
    "streamlit.connections": connection,
    "streamlit.errors": streamlit_errors,
    "streamlit.testing.v1": "jupyter_fragments.testing",
}


def run_file(
    path: str | os.PathLike[str], *, name: str | None = None, strict: bool | None = None
) -> App:
    """Run a Streamlit script file as an app in this cell, without changing the file.

    In the file, ``import streamlit as st`` (and ``streamlit.components.v1``,
    ``streamlit.errors``, ``streamlit.testing.v1``) give this package, while ``import
    streamlit`` keeps its meaning everywhere else in the kernel. Each run starts from a
    fresh namespace with ``__name__ == "__main__"``, as ``streamlit run`` does; the file is
    read again when it changed, and running the cell again replaces the app. Modules next
    to the file that it imports get the same imports. ``%app_file app.py`` does the same.

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
    >>> st.run_file("streamlit_app.py")  # doctest: +SKIP
    """
    return run_file_app(path, STREAMLIT_MODULES, name=name, strict=strict)


def page_script(path: Path, cache: dict[Path, Any]) -> ScriptFile:
    """The page file at ``path`` (kept in ``cache``, so its folder's modules load once)."""
    found = cache.get(path)
    if not isinstance(found, ScriptFile):
        found = cache[path] = script_file(path, STREAMLIT_MODULES)
    return found
