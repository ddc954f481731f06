"""How the kernel-wide parts of the runtime see an app, and how an app's helpers see the
kernel: structural types that keep the modules of `_runtime` one-way.

`App` satisfies `LiveApp`; `Session` satisfies `Host`. Modules below them type against
these and never import them.
"""

from __future__ import annotations

from typing import Any, Protocol

from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._state.session_state import SessionState
from jupyter_fragments._widgets.registry import WidgetRegistry


class LiveApp(Protocol):
    """What the kernel's session uses of each of its apps."""

    key: str
    closed: bool
    root: Scope
    widgets: WidgetRegistry[Scope]

    @property
    def fragments(self) -> dict[str, Scope]: ...

    @property
    def keyed(self) -> dict[str, list[Scope]]: ...

    def owns(self, model_id: str) -> bool: ...

    def request(self, scope: Scope) -> None: ...

    def watch_triggered(self, scope: Scope, key: str) -> None: ...

    def close(self) -> None: ...


class Host(Protocol):
    """What the session's helpers (state binding, watchers) use of the session."""

    ctx: RunContext | None
    applying: bool
    state: SessionState
    apps: dict[str, Any]

    def trigger_watchers(self, key: str, source: Scope | None = None) -> None: ...
