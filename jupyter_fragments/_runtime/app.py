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
from jupyter_fragments._runtime.signals import (
    RerunSignal,
    RunSignal,
    StopSignal,
    SupersededSignal,
)
from jupyter_fragments._state.session_state import differs
from jupyter_fragments._widgets.registry import WidgetRecord, WidgetRegistry
from jupyter_fragments.errors import FragmentsAPIError

if TYPE_CHECKING:
    from jupyter_fragments._runtime.fragment import FragmentFunction
    from jupyter_fragments._runtime.session import Session

_app_ids = itertools.count(1)


class App:
    """One app: a script, the page it draws, and its reruns.

    Made by a ``%%app`` cell or `jupyter_fragments.app`; ``rerun()`` and ``stop()`` act
    on it from Python.
    """

    #: the members meant for users (the rest serves the runtime)
    __api__ = ("rerun", "stop")

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
        self.sidebar_shown = True
        self.widgets = WidgetRegistry(self)
        self.fragments: dict[str, Scope] = {}
        self.pending_full = False
        self.pending_fragments: dict[str, Scope] = {}
        self.pending_callbacks: list[WidgetRecord] = []
        self.forms: dict[str, bool] = {}  # form id -> clear_on_submit
        self.clear_forms: set[str] = set()
        self.running = False
        self._fallback: Any = None
        self.keyed: dict[str, Scope] = {}  # fragment key -> scope
        self.watch_pending: dict[str, set[str]] = {}  # scope id -> keys that asked for it
        self.watch_ran: dict[str, set[str]] = {}  # this burst: scope id -> keys it ran for

    # ---------------------------------------------------------------------- events
    def on_widget_event(self, record: WidgetRecord, *, click: bool = False) -> None:
        """A frontend changed a widget: record the new value and rerun its scope."""
        if self.session.defer_to_main(lambda: self.on_widget_event(record, click=click)):
            return
        if self.closed or not record.alive or self.session.ctx is not None:
            return  # a change made by the kernel itself while a run renders
        if self.session.applying:
            return
        self.event_count += 1
        if record.form is not None and not click:
            # inside a form: held back until the form is submitted
            record.pending_value = record.kind.read(record.widget, record.params)
            record.pending = True
            self._resume()
            return
        if click:
            record.trigger = True
            record.trigger_event = self.event_count
            record.clicks += 1
            if record.submits is not None:
                self._submit_form(record.submits)
        else:
            self._apply_value(record, record.kind.read(record.widget, record.params))
        if record.callback is not None:
            self.pending_callbacks.append(record)
        self.request(record.scope)

    def _apply_value(self, record: WidgetRecord, value: Any) -> None:
        old = record.value
        record.value = value
        record.pending = False
        if record.key is not None:
            self.session.state.sync_from_widget(record.key, value)
            if differs(old, value):
                self.session.trigger_watchers(record.key, source=record.scope)

    def _submit_form(self, form_id: str) -> None:
        """Apply every held-back value of the form at once (their callbacks run first)."""
        for record in self.widgets:
            if record.form == form_id and record.pending:
                self._apply_value(record, record.pending_value)
                if record.callback is not None:
                    self.pending_callbacks.append(record)
        if self.forms.get(form_id):
            self.clear_forms.add(form_id)

    def request(self, scope: Scope) -> None:
        """Ask for a rerun of ``scope`` (the app root for a full rerun) and run it now.

        If a newer event for this app already waits in the kernel's queue, the run is
        left to that event's handler: a burst of events ends in one rerun.
        """
        if self.closed:
            return
        if scope.kind == "app" or not scope.alive:
            self.pending_full = True
        else:
            self.pending_fragments[scope.id] = scope
        self._resume()

    def has_newer_event(self) -> bool:
        """Whether an event for one of this app's inputs waits behind the current one."""
        return self.session.inbox.waiting_for(self._is_input)

    def _is_input(self, model_id: str) -> bool:
        return self.widgets.by_model(model_id) is not None

    def watch_triggered(self, scope: Scope, key: str) -> None:
        """A key ``scope`` watches changed: rerun it, unless that would loop."""
        if scope.id in self.watch_ran:
            keys = sorted(set().union(*self.watch_ran.values(), {key}))
            names = sorted({s.name for s in self.fragments.values() if s.id in self.watch_ran})
            error = FragmentsAPIError(
                f"Fragments {', '.join(names)} trigger each other through the watched "
                f"session-state keys {', '.join(repr(k) for k in keys)}: {scope.name!r} "
                f"was asked to rerun again (by {key!r}) in the same burst, so it was not "
                "rerun. Fix: stop one of them from writing a key the other watches, or "
                "only write when the value really changes."
            )
            scope.body.add(StaticElement([error_output(error)], serial=self.serial))
            scope.error = str(error)
            if self.session.ctx is None:
                self.page.flush()
            return
        self.watch_pending.setdefault(scope.id, set()).add(key)
        self.request(scope)

    def _resume(self) -> None:
        if not (self.pending_full or self.pending_fragments):
            return
        if self.session.ctx is not None and not self.running:
            self._schedule_fallback()  # another app is running: run right after it
            return
        if self.running:
            return
        if self.has_newer_event():
            self._schedule_fallback()
            return
        self.drain()

    def _schedule_fallback(self) -> None:
        """Make sure pending work runs even if the newer event never reaches the app."""
        if self._fallback is not None:
            return
        from jupyter_fragments._runtime.timers import _loop

        def fallback() -> None:
            self._fallback = None
            if not self.closed and not self.running and self.session.ctx is None:
                self._resume()

        self._fallback = _loop().call_later(0.05, fallback)

    def drain(self) -> None:
        """Run what is pending until nothing is; a full rerun absorbs fragment reruns."""
        self.running = True
        try:
            while not self.closed:
                if self.pending_full:
                    self.pending_full = False
                    self.pending_fragments.clear()
                    job = self.root
                elif self.pending_fragments:
                    _, job = next(iter(self.pending_fragments.items()))
                    del self.pending_fragments[job.id]
                    for other in list(self.pending_fragments.values()):
                        if other.is_within(job):
                            del self.pending_fragments[other.id]
                    if not job.alive:
                        continue
                else:
                    break
                asked = self.watch_pending.pop(job.id, None)
                if asked is not None:
                    self.watch_ran.setdefault(job.id, set()).update(asked)
                if not self._job(job):
                    self._requeue(job)
                    self._schedule_fallback()
                    break
        finally:
            self.running = False
            if not (self.pending_full or self.pending_fragments):
                self.watch_ran.clear()

    def _requeue(self, job: Scope) -> None:
        if job is self.root:
            self.pending_full = True
        else:
            self.pending_fragments[job.id] = job

    def start(self) -> None:
        """The first run of the app (from its cell)."""
        self.errors = []
        self.pending_full = True
        self.drain()

    # ------------------------------------------------------------------------ runs
    def _job(self, scope: Scope) -> bool:
        """Run ``scope`` until it ends without asking for another rerun.

        False when a newer event superseded the run (it stays pending).
        """
        job = scope
        limit = self.session.config.max_consecutive_reruns
        for _ in range(limit + 1):
            started_at_event = self.event_count
            try:
                self._run(job)
            except SupersededSignal:
                # a button that already returned True in the stale run spent its click
                self._clear_triggers(started_at_event, requeue=False, seen_in=self.serial)
                return False
            except RerunSignal as signal:
                self._clear_triggers(started_at_event, requeue=False)
                target = signal.target
                job = target if isinstance(target, Scope) and target.alive else self.root
                continue
            self._clear_triggers(started_at_event)
            self._clear_submitted_forms()
            return True
        error = FragmentsAPIError(
            f"st.rerun() restarted {job.name!r} {limit} times in a row. "
            "Fix: make the condition that calls st.rerun() become false, or raise "
            "Fragments.max_consecutive_reruns."
        )
        job.body.add(StaticElement([error_output(error)], serial=self.serial))
        self.page.flush()
        return True

    def _clear_submitted_forms(self) -> None:
        """``clear_on_submit``: after the run that saw the values, reset the form."""
        if not self.clear_forms:
            return
        forms, self.clear_forms = self.clear_forms, set()
        self.session.applying = True
        try:
            for record in self.widgets:
                if record.form in forms and record.kind.value_traits:
                    value = record.kind.coerce(record.params, record.kind.default(record.params))
                    record.kind.write(record.widget, record.params, value)
                    self._apply_value(record, value)
        finally:
            self.session.applying = False

    def _clear_triggers(
        self, up_to_event: int, *, requeue: bool = True, seen_in: int | None = None
    ) -> None:
        """A run saw the clicks: each click of a burst gets a run of its own, none is lost.

        ``seen_in``: only the buttons that returned True in that run (it was cut short).
        """
        for record in self.widgets:
            if seen_in is not None and record.returned_in != seen_in:
                continue
            if record.trigger and record.trigger_event <= up_to_event:
                record.clicks = max(0, record.clicks - 1)
                if not record.clicks:
                    record.trigger = False
                elif requeue:
                    self._requeue(record.scope if record.scope.alive else self.root)

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
        signal: RerunSignal | SupersededSignal | None = None
        interrupted = False
        session.ctx = ctx
        try:
            with session.capture:
                try:
                    self._run_callbacks(job)
                    if job is self.root:
                        self.script()
                    else:
                        assert job.func is not None
                        job.func(*job.args, **job.kwargs)
                except (RerunSignal, SupersededSignal) as rerun:
                    signal = rerun
                except StopSignal:
                    pass
                except KeyboardInterrupt as exc:
                    interrupted = True
                    self.show_error(job, exc, interrupted=True)
                except BaseException as exc:  # noqa: BLE001 - user code: show every error in place
                    self.show_error(job, exc)
                session.flush_figures()
        finally:
            session.ctx = None
            # An interrupted run keeps what it did not reach (widgets, fragments and
            # their timers) as they were shown: only a run that ended may drop them.
            self.page.commit(keep_tails=interrupted)
            if signal is None:
                if not interrupted:
                    self._sweep(job, ctx.serial)
                job.last_duration = time.monotonic() - ctx.started
                job.set_state_classes(running=False, error=job.error is not None)
                self.page.flush()
        if signal is not None:
            raise signal

    def _run_callbacks(self, job: Scope) -> None:
        """``on_change``/``on_click`` callbacks of the events this run answers, first."""
        if not self.pending_callbacks:
            return
        due = [r for r in self.pending_callbacks if job is self.root or r.scope.is_within(job)]
        self.pending_callbacks = [r for r in self.pending_callbacks if r not in due]
        for record in due:
            if record.callback is None:
                continue
            func, args, kwargs = record.callback
            try:
                func(*args, **kwargs)
            except (RerunSignal, StopSignal):
                pass  # as in Streamlit: st.rerun() in a callback is a no-op
            except SupersededSignal:
                raise
            except BaseException as exc:  # noqa: BLE001 - user code: show every error in place
                self.show_error(job, exc)

    def _sweep(self, job: Scope, serial: int) -> None:
        """Close widgets and fragments of ``job`` that this run did not render."""
        for record in self.widgets.sweep(job, serial):
            if record.key is not None:
                self.session.forget_key(record)
        for fid, scope in list(self.fragments.items()):
            if scope is not job and scope.is_within(job) and scope.seen_serial != serial:
                del self.fragments[fid]
                if scope.key is not None and self.keyed.get(scope.key) is scope:
                    del self.keyed[scope.key]
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
        scope.watch = fragment.watch
        if fragment.key is not None:
            if fragment.key in ctx.fragment_keys:
                raise FragmentsAPIError(
                    f"Two fragments have key {fragment.key!r} in this run. Fix: give each "
                    "fragment call its own key (or call a keyed fragment once)."
                )
            ctx.fragment_keys.add(fragment.key)
            scope.key = fragment.key
            self.keyed[fragment.key] = scope
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

    # ------------------------------------------------------------------ public
    def rerun(self) -> None:
        """Rerun the whole app now (from a notebook cell, say).

        Examples
        --------
        >>> dashboard = st.app(my_dashboard)
        >>> dashboard.rerun()
        """
        self.request(self.root)

    def stop(self) -> None:
        """Stop the app: its timers stop and its widgets close (the page goes blank)."""
        self.session.apps.pop(self.key, None)
        self.close()
        self.session.notify()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """Displaying the app shows it (again) in the cell's output."""
        return dict(self.root.output._repr_mimebundle_(**kwargs) or {})

    # ------------------------------------------------------------------ lifecycle
    def _sidebar_changed(self, block: Block) -> None:
        display = "" if block.box.children and self.sidebar_shown else "none"
        if self.sidebar_box.layout.display != display:
            self.sidebar_box.layout.display = display

    def configure_page(self, *, wide: bool, sidebar: bool) -> None:
        """``st.set_page_config``: the main area's width and whether the sidebar shows."""
        width = "" if wide else "46rem"
        if self.main_box.layout.max_width != width:
            self.main_box.layout.max_width = width
        self.sidebar_shown = sidebar
        self._sidebar_changed(self.sidebar)

    def after_element(self, ctx: RunContext) -> None:
        """Called after each element: mark slow runs, send progress, yield to newer events.

        This is the hot path of every element call: it reads the clock, and looks at
        the kernel's queue at most every 2 ms, and only when a message has arrived.
        """
        now = time.monotonic()
        if not ctx.job.running_marked and now - ctx.started > ctx.mark_after:
            ctx.job.set_state_classes(running=True)
        if now - ctx.last_flush > ctx.flush_interval:
            ctx.last_flush = now
            self.page.flush()
        inbox = self.session.inbox
        if inbox.installed and now - ctx.last_poll > 0.002:
            ctx.last_poll = now
            inbox.poll()
            if inbox.arrivals != ctx.arrivals:
                ctx.arrivals = inbox.arrivals
                if self.has_newer_event_queued():
                    raise SupersededSignal()

    def has_newer_event_queued(self) -> bool:
        """`has_newer_event` without polling (the caller just polled)."""
        return self.session.inbox.waiting_for(self._is_input, poll=False)

    def all_scopes(self) -> list[Scope]:
        return [self.root, *self.fragments.values()]

    def close(self) -> None:
        """Stop the app: its timers stop and every model it made is closed."""
        if self.closed:
            return
        self.closed = True
        self.session.timers.stop_app(self)
        if self._fallback is not None:
            self._fallback.cancel()
        self.widgets.close_all()
        for scope in list(self.fragments.values()):
            scope.close()
        self.fragments.clear()
        dropped, self.page.to_close = self.page.to_close, []
        for element in dropped:  # what a run dropped before the next flush would close it
            element.close(self.page)
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
