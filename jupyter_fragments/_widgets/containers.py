"""Container kinds: which tab of ``st.tabs`` is open, whether an ``st.expander`` or an
``st.popover`` is open, as inputs.

With ``on_change="rerun"`` or a callback, Streamlit 1.67 tracks this state like a
widget value (the open tab's label; a bool). The layout widget the container already
is (a ``Tab`` or an ``Accordion``) carries it in ``selected_index``: the kinds never
create a model, they are given the layout's in ``params["widget"]``.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params


class LayoutStateKind(InputKind):
    """The state of a layout widget made by the layout element itself."""

    value_traits = ("selected_index",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        # a new layout model (the container was drawn anew) is a new state
        return (params["widget"].model_id, *params.get("signature", ()))

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        widget: widgets.DOMWidget = params["widget"]
        self.write(widget, params, value)
        return widget

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        return None  # the layout element sets the widget's looks


class TabsKind(LayoutStateKind):
    """``st.tabs``: the value is the label of the open tab."""

    name = "tabs"

    def default(self, params: Params) -> Any:
        return params["default"]

    def coerce(self, params: Params, value: Any) -> Any:
        return value if value in params["labels"] else params["default"]

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        index = widget.selected_index
        labels = params["labels"]
        return labels[index] if isinstance(index, int) and 0 <= index < len(labels) else None

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        labels = list(params["labels"])
        index = labels.index(value) if value in labels else 0
        if widget.selected_index != index:
            widget.selected_index = index


class OpenKind(LayoutStateKind):
    """``st.expander`` / ``st.popover``: the value is whether it is open."""

    def default(self, params: Params) -> Any:
        return bool(params["expanded"])

    def coerce(self, params: Params, value: Any) -> Any:
        return bool(value)

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        return widget.selected_index == 0

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        index = 0 if value else None
        if widget.selected_index != index:
            widget.selected_index = index


class ExpanderKind(OpenKind):
    name = "expander"


class PopoverKind(OpenKind):
    name = "popover"


TABS = TabsKind()
EXPANDER = ExpanderKind()
POPOVER = PopoverKind()
