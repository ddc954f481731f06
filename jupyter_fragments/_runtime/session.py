"""The kernel's one session: its apps, session state, settings and shared services.

The session is found from the IPython shell (one attribute lookup); there is no other
module-level state. It knows its apps only as `LiveApp`; the apps are made by
`jupyter_fragments._runtime.api`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from IPython.core.interactiveshell import InteractiveShell

from jupyter_fragments._output.capture import Capture
from jupyter_fragments._output.figures import flush_figures
from jupyter_fragments._runtime.binding import StateBinding
from jupyter_fragments._runtime.config import Fragments
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.inbox import Inbox
from jupyter_fragments._runtime.mainthread import MainThread
from jupyter_fragments._runtime.protocols import LiveApp
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._runtime.sink import CaptureSink
from jupyter_fragments._runtime.timers import TimerManager
from jupyter_fragments._state.session_state import state_of
from jupyter_fragments._widgets.guard import Guard
from jupyter_fragments.errors import FragmentsAPIError, NoAppError

_ATTRIBUTE = "_jupyter_fragments_session"


class Session:
    """Everything jupyter-fragments keeps for one kernel."""

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.config = Fragments(config=getattr(shell, "config", None))
        self.apps: dict[str, Any] = {}  # key -> App (a LiveApp)
        self.ctx: RunContext | None = None  # the run in progress (per thread: `threaded`)
        # the thread of each parallel fragment running now -> its own run context
        self.threads: dict[int, RunContext] = {}
        self.applying = False
        self.state = state_of(shell) if shell is not None else state_of(None)
        self.binding = StateBinding(self)
        self.state.listener = self.binding
        self.sink = CaptureSink(lambda: self.ctx)
        self.capture = Capture(
            shell, self.sink.stream, self.sink.display, self.sink.clear, self.threads
        )
        self.listeners: list[Callable[[], None]] = []
        self.inbox = Inbox()
        self.main = MainThread()
        self.guard = Guard()
        self.timers = TimerManager(lambda: float(self.config.min_run_every), self.notify)
        self.cache_clearers: list[Callable[[], None]] = []
        self.hooks: Any = None  # the kernel hooks (see _runtime.hooks), made with the first app
        self.apps_made = 0  # numbers app ids
        self.unnamed = 0  # numbers the keys of apps that have neither a cell id nor a name

    def threaded(self) -> None:
        """Parallel fragments are about to run: ``ctx`` becomes per thread until they end.

        ``ctx`` is read by every element call; a plain attribute is the fast path, so the
        per-thread lookup is in place only while a thread is registered in `threads`.
        """
        self.__class__ = ThreadedSession

    # ----------------------------------------------------------------------- apps
    def live_apps(self) -> list[LiveApp]:
        return list(self.apps.values())

    def stop_all(self) -> None:
        """Stop every app and timer of this kernel and close all their widgets."""
        apps = self.live_apps()
        self.apps.clear()
        for app in apps:
            app.close()
        self.notify()

    def find_app(self, model_id: str | None) -> Any:
        """The app that shows ``model_id`` (its root, a scope or an input), if any."""
        for app in self.live_apps():
            if model_id is None or app.owns(model_id):
                return app
        return None

    def notify(self) -> None:
        """Tell listeners (the control comm) that apps or timers changed."""
        for listener in list(self.listeners):
            try:
                listener()
            except Exception:  # noqa: BLE001 - a broken frontend must not break runs
                pass

    def flush_figures(self) -> None:
        """Show matplotlib figures a run created but did not show (inline backend)."""
        flush_figures()

    def stop_timers(self, app: Any) -> None:
        """Stop the ``run_every`` timers of ``app`` (until its next full run)."""
        self.timers.stop_app(app)

    def clear_caches(self) -> None:
        """Clear ``st.cache_data`` (the caches register their clear functions here)."""
        for clear in list(self.cache_clearers):
            clear()

    # -------------------------------------------------------------- watched keys
    def trigger_watchers(self, key: str, source: Scope | None = None) -> None:
        """Rerun every fragment that watches ``key`` (not the one writing it)."""
        ctx = self.ctx
        writer = source if source is not None else (ctx.scope if ctx else None)
        if ctx is not None and ctx.later is not None:
            # a parallel fragment's write: the main thread asks once the fragments are joined
            ctx.later.append(lambda: self.trigger_watchers(key, writer))
            return
        for app in self.live_apps():
            for scope in list(app.fragments.values()):
                if key in scope.watch and scope.alive and scope is not writer:
                    app.watch_triggered(scope, key)

    def find_fragments(self, keys: list[str], prefer: Any = None) -> list[tuple[Any, Scope]]:
        """Every call site of the fragments named ``keys`` (``prefer``'s app first), with
        its app; an unknown key is an error that names it."""
        apps: list[LiveApp] = [prefer] if prefer is not None else []
        apps += [a for a in reversed(self.live_apps()) if a is not prefer]
        found: list[tuple[Any, Scope]] = []
        for key in keys:
            for app in apps:
                scopes = app.keyed.get(key)
                if scopes:
                    found += [(app, scope) for scope in scopes if (app, scope) not in found]
                    break
            else:
                known = sorted({k for app in self.live_apps() for k in app.keyed})
                listed = ", ".join(repr(k) for k in known) or "none"
                raise FragmentsAPIError(
                    f"st.rerun() got scope {key!r}, but no fragment has key {key!r}. Known keys: "
                    f"{listed}. Fix: pass 'app', 'fragment', or the key= of a fragment that "
                    "the app has drawn."
                )
        return found


class ThreadedSession(Session):
    """A session while parallel fragments run: a fragment's thread sees its own context."""

    @property
    def ctx(self) -> RunContext | None:
        """The run in progress: a parallel fragment's own on its thread, else the kernel's."""
        threads = self.threads
        if threads:
            found = threads.get(threading.get_ident())
            if found is not None:
                return found
        elif MainThread.is_current():  # the last one has ended: back to the fast path
            object.__setattr__(self, "__class__", Session)
        ctx: RunContext | None = self.__dict__["ctx"]
        return ctx

    @ctx.setter
    def ctx(self, ctx: RunContext | None) -> None:
        self.__dict__["ctx"] = ctx


def get_session(shell: Any = None, *, create: bool = True) -> Session:
    """The session of ``shell`` (default: the running IPython), created on first use."""
    if shell is None:
        # what IPython's get_ipython() returns, without its checks (a hot path)
        shell = getattr(InteractiveShell, "_instance", None)
    if shell is None:
        raise NoAppError(
            "jupyter-fragments needs an IPython kernel. "
            "Fix: use it in a Jupyter notebook or an IPython session."
        )
    session = getattr(shell, _ATTRIBUTE, None)
    if session is None:
        if not create:
            raise NoAppError("jupyter-fragments is not loaded in this kernel.")
        session = Session(shell)
        setattr(shell, _ATTRIBUTE, session)
    return session


def current_context() -> RunContext | None:
    """The run in progress in this kernel, if any."""
    shell = getattr(InteractiveShell, "_instance", None)
    session = getattr(shell, _ATTRIBUTE, None) if shell is not None else None
    return session.ctx if session is not None else None


def guard_log() -> list[str]:
    """What the frontend-value guard of this kernel's session has logged (diagnosis)."""
    return list(get_session().guard.logged)
