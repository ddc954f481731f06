"""On/off kinds: ``st.checkbox`` and ``st.toggle`` (a checkbox drawn as a switch)."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params


class CheckboxKind(InputKind):
    name = "checkbox"

    def default(self, params: Params) -> Any:
        return bool(params.get("value", False))

    def coerce(self, params: Params, value: Any) -> Any:
        return bool(value)

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.Checkbox(
            value=bool(value),
            indent=False,
            layout=pool.layout(),
            style=self.style(pool, CheckboxStyle),
            **self.traits(label, params),
        )


class ToggleKind(CheckboxKind):
    name = "toggle"
    extra_classes = ("jf-toggle",)


CHECKBOX = CheckboxKind()
TOGGLE = ToggleKind()
