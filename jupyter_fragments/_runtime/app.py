"""An app: its page, its scopes and widgets, and the parts that run it.

Runs happen on the kernel's main thread, inside the handler of the message that caused
them (the ``%%app`` cell's execute request, or a widget's comm message), so the
kernel's idle for that message comes after the rerun is drawn. The app composes the
parts: `RerunScheduler` (when), `InputEvents` (what an interaction did), `JobRunner`
(running scopes, through the one runner of user code).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._output.bundles import error_output
from jupyter_fragments._page.blocks import Block, Page, StaticElement
from jupyter_fragments._page.pool import ModelPool, close_widget
from jupyter_fragments._runtime.context import RunContext
from jupyter_fragments._runtime.events import InputEvents
from jupyter_fragments._runtime.parallel import SharedPage, SharedRegistry
from jupyter_fragments._runtime.runs import JobRunner
from jupyter_fragments._runtime.scheduler import RerunScheduler
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._runtime.session import Session
from jupyter_fragments._runtime.signals import SupersededSignal
from jupyter_fragments._runtime.timers import event_loop
from jupyter_fragments._widgets.registry import WidgetRegistry
from jupyter_fragments.errors import FragmentsAPIError


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
        app_id: str,
        on_close: Callable[[], None] | None = None,
    ) -> None:
        self.session = session
        self.key = key
        self.name = name
        self.strict = strict
        self.id = app_id
        self.closed = False
        self._on_close = on_close
        self.page: Page = SharedPage(ModelPool())
        self.main_box = widgets.VBox(layout=widgets.Layout(flex="1 1 auto", min_width="0"))
        self.sidebar_box = widgets.VBox(
            layout=widgets.Layout(
                display="none", width="18em", flex="0 0 auto", padding="0 1em 0 0"
            ),
            _dom_classes=("jf-sidebar",),
        )
        # st.bottom: below the main body, in the same column (hidden while empty)
        self.bottom_box = widgets.VBox(
            layout=widgets.Layout(display="none", flex="0 0 auto", min_width="0"),
            _dom_classes=("jf-bottom",),
        )
        self.column = widgets.VBox(
            children=(self.main_box, self.bottom_box),
            layout=widgets.Layout(flex="1 1 auto", min_width="0"),
        )
        self.frame = widgets.HBox(
            children=(self.sidebar_box, self.column), layout=widgets.Layout(width="100%")
        )
        self.root = Scope(
            self.page, "app", self.id, name, None, shown=self.frame, body_box=self.main_box
        )
        self.sidebar = Block(
            self.page, self.sidebar_box, self.root, on_change=self._sidebar_changed, root="sidebar"
        )
        self.sidebar_shown = True
        self.bottom = Block(
            self.page, self.bottom_box, self.root, on_change=self._bottom_changed, root="bottom"
        )
        self.scheduler = RerunScheduler(
            self.root,
            run_job=self._job,
            newer_event=self.has_newer_event,
            busy=lambda: session.ctx is not None,
            loop=event_loop,
        )
        self.widgets: WidgetRegistry[Scope] = SharedRegistry(
            self.page, self._on_widget_event, session.guard.protect, current=lambda: session.ctx
        )
        self.events = InputEvents(session, self.widgets, self.scheduler)
        self.runner = JobRunner(
            session, self, self, script, self.root, self.sidebar, self.widgets, self.events,
            bottom=self.bottom,
        )  # fmt: skip
        self.runner.parallel.newer_event = self.has_newer_event

    # ------------------------------------------------- what the runtime reads
    @property
    def fragments(self) -> dict[str, Scope]:
        return self.runner.fragments

    @property
    def keyed(self) -> dict[str, list[Scope]]:
        """Fragment key -> the live call sites of the fragment function it names."""
        keyed: dict[str, list[Scope]] = {}
        for scope in self.fragments.values():
            if scope.key is not None and scope.alive:
                keyed.setdefault(scope.key, []).append(scope)
        return keyed

    @property
    def forms(self) -> dict[str, bool]:
        return self.events.forms

    @property
    def errors(self) -> list[BaseException]:
        return self.runner.errors

    @property
    def serial(self) -> int:
        return self.runner.serial

    def owns(self, model_id: str) -> bool:
        """Whether ``model_id`` is this app's root, one of its scopes or one of its inputs."""
        if self.root.output.model_id == model_id or self.widgets.by_model(model_id):
            return True
        return any(s.output.model_id == model_id for s in self.fragments.values())

    def all_scopes(self) -> list[Scope]:
        return [self.root, *self.fragments.values()]

    # ------------------------------------------------------------------ events
    def _on_widget_event(self, record: Any, click: bool) -> None:
        self.events.on_widget_event(record, click)

    def request(self, scope: Scope) -> None:
        """Ask for a rerun of ``scope`` (the root: a full rerun) and run it when due."""
        ctx = self.session.ctx
        if ctx is not None and ctx.later is not None:  # from a parallel fragment: after the join
            ctx.later.append(lambda: self.request(scope))
            return
        if self.session.main.defer(lambda: self.request(scope)):
            return
        self.scheduler.request(scope)

    def post_callback(self, func: Callable[..., Any], args: tuple[Any, ...] = ()) -> None:
        """Run ``func`` through the runner, then rerun the app (a dialog's on_dismiss)."""
        self.events.post_callback(func, args, self.root)

    def has_newer_event(self) -> bool:
        """Whether an event for one of this app's inputs waits behind the current one."""
        return self.session.inbox.waiting_for(self._is_input)

    def _is_input(self, model_id: str) -> bool:
        return self.widgets.by_model(model_id) is not None

    def watch_triggered(self, scope: Scope, key: str) -> None:
        """A key ``scope`` watches changed: rerun it, unless that would loop."""
        scheduler = self.scheduler
        if scheduler.watch_requested(scope, key):
            self.request(scope)
            return
        keys = sorted(set().union(*scheduler.watch_ran.values(), {key}))
        names = sorted({s.name for s in self.fragments.values() if s.id in scheduler.watch_ran})
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

    def start(self) -> None:
        """The first run of the app (from its cell)."""
        self.runner.errors.clear()
        self.scheduler.requeue(self.root)
        self.scheduler.drain()

    def _job(self, scope: Scope) -> bool:
        return self.runner.job(scope)

    # ------------------------------------------------------------------- runs
    def call_fragment(self, fragment: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """A fragment function called during a run: draw it in its own scope."""
        return self.runner.call_fragment(fragment, args, kwargs)

    def after_element(self, ctx: RunContext) -> None:
        """Called after each element: send progress, yield to newer events.

        This is the hot path of every element call: it reads the clock, and looks at
        the kernel's queue at most every 2 ms, and only when a message has arrived.
        """
        now = time.monotonic()
        if now - ctx.last_flush > ctx.flush_interval:
            ctx.last_flush = now
            self.page.flush()
        inbox = self.session.inbox
        if inbox.installed and now - ctx.last_poll > 0.002:
            ctx.last_poll = now
            inbox.poll()
            if inbox.arrivals != ctx.arrivals:
                ctx.arrivals = inbox.arrivals
                if inbox.waiting_for(self._is_input, poll=False):
                    raise SupersededSignal()

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
        if self.session.apps.get(self.key) is self:
            del self.session.apps[self.key]
        self.close()
        self.session.notify()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        """Displaying the app shows it (again) in the cell's output."""
        return dict(self.root.output._repr_mimebundle_(**kwargs) or {})

    # ------------------------------------------------------------------ page
    def _sidebar_changed(self, block: Block) -> None:
        display = "" if block.box.children and self.sidebar_shown else "none"
        if self.sidebar_box.layout.display != display:
            self.sidebar_box.layout.display = display

    def _bottom_changed(self, block: Block) -> None:
        display = "" if block.box.children else "none"
        if self.bottom_box.layout.display != display:
            self.bottom_box.layout.display = display

    def configure_page(self, *, wide: bool, sidebar: bool) -> None:
        """``st.set_page_config``: the main area's width and whether the sidebar shows."""
        width = "" if wide else "46rem"
        for box in (self.main_box, self.bottom_box):
            if box.layout.max_width != width:
                box.layout.max_width = width
        self.sidebar_shown = sidebar
        self._sidebar_changed(self.sidebar)

    def close(self) -> None:
        """Stop the app: its timers stop and every model it made is closed."""
        if self.closed:
            return
        self.closed = True
        self.events.closed = True
        self.scheduler.close()
        self.session.timers.stop_app(self)
        self.widgets.close_all()
        for scope in list(self.fragments.values()):
            scope.close()
        self.fragments.clear()
        page = self.page
        dropped, page.to_close = page.to_close, []
        for element in dropped:  # what a run dropped before the next flush would close it
            element.close(page)
        page.dirty_statics.clear()
        page.dirty_blocks.clear()
        deferred, page.deferred = page.deferred, []
        for action in deferred:
            action()
        self.sidebar.close_all(page)
        self.bottom.close_all(page)
        self.root.close()
        for box in (self.sidebar_box, self.bottom_box, self.column, self.frame):
            close_widget(box)
        page.pool.close()
        if self._on_close is not None:
            on_close, self._on_close = self._on_close, None
            on_close()

    def __repr__(self) -> str:
        return f"<App {self.name!r} id={self.id}{' closed' if self.closed else ''}>"
