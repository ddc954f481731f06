"""Seeing widget events that wait in ipykernel's queue, so the newest event can win.

This is the one module that touches ipykernel internals. In ipykernel 7 every shell
message reaches the main thread through an inproc ZMQ stream whose receive callback
turns it into a task that waits for the kernel's lock. Wrapping that callback shows
which comm messages are queued behind the run in progress; flushing the stream (which
hands the waiting messages to that callback, to be dispatched normally later) makes
them visible during a long run. Merely peeking at the socket would hang the kernel.

When the internals are not as expected, `Inbox.install` returns False and the runtime
falls back to plain queueing: every event is handled in turn.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import zmq


class Inbox:
    """Widget comm messages received by the kernel but not yet dispatched."""

    def __init__(self) -> None:
        # every message received and not yet fully dispatched: msg_id -> (order, comm_id);
        # comm_id is None for anything but a comm message
        self.queued: dict[str, tuple[int, str | None]] = {}
        self._order = 0  # messages seen so far (the newest's order)
        self._kernel: Any = None
        self._stream: Any = None
        self._original: Callable[..., Any] | None = None
        self._main = threading.main_thread().ident
        self.installed = False

    # ------------------------------------------------------------------ install
    def install(self, kernel: Any) -> bool:
        """Observe the kernel's main-thread shell stream; False if that is not possible."""
        if self.installed:
            return True
        try:
            manager = kernel.shell_channel_thread.manager
            stream = manager._shell_channel_to_main.to_stream
            original = stream._recv_callback
        except AttributeError:
            return False
        if stream is None or original is None:
            return False
        self._kernel = kernel
        self._stream = stream
        self._original = original
        stream.on_recv(self._on_recv, copy=False)
        self.installed = True
        return True

    def uninstall(self) -> None:
        """Give the stream its own callback back."""
        if self.installed and self._stream is not None and self._original is not None:
            if not self._stream.closed():
                self._stream.on_recv(self._original, copy=False)
        self.installed = False
        self._stream = None
        self._original = None
        self.queued.clear()

    # ---------------------------------------------------------------- receiving
    def _on_recv(self, frames: list[Any]) -> Any:
        msg_id = self._note(frames)
        assert self._original is not None
        result = self._original(frames)
        if msg_id is None:
            return result
        return self._track(msg_id, result)

    async def _track(self, msg_id: str, dispatch: Any) -> Any:
        try:
            return await dispatch
        finally:
            self.queued.pop(msg_id, None)

    def _note(self, frames: list[Any]) -> str | None:
        """Remember a message in arrival order, with its comm id for comm messages."""
        try:
            _, parts = self._kernel.session.feed_identities(frames, copy=False)
            header = json.loads(_bytes(parts[1]))
            msg_id = str(header["msg_id"])
            comm_id: str | None = None
            if header.get("msg_type") == "comm_msg":
                comm_id = str(json.loads(_bytes(parts[4])).get("comm_id"))
            self._order += 1
            self.queued[msg_id] = (self._order, comm_id)
            return msg_id
        except Exception:  # noqa: BLE001 - never break the kernel's own dispatch
            return None

    # ------------------------------------------------------------------ queries
    @property
    def arrivals(self) -> int:
        """How many messages have been seen so far: a change means something arrived."""
        return self._order

    def poll(self) -> None:
        """Hand waiting messages to the kernel's queue so `queued` sees them."""
        if not self.installed or self._stream is None:
            return
        if threading.get_ident() != self._main:
            return  # the stream belongs to the main thread's loop
        try:
            # what zmq_poll reads first, without a poller: flushing costs ~15 us even
            # when nothing waits, and this look is on every run's path
            if self._stream.socket.get(zmq.EVENTS) & zmq.POLLIN:
                self._stream.flush(zmq.POLLIN)
        except Exception:  # noqa: BLE001 - a closed stream at shutdown
            return

    def waiting_for(self, model_ids: Callable[[str], bool], *, poll: bool = True) -> bool:
        """Whether a comm message for one of these models arrived after the current one.

        The current message is the one whose handler is running; when it is not known
        (a timer's tick), every waiting message is newer.
        """
        if not self.installed:
            return False
        if poll:
            self.poll()
        if len(self.queued) < 2 and self.current_msg_id() in self.queued:
            return False
        current = self.queued.get(self.current_msg_id() or "")
        after = current[0] if current is not None else 0
        return any(
            order > after and comm_id is not None and model_ids(comm_id)
            for order, comm_id in self.queued.values()
        )

    def current_msg_id(self) -> str | None:
        try:
            parent = self._kernel.get_parent("shell")
        except Exception:  # noqa: BLE001 - older kernels take no channel argument
            parent = self._kernel.get_parent()
        header = (parent or {}).get("header") or {}
        msg_id = header.get("msg_id")
        return str(msg_id) if msg_id else None


def _bytes(frame: Any) -> bytes:
    return frame.bytes if hasattr(frame, "bytes") else bytes(frame)
