"""Test notebooks and apps through a real Jupyter kernel, as a frontend and a user would.

The harness starts (or attaches to) a kernel with ``jupyter_client``, mirrors the
ipywidgets models from the comm messages as JupyterLab does, and lets a test click,
set values, type, select, wait, and read what a person would see.

Examples
--------
>>> from jupyter_fragments.testing import KernelSession
>>> with KernelSession.start() as session:  # doctest: +SKIP
...     session.run_cell("%load_ext jupyter_fragments")
...     session.run_cell("%%app\\nimport jupyter_fragments as st\\nst.button('Go')")
...     session.app().button("Go").click()

With pytest, the ``app_session`` fixture gives a reset, shared kernel per test.
Streamlit users' tests run with ``AppTest``, Streamlit's test API, in a shared kernel.
"""

from __future__ import annotations

from .app import AppHandle, ScopeHandle, WidgetHandle
from .apptest import AppTest
from .mirror import WidgetMirror, WidgetModel
from .render import render_text
from .results import (
    CellError,
    CellResult,
    ErrorInfo,
    HarnessError,
    HarnessTimeout,
    Interaction,
    MessageStats,
    strip_ansi,
)
from .session import KernelSession

__all__ = [
    "AppHandle",
    "AppTest",
    "CellError",
    "CellResult",
    "ErrorInfo",
    "HarnessError",
    "HarnessTimeout",
    "Interaction",
    "KernelSession",
    "MessageStats",
    "ScopeHandle",
    "WidgetHandle",
    "WidgetMirror",
    "WidgetModel",
    "render_text",
    "strip_ansi",
]
