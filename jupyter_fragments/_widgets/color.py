"""The colour kind: ``st.color_picker``, a hex colour string."""

from __future__ import annotations

import re
from typing import Any

import ipywidgets as widgets

from jupyter_fragments._page.pool import ModelPool
from jupyter_fragments._widgets.base import InputKind, Params

HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")


class ColorKind(InputKind):
    """``st.color_picker``: a hex color string."""

    name = "color_picker"

    def coerce(self, params: Params, value: Any) -> Any:
        if isinstance(value, str) and HEX_COLOR.match(value):
            return value.lower()
        return params["value"]

    def create(self, label: str, params: Params, value: Any, pool: ModelPool) -> widgets.DOMWidget:
        return widgets.ColorPicker(
            value=value,
            concise=False,
            layout=pool.layout(),
            style=self.style(pool),
            **self.traits(label, params),
        )


COLOR_PICKER = ColorKind()
