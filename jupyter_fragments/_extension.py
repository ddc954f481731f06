"""Loading and unloading the IPython extension: the one owner of every registered hook.

Every registration made on load is undone on unload, so ``%reload_ext`` leaves exactly
one set of hooks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jupyter_fragments._runtime.session import get_session

_HOOKS = "_jupyter_fragments_hooks"


def load(shell: Any) -> None:
    """Register the ``%%app`` magic, the settings and the control comm."""
    if getattr(shell, _HOOKS, None):
        unload(shell)
    session = get_session(shell)
    undo: list[Callable[[], None]] = []

    from jupyter_fragments import _magics

    magics = _magics.register(shell)
    undo.append(lambda: _magics.unregister(shell, magics))

    configurables = getattr(shell, "configurables", None)
    if configurables is not None and session.config not in configurables:
        configurables.append(session.config)
        undo.append(lambda: configurables.remove(session.config))

    from jupyter_fragments._control import ControlChannel

    control = ControlChannel(session)
    if control.register():
        undo.append(control.unregister)

    kernel = getattr(shell, "kernel", None)
    if kernel is not None and session.inbox.install(kernel):
        undo.append(session.inbox.uninstall)

    setattr(shell, _HOOKS, undo)


def unload(shell: Any) -> None:
    """Stop every app and timer, close their widgets, and undo every registration."""
    session = get_session(shell)
    session.stop_all()
    for action in reversed(getattr(shell, _HOOKS, None) or []):
        action()
    setattr(shell, _HOOKS, [])


def hook_count(shell: Any) -> int:
    """How many registrations are live (one set after any number of reloads)."""
    return len(getattr(shell, _HOOKS, None) or [])
