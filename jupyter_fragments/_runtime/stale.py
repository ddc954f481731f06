"""The stale mark: a scope that has been rerunning for ``stale_delay`` gets ``jf-running``.

A watcher thread sets the class, because the main thread may be inside one blocking
call of user code (a sleep, a query, a model fit) with no ``st.*`` call to notice the
time. A run that ends before the delay sends nothing for it.
"""

from __future__ import annotations

import contextvars
import threading
import time
from collections.abc import Callable, Iterable

from jupyter_fragments._runtime.scope import Scope

#: How long an idle watcher thread waits for the next run before it exits (seconds).
LINGER = 30.0


class StaleWatch:
    """Marks the running scope of one app as stale once it has run for the delay.

    Every class change of the scopes it marks happens under one lock, so a mark
    never lands after the end of the run that it marks (the end clears it, and
    iopub keeps the order in which the two were sent).
    """

    def __init__(self, delay: Callable[[], float], linger: float = LINGER) -> None:
        self._delay = delay
        self._linger = linger
        self._cond = threading.Condition(threading.Lock())
        self._scope: Scope | None = None  # the run being watched
        self._deadline = 0.0
        self._context: contextvars.Context | None = None
        self._thread: threading.Thread | None = None
        self._idle = False  # the thread waits for a run, not for a deadline

    def begin(self, scope: Scope) -> None:
        """A run of ``scope`` starts: mark it if it is still running after the delay."""
        with self._cond:
            self._scope = scope
            self._deadline = time.monotonic() + max(0.0, float(self._delay()))
            # The mark is sent in the run's context, so its parent header is the
            # message that caused the run (the kernel's get_parent reads a ContextVar).
            self._context = contextvars.copy_context()
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._watch, name="jupyter-fragments-stale", daemon=True
                )
                self._thread.start()
            elif self._idle:
                self._cond.notify()

    def end(self, scope: Scope, *, error: bool) -> None:
        """The run of ``scope`` ended and is drawn: clear its mark, show its error state."""
        with self._cond:
            if self._scope is scope:
                self._scope = None
            scope.set_state_classes(running=False, error=error)

    def pause(self) -> None:
        """The run stopped without ending (a rerun or a newer event replaced it).

        A mark already set stays: the scope has not redrawn yet.
        """
        with self._cond:
            self._scope = None

    def settle(self, scopes: Iterable[Scope]) -> None:
        """Clear the marks still set on ``scopes`` (runs given up for another target)."""
        with self._cond:
            for scope in scopes:
                if scope.running_marked:
                    scope.set_state_classes(running=False)

    def _watch(self) -> None:
        with self._cond:
            while True:
                scope = self._scope
                if scope is None:
                    self._idle = True
                    woken = self._cond.wait(self._linger)
                    self._idle = False
                    if not woken and self._scope is None:
                        self._thread = None
                        return
                    continue
                remaining = self._deadline - time.monotonic()
                if remaining > 0:
                    self._cond.wait(remaining)
                    continue
                self._scope = None
                context = self._context or contextvars.copy_context()
                try:
                    context.run(scope.set_state_classes, running=True)
                except Exception:  # noqa: BLE001 - a closed widget; the thread must live on
                    pass
