"""Option kinds: ``st.selectbox``, ``st.radio``, ``st.feedback`` and ``st.multiselect``.

Options can be any Python objects: the models sync only indices and the labels
``format_func`` made, and the options themselves stay in the kernel.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params, index_of


class SelectboxKind(InputKind):
    """``st.selectbox``: any Python objects as options, shown through ``format_func``.

    The model syncs only the selected index; the options stay in the kernel.
    """

    name = "selectbox"
    value_traits = ("index",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (tuple(params["labels"]),)

    def default(self, params: Params) -> Any:
        index = params.get("index", 0)
        options = params["options"]
        return options[index] if index is not None and options else None

    def coerce(self, params: Params, value: Any) -> Any:
        if value is None or index_of(params["options"], value) is not None:
            return value
        return self.default(params)

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["options"] = tuple((text, i) for i, text in enumerate(params["labels"]))
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        traits = self.traits(label, params)
        options = traits.pop("options")
        return widgets.Dropdown(
            options=options,
            index=index_of(params["options"], value),
            layout=pool.layout(),
            style=self.style(pool),
            **traits,
        )

    def update(self, widget: widgets.DOMWidget, label: str, params: Params) -> None:
        index = widget.index
        super().update(widget, label, params)
        if widget.index != index and index is not None and index < len(params["options"]):
            widget.index = index

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        index = widget.index
        options = params["options"]
        return None if index is None or index >= len(options) else options[index]

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        index = None if value is None else index_of(params["options"], value)
        if widget.index != index:
            widget.index = index


class ChoiceKind(SelectboxKind):
    """One option out of many, drawn by ``widget_cls`` (radio buttons, a selection slider)."""

    widget_cls: type = widgets.RadioButtons
    style_cls: type | None = None
    is_slider = False

    def initial_index(self, params: Params, value: Any) -> Any:
        return index_of(params["options"], value)

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        traits = self.traits(label, params)
        options = traits.pop("options")
        extra = {"continuous_update": False} if self.is_slider else {}
        return self.widget_cls(
            options=options,
            index=self.initial_index(params, value),
            layout=pool.layout(),
            style=self.style(pool, self.style_cls),
            **extra,
            **traits,
        )


class RadioKind(ChoiceKind):
    name = "radio"

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        if params.get("horizontal"):
            traits["_dom_classes"] = (*traits["_dom_classes"], "jf-horizontal")
        return traits


class FeedbackKind(ChoiceKind):
    """``st.feedback``: a row of toggle buttons; the value is the selected index."""

    name = "feedback"
    widget_cls = widgets.ToggleButtons
    style_cls = widgets.ToggleButtonsStyle


class MultiselectKind(InputKind):
    """``st.multiselect``: a list of options, chosen in a SelectMultiple."""

    name = "multiselect"
    value_traits = ("index",)

    def identity(self, params: Params) -> tuple[Any, ...]:
        return (tuple(params["labels"]),)

    def default(self, params: Params) -> Any:
        return list(params["default"])

    def coerce(self, params: Params, value: Any) -> Any:
        options = params["options"]
        chosen = [v for v in (value or []) if index_of(options, v) is not None]
        limit = params.get("max_selections")
        return chosen[:limit] if limit else chosen

    def traits(self, label: str, params: Params) -> dict[str, Any]:
        traits = super().traits(label, params)
        traits["options"] = tuple((text, i) for i, text in enumerate(params["labels"]))
        return traits

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        traits = self.traits(label, params)
        options = traits.pop("options")
        return widgets.SelectMultiple(
            options=options,
            index=self._indices(params, value),
            rows=min(max(len(options), 2), 8),
            layout=pool.layout(),
            style=self.style(pool),
            **traits,
        )

    def _indices(self, params: Params, value: Any) -> tuple[int, ...]:
        found = (index_of(params["options"], v) for v in value)
        return tuple(i for i in found if i is not None)

    def read(self, widget: widgets.DOMWidget, params: Params) -> Any:
        options = params["options"]
        return [options[i] for i in widget.index if i < len(options)]

    def write(self, widget: widgets.DOMWidget, params: Params, value: Any) -> None:
        wanted = self._indices(params, value)
        if tuple(widget.index) != wanted:
            widget.index = wanted


SELECTBOX = SelectboxKind()
RADIO = RadioKind()
FEEDBACK = FeedbackKind()
MULTISELECT = MultiselectKind()
