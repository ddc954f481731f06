"""An app: its page, its scopes and widgets, and the one place where its code runs.

Runs happen on the kernel's main thread, inside the handler of the message that caused
them (the ``%%app`` cell's execute request, or a widget's comm message), so the
kernel's idle for that message comes after the rerun is drawn.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from jupyter_fragments._output.bundles import error_output, markdown_output
from jupyter_fragments._page.blocks import Block, Page, ScopeElement, StaticElement
from jupyter_fragments._page.pool import ModelPool, close_widget
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._runtime.signals import RerunSignal, RunSignal, StopSignal
from jupyter_fragments._widgets.registry import WidgetRecord, WidgetRegistry
from jupyter_fragments.errors import FragmentsAPIError

if TYPE_CHECKING:
    from jupyter_fragments._runtime.fragment import FragmentFunction
    from jupyter_fragments._runtime.session import Session

_app_ids = itertools.count(1)


class App:
    """One app: a script, the page it draws, and its reruns."""

    def __init__(
        self,
        session: Session,
        script: Callable[[], Any],
        *,
        key: str,
        name: str,
        strict: bool,
    ) -> None:
        self.session = session
        self.script = script
        self.key = key
        self.name = name
        self.strict = strict
        self.id = f"app-{next(_app_ids)}"
        self.page = Page(ModelPool())
        self.closed = False
        self.serial = 0
        self.event_count = 0
        self.errors: list[BaseException] = []
        self.main_box = widgets.VBox(layout=widgets.Layout(flex="1 1 auto", min_width="0"))
        self.sidebar_box = widgets.VBox(
            layout=widgets.Layout(
                display="none", width="18em", flex="0 0 auto", padding="0 1em 0 0"
            ),
            _dom_classes=("jf-sidebar",),
        )
        self.frame = widgets.HBox(
            children=(self.sidebar_box, self.main_box), layout=widgets.Layout(width="100%")
        )
        self.root = Scope(
            self, "app", self.id, name, None, shown=self.frame, body_box=self.main_box
        )
        self.sidebar = Block(
            self.page, self.sidebar_box, self.root, on_change=self._sidebar_changed
        )
        self.widgets = WidgetRegistry(self)
        self.fragments: dict[str, Scope] = {}
        self.pending_full = False
        self.pending_fragments: dict[str, Scope] = {}
        self.running = False

    # ---------------------------------------------------------------------- events
    def on_widget_event(self, record: WidgetRecord, *, click: bool = False) -> None:
        """A frontend changed a widget: record the new value and rerun its scope."""
        if self.closed or not record.alive or self.session.ctx is not None:
            return  # a change made by the kernel itself while a run renders
        if self.session.applying:
            return
        self.event_count += 1
        if click:
            record.trigger = True
            record.trigger_event = self.event_count
        else:
            record.value = record.kind.read(record.widget, record.params)
            if record.key is not None:
                self.session.state.sync_from_widget(record.key, record.value)
        self.request(record.scope)

    def request(self, scope: Scope) -> None:
        """Ask for a rerun of ``scope`` (the app root for a full rerun) and run it now."""
        if self.closed:
            return
        if scope.kind == "app" or not scope.alive:
            self.pending_full = True
        else:
            self.pending_fragments[scope.id] = scope
        if not self.running:
            self.drain()

    def drain(self) -> None:
        """Run what is pending until nothing is; a full rerun absorbs fragment reruns."""
        self.running = True
        try:
            while not self.closed:
                if self.pending_full:
                    self.pending_full = False
                    self.pending_fragments.clear()
                    self._job(self.root)
                elif self.pending_fragments:
                    _, scope = next(iter(self.pending_fragments.items()))
                    del self.pending_fragments[scope.id]
                    for other in list(self.pending_fragments.values()):
                        if other.is_within(scope):
                            del self.pending_fragments[other.id]
                    if scope.alive:
                        self._job(scope)
                else:
                    break
        finally:
            self.running = False

    def start(self) -> None:
        """The first run of the app (from its cell)."""
        self.errors = []
        self.request(self.root)

    # ------------------------------------------------------------------------ runs
    def _job(self, scope: Scope) -> None:
        """Run ``scope`` until it ends without asking for another rerun."""
        job = scope
        limit = self.session.config.max_consecutive_reruns
        for _ in range(limit + 1):
            started_at_event = self.event_count
            try:
                self._run(job)
            except RerunSignal as signal:
                self._clear_triggers(started_at_event)
                target = signal.target
                job = target if isinstance(target, Scope) and target.alive else self.root
                continue
            self._clear_triggers(started_at_event)
            return
        error = FragmentsAPIError(
            f"st.rerun() restarted {job.name!r} {limit} times in a row. "
            "Fix: make the condition that calls st.rerun() become false, or raise "
            "Fragments.max_consecutive_reruns."
        )
        job.body.add(StaticElement([error_output(error)], serial=self.serial))
        self.page.flush()

    def _clear_triggers(self, up_to_event: int) -> None:
        for record in self.widgets:
            if record.trigger and record.trigger_event <= up_to_event:
                record.trigger = False

    def _run(self, job: Scope) -> None:
        session = self.session
        if session.ctx is not None:
            raise FragmentsAPIError(
                "An app was started or rerun while another app was running. "
                "Fix: do not start an app (or call st.app) from inside an app."
            )
        self.serial += 1
        ctx = RunContext(self, job, self.serial)
        if job.last_duration > session.config.slow_run:
            job.set_state_classes(running=True)
        job.runs += 1
        job.error = None
        job.seen_serial = ctx.serial
        if job is self.root:
            self.sidebar.begin()
        job.body.begin()
        signal: RerunSignal | None = None
        session.ctx = ctx
        try:
            with session.capture:
                try:
                    if job is self.root:
                        self.script()
                    else:
                        assert job.func is not None
                        job.func(*job.args, **job.kwargs)
                except RerunSignal as rerun:
                    signal = rerun
                except StopSignal:
                    pass
                except KeyboardInterrupt as exc:
                    self.show_error(job, exc, interrupted=True)
                except BaseException as exc:  # noqa: BLE001 - user code: show every error in place
                    self.show_error(job, exc)
                session.flush_figures()
        finally:
            session.ctx = None
            self.page.commit()
            if signal is None:
                self._sweep(job, ctx.serial)
                job.last_duration = time.monotonic() - ctx.started
                job.set_state_classes(running=False, error=job.error is not None)
                self.page.flush()
        if signal is not None:
            raise signal

    def _sweep(self, job: Scope, serial: int) -> None:
        """Close widgets and fragments of ``job`` that this run did not render."""
        for record in self.widgets.sweep(job, serial):
            if record.key is not None:
                self.session.forget_key(record)
        for fid, scope in list(self.fragments.items()):
            if scope is not job and scope.is_within(job) and scope.seen_serial != serial:
                del self.fragments[fid]
                self.session.timers_changed(self, scope, None)
                self.page.deferred.append(scope.close)

    def show_error(self, scope: Scope, exc: BaseException, *, interrupted: bool = False) -> None:
        """Show ``exc`` in place, at the end of what ``scope`` drew so far."""
        ctx = self.session.ctx
        serial = ctx.serial if ctx is not None else self.serial
        if interrupted:
            outputs = [markdown_output("**Run interrupted.** The next interaction reruns it.")]
        else:
            outputs = [error_output(exc, self.session.shell)]
        scope.body.add(StaticElement(outputs, serial=serial))
        scope.error = f"{type(exc).__name__}: {exc}"
        self.errors.append(exc)

    # ------------------------------------------------------------------- fragments
    def call_fragment(
        self, fragment: FragmentFunction, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Any:
        """A fragment function called during a run: draw it in its own scope."""
        ctx = self.session.ctx
        assert ctx is not None
        parent = ctx.scope
        ctx.fragment_calls[(parent.id, fragment.ident)] += 1
        count = ctx.fragment_calls[(parent.id, fragment.ident)]
        fid = f"{parent.id}/{fragment.ident}" + (f"#{count}" if count > 1 else "")
        scope = self.fragments.get(fid)
        if scope is None or not scope.alive:
            scope = Scope(self, "fragment", fid, fragment.name, parent)
            self.fragments[fid] = scope
        scope.func = fragment.func
        scope.args = args
        scope.kwargs = kwargs
        scope.seen_serial = ctx.serial
        ctx.block.add(ScopeElement(scope))
        self.session.timers_changed(self, scope, fragment.run_every)
        saved = ctx.scope, ctx.blocks
        ctx.scope, ctx.blocks = scope, [scope.body]
        scope.body.begin()
        scope.runs += 1
        scope.error = None
        started = time.monotonic()
        try:
            return fragment.func(*args, **kwargs)
        except (RunSignal, KeyboardInterrupt):
            raise
        except BaseException as exc:  # noqa: BLE001 - user code: show every error in place
            self.show_error(scope, exc)
            return None
        finally:
            ctx.scope, ctx.blocks = saved
            scope.last_duration = time.monotonic() - started
            scope.set_state_classes(error=scope.error is not None)

    # ------------------------------------------------------------------ lifecycle
    def _sidebar_changed(self, block: Block) -> None:
        display = "" if block.box.children else "none"
        if self.sidebar_box.layout.display != display:
            self.sidebar_box.layout.display = display

    def after_element(self, ctx: RunContext) -> None:
        """Called after each element: mark slow runs and send progress of long ones."""
        now = time.monotonic()
        elapsed = now - ctx.started
        if not ctx.job.running_marked and elapsed > 2 * self.session.config.slow_run:
            ctx.job.set_state_classes(running=True)
        if now - ctx.last_flush > self.session.config.flush_interval:
            ctx.last_flush = now
            self.page.flush()

    def all_scopes(self) -> list[Scope]:
        return [self.root, *self.fragments.values()]

    def close(self) -> None:
        """Stop the app: its timers stop and every model it made is closed."""
        if self.closed:
            return
        self.closed = True
        for scope in self.fragments.values():
            self.session.timers_changed(self, scope, None)
        self.widgets.close_all()
        for scope in list(self.fragments.values()):
            scope.close()
        self.fragments.clear()
        self.page.to_close.clear()
        self.page.dirty_statics.clear()
        self.page.dirty_blocks.clear()
        deferred, self.page.deferred = self.page.deferred, []
        for action in deferred:
            action()
        self.sidebar.close_all(self.page)
        self.root.close()
        for box in (self.sidebar_box, self.frame):
            close_widget(box)
        self.page.pool.close()

    def __repr__(self) -> str:
        return f"<App {self.name!r} id={self.id}{' closed' if self.closed else ''}>"
