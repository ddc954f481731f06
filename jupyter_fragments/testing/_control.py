"""The harness's end of the control comm: the kernel's app snapshot through the public protocol.

One comm on target ``jupyter_fragments.control`` (docs/architecture.md, "The control
comm"), opened from the client side on first need, kept open, and opened again after a
kernel restart or ``%unload_ext``. It only ever asks for ``status``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from .results import HarnessError

__all__ = ["TARGET", "ControlClient"]

TARGET = "jupyter_fragments.control"
_STATUS = {"action": "status"}
#: Fields of a status message that describe the channel, not the apps.
_ENVELOPE = ("action", "stale_delay")

Send = Callable[[str, dict[str, Any], dict[str, Any], bool], str]
"""``send(msg_type, content, metadata, track)``: put a shell message on the wire, return its id."""
Settle = Callable[[str, Callable[[], bool]], None]
"""``settle(msg_id, answered)``: read iopub until ``answered()`` or the request's idle."""


class ControlClient:
    """A client-side control comm, as JupyterLab's extension opens one.

    Parameters
    ----------
    send : callable
        Sends a shell message (see :data:`Send`).
    settle : callable
        Processes iopub until the answer or the request's idle (see :data:`Settle`).

    Attributes
    ----------
    comm_id : str or None
        The open comm, or None before the first request and after the kernel closed it.
    """

    def __init__(self, send: Send, settle: Settle) -> None:
        self._send = send
        self._settle = settle
        self.comm_id: str | None = None
        self._ours: set[str] = set()
        self._asked: str | None = None
        self._reply: dict[str, Any] | None = None

    def owns(self, msg: dict[str, Any]) -> bool:
        """Whether the iopub ``msg`` belongs to this channel (noting what it says).

        The harness counts neither these messages nor their bytes: they are its own
        probe, not what the request did to the page.
        """
        kind = msg["header"]["msg_type"]
        content = msg["content"]
        if kind == "status":
            if content.get("execution_state") == "starting":
                self.comm_id = None  # a new kernel process knows none of our comms
            return False
        if kind not in ("comm_msg", "comm_close") or content.get("comm_id") not in self._ours:
            return False
        if kind == "comm_close":
            if content["comm_id"] == self.comm_id:
                self.comm_id = None
        elif self._asked is not None and msg["parent_header"].get("msg_id") == self._asked:
            data = content.get("data")
            if isinstance(data, dict) and data.get("action") == "status":
                self._reply = data
        return True

    def snapshot(self) -> dict[str, Any] | None:
        """The kernel's snapshot, or None when the kernel has no control target.

        One request while the comm is open; after a restart (no answer) the comm is
        opened again, and the kernel answers the open with its status.
        """
        if self.comm_id is not None:
            reply = self._ask("comm_msg", {"comm_id": self.comm_id, "data": _STATUS})
            if reply is not None:
                return _unwrap(reply)
            # Idle without an answer: a new kernel, or one that closed the comm unannounced.
            self.close()
        reply = self._open()
        return None if reply is None else _unwrap(reply)

    def close(self) -> None:
        """Close the comm (without waiting): the kernel stops pushing status to it."""
        if self.comm_id is not None:
            self._send("comm_close", {"comm_id": self.comm_id, "data": {}}, {}, False)
            self.comm_id = None

    def _open(self) -> dict[str, Any] | None:
        comm_id = uuid.uuid4().hex
        self._ours.add(comm_id)
        self.comm_id = comm_id
        content = {"comm_id": comm_id, "target_name": TARGET, "data": {}}
        reply = self._ask("comm_open", content)
        if self.comm_id != comm_id:
            return None  # the kernel answered with comm_close: the target is not registered
        if reply is None:
            reply = self._ask("comm_msg", {"comm_id": comm_id, "data": _STATUS})
        if reply is None:
            self.close()
            raise HarnessError(
                f"The kernel's {TARGET!r} comm opened but did not answer "
                '{"action": "status"}. Fix: use a jupyter-fragments version that '
                "speaks the control protocol of docs/architecture.md."
            )
        return reply

    def _ask(self, msg_type: str, content: dict[str, Any]) -> dict[str, Any] | None:
        """Send a request and read until the status reply, the comm's close, or idle.

        The reply may come without an idle: a kernel busy with an awaiting cell handles
        comm messages in between and publishes no status for them.
        """
        self._reply = None
        comm_id = content["comm_id"]
        self._asked = self._send(msg_type, content, {}, True)
        try:
            self._settle(self._asked, lambda: self._reply is not None or self.comm_id != comm_id)
        finally:
            self._asked = None
        return self._reply


def _unwrap(status: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in status.items() if key not in _ENVELOPE}
