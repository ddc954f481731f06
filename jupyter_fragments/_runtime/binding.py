"""Widgets bound to session-state keys (``key=``): Streamlit's rules, both directions.

A widget's value is stored under its key; user code that assigns the key moves the
widget (outside runs) or is refused (after the widget was drawn in the same run).
"""

from __future__ import annotations

from typing import Any

from jupyter_fragments._runtime.protocols import Host, LiveApp
from jupyter_fragments._runtime.scope import Scope
from jupyter_fragments._widgets.registry import WidgetRecord
from jupyter_fragments.errors import FragmentsAPIError


class StateBinding:
    """The session state's listener: keeps keyed widgets and their state values in step."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.persisting: dict[str, str] = {}  # key -> persist_state ("page" / "session")

    def persist(self, key: str, mode: str | None) -> None:
        """``persist_state=`` (Streamlit 1.59+): keep the key's value while its widget is
        not rendered, so that the widget gets it back when it returns."""
        if mode is None:
            self.persisting.pop(key, None)
        else:
            self.persisting[key] = mode

    def _apps(self) -> list[LiveApp]:
        return list(self.host.apps.values())

    def record_for_key(self, key: str) -> tuple[LiveApp, WidgetRecord[Scope]] | None:
        """The live widget bound to ``key`` and its app, if any."""
        for app in self._apps():
            record = app.widgets.by_key(key)
            if record is not None:
                return app, record
        return None

    def check_assign(self, key: str) -> None:
        """Streamlit's rule: a widget's key cannot be set after the widget was drawn."""
        ctx = self.host.ctx
        if ctx is None or self.host.applying:
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
        host = self.host
        if changed and not host.applying:
            host.trigger_watchers(key)
        if host.ctx is not None or host.applying:
            return
        found = self.record_for_key(key)
        if found is None or not found[1].alive:
            return
        app, record = found
        coerced = record.kind.coerce(record.params, value)
        host.applying = True
        try:
            record.kind.write(record.widget, record.params, coerced)
        finally:
            host.applying = False
        record.value = coerced
        host.state.sync_from_widget(key, coerced)
        app.request(record.scope)

    def state_deleted(self, key: str) -> None:
        return None

    def forget_key(self, record: WidgetRecord[Scope]) -> None:
        """A keyed widget is gone: its value leaves session state, as in Streamlit (unless
        the widget asked to keep it with ``persist_state=``)."""
        if record.key is None or record.key in self.persisting:
            return
        if self.record_for_key(record.key) is None:
            self.host.state.drop(record.key)
