"""The control comm: how the JupyterLab extension asks the kernel for status and actions.

Target ``jupyter_fragments.control``; messages are ``{"action": ...}`` and every reply
is a status snapshot (see docs/architecture.md).
"""

from __future__ import annotations

from typing import Any

from jupyter_fragments._runtime.session import Session
from jupyter_fragments._runtime.snapshot import snapshot

TARGET = "jupyter_fragments.control"


class ControlChannel:
    """Open control comms of one kernel, and the actions they may request."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.comms: list[Any] = []
        self._manager: Any = None

    def register(self) -> bool:
        kernel = getattr(self.session.shell, "kernel", None)
        manager = getattr(kernel, "comm_manager", None)
        if manager is None:
            return False
        manager.register_target(TARGET, self._open)
        self._manager = manager
        self.session.listeners.append(self.push)
        return True

    def unregister(self) -> None:
        if self._manager is not None:
            targets = getattr(self._manager, "targets", {})
            if targets.get(TARGET) == self._open:
                self._manager.unregister_target(TARGET, self._open)
            self._manager = None
        if self.push in self.session.listeners:
            self.session.listeners.remove(self.push)
        for comm in list(self.comms):
            try:
                comm.close()
            except Exception:  # noqa: BLE001 - the frontend may be gone already
                pass
        self.comms.clear()

    def _open(self, comm: Any, msg: dict[str, Any]) -> None:
        self.comms.append(comm)
        comm.on_msg(lambda message: self._on_msg(comm, message))
        comm.on_close(lambda _msg: self.comms.remove(comm) if comm in self.comms else None)
        comm.send(self.status())

    def status(self) -> dict[str, Any]:
        return {
            "action": "status",
            "stale_delay": self.session.config.stale_delay,
            **snapshot(self.session),
        }

    def push(self) -> None:
        if not self.comms:
            return
        status = self.status()
        for comm in list(self.comms):
            try:
                comm.send(status)
            except Exception:  # noqa: BLE001 - a closed comm is dropped
                self.comms.remove(comm)

    def _on_msg(self, comm: Any, msg: dict[str, Any]) -> None:
        if self.session.main.defer(lambda: self._on_msg(comm, msg)):
            return
        data = (msg.get("content") or {}).get("data") or {}
        action = data.get("action") if isinstance(data, dict) else None
        model_id = data.get("model_id") if isinstance(data, dict) else None
        if not isinstance(model_id, str):
            model_id = None
        apps = list(self.session.apps.values())
        if model_id is not None:
            found = self.session.find_app(model_id)
            apps = [found] if found is not None else []
        if action == "rerun":
            for app in apps:
                app.request(app.root)
        elif action == "stop_timers":
            for app in apps:
                self.session.stop_timers(app)
        elif action == "clear_cache":
            self.session.clear_caches()
        comm.send(self.status())
