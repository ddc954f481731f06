"""Helpers for the grid tests: find the grid model of an element, read a line of an app."""

from __future__ import annotations

from typing import Any

from jupyter_fragments.testing import KernelSession
from jupyter_fragments.testing.app import AppHandle


def grid_of(app: AppHandle, session: KernelSession, **find: Any) -> str:
    """The model id of the ipydatagrid model inside the grid element found by ``find``."""
    box = app.widget(**find)
    for child in session.mirror[box.model_id].refs("children"):
        if session.mirror[child].kind.endswith("DataGrid"):
            return child
    raise AssertionError(f"no grid in {box}")


def line(app: AppHandle, start: str) -> str:
    for text in app.text.splitlines():
        if text.startswith(start):
            return text
    raise AssertionError(f"no line starting {start!r} in\n{app.text}")


def row_rect(row: int, columns: int = 2) -> dict[str, int]:
    return {"r1": row, "c1": 0, "r2": row, "c2": columns - 1}
