"""Per-request accounting: the iopub messages whose parent is one request the harness sent."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .mirror import WidgetMirror
from .results import CellResult, ErrorInfo, Interaction

_OUTPUT_TYPES = {"stream", "display_data", "execute_result", "error"}


def message_bytes(msg: dict[str, Any]) -> int:
    """Approximate wire size: the JSON length of the content plus binary buffers."""
    size = len(json.dumps(msg.get("content", {}), default=str))
    return size + sum(memoryview(buf).nbytes for buf in msg.get("buffers") or [])


def _as_output(kind: str, content: dict[str, Any]) -> dict[str, Any]:
    if kind == "stream":
        return {"output_type": kind, "name": content["name"], "text": content["text"]}
    if kind == "error":
        keys = ("ename", "evalue", "traceback")
        return {"output_type": kind, **{k: content.get(k) for k in keys}}
    out = {"output_type": kind, "data": content["data"], "metadata": content.get("metadata", {})}
    if kind == "execute_result":
        out["execution_count"] = content.get("execution_count")
    return out


@dataclass
class Tally:
    """Mutable counts for one request, frozen into a result once its idle arrives."""

    msg_id: str
    messages: int = 0
    bytes: int = 0
    comm_opens: int = 0
    comm_closes: int = 0
    updated: set[str] = field(default_factory=set)
    outputs_updates: int = 0
    error: ErrorInfo | None = None
    outputs: list[dict[str, Any]] = field(default_factory=list)
    execution_count: int | None = None
    idle: bool = False
    _clear_on_next: bool = False

    def add(self, msg: dict[str, Any], mirror: WidgetMirror) -> None:
        """Count one non-status iopub message (already applied to ``mirror``)."""
        kind = msg["header"]["msg_type"]
        content = msg["content"]
        self.messages += 1
        self.bytes += message_bytes(msg)
        if kind == "comm_open":
            self.comm_opens += 1
        elif kind == "comm_close":
            self.comm_closes += 1
        elif kind == "comm_msg":
            data = content.get("data", {})
            model = mirror.get(content.get("comm_id", ""))
            if model is not None and data.get("method") in ("update", "echo_update"):
                self.updated.add(model.model_id)
                if model.kind == "Output" and "outputs" in data.get("state", {}):
                    self.outputs_updates += 1
        elif kind == "execute_input":
            self.execution_count = content.get("execution_count")
        elif kind == "clear_output":
            if content.get("wait"):
                self._clear_on_next = True
            else:
                self.outputs.clear()
        if kind in _OUTPUT_TYPES:
            if self._clear_on_next:
                self.outputs.clear()
                self._clear_on_next = False
            self.outputs.append(_as_output(kind, content))
            if kind == "error" and self.error is None:
                self.error = ErrorInfo.from_content(content)

    def _stats(self) -> dict[str, Any]:
        return {
            "msg_id": self.msg_id,
            "messages": self.messages,
            "bytes": self.bytes,
            "comm_opens": self.comm_opens,
            "comm_closes": self.comm_closes,
            "updated_models": frozenset(self.updated),
            "outputs_updates": self.outputs_updates,
            "error": self.error,
        }

    def interaction(self) -> Interaction:
        """Freeze into an :class:`Interaction`."""
        return Interaction(**self._stats())

    def cell_result(self, error: ErrorInfo | None = None) -> CellResult:
        """Freeze into a :class:`CellResult` (``error`` from the reply if iopub had none)."""
        stats = self._stats()
        stats["error"] = self.error or error
        return CellResult(**stats, outputs=list(self.outputs), execution_count=self.execution_count)
