"""What a Streamlit script's imports get here (``import streamlit as st`` and Streamlit's
public modules give this package's, for that file's code only), and the page files of a
multipage app, compiled once per app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jupyter_fragments._elements import connection, streamlit_errors
from jupyter_fragments._runtime.files import ModuleTarget, ScriptFile, script_file

#: Streamlit's public modules, and what a script run here gets for each.
STREAMLIT_MODULES: dict[str, ModuleTarget] = {
    "streamlit": "jupyter_fragments",
    "streamlit.components.v1": "jupyter_fragments.components.v1",
    "streamlit.connections": connection,
    "streamlit.errors": streamlit_errors,
    "streamlit.testing.v1": "jupyter_fragments.testing",
}


def page_script(path: Path, cache: dict[Path, Any]) -> ScriptFile:
    """The page file at ``path`` (kept in ``cache``, so its folder's modules load once)."""
    found = cache.get(path)
    if not isinstance(found, ScriptFile):
        found = cache[path] = script_file(path, STREAMLIT_MODULES)
    return found
