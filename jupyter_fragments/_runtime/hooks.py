"""The kernel hooks the runtime needs while anything uses it: the inbox (newest event
wins) and the control comm target. Held by leases, so they are installed once and
removed when the last holder lets go.

The extension holds one lease while it is loaded; each live app holds one, so an app
started with ``st.app`` without ``%load_ext`` leaves nothing behind when it closes.
"""

from __future__ import annotations

from collections.abc import Callable

from jupyter_fragments._runtime.control import ControlChannel
from jupyter_fragments._runtime.session import Session


class KernelHooks:
    """The leases on one session's kernel hooks, and the hooks themselves."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.leases = 0
        self._undo: list[Callable[[], None]] = []

    def acquire(self) -> Callable[[], None]:
        """Take a lease (installing the hooks on the first); returns its release."""
        if self.leases == 0:
            self._install()
        self.leases += 1
        released = False

        def release() -> None:
            nonlocal released
            if released:
                return
            released = True
            self.leases -= 1
            if self.leases == 0:
                self._uninstall()

        return release

    def _install(self) -> None:
        session = self.session
        session.main.remember()
        kernel = getattr(session.shell, "kernel", None)
        if kernel is not None and session.inbox.install(kernel):
            self._undo.append(session.inbox.uninstall)
        control = ControlChannel(session)
        if control.register():
            self._undo.append(control.unregister)

    def _uninstall(self) -> None:
        undo, self._undo = self._undo, []
        for action in reversed(undo):
            action()


def kernel_hooks(session: Session) -> KernelHooks:
    """The session's hooks (made on first use)."""
    hooks = session.hooks
    if not isinstance(hooks, KernelHooks):
        hooks = KernelHooks(session)
        session.hooks = hooks
    return hooks
