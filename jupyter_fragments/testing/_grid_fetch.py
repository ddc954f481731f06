"""The rows a browser asks for when it shows a streamed grid, asked for by the harness.

A ``StreamingDataGrid`` sends no rows until its page asks (``data-request``); a browser
asks for its viewport when the grid opens and again after its row count, sorts or data
change. The harness asks for the first :data:`VIEW_ROWS` rows of every such grid on the
part of the page whose text is read. Its requests and the kernel's replies are its own:
no interaction counts them and the mirror's counters do not see them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ._grid_cells import VIEW_ROWS, body_columns, is_streaming
from .mirror import WidgetMirror, WidgetModel

__all__ = ["GridFetcher", "stale_grids"]

Send = Callable[[str, dict[str, Any], dict[str, Any], bool], str]
"""``send(msg_type, content, metadata, track)``: put a shell message on the wire, return its id."""
WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"


def _shown(mirror: WidgetMirror, model_id: str) -> Iterator[WidgetModel]:
    """Every live model drawn inside ``model_id`` (outputs' widget views, children)."""
    stack, seen = [model_id], set()
    while stack:
        current = stack.pop()
        model = mirror.get(current)
        if model is None or model.closed or current in seen:
            continue
        seen.add(current)
        yield model
        for out in model.state.get("outputs", []) if model.kind == "Output" else []:
            view = out.get("data", {}).get(WIDGET_VIEW_MIME) if isinstance(out, dict) else None
            if isinstance(view, dict) and "model_id" in view:
                stack.append(str(view["model_id"]))
        stack.extend(model.refs("children"))


def stale_grids(mirror: WidgetMirror, model_id: str) -> list[WidgetModel]:
    """The streamed grids drawn inside ``model_id`` whose rows a browser would ask for."""
    return [
        m
        for m in _shown(mirror, model_id)
        if m.grid is not None and m.grid.stale and is_streaming(m.state)
    ]


class GridFetcher:
    """The harness's own ``data-request`` messages and the kernel's answers to them.

    Parameters
    ----------
    send : callable
        Sends a shell message (untracked: no interaction is made of it).
    mirror : WidgetMirror
        Where the rows received are kept (on the grid's model, ``model.grid``).
    """

    def __init__(self, send: Send, mirror: WidgetMirror) -> None:
        self._send = send
        self._mirror = mirror
        self._ours: set[str] = set()
        self._waiting: dict[str, str] = {}  # request msg_id -> grid model id

    def ask(self, model: WidgetModel) -> str | None:
        """Ask for the rows a browser's first viewport shows; the request's id, or None
        when the grid has no row or no column (its page asks for nothing)."""
        assert model.grid is not None
        model.grid.stale = False  # a change after this request makes it stale again
        rows = min(int(model.state.get("_row_count") or 0), VIEW_ROWS)
        columns = len(body_columns(model.state)[1])
        if rows <= 0 or columns <= 0:
            model.grid.rows = {}
            return None
        request = {"type": "data-request", "r1": 0, "r2": rows - 1, "c1": 0, "c2": columns - 1}
        data = {"method": "custom", "content": request}
        msg_id = self._send("comm_msg", {"comm_id": model.model_id, "data": data}, {}, False)
        self._ours.add(msg_id)
        self._waiting[msg_id] = model.model_id
        return msg_id

    def answered(self, msg_id: str) -> bool:
        """Whether the kernel has answered (or finished handling) the request."""
        return msg_id not in self._waiting

    def owns(self, msg: dict[str, Any]) -> bool:
        """Whether the iopub ``msg`` answers one of the harness's row requests (kept).

        Its status messages and its ``data-reply`` are the harness's own: neither an
        interaction nor the mirror's counters see them.
        """
        parent = msg.get("parent_header", {}).get("msg_id", "")
        if parent not in self._ours:
            return False
        kind = msg["header"]["msg_type"]
        content = msg["content"]
        if kind == "status":
            if content.get("execution_state") == "idle":
                self._waiting.pop(parent, None)
            return True
        data = content.get("data", {}) if kind == "comm_msg" else {}
        reply = data.get("content") if data.get("method") == "custom" else None
        if not isinstance(reply, dict) or reply.get("event_type") != "data-reply":
            return False  # anything else the kernel did is shown as usual
        model = self._mirror.get(content.get("comm_id", ""))
        if model is not None and model.grid is not None:
            model.grid.take_reply(reply, msg.get("buffers") or [], fresh=True)
        self._waiting.pop(parent, None)
        return True
