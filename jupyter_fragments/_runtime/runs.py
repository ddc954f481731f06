"""Running a scope: one run of the app script or of a fragment, and the fragments it calls.

A run builds the scope's blocks, calls user code through `run_user_code` inside the
output capture, then commits the page, closes what it no longer shows and sends the
changes in one flush.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from jupyter_fragments._output.bundles import error_output, markdown_output
from jupyter_fragments._page.blocks import Block, Page, ScopeElement, StaticElement
from jupyter_fragments._runtime.callbacks import Outcome, order_targets, run_callbacks
from jupyter_fragments._runtime.context import AppView, RunContext
from jupyter_fragments._runtime.events import InputEvents
from jupyter_fragments._runtime.outside import OutsideSlots
from jupyter_fragments._runtime.parallel import ParallelFragments
from jupyter_fragments._runtime.runner import Role, run_user_code
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._runtime.session import Session
from jupyter_fragments._runtime.signals import RerunSignal, SupersededSignal
from jupyter_fragments._runtime.stale import StaleWatch
from jupyter_fragments._widgets.registry import WidgetRegistry
from jupyter_fragments.errors import FragmentsAPIError


class JobRunner:
    """Runs one app's scopes and keeps its fragment call sites."""

    def __init__(
        self,
        session: Session,
        view: AppView,
        owner: Any,
        script: Callable[[], Any],
        root: Scope,
        sidebar: Block,
        widgets: WidgetRegistry[Scope],
        events: InputEvents,
        bottom: Block | None = None,
    ) -> None:
        self.session = session
        self.view = view  # what the run's elements see of the app
        self.owner = owner  # the app, as the timers know it
        self.script = script
        self.root = root
        self.page: Page = root.page
        self.sidebar = sidebar
        self.bottom = bottom
        self.widgets = widgets
        self.events = events
        self.serial = 0
        self.errors: list[BaseException] = []
        self.fragments: dict[str, Scope] = {}
        self.stale = StaleWatch(lambda: float(session.config.stale_delay))
        self.outside = OutsideSlots(self.page)
        self.after_run: list[Scope] = []  # fragments named by callbacks, due after this run
        self.parallel = ParallelFragments(session, self.page, self.show_error)

    # ------------------------------------------------------------------- the job
    def job(self, scope: Scope) -> bool:
        """Run ``scope`` until it ends without asking for another rerun.

        False when a newer event superseded the run (what is left stays pending).
        """
        events = self.events
        limit = self.session.config.max_consecutive_reruns
        queue = [scope]
        for _ in range(limit + len(self.fragments) + 1):
            job = queue.pop(0)
            started_at_event = events.count
            try:
                self.run(job)
            except SupersededSignal:
                # a button that already returned True in the stale run spent its click
                events.clear_triggers(started_at_event, requeue=False, seen_in=self.serial)
                for pending in (job, *queue):
                    events.scheduler.requeue(pending)
                return False
            except RerunSignal as signal:
                if signal.targets:  # a callback's st.rerun("<key>"): its clicks replay there
                    known = list(self.fragments.values())
                    queue = order_targets([*signal.targets, *queue], known)
                    if queue:
                        continue
                    job = self.root
                events.clear_triggers(started_at_event, requeue=False)
                target = signal.target
                if isinstance(target, Scope) and target.alive:
                    queue.insert(0, target)
                else:
                    queue = [self.root]
                continue
            if queue or self.after_run:
                queue = order_targets([*queue, *self.after_run], list(self.fragments.values()))
                self.after_run = []
                if queue:
                    continue
            events.clear_triggers(started_at_event)
            events.clear_submitted_forms()
            self.stale.settle([self.root, *self.fragments.values()])
            return True
        error = FragmentsAPIError(
            f"st.rerun() restarted {job.name!r} {limit} times in a row. "
            "Fix: make the condition that calls st.rerun() become false, or raise "
            "Fragments.max_consecutive_reruns."
        )
        job.body.add(StaticElement([error_output(error)], serial=self.serial))
        self.page.flush()
        return True

    def run(self, job: Scope) -> None:
        """One run of ``job``: callbacks, then its code; rerun signals are passed on."""
        session = self.session
        if session.ctx is not None:
            raise FragmentsAPIError(
                "An app was started or rerun while another app was running. "
                "Fix: do not start an app (or call st.app) from inside an app."
            )
        self.events.apply_ignored()
        self.serial += 1
        ctx = RunContext(self.view, job, self.serial, session.config)
        # the scheduler looked at the kernel's queue just before this run: the first
        # look of the run is due a poll interval in, not at its first element
        ctx.last_poll = ctx.started
        if session.config.outside_writes == "redraw":
            ctx.outside = self.outside
            if job is not self.root:
                self.outside.begin_rerun(job)
        self.stale.begin(job)
        job.error = None
        job.seen_serial = ctx.serial
        if job is self.root:
            self.sidebar.begin()
            if self.bottom is not None:
                self.bottom.begin()
        job.body.begin()
        signal: RerunSignal | SupersededSignal | None = None
        interrupted = keep_tails = False
        session.ctx = ctx
        try:
            with session.capture:
                try:
                    keep_tails = self._callbacks(ctx, job)
                    job.runs += 1
                    if job is self.root:
                        run_user_code(Role.SCRIPT, job, self.script, (), {}, self.show_error)
                    else:
                        assert job.func is not None
                        run_user_code(
                            Role.SCRIPT, job, job.func, job.args, job.kwargs, self.show_error
                        )
                    self.parallel.join()
                except (RerunSignal, SupersededSignal) as rerun:
                    signal = rerun
                except KeyboardInterrupt as exc:
                    interrupted = True
                    self.show_error(job, exc, interrupted=True)
                finally:
                    self.parallel.cancel()  # only a run that ended early still has some
                session.flush_figures()
        finally:
            session.ctx = None
            # An interrupted run keeps what it did not reach (widgets, fragments and
            # their timers) as they were shown: only a run that ended may drop them.
            # So does a run that its callbacks replaced before its code started.
            self.page.commit(keep_tails=interrupted or (keep_tails and signal is not None))
            if signal is None:
                if not interrupted:
                    self.sweep(job, ctx.serial)
                job.last_duration = time.monotonic() - ctx.started
                try:
                    self.page.flush()
                finally:  # the mark goes once the new content is on its way
                    self.stale.end(job, error=job.error is not None)
            else:
                self.stale.pause()
        if signal is not None:
            raise signal

    def _callbacks(self, ctx: RunContext, job: Scope) -> bool:
        """Run the interaction's callbacks; raise the rerun they vote for instead of ``job``.

        Returns True (before raising) when they drew nothing, so that the run they
        replace keeps its page as shown.
        """
        callbacks = self.events.take_callbacks(job)
        if not callbacks:
            return False
        votes = run_callbacks(ctx, job, callbacks, self.show_error)
        outcome = votes.outcome(job is self.root)
        if outcome is Outcome.CONTINUE:
            return False
        drew = any(block.building for block in self.page.rebuilding)
        if outcome is Outcome.FULL:
            if job is not self.root:
                raise RerunSignal("app")
            if votes.full and not votes.targets:
                # Streamlit resets the clicks of an interaction whose callback called
                # st.rerun(): the full rerun does not see the button pressed
                self.events.clear_triggers(self.events.count, requeue=False)
            return False
        if drew:  # what the callbacks drew is shown by the interaction's own run, then
            self.after_run.extend(votes.targets)
            return False
        raise RerunSignal("keys", targets=tuple(votes.targets))

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

    def sweep(self, job: Scope, serial: int) -> None:
        """Close widgets and fragments of ``job`` that this run did not render."""
        for record in self.widgets.sweep(job, serial):
            if record.key is not None:
                self.session.binding.forget_key(record)
        for fid, scope in list(self.fragments.items()):
            if scope is not job and scope.is_within(job) and scope.seen_serial != serial:
                del self.fragments[fid]
                scope.run_every = None
                self.session.timers.set(self.owner, scope, None)
                self.page.deferred.append(scope.close)

    # ------------------------------------------------------------------- fragments
    def call_fragment(self, fragment: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """A fragment function called during a run: draw it in its own scope."""
        ctx = self.session.ctx
        assert ctx is not None
        scope = self._fragment_scope(ctx, fragment)
        scope.func = fragment.func
        scope.args = args
        scope.kwargs = kwargs
        ctx.block.add(ScopeElement(scope))
        scope.body.root = ctx.block.root  # a fragment drawn in the sidebar is in the sidebar
        scope.run_every = fragment.run_every
        if ctx.later is None:
            self.session.timers.set(self.owner, scope, fragment.run_every)
        else:  # inside a parallel fragment: timers live on the main thread's loop
            ctx.later.append(
                functools.partial(self.session.timers.set, self.owner, scope, scope.run_every)
            )
        if fragment.parallel and self.parallel.takes(ctx):
            self.parallel.start(ctx, scope, fragment.func, args, kwargs)
            return None
        saved = ctx.scope, ctx.blocks
        ctx.scope, ctx.blocks = scope, [scope.body]
        scope.body.begin()
        scope.runs += 1
        scope.error = None
        started = time.monotonic()
        try:
            return run_user_code(Role.FRAGMENT, scope, fragment.func, args, kwargs, self.show_error)
        finally:
            ctx.scope, ctx.blocks = saved
            scope.last_duration = time.monotonic() - started
            scope.set_state_classes(error=scope.error is not None)

    def _fragment_scope(self, ctx: RunContext, fragment: Any) -> Scope:
        """The scope of this call site of ``fragment`` (made on its first call)."""
        parent = ctx.scope
        ctx.fragment_calls[(parent.id, fragment.ident)] += 1
        count = ctx.fragment_calls[(parent.id, fragment.ident)]
        fid = f"{parent.id}/{fragment.ident}" + (f"#{count}" if count > 1 else "")
        scope = self.fragments.get(fid)
        if scope is None or not scope.alive:
            scope = Scope(self.page, "fragment", fid, fragment.name, parent)
            self.fragments[fid] = scope
        scope.seen_serial = ctx.serial
        scope.watch = fragment.watch
        if fragment.key is not None:
            # a key names one fragment function: its call sites share it, others may not
            named = ctx.fragment_keys.setdefault(fragment.key, fragment.ident)
            if named != fragment.ident:
                raise FragmentsAPIError(
                    f"Two fragment functions have key {fragment.key!r} in this run "
                    f"({named.split(':')[0]} and {fragment.name}). Fix: give each fragment "
                    "function its own key (call sites of one function share its key)."
                )
            scope.key = fragment.key
        return scope
