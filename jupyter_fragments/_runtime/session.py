"""The kernel's one session: its apps, session state, settings and output capture.

The session is found from the IPython shell (one attribute lookup); there is no other
module-level state.
"""

from __future__ import annotations

import asyncio
import itertools
import sys
import threading
from typing import TYPE_CHECKING, Any

from IPython.core.interactiveshell import InteractiveShell

from jupyter_fragments._config import Fragments
from jupyter_fragments._output.bundles import stream_output
from jupyter_fragments._output.capture import Capture
from jupyter_fragments._page.blocks import StaticElement
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.guard import Guard
from jupyter_fragments._runtime.inbox import Inbox
from jupyter_fragments._runtime.timers import TimerManager
from jupyter_fragments._state.session_state import SessionState
from jupyter_fragments.errors import FragmentsAPIError, NoAppError

if TYPE_CHECKING:
    from collections.abc import Callable

    from jupyter_fragments._runtime.app import App
    from jupyter_fragments._runtime.scope import Scope
    from jupyter_fragments._widgets.registry import WidgetRecord

_ATTRIBUTE = "_jupyter_fragments_session"


class Session:
    """Everything jupyter-fragments keeps for one kernel."""

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.config = Fragments(config=getattr(shell, "config", None))
        self.state = SessionState()
        self.state.listener = self
        self.apps: dict[str, App] = {}
        self.ctx: RunContext | None = None
        self.applying = False
        self.capture = Capture(shell, self._emit_stream, self._emit_display, self._clear_output)
        self._unnamed = itertools.count(1)
        self.listeners: list[Callable[[], None]] = []
        self.inbox = Inbox()
        self.main_loop: asyncio.AbstractEventLoop | None = None
        self.remember_main_loop()
        self.guard = Guard()
        self.timers = TimerManager(lambda: float(self.config.min_run_every), self.notify)
        self.cache_clearers: list[Callable[[], None]] = []

    # ------------------------------------------------------------------- threads
    def remember_main_loop(self) -> None:
        """Note the kernel's main event loop (runs happen there, and only there)."""
        if threading.current_thread() is not threading.main_thread():
            return
        try:
            self.main_loop = asyncio.get_running_loop()
        except RuntimeError:
            self.main_loop = asyncio.get_event_loop_policy().get_event_loop()

    def defer_to_main(self, callback: Callable[[], None]) -> bool:
        """Off the main thread, schedule ``callback`` on the main loop and return True.

        Frontends may send comm messages to a kernel subshell (JupyterLab 4.6 can), whose
        handlers run in another thread; apps only ever run on the main thread.
        """
        if threading.current_thread() is threading.main_thread() or self.main_loop is None:
            return False
        self.main_loop.call_soon_threadsafe(callback)
        return True

    # ----------------------------------------------------------------------- apps
    def create_app(
        self,
        script: Callable[[], Any],
        *,
        key: str | None = None,
        name: str | None = None,
        strict: bool | None = None,
    ) -> App:
        """Make an app; one with the same key (cell id or name) is replaced."""
        from jupyter_fragments._runtime.app import App

        if self.ctx is not None:
            raise FragmentsAPIError(
                "An app cannot be created while another app runs. "
                "Fix: create apps from notebook cells, not from inside an app."
            )
        self.remember_main_loop()
        if not self.inbox.installed and getattr(self.shell, "kernel", None) is not None:
            self.inbox.install(self.shell.kernel)
        if key is None:
            key = f"unnamed-{next(self._unnamed)}"
        old = self.apps.pop(key, None)
        if old is not None:
            old.close()
        app = App(
            self,
            script,
            key=key,
            name=name or key,
            strict=self.config.strict if strict is None else strict,
        )
        self.apps[key] = app
        self.notify()
        return app

    def stop_all(self) -> None:
        """Stop every app and timer of this kernel and close all their widgets."""
        apps = list(self.apps.values())
        self.apps.clear()
        for app in apps:
            app.close()
        self.notify()

    def find_app(self, model_id: str | None) -> App | None:
        """The app that shows ``model_id`` (its root, a scope or an input), if any."""
        for app in self.apps.values():
            if model_id is None:
                return app
            if app.root.output.model_id == model_id or app.widgets.by_model(model_id):
                return app
            if any(s.output.model_id == model_id for s in app.fragments.values()):
                return app
        return None

    def notify(self) -> None:
        """Tell listeners (the control comm) that apps or timers changed."""
        for listener in list(self.listeners):
            try:
                listener()
            except Exception:  # noqa: BLE001 - a broken frontend must not break runs
                pass

    # -------------------------------------------------------------- timers (hook)
    def timers_changed(self, app: App, scope: Scope, run_every: float | None) -> None:
        """A fragment was called with ``run_every`` (None: its timer stops)."""
        scope.run_every = run_every
        self.timers.set(app, scope, run_every)

    def stop_timers(self, app: App) -> None:
        """Stop the ``run_every`` timers of ``app`` (until its next full run)."""
        self.timers.stop_app(app)

    def clear_caches(self) -> None:
        """Clear ``st.cache_data`` (the caches register their clear functions here)."""
        for clear in list(self.cache_clearers):
            clear()

    # ------------------------------------------------------------------- capture
    def _capture_element(self, ctx: RunContext) -> StaticElement:
        block = ctx.block
        element = block.last_capture(ctx.serial)
        if element is None:
            element = StaticElement([], capture=True, serial=ctx.serial)
            block.add(element)
        return element

    def _emit_stream(self, name: str, text: str) -> None:
        ctx = self.ctx
        if ctx is None:
            stream = sys.__stdout__ if name == "stdout" else sys.__stderr__
            if stream is not None:
                stream.write(text)
            return
        element = self._capture_element(ctx)
        outputs = element.outputs
        if outputs and outputs[-1].get("output_type") == "stream" and outputs[-1]["name"] == name:
            outputs[-1] = stream_output(name, outputs[-1]["text"] + text)
        else:
            outputs.append(stream_output(name, text))
        ctx.app.page.mark(element)
        ctx.app.after_element(ctx)

    def _emit_display(self, output: dict[str, Any], update: bool, display_id: str | None) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        element = self._capture_element(ctx)
        if update and display_id is not None:
            for i, existing in enumerate(element.outputs):
                if existing.get("transient", {}).get("display_id") == display_id:
                    element.outputs[i] = output
                    break
        else:
            element.outputs.append(output)
        ctx.app.page.mark(element)
        ctx.app.after_element(ctx)

    def _clear_output(self, wait: bool) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        element = ctx.block.last_capture(ctx.serial)
        if element is not None:
            element.outputs.clear()
            ctx.app.page.mark(element)

    def flush_figures(self) -> None:
        """Show matplotlib figures a run created but did not show (inline backend)."""
        backend = sys.modules.get("matplotlib_inline.backend_inline")
        if backend is None:
            return
        try:
            import matplotlib

            if "inline" not in str(matplotlib.get_backend()):
                return
            backend.flush_figures()
        except Exception:  # noqa: BLE001 - best effort, like IPython's own hook
            pass

    # ----------------------------------------------------- session state listener
    def _record_for_key(self, key: str) -> WidgetRecord | None:
        for app in self.apps.values():
            record = app.widgets.by_key(key)
            if record is not None:
                return record
        return None

    def check_assign(self, key: str) -> None:
        """Streamlit's rule: a widget's key cannot be set after the widget was drawn."""
        ctx = self.ctx
        if ctx is None or self.applying:
            return
        record = ctx.app.widgets.by_key(key)
        if record is not None and record.serial == ctx.serial:
            raise FragmentsAPIError(
                f"st.session_state[{key!r}] cannot be modified after the widget with key "
                f"{key!r} was created in this run. Fix: set it before the widget is created, "
                "or in the widget's on_change callback."
            )

    def state_assigned(self, key: str, value: Any, changed: bool) -> None:
        """User code set a key: watching fragments rerun; outside runs, a widget follows."""
        if changed and not self.applying:
            self.trigger_watchers(key)
        if self.ctx is not None or self.applying:
            return
        record = self._record_for_key(key)
        if record is None or not record.alive:
            return
        app = record.scope.app
        coerced = record.kind.coerce(record.params, value)
        self.applying = True
        try:
            record.kind.write(record.widget, record.params, coerced)
        finally:
            self.applying = False
        record.value = coerced
        self.state.sync_from_widget(key, coerced)
        app.request(record.scope)

    def state_deleted(self, key: str) -> None:
        return None

    def trigger_watchers(self, key: str, source: Scope | None = None) -> None:
        """Rerun every fragment that watches ``key`` (not the one writing it)."""
        writer = source if source is not None else (self.ctx.scope if self.ctx else None)
        for app in list(self.apps.values()):
            for scope in list(app.fragments.values()):
                if key in scope.watch and scope.alive and scope is not writer:
                    app.watch_triggered(scope, key)

    def find_fragment(self, key: str, prefer: App | None = None) -> tuple[App, Scope]:
        """The fragment called with ``key=`` (in ``prefer``'s app first)."""
        apps = [prefer] if prefer is not None else []
        apps += [a for a in reversed(list(self.apps.values())) if a is not prefer]
        for app in apps:
            scope = app.keyed.get(key)
            if scope is not None and scope.alive:
                return app, scope
        known = sorted({k for app in self.apps.values() for k in app.keyed})
        listed = ", ".join(repr(k) for k in known) or "none"
        raise FragmentsAPIError(
            f"st.rerun(scope={key!r}): no fragment has key {key!r}. Known fragment keys: "
            f"{listed}. Fix: pass 'app', 'fragment', or the key= of a fragment that the "
            "app has drawn."
        )

    def forget_key(self, record: WidgetRecord) -> None:
        """A keyed widget is gone: its value leaves session state, as in Streamlit."""
        if record.key is not None and self._record_for_key(record.key) is None:
            self.state.drop(record.key)


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
    return session  # type: ignore[no-any-return]


def current_context() -> RunContext | None:
    """The run in progress in this kernel, if any."""
    shell = getattr(InteractiveShell, "_instance", None)
    session = getattr(shell, _ATTRIBUTE, None) if shell is not None else None
    return session.ctx if session is not None else None
