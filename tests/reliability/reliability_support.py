"""Helpers shared by the reliability tests: reading kernel state the harness does not expose."""

from __future__ import annotations

from typing import Any

from jupyter_fragments.testing import KernelSession

STATE = "__import__('jupyter_fragments').session_state"


def state(session: KernelSession, key: str, default: Any = None) -> Any:
    """``st.session_state.get(key, default)`` as the kernel holds it."""
    return session.eval(f"{STATE}.get({key!r}, {default!r})")


def send_raw(session: KernelSession, comm_id: str, data: Any) -> str:
    """Send a ``comm_msg`` as a broken or hostile frontend could (no checks); its msg id."""
    return session._send("comm_msg", {"comm_id": comm_id, "data": data}, {})


def send_content(session: KernelSession, content: dict[str, Any]) -> str:
    """Send a ``comm_msg`` with an arbitrary content (fields may be missing)."""
    return session._send("comm_msg", content, {})


def kernel_alive(session: KernelSession) -> bool:
    """The kernel still answers."""
    return bool(session.eval("1 + 1") == 2)


def live_comms(session: KernelSession) -> int:
    """Comms open in the kernel (ipykernel's comm manager)."""
    return int(session.eval("len(__import__('comm').get_comm_manager().comms)"))


def interrupt(session: KernelSession) -> None:
    """Interrupt the kernel as JupyterLab's stop button does (SIGINT for python3)."""
    assert session.manager is not None, "needs a kernel the session started"
    session.manager.interrupt_kernel()
