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


def fetch_rows(
    session: KernelSession, grid: str, r1: int, r2: int, columns: int
) -> dict[str, list[Any]]:
    """Ask for rows ``r1``-``r2`` as the page does when it scrolls; the cells it gets.

    Watches the kernel's ``data-reply`` to the grid (the harness's mirror does not keep
    custom messages) and decodes its columns as ipydatagrid's frontend does.
    """
    import numpy as np

    replies: list[tuple[dict[str, Any], list[Any]]] = []
    mirror = session.mirror
    apply = mirror.apply

    def watch(msg: Any) -> bool:
        data = msg.get("content", {}).get("data", {})
        if msg.get("content", {}).get("comm_id") == grid and data.get("method") == "custom":
            if data["content"].get("event_type") == "data-reply":
                replies.append((data["content"], list(msg.get("buffers") or [])))
        return apply(msg)

    mirror.apply = watch  # type: ignore[method-assign]
    try:
        request = {"type": "data-request", "r1": r1, "r2": r2, "c1": 0, "c2": columns - 1}
        session.wait_idle(session.send_custom(grid, request))
    finally:
        del mirror.apply
    assert replies, "the kernel sent no rows"
    reply, buffers = replies[-1]
    cells: dict[str, list[Any]] = {}
    for name, column in reply["value"]["data"].items():
        if isinstance(column, list):
            cells[name] = column
        elif column.get("type") == "raw":
            cells[name] = list(column["value"])
        else:
            raw = buffers[column["value"]]
            cells[name] = np.frombuffer(raw, dtype=column["dtype"]).tolist()
    return cells
