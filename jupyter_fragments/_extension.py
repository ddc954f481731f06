"""Loading and unloading the IPython extension: the one owner of every registration it
makes.

Every registration made on load is undone on unload, so ``%reload_ext`` leaves exactly
one set of hooks: the ``%%app`` magic, the ``Fragments`` settings, and a lease on the
kernel hooks (inbox and control comm target, see `_runtime.hooks`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jupyter_fragments import _magics
from jupyter_fragments._runtime.hooks import kernel_hooks
from jupyter_fragments._runtime.session import get_session

_HOOKS = "_jupyter_fragments_hooks"


def load(shell: Any) -> None:
    """Register the ``%%app`` magic, the settings and the kernel hooks."""
    if getattr(shell, _HOOKS, None):
        unload(shell)
    session = get_session(shell)
    undo: list[Callable[[], None]] = []
    magics = _magics.register(shell)
    undo.append(lambda: _magics.unregister(shell, magics))
    configurables = getattr(shell, "configurables", None)
    if configurables is not None and session.config not in configurables:
        configurables.append(session.config)
        undo.append(lambda: configurables.remove(session.config))
    undo.append(kernel_hooks(session).acquire())
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
