"""What a frontend's interaction does to an app before it reruns: values, clicks, forms
and the callbacks that run first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jupyter_fragments._runtime.callbacks import PendingCallback
from jupyter_fragments._runtime.scheduler import RerunScheduler
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._runtime.session import Session
from jupyter_fragments._state.session_state import differs
from jupyter_fragments._widgets.registry import WidgetRecord, WidgetRegistry

#: ``on_change`` values that are not callbacks (Streamlit 1.67's ``OnChangeMode``)
CHANGE_MODES = ("rerun", "ignore")


def ignore_change(*_args: Any, **_kwargs: Any) -> None:
    """The callback recorded for ``on_change="ignore"``: a change that causes no rerun."""


class InputEvents:
    """Turns one app's widget events into values, clicks, form submits and reruns."""

    def __init__(
        self,
        session: Session,
        widgets: WidgetRegistry[Scope],
        scheduler: RerunScheduler,
    ) -> None:
        self.session = session
        self.widgets = widgets
        self.scheduler = scheduler
        self.count = 0  # events seen so far (a click remembers which one it was)
        self.callbacks: list[PendingCallback] = []
        self.forms: dict[str, bool] = {}  # form id -> clear_on_submit
        self.clear_forms: set[str] = set()
        self.ignored: list[WidgetRecord[Scope]] = []  # on_change="ignore": due next run
        self.closed = False

    def on_widget_event(self, record: WidgetRecord[Scope], click: bool) -> None:
        """A frontend changed a widget: record the new value and rerun its scope."""
        session = self.session
        if session.main.defer(lambda: self.on_widget_event(record, click)):
            return
        if self.closed or not record.alive or session.ctx is not None or session.applying:
            return  # a change made by the kernel itself while a run renders
        self.count += 1
        if record.form is None and _ignores(record):
            # on_change="ignore": the value waits for the next run something else causes
            if not click:
                record.pending_value = record.kind.read(record.widget, record.params)
                record.pending = True
                if record not in self.ignored:
                    self.ignored.append(record)
            return
        if record.form is not None and not click:
            # inside a form: held back until the form is submitted
            record.pending_value = record.kind.read(record.widget, record.params)
            record.pending = True
            self.scheduler.resume()
            return
        if click and record.submits is not None and self._refused(record.submits):
            return  # a field of the form refuses its value (required, validate): not sent
        if click:
            record.trigger = True
            record.trigger_event = self.count
            record.clicks += 1
            self._sync_trigger(record)
            if record.submits is not None:
                self._submit_form(record.submits)
        else:
            self.apply_value(record, record.kind.read(record.widget, record.params))
        self._queue_callback(record)
        self.scheduler.request(record.scope)

    def post_callback(self, func: Callable[..., Any], args: tuple[Any, ...], scope: Scope) -> None:
        """Run ``func`` before the next run of ``scope``, and request that run."""
        if self.session.main.defer(lambda: self.post_callback(func, args, scope)):
            return
        if self.closed:
            return
        self.callbacks.append(PendingCallback(func, args, {}, scope))
        self.scheduler.request(scope)

    def apply_ignored(self) -> None:
        """A run starts: the values of ``on_change="ignore"`` widgets count from now on."""
        records, self.ignored = self.ignored, []
        for record in records:
            if record.alive and record.pending and record.form is None:
                self.apply_value(record, record.pending_value)

    def _queue_callback(self, record: WidgetRecord[Scope]) -> None:
        if record.callback is not None and not _ignores(record):
            func, args, kwargs = record.callback
            self.callbacks.append(PendingCallback(func, args, kwargs, record.scope))

    def apply_value(self, record: WidgetRecord[Scope], value: Any) -> None:
        old = record.value
        record.value = value
        record.pending = False
        if record.key is not None:
            self.session.state.sync_from_widget(record.key, value)
            if differs(old, value):
                self.session.trigger_watchers(record.key, source=record.scope)

    def _sync_trigger(self, record: WidgetRecord[Scope]) -> None:
        """A keyed button's ``st.session_state[key]``: True from its click (its callback
        included) to the end of the run the click caused, False otherwise."""
        if record.key is not None and record.kind.returns_trigger:
            self.session.state.sync_from_widget(record.key, record.trigger)

    def _refused(self, form_id: str) -> bool:
        """Whether a field of the form refuses what it holds; each one says why (a text
        box's ``submit_problem``: Streamlit's ``required`` and ``validate``)."""
        problems = [
            check()
            for record in self.widgets
            if record.form == form_id
            and (check := getattr(record.widget, "submit_problem", None)) is not None
        ]
        return any(problems)

    def _submit_form(self, form_id: str) -> None:
        """Apply every held-back value of the form at once (their callbacks run first)."""
        for record in self.widgets:
            if record.form == form_id and record.pending:
                self.apply_value(record, record.pending_value)
                self._queue_callback(record)
        if self.forms.get(form_id):
            self.clear_forms.add(form_id)

    def take_callbacks(self, job: Scope) -> list[PendingCallback]:
        """The callbacks a run of ``job`` answers (they run before its code)."""
        if not self.callbacks:
            return []
        root = job is self.scheduler.root
        due = [c for c in self.callbacks if root or c.scope.is_within(job)]
        self.callbacks = [c for c in self.callbacks if c not in due]
        return due

    def clear_submitted_forms(self) -> None:
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
                    self.apply_value(record, value)
        finally:
            self.session.applying = False

    def clear_triggers(
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
                    self._sync_trigger(record)
                elif requeue:
                    scope = record.scope if record.scope.alive else self.scheduler.root
                    self.scheduler.requeue(scope)


def _ignores(record: WidgetRecord[Scope]) -> bool:
    return record.callback is not None and record.callback[0] is ignore_change
