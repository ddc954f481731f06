"""Widget identity across reruns: one model per identity, kept while it is rendered.

An input's identity is its kind and key, or (without a key) its kind, label and the
parameters its kind calls identifying. The same identity in the next run reuses the
model and updates the rest of its parameters in place; an identity not rendered in a
run of its scope is closed and its state dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import ipywidgets as widgets

from jupyter_fragments._page.blocks import Owner, Page
from jupyter_fragments._page.pool import close_widget

if TYPE_CHECKING:
    from jupyter_fragments._widgets.base import InputKind

Identity = tuple[Any, ...]
Callback = tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any]]
S = TypeVar("S", bound=Owner)


class WidgetRecord(Generic[S]):
    """One input widget of an app and what the runtime knows about it."""

    def __init__(
        self,
        ident: Identity,
        kind: InputKind,
        label: str,
        key: str | None,
        widget: widgets.DOMWidget,
        params: dict[str, Any],
        scope: S,
        value: Any,
    ) -> None:
        self.ident = ident
        self.kind = kind
        self.label = label
        self.key = key
        self.widget = widget
        self.params = params
        self.scope = scope
        self.value = value
        self.serial = 0
        self.trigger = False
        self.trigger_event = 0
        self.clicks = 0  # clicks no run has seen yet (a burst)
        self.returned_in = 0  # the last run in which the button returned True
        self.callback: Callback | None = None
        self.form: str | None = None  # the form holding it back, if any
        self.submits: str | None = None  # for submit buttons: the form they submit
        self.pending = False
        self.pending_value: Any = None
        self.alive = True

    @property
    def model_id(self) -> str:
        return str(self.widget.model_id)

    def __repr__(self) -> str:
        return f"<WidgetRecord {self.kind.name} {self.label!r} key={self.key!r}>"


class WidgetRegistry(Generic[S]):
    """The input widgets of one app, by identity and by model id.

    It knows nothing of apps: frontend events go to ``on_event(record, click)``, and
    every widget it registers is handed to ``protect`` (the frontend-value guard).
    """

    def __init__(
        self,
        page: Page,
        on_event: Callable[[WidgetRecord[S], bool], None],
        protect: Callable[[widgets.Widget, str], None],
    ) -> None:
        self.page = page
        self.on_event = on_event
        self.protect = protect
        self._by_ident: dict[Identity, WidgetRecord[S]] = {}
        self._by_model: dict[str, WidgetRecord[S]] = {}

    def __iter__(self) -> Iterator[WidgetRecord[S]]:
        return iter(list(self._by_ident.values()))

    def __len__(self) -> int:
        return len(self._by_ident)

    def get(self, ident: Identity) -> WidgetRecord[S] | None:
        return self._by_ident.get(ident)

    def by_model(self, model_id: str) -> WidgetRecord[S] | None:
        return self._by_model.get(model_id)

    def by_key(self, key: str) -> WidgetRecord[S] | None:
        for record in self._by_ident.values():
            if record.key == key:
                return record
        return None

    def add(self, record: WidgetRecord[S]) -> None:
        """Register a new widget and route its frontend events to ``on_event``."""
        self._by_ident[record.ident] = record
        self._by_model[record.model_id] = record
        self.protect(record.widget, record.label)
        traits = list(record.kind.value_traits)
        if traits:
            record.widget.observe(lambda change: self.on_event(record, False), names=traits)
        if isinstance(record.widget, widgets.Button):
            record.widget.on_click(lambda _button: self.on_event(record, True))

    def sweep(self, scope: S, serial: int) -> list[WidgetRecord[S]]:
        """Drop the widgets of ``scope`` (and scopes inside it) not rendered in run ``serial``."""
        gone = [
            r
            for r in self._by_ident.values()
            if r.serial != serial and (r.scope.is_within(scope) or not r.scope.alive)
        ]
        for record in gone:
            self.remove(record)
        return gone

    def remove(self, record: WidgetRecord[S]) -> None:
        """Forget a widget; its model is closed at the next flush."""
        self._by_ident.pop(record.ident, None)
        self._by_model.pop(record.model_id, None)
        record.alive = False
        pool = self.page.pool
        self.page.deferred.append(lambda: close_widget(record.widget, pool))

    def close_all(self) -> None:
        """Close every widget now (the app is going away)."""
        for record in list(self._by_ident.values()):
            record.alive = False
            close_widget(record.widget, self.page.pool)
        self._by_ident.clear()
        self._by_model.clear()
