"""Parallel fragments (``@st.fragment(parallel=True)``): each on a thread of its own during
a full run, joined before the run ends, so that the run's one flush sends them all.

Streamlit 1.67's rules where they fit a kernel: only full runs start threads (a fragment's
own rerun, a timer tick or a callback calls it on the main thread, like any fragment);
the call returns None at once and the fragment's place on the page is its call's; it
may not write into containers made outside it. Where Streamlit depends on timing, the
rules here do not: ``st.stop()`` ends that fragment only, ``st.rerun()`` reruns the app
once every parallel fragment has finished. See docs/streamlit-compatibility.md.
"""

from __future__ import annotations

import contextvars
import math
import threading
import time
from collections.abc import Callable
from typing import Any

from jupyter_fragments._page.blocks import Block, Page
from jupyter_fragments._page.pool import ModelPool, close_widget
from jupyter_fragments._runtime.config import Fragments
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.mainthread import FragmentThread, MainThread
from jupyter_fragments._runtime.runner import ErrorShower, Role, run_user_code
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._runtime.signals import RerunSignal, RunSignal, StopSignal, SupersededSignal
from jupyter_fragments._widgets.registry import WidgetRecord, WidgetRegistry
from jupyter_fragments.errors import DuplicateWidgetError, FragmentsAPIError

#: How often the run's thread, waiting for its parallel fragments, looks for newer events.
POLL = 0.05


class SharedPage(Page):
    """An app's page, which parallel fragments build into while the run's thread does.

    They change it with single dict and list operations, atomic under the GIL; a flush
    walks them, so nothing is sent while parallel fragments build (`held`): the run's
    flush after their join sends everything.
    """

    def __init__(self, pool: ModelPool) -> None:
        super().__init__(pool)
        self.held = False

    def flush(self) -> int:
        if self.held:
            return 0
        return super().flush()


class SharedRegistry(WidgetRegistry[Scope]):
    """An app's widgets, registered from parallel fragments' threads as well.

    Two threads drawing the same identity at once would both find it free; the second
    to register it gets the error a second widget of one identity gets. A new widget is
    counted as drawn by its run as soon as it is registered, so that another thread
    finding it before it is placed sees a duplicate too (``current``: the calling
    thread's run).
    """

    def __init__(self, *args: Any, current: Callable[[], RunContext | None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lock = threading.Lock()
        self._current = current

    def by_key(self, key: str) -> WidgetRecord[Scope] | None:
        # a copy: another thread may register a widget meanwhile
        for record in list(self._by_ident.values()):
            if record.key == key:
                return record
        return None

    def add(self, record: WidgetRecord[Scope]) -> None:
        with self._lock:
            taken = self._by_ident.get(record.ident)
            if taken is None or taken is record:
                ctx = self._current()
                if ctx is not None:
                    record.serial = ctx.serial
                super().add(record)
                return
        close_widget(record.widget, self.page.pool)
        what = f"key {record.key!r}" if record.key is not None else f"label {record.label!r}"
        raise DuplicateWidgetError(
            f"There are multiple {record.kind.name} widgets with the same {what} (drawn by "
            "parallel fragments at the same time). Fix: pass a unique key= to each."
        )


class ParallelContext(RunContext):
    """The run context of one parallel fragment, seen from its own thread.

    It shares the run's serial, job and per-run names (fragment keys, forms), never
    flushes nor looks at the kernel's queue (the run's thread does both), and refuses
    containers made outside the fragment. Once ``cancelled``, the fragment's next
    ``st.*`` call or print ends it.
    """

    def __init__(self, parent: RunContext, scope: Scope, config: Fragments) -> None:
        super().__init__(parent.app, parent.job, parent.serial, config)
        self.home = scope
        self.scope = scope
        self.blocks = [scope.body]
        self.fragment_keys = parent.fragment_keys
        self.forms = parent.forms
        self.forms_with_submit = parent.forms_with_submit
        # never due: the app's after_element then neither flushes nor polls the inbox
        self.flush_interval = math.inf
        self.last_poll = math.inf
        self.later = []
        self.cancelled = False

    @property
    def block(self) -> Block:
        if self.cancelled:
            raise StopSignal()
        block = self.blocks[-1]
        if block.scope.is_within(self.home):
            return block
        raise FragmentsAPIError(
            f"Parallel fragment {self.home.name!r} wrote into a container made outside it "
            "(the sidebar, st.bottom, or a container of the app). A parallel fragment runs "
            "at the same time as the rest of the app, so where its writes would land would "
            "depend on timing (Streamlit 1.67 refuses it too). Fix: create the container "
            "inside the fragment, or drop parallel=True from this fragment."
        )


class _Worker:
    """One parallel fragment of the run and its thread."""

    def __init__(self, ctx: ParallelContext) -> None:
        self.ctx = ctx
        self.ready = threading.Event()  # its thread is registered: it may run user code
        self.done = threading.Event()
        self.rerun: RerunSignal | None = None


class ParallelFragments:
    """The parallel fragments of an app's current full run: started, joined, cancelled."""

    def __init__(self, session: Any, page: Page, show_error: ErrorShower) -> None:
        self.session = session
        self._page = page if isinstance(page, SharedPage) else None
        self.show_error = show_error
        self.workers: list[_Worker] = []
        self.rerun_asked = False
        #: whether an event for the app waits in the kernel's queue (set by the app)
        self.newer_event: Callable[[], bool] = lambda: False

    def takes(self, ctx: RunContext) -> bool:
        """Whether a parallel fragment called now gets a thread: in a full run, called by
        the run's thread (not from inside another parallel fragment or a callback)."""
        return (
            ctx.later is None
            and not ctx.is_fragment_rerun
            and not ctx.in_callback
            and MainThread.is_current()
        )

    def start(
        self,
        ctx: RunContext,
        scope: Scope,
        func: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        """Run ``func`` for ``scope`` on a thread of its own; the call returns at once."""
        scope.body.begin()
        scope.runs += 1
        scope.error = None
        worker = _Worker(ParallelContext(ctx, scope, self.session.config))
        worker.ctx.cancelled = self.rerun_asked
        # the run's context variables (the kernel's parent header among them): the
        # fragment's messages answer the request that caused the run
        context = contextvars.copy_context()
        thread = FragmentThread(
            target=context.run,
            args=(self._work, worker, func, args, kwargs),
            name=f"jupyter-fragments-parallel {scope.name}",
            daemon=True,
        )
        self.workers.append(worker)
        if self._page is not None:
            self._page.held = True
        self.session.threaded()
        thread.start()
        assert thread.ident is not None
        self.session.threads[thread.ident] = worker.ctx
        worker.ready.set()

    def _work(
        self,
        worker: _Worker,
        func: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        """The thread's body: the fragment under the runner's policy, then done."""
        worker.ready.wait()
        scope = worker.ctx.home
        started = time.monotonic()
        try:
            run_user_code(Role.PARALLEL, scope, func, args, kwargs, self.show_error)
        except RerunSignal as signal:
            worker.rerun = signal
            self._stop_others()
        except RunSignal:
            pass  # nothing else is raised on a fragment's thread
        finally:
            scope.last_duration = time.monotonic() - started
            self.session.threads.pop(threading.get_ident(), None)
            worker.done.set()

    def _stop_others(self) -> None:
        """A fragment asked for a rerun: the others' output will not be shown."""
        self.rerun_asked = True
        for other in list(self.workers):
            other.ctx.cancelled = True

    def join(self) -> None:
        """Wait for every parallel fragment of the run (the run's code has ended).

        Raises `SupersededSignal` when a newer event for the app arrives meanwhile (the
        run ends early, as at any element), and a full `RerunSignal` when a fragment
        called ``st.rerun()``.
        """
        workers = self.workers
        if not workers:
            return
        for worker in workers:
            while not worker.done.wait(POLL):
                if self.newer_event():
                    raise SupersededSignal()
        self._finish()
        if any(worker.rerun is not None for worker in workers):
            raise RerunSignal("app")

    def cancel(self) -> None:
        """The run ended early: stop its parallel fragments at their next ``st.*`` call
        or print, wait ``Fragments.parallel_cancel_wait`` seconds for them, and leave
        those still busy behind (their thread runs on; what it draws is dropped)."""
        workers = self.workers
        if not workers:
            return
        for worker in workers:
            worker.ctx.cancelled = True
        deadline = time.monotonic() + float(self.session.config.parallel_cancel_wait)
        try:
            for worker in workers:
                worker.done.wait(max(0.0, deadline - time.monotonic()))
        except KeyboardInterrupt:
            pass  # interrupted again while waiting: wait no longer
        self._finish()

    def _finish(self) -> None:
        """On the run's thread: what the finished fragments left for it to do."""
        workers, self.workers = self.workers, []
        self.rerun_asked = False
        if self._page is not None:
            self._page.held = False
        for worker in workers:
            if not worker.done.is_set():
                continue  # left behind: cancelled, its next st.* call ends it
            later, worker.ctx.later = worker.ctx.later or [], []
            for action in later:
                action()
            scope = worker.ctx.home
            scope.set_state_classes(error=scope.error is not None)
