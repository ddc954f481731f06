"""The any-widget kind: ``st.widget`` places a given ipywidget and reruns on its changes.

The instance is the value; which of its traits count as changes depends on its class.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params


class AnyWidgetKind(InputKind):
    """``st.widget``: a given ipywidget, kept by identity; its synced traits rerun the app.

    The instance is passed in ``params["widget"]``; the value is the instance itself.
    Subclasses made by `any_widget_kind` set ``value_traits`` per widget class.
    """

    name = "widget"

    def identity(self, params: Params) -> tuple[Any, ...]:
        cls = type(params["widget"])
        return (f"{cls.__module__}.{cls.__qualname__}",)

    def default(self, params: Params) -> Any:
        return params["widget"]

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return params["widget"]

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        return None  # the user owns the widget's traits

    def coerce(self, params: Params, value: Any) -> Any:
        return value

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return widget

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        return None


_IGNORED_TRAITS = {
    "layout",
    "style",
    "description",
    "description_allow_html",
    "tooltip",
    "disabled",
    "tabbable",
    "_dom_classes",
    "_view_count",
    "keys",
    "children",
    "comm",
    "log",
}


def observed_traits(widget: widgets.Widget) -> tuple[str, ...]:
    """The synced traits a frontend changes: ``value`` (or ``index``), else all user traits."""
    names = [
        name
        for name in widget.trait_names(sync=True)
        if not name.startswith("_") and name not in _IGNORED_TRAITS
    ]
    for preferred in ("value", "index"):
        if preferred in names:
            return (preferred,)
    return tuple(sorted(names))


def any_widget_kind(widget: widgets.Widget) -> AnyWidgetKind:
    """The kind for ``widget``: an `AnyWidgetKind` observing the traits a user changes."""
    traits = observed_traits(widget)
    cls = type(f"AnyWidgetKind[{','.join(traits)}]", (AnyWidgetKind,), {"value_traits": traits})
    kind: AnyWidgetKind = cls()
    return kind
